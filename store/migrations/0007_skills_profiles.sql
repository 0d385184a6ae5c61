-- 0007: skills profiles (bilancio di competenze, issue #14). A person's
-- profile is kept as dated versions that are never overwritten: each save
-- inserts the next version. A version is one JSON document (the model's
-- SkillsProfile without its header): the profile is always read and
-- written whole, its many small lists (languages, education, jobs, skills,
-- licences, certificates, validation) would need ten tables and no query
-- looks inside them, and a document keeps an old version exactly as it was
-- written even when the model later gains fields.

CREATE TABLE skills_profiles (
	id             INTEGER PRIMARY KEY,
	uid            TEXT NOT NULL UNIQUE,
	person_id      INTEGER NOT NULL REFERENCES persons (id),
	version        INTEGER NOT NULL,
	date           TEXT NOT NULL,                         -- YYYY-MM-DD
	author_id      INTEGER REFERENCES operators (id),
	from_interview INTEGER REFERENCES interviews (id),
	created_at     TEXT NOT NULL,
	body           TEXT NOT NULL,                         -- JSON
	UNIQUE (person_id, version)
) STRICT;

-- Versions are never changed nor removed; an erasure empties the body of
-- the versions of a person erased, and nothing else.
CREATE TRIGGER skills_profiles_no_update BEFORE UPDATE ON skills_profiles WHEN NOT (
	new.id = old.id AND new.uid = old.uid AND new.person_id = old.person_id AND new.version = old.version
	AND new.date = old.date AND new.author_id IS old.author_id AND new.from_interview IS old.from_interview
	AND new.created_at = old.created_at AND new.body = '{}'
	AND (SELECT erased_at FROM persons WHERE id = old.person_id) <> '') BEGIN
	SELECT RAISE(ABORT, 'skills profile versions cannot be changed');
END;
CREATE TRIGGER skills_profiles_no_delete BEFORE DELETE ON skills_profiles BEGIN
	SELECT RAISE(ABORT, 'skills profile versions cannot be removed');
END;
CREATE TRIGGER skills_profiles_of_erased BEFORE INSERT ON skills_profiles
	WHEN (SELECT erased_at FROM persons WHERE id = new.person_id) <> '' BEGIN
	SELECT RAISE(ABORT, 'this person was erased');
END;
