-- 0001: the first schema: settings, operators, persons with full-text search,
-- cases, interviews with answers, audit events.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE operators (
	id            INTEGER PRIMARY KEY,
	username      TEXT NOT NULL UNIQUE,
	full_name     TEXT NOT NULL,
	role          TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	active        INTEGER NOT NULL DEFAULT 1,
	created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE persons (
	id                 INTEGER PRIMARY KEY,
	case_code          TEXT NOT NULL UNIQUE,
	code_year          INTEGER NOT NULL,
	code_seq           INTEGER NOT NULL,
	family_name        TEXT NOT NULL,
	given_names        TEXT NOT NULL DEFAULT '',
	own_script_name    TEXT NOT NULL DEFAULT '',
	aliases            TEXT NOT NULL DEFAULT '',  -- one per line
	sex                TEXT NOT NULL DEFAULT '',
	birth_date         TEXT NOT NULL DEFAULT '',  -- YYYY, YYYY-MM or YYYY-MM-DD
	birth_year         INTEGER NOT NULL DEFAULT 0,
	birth_country      TEXT NOT NULL DEFAULT '',
	citizenships       TEXT NOT NULL DEFAULT '',  -- space-separated ISO codes
	languages          TEXT NOT NULL DEFAULT '',  -- space-separated BCP 47 tags
	preferred_language TEXT NOT NULL DEFAULT '',
	phone              TEXT NOT NULL DEFAULT '',
	domicile           TEXT NOT NULL DEFAULT '',
	domicile_informal  INTEGER NOT NULL DEFAULT 0,
	fiscal_code        TEXT NOT NULL DEFAULT '',
	permit_type        TEXT NOT NULL DEFAULT '',
	permit_number      TEXT NOT NULL DEFAULT '',
	permit_expiry      TEXT NOT NULL DEFAULT '',
	permit_status      TEXT NOT NULL DEFAULT '',
	vulnerabilities    TEXT NOT NULL DEFAULT '',  -- one per line
	channel            TEXT NOT NULL DEFAULT '',
	created_at         TEXT NOT NULL,
	updated_at         TEXT NOT NULL,
	UNIQUE (code_year, code_seq)
) STRICT;

CREATE INDEX persons_by_name ON persons (family_name COLLATE NOCASE, given_names COLLATE NOCASE, id);

-- Search-as-you-type over names, own-script name, aliases and case code:
-- case- and accent-insensitive, prefix queries.
CREATE VIRTUAL TABLE persons_fts USING fts5(
	family_name, given_names, own_script_name, aliases, case_code,
	content = 'persons', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER persons_ai AFTER INSERT ON persons BEGIN
	INSERT INTO persons_fts (rowid, family_name, given_names, own_script_name, aliases, case_code)
	VALUES (new.id, new.family_name, new.given_names, new.own_script_name, new.aliases, new.case_code);
END;
CREATE TRIGGER persons_ad AFTER DELETE ON persons BEGIN
	INSERT INTO persons_fts (persons_fts, rowid, family_name, given_names, own_script_name, aliases, case_code)
	VALUES ('delete', old.id, old.family_name, old.given_names, old.own_script_name, old.aliases, old.case_code);
END;
CREATE TRIGGER persons_au AFTER UPDATE ON persons BEGIN
	INSERT INTO persons_fts (persons_fts, rowid, family_name, given_names, own_script_name, aliases, case_code)
	VALUES ('delete', old.id, old.family_name, old.given_names, old.own_script_name, old.aliases, old.case_code);
	INSERT INTO persons_fts (rowid, family_name, given_names, own_script_name, aliases, case_code)
	VALUES (new.id, new.family_name, new.given_names, new.own_script_name, new.aliases, new.case_code);
END;

CREATE TABLE cases (
	id          INTEGER PRIMARY KEY,
	person_id   INTEGER NOT NULL REFERENCES persons (id),
	opened_at   TEXT NOT NULL,
	closed_at   TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL,
	operator_id INTEGER REFERENCES operators (id),
	priority    TEXT NOT NULL
) STRICT;
CREATE INDEX cases_by_person ON cases (person_id);

CREATE TABLE case_team (
	case_id     INTEGER NOT NULL REFERENCES cases (id),
	operator_id INTEGER NOT NULL REFERENCES operators (id),
	PRIMARY KEY (case_id, operator_id)
) STRICT;

CREATE TABLE interviews (
	id                    INTEGER PRIMARY KEY,
	case_id               INTEGER NOT NULL REFERENCES cases (id),
	date                  TEXT NOT NULL,
	kind                  TEXT NOT NULL,
	operator_id           INTEGER REFERENCES operators (id),
	mediator              TEXT NOT NULL DEFAULT '',
	language              TEXT NOT NULL DEFAULT '',
	questionnaire_version TEXT NOT NULL DEFAULT '',
	notes                 TEXT NOT NULL DEFAULT '',
	duration_s            INTEGER NOT NULL DEFAULT 0,
	place                 TEXT NOT NULL
) STRICT;
CREATE INDEX interviews_by_case ON interviews (case_id, date);

CREATE TABLE answers (
	interview_id INTEGER NOT NULL REFERENCES interviews (id),
	question_id  TEXT NOT NULL,
	value        TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	PRIMARY KEY (interview_id, question_id)
) STRICT;

CREATE TABLE audit_events (
	id          INTEGER PRIMARY KEY,
	at          TEXT NOT NULL,
	operator_id INTEGER REFERENCES operators (id),
	action      TEXT NOT NULL,
	entity      TEXT NOT NULL,
	entity_id   INTEGER NOT NULL DEFAULT 0,
	detail      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_by_entity ON audit_events (entity, entity_id);

-- The audit trail is append-only.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events BEGIN
	SELECT RAISE(ABORT, 'audit events cannot be changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_events BEGIN
	SELECT RAISE(ABORT, 'audit events cannot be deleted');
END;
