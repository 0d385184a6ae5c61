-- 0007: reserved for the skills profile, written in parallel on another
-- branch. This placeholder keeps the migrations numbered without a gap on
-- this branch; the merge replaces it with that branch's 0007 (delete this
-- file then: TestMigrationsAreNumberedInOrder fails while both are there).
SELECT 1;
