-- 0011: a case closes with its exit data, reopens and passes to another
-- operator (issue #16). The case keeps its standing closure in columns
-- (they travel with the case record through cases_change_u); every
-- closure, reopened or not, stays in case_closures, whose changes mark
-- the case in the change log.
ALTER TABLE cases ADD COLUMN exit_reason   TEXT NOT NULL DEFAULT ''; -- model.ClosingReasons code
ALTER TABLE cases ADD COLUMN exit_outcomes TEXT NOT NULL DEFAULT ''; -- model.ExitOutcomes codes, comma separated, display order
ALTER TABLE cases ADD COLUMN exit_contract TEXT NOT NULL DEFAULT ''; -- model.ContractTypes code when employed
ALTER TABLE cases ADD COLUMN exit_note     TEXT NOT NULL DEFAULT '';

CREATE TABLE case_closures (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES cases (id),
	closed_at   TEXT NOT NULL,
	reason      TEXT NOT NULL,
	outcomes    TEXT NOT NULL DEFAULT '',
	contract    TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	operator_id INTEGER REFERENCES operators (id),
	reopened_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX case_closures_by_case ON case_closures (case_id);

CREATE TRIGGER case_closures_change_i AFTER INSERT ON case_closures WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('case', new.case_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER case_closures_change_u AFTER UPDATE ON case_closures WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('case', new.case_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
