-- 0012: what the programme indicators read, kept as numbers beside the
-- records they come from, so that 100,000 persons' indicators compute
-- without parsing every skills profile's JSON nor joining every answer each
-- time (issue #16, under 1 s). Triggers keep them as records are inserted
-- (by the window, by a bundle, or in a scratch store over regional
-- exports). Skills profile versions are never changed; an erasure empties
-- a body or an answer but leaves these numbers, like the rest of an erased
-- person's anonymous tally (sex, birth year, citizenships), so that the
-- counts of a past period do not change.

-- One row per skills profile version.
CREATE TABLE skills_facts (
	profile_id  INTEGER PRIMARY KEY REFERENCES skills_profiles (id),
	person_id   INTEGER NOT NULL,
	version     INTEGER NOT NULL,
	date        TEXT NOT NULL,    -- the version's date, YYYY-MM-DD
	isced       INTEGER NOT NULL, -- highest completed ISCED level of its education entries, -1 none
	recognition INTEGER NOT NULL, -- 1: the recognition of a qualification was applied for
	italian     INTEGER NOT NULL, -- Italian CEFR level, highest of overall and per skill: A1 1 … C2 6, 0 none
	improved    INTEGER NOT NULL DEFAULT 0 -- 1: Italian above the person's first version's
) STRICT;
CREATE INDEX skills_facts_by_date ON skills_facts (date, person_id, improved);
CREATE INDEX skills_facts_by_person ON skills_facts (person_id, version);
CREATE INDEX skills_facts_recognition ON skills_facts (person_id, date) WHERE recognition;

-- One row per person with a skills profile or a housing answer: what is
-- known at entry (the first profile version) and housing exclusion.
CREATE TABLE person_facts (
	person_id    INTEGER PRIMARY KEY REFERENCES persons (id),
	isced        INTEGER NOT NULL DEFAULT -1, -- of the first version
	italian_base INTEGER NOT NULL DEFAULT 0,  -- Italian level of the first version
	homeless     INTEGER NOT NULL DEFAULT 0   -- an interview answered informal settlement or no home
) STRICT;

CREATE VIEW skills_facts_of AS SELECT sp.id AS profile_id, sp.person_id, sp.version, sp.date,
	coalesce((SELECT max(CAST(json_extract(e.value, '$.ISCED') AS INTEGER))
		FROM json_each(CASE WHEN json_valid(sp.body) THEN sp.body ELSE '{}' END, '$.education') e
		WHERE json_extract(e.value, '$.Completed') AND coalesce(json_extract(e.value, '$.ISCED'), '') <> ''), -1) AS isced,
	EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(sp.body) THEN sp.body ELSE '{}' END, '$.education') e
		WHERE coalesce(json_extract(e.value, '$.Recognition'), '') NOT IN ('', 'none')) AS recognition,
	coalesce((SELECT max(max(
		(instr('|A1|A2|B1|B2|C1|C2|', '|' || upper(coalesce(json_extract(l.value, '$.Overall'), '')) || '|') + 2) / 3,
		coalesce((SELECT max((instr('|A1|A2|B1|B2|C1|C2|', '|' || upper(coalesce(k.value, '')) || '|') + 2) / 3)
			FROM json_each(l.value, '$.Levels') k), 0)))
		FROM json_each(CASE WHEN json_valid(sp.body) THEN sp.body ELSE '{}' END, '$.languages') l
		WHERE json_extract(l.value, '$.Language') = 'it'), 0) AS italian
	FROM skills_profiles sp;

INSERT INTO skills_facts (profile_id, person_id, version, date, isced, recognition, italian) SELECT * FROM skills_facts_of;
INSERT INTO person_facts (person_id, isced, italian_base)
	SELECT person_id, isced, italian FROM skills_facts f
	WHERE version = (SELECT min(version) FROM skills_facts m WHERE m.person_id = f.person_id);
UPDATE skills_facts SET improved = italian > coalesce((SELECT italian_base FROM person_facts pf
	WHERE pf.person_id = skills_facts.person_id), 0);
INSERT INTO person_facts (person_id, homeless)
	SELECT DISTINCT c.person_id, 1 FROM answers a JOIN interviews i ON i.id = a.interview_id JOIN cases c ON c.id = i.case_id
	WHERE a.question_id = 'documents.housing' AND a.value IN ('informal_settlement', 'no_home')
	ON CONFLICT (person_id) DO UPDATE SET homeless = 1;

CREATE TRIGGER skills_facts_insert AFTER INSERT ON skills_profiles BEGIN
	INSERT INTO skills_facts (profile_id, person_id, version, date, isced, recognition, italian)
		SELECT * FROM skills_facts_of WHERE profile_id = new.id;
	INSERT INTO person_facts (person_id, isced, italian_base)
		SELECT person_id, isced, italian FROM skills_facts WHERE person_id = new.person_id ORDER BY version LIMIT 1
		ON CONFLICT (person_id) DO UPDATE SET isced = excluded.isced, italian_base = excluded.italian_base;
	UPDATE skills_facts SET improved = italian > (SELECT italian_base FROM person_facts WHERE person_id = new.person_id)
		WHERE person_id = new.person_id;
END;

CREATE TRIGGER person_facts_housing_i AFTER INSERT ON answers WHEN new.question_id = 'documents.housing' BEGIN
	INSERT INTO person_facts (person_id, homeless)
		SELECT c.person_id, new.value IN ('informal_settlement', 'no_home') FROM interviews i JOIN cases c ON c.id = i.case_id
		WHERE i.id = new.interview_id
		ON CONFLICT (person_id) DO UPDATE SET homeless = excluded.homeless;
END;
CREATE TRIGGER person_facts_housing_u AFTER UPDATE OF value ON answers WHEN new.question_id = 'documents.housing' BEGIN
	INSERT INTO person_facts (person_id, homeless)
		SELECT c.person_id, new.value IN ('informal_settlement', 'no_home') FROM interviews i JOIN cases c ON c.id = i.case_id
		WHERE i.id = new.interview_id
		ON CONFLICT (person_id) DO UPDATE SET homeless = excluded.homeless;
END;

-- The events the indicators count persons by, each found by its date in a
-- covering index rather than by reading every row of its table, and the
-- persons' breakdown data without their wide rows.
CREATE INDEX persons_by_created ON persons (created_at);
CREATE INDEX persons_breakdowns ON persons (sex, birth_date, birth_year, citizenships, domicile_informal, uid, case_code);
CREATE INDEX cases_by_opened ON cases (opened_at, person_id);
CREATE INDEX cases_by_closed ON cases (closed_at, person_id, exit_outcomes) WHERE status = 'closed' AND exit_reason <> '';
CREATE INDEX plans_by_agreed ON plans (agreed_at, case_id) WHERE agreed_at <> '';
CREATE INDEX plan_goals_areas ON plan_goals (plan_id, area);

-- The case-code prefix each other desk registers its persons under, as its
-- bundles say: the indicators of a merged database are filtered by desk
-- through it, and it names the desk in the filter.
ALTER TABLE desks ADD COLUMN case_prefix TEXT NOT NULL DEFAULT '';
