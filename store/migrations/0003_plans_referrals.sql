-- 0003: the map of services, individual action plans (versioned, with
-- goals, actions and budget), consents (append-only) and referrals.

CREATE TABLE services (
	id        INTEGER PRIMARY KEY,
	name      TEXT NOT NULL,
	kind      TEXT NOT NULL,
	address   TEXT NOT NULL DEFAULT '',
	phone     TEXT NOT NULL DEFAULT '',
	email     TEXT NOT NULL DEFAULT '',
	hours     TEXT NOT NULL DEFAULT '',
	languages TEXT NOT NULL DEFAULT '',  -- space-separated BCP 47 tags
	area      TEXT NOT NULL DEFAULT '',
	notes     TEXT NOT NULL DEFAULT ''
) STRICT;
-- A name names one service: imports match on it.
CREATE UNIQUE INDEX services_by_name ON services (name COLLATE NOCASE);

-- The one national service that exists everywhere (model.NumeroVerde).
INSERT INTO services (name, kind, phone, hours, area, notes) VALUES ('Numero Verde Antitratta', 'anti_trafficking',
	'800 290 290', '24/7', 'Italia', 'Numero verde nazionale, gratuito, anonimo; in più lingue.');

CREATE TABLE plans (
	id         INTEGER PRIMARY KEY,
	case_id    INTEGER NOT NULL REFERENCES cases (id),
	version    INTEGER NOT NULL,
	status     TEXT NOT NULL,              -- 'draft' or 'agreed'
	reviews    TEXT NOT NULL DEFAULT '',   -- space-separated YYYY-MM-DD
	agreed_at  TEXT NOT NULL DEFAULT '',
	signed_by  TEXT NOT NULL DEFAULT '',
	agreed_by  INTEGER REFERENCES operators (id),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (case_id, version)
) STRICT;
-- At most one draft per case: changes to an agreed plan make one new draft.
CREATE UNIQUE INDEX plans_one_draft ON plans (case_id) WHERE status = 'draft';

CREATE TABLE plan_goals (
	id       INTEGER PRIMARY KEY,
	plan_id  INTEGER NOT NULL REFERENCES plans (id),
	position INTEGER NOT NULL,
	area     TEXT NOT NULL,
	text     TEXT NOT NULL
) STRICT;
CREATE INDEX plan_goals_by_plan ON plan_goals (plan_id, position);

CREATE TABLE plan_actions (
	id          INTEGER PRIMARY KEY,
	goal_id     INTEGER NOT NULL REFERENCES plan_goals (id),
	position    INTEGER NOT NULL,
	what        TEXT NOT NULL,
	operator_id INTEGER REFERENCES operators (id),
	service_id  INTEGER REFERENCES services (id),
	due         TEXT NOT NULL DEFAULT '',  -- YYYY, YYYY-MM or YYYY-MM-DD
	status      TEXT NOT NULL,
	outcome     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX plan_actions_by_goal ON plan_actions (goal_id, position);
CREATE INDEX plan_actions_open ON plan_actions (due) WHERE status IN ('planned', 'in_progress');

CREATE TABLE plan_budget (
	id            INTEGER PRIMARY KEY,
	plan_id       INTEGER NOT NULL REFERENCES plans (id),
	position      INTEGER NOT NULL,
	purpose       TEXT NOT NULL,
	planned_cents INTEGER NOT NULL DEFAULT 0,
	spent_cents   INTEGER NOT NULL DEFAULT 0,
	note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX plan_budget_by_plan ON plan_budget (plan_id, position);

CREATE TABLE consents (
	id             INTEGER PRIMARY KEY,
	person_id      INTEGER NOT NULL REFERENCES persons (id),
	purpose        TEXT NOT NULL,
	service_id     INTEGER REFERENCES services (id),  -- the recipient, for sharing
	notice_version TEXT NOT NULL,
	language       TEXT NOT NULL,
	mediator       TEXT NOT NULL DEFAULT '',
	state          TEXT NOT NULL,
	date           TEXT NOT NULL,
	scan           BLOB,                              -- the signed paper, if kept
	scan_name      TEXT NOT NULL DEFAULT '',
	recorded_by    INTEGER REFERENCES operators (id)
) STRICT;
CREATE INDEX consents_by_person ON consents (person_id, date);

-- Consents are append-only: a withdrawal is a new record, so the history stays.
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents BEGIN
	SELECT RAISE(ABORT, 'consents cannot be changed');
END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents BEGIN
	SELECT RAISE(ABORT, 'consents cannot be deleted');
END;

CREATE TABLE referrals (
	id           INTEGER PRIMARY KEY,
	case_id      INTEGER NOT NULL REFERENCES cases (id),
	service_id   INTEGER NOT NULL REFERENCES services (id),
	reason       TEXT NOT NULL,
	urgency      TEXT NOT NULL,
	consent_id   INTEGER REFERENCES consents (id),
	legal_basis  TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL,
	created      TEXT NOT NULL,
	sent_at      TEXT NOT NULL DEFAULT '',
	answered_at  TEXT NOT NULL DEFAULT '',
	completed_at TEXT NOT NULL DEFAULT '',
	follow_up    TEXT NOT NULL DEFAULT '',  -- YYYY, YYYY-MM or YYYY-MM-DD
	feedback     TEXT NOT NULL DEFAULT '',
	code         TEXT NOT NULL UNIQUE       -- INV-YYYY-NNNNNN
) STRICT;
CREATE INDEX referrals_by_case ON referrals (case_id, created);
CREATE INDEX referrals_open ON referrals (status) WHERE status IN ('draft', 'sent', 'accepted');
