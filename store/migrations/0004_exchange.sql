-- 0004: exchange with the regional system and between desks: a stable ID
-- (uid) on every record that leaves the desk, a change log numbered by a
-- counter (not by the clock, which laptops get wrong), activities, the logs
-- of exports and imports, the other desks' signing keys, what was last
-- exchanged of each record, and conflicts waiting for an operator.

ALTER TABLE operators  ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE services   ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE persons    ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE cases      ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE plans      ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE consents   ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals  ADD COLUMN uid TEXT NOT NULL DEFAULT '';

-- The national Numero Verde has the same ID on every desk.
UPDATE services SET uid = '00000000000000000000000000000001' WHERE name = 'Numero Verde Antitratta';
UPDATE operators  SET uid = lower(hex(randomblob(16))) WHERE uid = '';
UPDATE services   SET uid = lower(hex(randomblob(16))) WHERE uid = '';
UPDATE persons    SET uid = lower(hex(randomblob(16))) WHERE uid = '';
UPDATE cases      SET uid = lower(hex(randomblob(16))) WHERE uid = '';
UPDATE interviews SET uid = lower(hex(randomblob(16))) WHERE uid = '';
UPDATE plans      SET uid = lower(hex(randomblob(16))) WHERE uid = '';
UPDATE referrals  SET uid = lower(hex(randomblob(16))) WHERE uid = '';
-- Consents are append-only: the guard steps aside for this one update.
DROP TRIGGER consents_no_update;
UPDATE consents SET uid = lower(hex(randomblob(16))) WHERE uid = '';
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents BEGIN
	SELECT RAISE(ABORT, 'consents cannot be changed');
END;

CREATE UNIQUE INDEX operators_uid  ON operators (uid);
CREATE UNIQUE INDEX services_uid   ON services (uid);
CREATE UNIQUE INDEX persons_uid    ON persons (uid);
CREATE UNIQUE INDEX cases_uid      ON cases (uid);
CREATE UNIQUE INDEX interviews_uid ON interviews (uid);
CREATE UNIQUE INDEX plans_uid      ON plans (uid);
CREATE UNIQUE INDEX consents_uid   ON consents (uid);
CREATE UNIQUE INDEX referrals_uid  ON referrals (uid);

CREATE TABLE activities (
	id           INTEGER PRIMARY KEY,
	uid          TEXT NOT NULL UNIQUE,
	date         TEXT NOT NULL,              -- YYYY-MM-DD
	kind         TEXT NOT NULL,              -- model.ActivityKind
	participants INTEGER NOT NULL DEFAULT 0,
	place        TEXT NOT NULL DEFAULT '',
	notes        TEXT NOT NULL DEFAULT '',
	operator_id  INTEGER REFERENCES operators (id),
	created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX activities_by_date ON activities (date);

-- A record without an ID cannot be exchanged: every insert must bring one.
CREATE TRIGGER operators_need_uid  BEFORE INSERT ON operators  WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'operators need a uid'); END;
CREATE TRIGGER services_need_uid   BEFORE INSERT ON services   WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'services need a uid'); END;
CREATE TRIGGER persons_need_uid    BEFORE INSERT ON persons    WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'persons need a uid'); END;
CREATE TRIGGER cases_need_uid      BEFORE INSERT ON cases      WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'cases need a uid'); END;
CREATE TRIGGER interviews_need_uid BEFORE INSERT ON interviews WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'interviews need a uid'); END;
CREATE TRIGGER plans_need_uid      BEFORE INSERT ON plans      WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'plans need a uid'); END;
CREATE TRIGGER consents_need_uid   BEFORE INSERT ON consents   WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'consents need a uid'); END;
CREATE TRIGGER referrals_need_uid  BEFORE INSERT ON referrals  WHEN new.uid = '' BEGIN SELECT RAISE(ABORT, 'referrals need a uid'); END;

-- The change log: one row per exchanged record (an interview with its
-- answers and screening, a plan with its goals, actions and budget, a case
-- with its team), renumbered each time it changes.
CREATE TABLE changes (
	entity TEXT NOT NULL,
	row_id INTEGER NOT NULL,
	rev    INTEGER NOT NULL,
	at     TEXT NOT NULL,
	PRIMARY KEY (entity, row_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX changes_by_rev ON changes (rev);
CREATE INDEX changes_by_at ON changes (at);

INSERT INTO changes SELECT 'operator', id, 0, created_at FROM operators;
INSERT INTO changes SELECT 'service', id, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM services;
INSERT INTO changes SELECT 'person', id, 0, updated_at FROM persons;
INSERT INTO changes SELECT 'case', id, 0, opened_at FROM cases;
INSERT INTO changes SELECT 'interview', id, 0, date FROM interviews;
INSERT INTO changes SELECT 'plan', id, 0, updated_at FROM plans;
INSERT INTO changes SELECT 'consent', id, 0, date FROM consents;
INSERT INTO changes SELECT 'referral', id, 0, created FROM referrals;

CREATE TRIGGER operators_change_i AFTER INSERT ON operators BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('operator', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER operators_change_u AFTER UPDATE ON operators BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('operator', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER services_change_i AFTER INSERT ON services BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('service', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER services_change_u AFTER UPDATE ON services BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('service', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER persons_change_i AFTER INSERT ON persons BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('person', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER persons_change_u AFTER UPDATE ON persons BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('person', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER cases_change_i AFTER INSERT ON cases BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('case', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER cases_change_u AFTER UPDATE ON cases BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('case', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER interviews_change_i AFTER INSERT ON interviews BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('interview', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER interviews_change_u AFTER UPDATE ON interviews BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('interview', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plans_change_i AFTER INSERT ON plans BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plans_change_u AFTER UPDATE ON plans BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER consents_change_i AFTER INSERT ON consents BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('consent', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER consents_change_u AFTER UPDATE ON consents BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('consent', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER referrals_change_i AFTER INSERT ON referrals BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('referral', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER referrals_change_u AFTER UPDATE ON referrals BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('referral', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER activities_change_i AFTER INSERT ON activities BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('activity', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER activities_change_u AFTER UPDATE ON activities BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('activity', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
-- Parts of a record mark the record itself, except while a merge writes
-- whole records (it marks them through their own rows).
CREATE TABLE merge_quiet (x INTEGER) STRICT;

-- A bulk merge (thousands of persons) also leaves the search index to one
-- rebuild at its end (x = 2).
DROP TRIGGER persons_ai;
DROP TRIGGER persons_au;
CREATE TRIGGER persons_ai AFTER INSERT ON persons WHEN NOT EXISTS (SELECT 1 FROM merge_quiet WHERE x = 2) BEGIN
	INSERT INTO persons_fts (rowid, family_name, given_names, own_script_name, aliases, case_code)
	VALUES (new.id, new.family_name, new.given_names, new.own_script_name, new.aliases, new.case_code);
END;
CREATE TRIGGER persons_au AFTER UPDATE ON persons WHEN NOT EXISTS (SELECT 1 FROM merge_quiet WHERE x = 2) BEGIN
	INSERT INTO persons_fts (persons_fts, rowid, family_name, given_names, own_script_name, aliases, case_code)
	VALUES ('delete', old.id, old.family_name, old.given_names, old.own_script_name, old.aliases, old.case_code);
	INSERT INTO persons_fts (rowid, family_name, given_names, own_script_name, aliases, case_code)
	VALUES (new.id, new.family_name, new.given_names, new.own_script_name, new.aliases, new.case_code);
END;
CREATE TRIGGER answers_change_i AFTER INSERT ON answers WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('interview', new.interview_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER answers_change_u AFTER UPDATE ON answers WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('interview', new.interview_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER answers_change_d AFTER DELETE ON answers WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('interview', old.interview_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER screenings_change_i AFTER INSERT ON screenings WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('interview', new.interview_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER screenings_change_u AFTER UPDATE ON screenings WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('interview', new.interview_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER screenings_change_d AFTER DELETE ON screenings WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('interview', old.interview_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER case_team_change_i AFTER INSERT ON case_team WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('case', new.case_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER case_team_change_u AFTER UPDATE ON case_team WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('case', new.case_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER case_team_change_d AFTER DELETE ON case_team WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('case', old.case_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plan_goals_change_i AFTER INSERT ON plan_goals WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', new.plan_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plan_goals_change_u AFTER UPDATE ON plan_goals WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', new.plan_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plan_goals_change_d AFTER DELETE ON plan_goals WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', old.plan_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plan_budget_change_i AFTER INSERT ON plan_budget WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', new.plan_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plan_budget_change_u AFTER UPDATE ON plan_budget WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', new.plan_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plan_budget_change_d AFTER DELETE ON plan_budget WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', old.plan_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plan_actions_change_i AFTER INSERT ON plan_actions WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', (SELECT plan_id FROM plan_goals WHERE id = new.goal_id), (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER plan_actions_change_u AFTER UPDATE ON plan_actions WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('plan', (SELECT plan_id FROM plan_goals WHERE id = new.goal_id), (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
-- (an action is deleted only with its goal, which marks the plan)

-- Exports, as the issue asks: when, what, to whom. Append-only.
CREATE TABLE exports (
	id          INTEGER PRIMARY KEY,
	at          TEXT NOT NULL,
	operator_id INTEGER REFERENCES operators (id),
	recipient   TEXT NOT NULL DEFAULT '',  -- age public key, '' when not encrypted
	label       TEXT NOT NULL DEFAULT '',  -- the recipient's name in settings
	format      TEXT NOT NULL,             -- bundle, json, csv, xlsx
	pseudonymised INTEGER NOT NULL,
	since       TEXT NOT NULL DEFAULT '',  -- '' complete; rev:N or a date
	up_to_rev   INTEGER NOT NULL,
	counts      TEXT NOT NULL,             -- JSON {"persons": n, ...}
	file_name   TEXT NOT NULL DEFAULT '',
	sha256      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TRIGGER exports_no_update BEFORE UPDATE ON exports BEGIN SELECT RAISE(ABORT, 'the export log cannot be changed'); END;
CREATE TRIGGER exports_no_delete BEFORE DELETE ON exports BEGIN SELECT RAISE(ABORT, 'the export log cannot be changed'); END;

CREATE TABLE imports (
	id          INTEGER PRIMARY KEY,
	at          TEXT NOT NULL,
	operator_id INTEGER REFERENCES operators (id),
	desk_uid    TEXT NOT NULL,
	desk_name   TEXT NOT NULL,
	bundle_sha  TEXT NOT NULL,
	counts      TEXT NOT NULL,             -- JSON: added, updated, unchanged, kept, conflicts
	file_name   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports BEGIN SELECT RAISE(ABORT, 'the import log cannot be changed'); END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports BEGIN SELECT RAISE(ABORT, 'the import log cannot be changed'); END;

-- The other desks of the association, known by the key their bundles are
-- signed with: trusted at the first import, then held to it.
CREATE TABLE desks (
	uid        TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	public_key TEXT NOT NULL,
	first_seen TEXT NOT NULL,
	last_seen  TEXT NOT NULL
) STRICT;

-- What each record looked like at its last exchange (the hash of its
-- exchange form), to tell a change on one side from a change on both.
CREATE TABLE sync_base (
	entity TEXT NOT NULL,
	uid    TEXT NOT NULL,
	hash   TEXT NOT NULL,
	PRIMARY KEY (entity, uid)
) STRICT, WITHOUT ROWID;

-- Records changed on both sides: the other desk's version waits here until
-- an operator chooses.
CREATE TABLE conflicts (
	id          INTEGER PRIMARY KEY,
	import_id   INTEGER NOT NULL REFERENCES imports (id),
	entity      TEXT NOT NULL,
	uid         TEXT NOT NULL,
	label       TEXT NOT NULL,             -- what an operator recognises: case code, kind
	reason      TEXT NOT NULL DEFAULT '',  -- '' changed on both sides; 'clash' takes another record's place
	local_hash  TEXT NOT NULL,
	theirs      TEXT NOT NULL,             -- the other desk's record, exchange JSON
	theirs_hash TEXT NOT NULL,
	resolved_at TEXT NOT NULL DEFAULT '',
	resolution  TEXT NOT NULL DEFAULT '',  -- 'ours' or 'theirs'
	resolved_by INTEGER REFERENCES operators (id)
) STRICT;
CREATE INDEX conflicts_open ON conflicts (entity, uid) WHERE resolved_at = '';
