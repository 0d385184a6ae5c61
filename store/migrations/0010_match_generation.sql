-- 0010: the generation of what matching reads (issue #15). Ranking the
-- persons of a regional desk for a vacancy reads every open case's latest
-- skills profile; the store keeps them, made into candidates, in memory
-- between rankings (store/match_cache.go), and this counter, moved by every
-- change that could alter a candidate (a new profile version or an erased
-- one, a domicile, a person erased, a case opened, closed or removed), says
-- when they must be read again. Bundles merged and erasures go through the
-- same tables, so the triggers see them too.

CREATE TABLE match_generation (gen INTEGER NOT NULL) STRICT;
INSERT INTO match_generation (gen) VALUES (1);

CREATE TRIGGER match_gen_profile_insert AFTER INSERT ON skills_profiles BEGIN
	UPDATE match_generation SET gen = gen + 1;
END;
CREATE TRIGGER match_gen_profile_update AFTER UPDATE ON skills_profiles BEGIN
	UPDATE match_generation SET gen = gen + 1;
END;
CREATE TRIGGER match_gen_person_update AFTER UPDATE OF domicile, erased_at ON persons BEGIN
	UPDATE match_generation SET gen = gen + 1;
END;
CREATE TRIGGER match_gen_person_delete AFTER DELETE ON persons BEGIN
	UPDATE match_generation SET gen = gen + 1;
END;
CREATE TRIGGER match_gen_case_insert AFTER INSERT ON cases BEGIN
	UPDATE match_generation SET gen = gen + 1;
END;
CREATE TRIGGER match_gen_case_update AFTER UPDATE OF status, person_id ON cases BEGIN
	UPDATE match_generation SET gen = gen + 1;
END;
CREATE TRIGGER match_gen_case_delete AFTER DELETE ON cases BEGIN
	UPDATE match_generation SET gen = gen + 1;
END;

-- Who consented to be proposed to an employer, read at every ranking.
CREATE INDEX consents_by_employer ON consents (employer_id, purpose) WHERE employer_id IS NOT NULL;
