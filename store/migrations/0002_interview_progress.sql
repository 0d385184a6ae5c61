-- 0002: interviews taken in the window: saved answer by answer while in
-- progress, resumed where they stopped; the screening computed when they
-- end, with the operator's decision on a referral.

ALTER TABLE interviews ADD COLUMN status TEXT NOT NULL DEFAULT 'completed';
ALTER TABLE interviews ADD COLUMN section INTEGER NOT NULL DEFAULT 0;
CREATE INDEX interviews_in_progress ON interviews (case_id) WHERE status = 'in_progress';

CREATE TABLE screenings (
	interview_id  INTEGER PRIMARY KEY REFERENCES interviews (id),
	computed_at   TEXT NOT NULL,
	result        TEXT NOT NULL,              -- model.Screening as JSON
	trafficking   INTEGER NOT NULL,
	decision      TEXT NOT NULL DEFAULT '',   -- '', 'refer', 'not_now'
	decision_note TEXT NOT NULL DEFAULT '',
	decided_by    INTEGER REFERENCES operators (id),
	decided_at    TEXT NOT NULL DEFAULT ''
) STRICT;
