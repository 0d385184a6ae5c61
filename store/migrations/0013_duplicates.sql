-- 0013: one person, one file (issue #17). The blocking keys of the match
-- score (model.DedupKeys), kept by the store whenever a person is written
-- so that the candidates of a registration and the whole-desk list of
-- likely duplicates compare only persons that share a key; the pairs an
-- operator said are not the same person; and the files merged into another,
-- which travel to the other desks.

CREATE TABLE person_keys (
	key       TEXT NOT NULL,
	person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	PRIMARY KEY (key, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_keys_by_person ON person_keys (person_id);

-- Two files an operator said are two persons, by their stable IDs (uid_a <
-- uid_b): never proposed again.
CREATE TABLE not_duplicates (
	uid_a       TEXT NOT NULL,
	uid_b       TEXT NOT NULL,
	operator_id INTEGER REFERENCES operators (id),
	at          TEXT NOT NULL,
	PRIMARY KEY (uid_a, uid_b)
) STRICT, WITHOUT ROWID;

-- A file merged into another: everything of it moved to the file kept and
-- the file removed. Any desk's later record of the merged file lands on the
-- kept one (exchange).
CREATE TABLE person_merges (
	merged_uid TEXT PRIMARY KEY,
	kept_uid   TEXT NOT NULL,
	merged_code TEXT NOT NULL, -- the case code the merged file had
	merged_year INTEGER NOT NULL DEFAULT 0, -- and its numbering slot (persons.code_year, code_seq), never given again
	merged_seq  INTEGER NOT NULL DEFAULT 0,
	at         TEXT NOT NULL
) STRICT;
CREATE INDEX person_merges_by_kept ON person_merges (kept_uid);
CREATE INDEX person_merges_by_code ON person_merges (merged_code, kept_uid);
CREATE INDEX person_merges_by_slot ON person_merges (merged_year, merged_seq);

-- While a merge moves a file's records (a row here), consents and skills
-- profile versions, otherwise never changed, may change person (and the
-- versions their number, after the kept file's own).
CREATE TABLE person_merging (x INTEGER) STRICT;

DROP TRIGGER IF EXISTS consents_no_update;
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents WHEN NOT (
	new.id = old.id AND new.uid = old.uid AND new.purpose = old.purpose
	AND new.service_id IS old.service_id AND new.employer_id IS old.employer_id
	AND new.notice_version = old.notice_version AND new.language = old.language
	AND new.mediator = old.mediator AND new.state = old.state AND new.date = old.date AND new.recorded_by IS old.recorded_by
	AND (new.person_id = old.person_id AND new.scan IS NULL AND new.scan_name = ''
		AND (SELECT erased_at FROM persons WHERE id = old.person_id) <> ''
	OR new.person_id <> old.person_id AND new.scan IS old.scan AND new.scan_name = old.scan_name
		AND EXISTS (SELECT 1 FROM person_merging))) BEGIN
	SELECT RAISE(ABORT, 'consents cannot be changed');
END;

DROP TRIGGER IF EXISTS skills_profiles_no_update;
CREATE TRIGGER skills_profiles_no_update BEFORE UPDATE ON skills_profiles WHEN NOT (
	new.id = old.id AND new.uid = old.uid
	AND new.date = old.date AND new.author_id IS old.author_id AND new.from_interview IS old.from_interview
	AND new.created_at = old.created_at
	AND (new.person_id = old.person_id AND new.version = old.version AND new.body = '{}'
		AND (SELECT erased_at FROM persons WHERE id = old.person_id) <> ''
	OR new.person_id <> old.person_id AND new.body = old.body AND EXISTS (SELECT 1 FROM person_merging))) BEGIN
	SELECT RAISE(ABORT, 'skills profile versions cannot be changed');
END;
