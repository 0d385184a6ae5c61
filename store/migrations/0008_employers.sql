-- 0008: the work side of the path (issue #15): employers and the flags
-- raised on them, vacancies (with what CheckVacancy found and a
-- coordinator's clearance), the coordinator's updates of the CCNL table,
-- proposals of people to employers, internships with their monthly
-- attendance and allowance, enterprises with their support steps and
-- funding applications. Sharing consents may name an employer.

CREATE TABLE employers (
	id             INTEGER PRIMARY KEY,
	uid            TEXT NOT NULL UNIQUE,
	name           TEXT NOT NULL,
	fiscal_code    TEXT NOT NULL DEFAULT '',
	vat_number     TEXT NOT NULL DEFAULT '',
	ateco          TEXT NOT NULL DEFAULT '',
	address        TEXT NOT NULL DEFAULT '',
	work_address   TEXT NOT NULL DEFAULT '',
	phone          TEXT NOT NULL DEFAULT '',
	email          TEXT NOT NULL DEFAULT '',
	contact_person TEXT NOT NULL DEFAULT '',
	contact_role   TEXT NOT NULL DEFAULT '',
	ccnl           TEXT NOT NULL DEFAULT '',
	ccnl_other     TEXT NOT NULL DEFAULT '',
	quality_net    INTEGER NOT NULL DEFAULT 0,
	ethical_label  TEXT NOT NULL DEFAULT '',
	notes          TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX employers_by_name ON employers (name COLLATE NOCASE, id);
CREATE INDEX employers_by_vat ON employers (vat_number) WHERE vat_number <> '';

-- Each flag raised on an employer, open until it is lifted; at most one open.
CREATE TABLE employer_flags (
	id           INTEGER PRIMARY KEY,
	employer_id  INTEGER NOT NULL REFERENCES employers (id),
	reason       TEXT NOT NULL,
	date         TEXT NOT NULL,               -- YYYY-MM-DD, of the report
	flagged_by   INTEGER REFERENCES operators (id),
	flagged_at   TEXT NOT NULL,
	lifted_at    TEXT NOT NULL DEFAULT '',
	lifted_by    INTEGER REFERENCES operators (id),
	lift_note    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX employer_flags_one_open ON employer_flags (employer_id) WHERE lifted_at = '';

CREATE TABLE vacancies (
	id            INTEGER PRIMARY KEY,
	uid           TEXT NOT NULL UNIQUE,
	employer_id   INTEGER NOT NULL REFERENCES employers (id),
	title         TEXT NOT NULL,
	cp2011        TEXT NOT NULL DEFAULT '',
	isco          TEXT NOT NULL DEFAULT '',
	esco          TEXT NOT NULL DEFAULT '',
	place         TEXT NOT NULL DEFAULT '',
	start         TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD
	end           TEXT NOT NULL DEFAULT '',
	seasonal      INTEGER NOT NULL DEFAULT 0,
	weekly_hours  REAL NOT NULL DEFAULT 0,
	daily_hours   REAL NOT NULL DEFAULT 0,
	days_per_week INTEGER NOT NULL DEFAULT 0,
	contract_type TEXT NOT NULL DEFAULT '',
	pay_cents     INTEGER NOT NULL DEFAULT 0,
	pay_unit      TEXT NOT NULL DEFAULT '',
	ccnl          TEXT NOT NULL DEFAULT '',
	ccnl_level    TEXT NOT NULL DEFAULT '',
	housing       INTEGER NOT NULL DEFAULT 0,
	transport     INTEGER NOT NULL DEFAULT 0,
	languages     TEXT NOT NULL DEFAULT '',   -- space-separated, "it:A2"
	licences      TEXT NOT NULL DEFAULT '',   -- one per line
	posts         INTEGER NOT NULL DEFAULT 1,
	state         TEXT NOT NULL,
	breaches      TEXT NOT NULL DEFAULT '[]', -- JSON of model.Breach, as last checked
	cleared_at    TEXT NOT NULL DEFAULT '',
	cleared_by    INTEGER REFERENCES operators (id),
	clear_note    TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX vacancies_by_employer ON vacancies (employer_id, state);

-- A coordinator's figures for a level of an agreement, over the program's.
CREATE TABLE ccnl_levels (
	ccnl       TEXT NOT NULL,
	level      TEXT NOT NULL,
	label      TEXT NOT NULL DEFAULT '',
	min_cents  INTEGER NOT NULL,
	valid_from TEXT NOT NULL,                -- YYYY-MM-DD
	source     TEXT NOT NULL,
	updated_by INTEGER REFERENCES operators (id),
	updated_at TEXT NOT NULL,
	PRIMARY KEY (ccnl, level)
) STRICT;

ALTER TABLE consents ADD COLUMN employer_id INTEGER REFERENCES employers (id); -- the recipient, for sharing with an employer

-- Consents stay append-only (0006), the employer they name included.
DROP TRIGGER consents_no_update;
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents WHEN NOT (
	new.id = old.id AND new.uid = old.uid AND new.person_id = old.person_id AND new.purpose = old.purpose
	AND new.service_id IS old.service_id AND new.employer_id IS old.employer_id
	AND new.notice_version = old.notice_version AND new.language = old.language
	AND new.mediator = old.mediator AND new.state = old.state AND new.date = old.date AND new.recorded_by IS old.recorded_by
	AND new.scan IS NULL AND new.scan_name = ''
	AND (SELECT erased_at FROM persons WHERE id = old.person_id) <> '') BEGIN
	SELECT RAISE(ABORT, 'consents cannot be changed');
END;

CREATE TABLE proposals (
	id           INTEGER PRIMARY KEY,
	uid          TEXT NOT NULL UNIQUE,
	case_id      INTEGER NOT NULL REFERENCES cases (id),
	employer_id  INTEGER NOT NULL REFERENCES employers (id),
	vacancy_id   INTEGER REFERENCES vacancies (id),
	consent_id   INTEGER REFERENCES consents (id),
	state        TEXT NOT NULL,
	proposed_at  TEXT NOT NULL,
	interview_at TEXT NOT NULL DEFAULT '',
	decided_at   TEXT NOT NULL DEFAULT '',
	reason       TEXT NOT NULL DEFAULT '',
	outcome      TEXT NOT NULL DEFAULT '',
	contract     TEXT NOT NULL DEFAULT '',
	hired_from   TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD
	weekly_hours REAL NOT NULL DEFAULT 0,
	still_4w     TEXT NOT NULL DEFAULT '',    -- '', 'yes' or 'no'
	still_6m     TEXT NOT NULL DEFAULT '',
	flagged_ok   INTEGER NOT NULL DEFAULT 0,
	created_by   INTEGER REFERENCES operators (id)
) STRICT;
CREATE INDEX proposals_by_case ON proposals (case_id, proposed_at);
CREATE INDEX proposals_hired ON proposals (hired_from) WHERE state = 'hired';

CREATE TABLE internships (
	id              INTEGER PRIMARY KEY,
	uid             TEXT NOT NULL UNIQUE,
	case_id         INTEGER NOT NULL REFERENCES cases (id),
	employer_id     INTEGER NOT NULL REFERENCES employers (id),
	tutor           TEXT NOT NULL,
	desk_tutor      TEXT NOT NULL DEFAULT '',
	start           TEXT NOT NULL,
	end             TEXT NOT NULL,
	weekly_hours    REAL NOT NULL,
	allowance_cents INTEGER NOT NULL DEFAULT 0,
	planned_cents   INTEGER NOT NULL DEFAULT 0,
	outcome         TEXT NOT NULL DEFAULT '',
	outcome_note    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX internships_by_case ON internships (case_id);

CREATE TABLE internship_attendance (
	internship_id INTEGER NOT NULL REFERENCES internships (id),
	month         TEXT NOT NULL,              -- YYYY-MM
	hours         REAL NOT NULL DEFAULT 0,
	paid_cents    INTEGER NOT NULL DEFAULT 0,
	note          TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (internship_id, month)
) STRICT;

CREATE TABLE enterprises (
	id            INTEGER PRIMARY KEY,
	uid           TEXT NOT NULL UNIQUE,
	case_id       INTEGER NOT NULL REFERENCES cases (id),
	idea          TEXT NOT NULL,
	name          TEXT NOT NULL DEFAULT '',
	registered_at TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD
	legal_form    TEXT NOT NULL DEFAULT '',
	ateco         TEXT NOT NULL DEFAULT '',
	vat_number    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX enterprises_by_case ON enterprises (case_id);

CREATE TABLE enterprise_steps (
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
	position      INTEGER NOT NULL,
	what          TEXT NOT NULL,
	date          TEXT NOT NULL DEFAULT '',
	done          INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (enterprise_id, position)
) STRICT;

CREATE TABLE enterprise_funding (
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
	position      INTEGER NOT NULL,
	kind          TEXT NOT NULL,
	body          TEXT NOT NULL DEFAULT '',
	amount_cents  INTEGER NOT NULL DEFAULT 0,
	state         TEXT NOT NULL,
	date          TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (enterprise_id, position)
) STRICT;

-- A record without an ID cannot be exchanged: every insert must bring one.
CREATE TRIGGER employers_need_uid   BEFORE INSERT ON employers   WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'employers need a uid'); END;
CREATE TRIGGER vacancies_need_uid   BEFORE INSERT ON vacancies   WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'vacancies need a uid'); END;
CREATE TRIGGER proposals_need_uid   BEFORE INSERT ON proposals   WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'proposals need a uid'); END;
CREATE TRIGGER internships_need_uid BEFORE INSERT ON internships WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'internships need a uid'); END;
CREATE TRIGGER enterprises_need_uid BEFORE INSERT ON enterprises WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'enterprises need a uid'); END;
