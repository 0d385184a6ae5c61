-- Today on a regional-size desk: every kind of item found through an index
-- over the dates that make it due, never by reading every person, case,
-- plan or hiring (issue #19). The partial indexes hold only the rows that
-- can ever be listed.
CREATE INDEX persons_permit_due ON persons (permit_expiry)
	WHERE permit_expiry <> '' AND permit_status IN ('valid', 'applied');
CREATE INDEX cases_closed_at ON cases (closed_at) WHERE status = 'closed' AND closed_at <> '';
CREATE INDEX plan_actions_due ON plan_actions (due) WHERE status IN ('planned', 'in_progress') AND due <> '';
CREATE INDEX proposals_checks_due ON proposals (hired_from)
	WHERE state = 'hired' AND hired_from <> '' AND (still_4w = '' OR still_6m = '');

-- A plan's review dates (plans.reviews: partial dates separated by spaces),
-- one row each at the last day it can stand for, kept by triggers.
CREATE TABLE plan_reviews (
	plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
	due     TEXT NOT NULL -- YYYY-MM-DD
) STRICT;
CREATE INDEX plan_reviews_due ON plan_reviews (due, plan_id);
CREATE INDEX plan_reviews_plan ON plan_reviews (plan_id);

CREATE TRIGGER plan_reviews_insert AFTER INSERT ON plans WHEN NEW.reviews <> '' BEGIN
	INSERT INTO plan_reviews (plan_id, due)
	SELECT NEW.id, CASE length(value) WHEN 4 THEN value || '-12-31'
		WHEN 7 THEN date(value || '-01', '+1 month', '-1 day') ELSE value END
	FROM json_each('["' || replace(trim(NEW.reviews), ' ', '","') || '"]') WHERE value <> '';
END;
CREATE TRIGGER plan_reviews_update AFTER UPDATE OF reviews ON plans BEGIN
	DELETE FROM plan_reviews WHERE plan_id = NEW.id;
	INSERT INTO plan_reviews (plan_id, due)
	SELECT NEW.id, CASE length(value) WHEN 4 THEN value || '-12-31'
		WHEN 7 THEN date(value || '-01', '+1 month', '-1 day') ELSE value END
	FROM json_each('["' || replace(trim(NEW.reviews), ' ', '","') || '"]') WHERE value <> '';
END;

INSERT INTO plan_reviews (plan_id, due)
SELECT p.id, CASE length(j.value) WHEN 4 THEN j.value || '-12-31'
	WHEN 7 THEN date(j.value || '-01', '+1 month', '-1 day') ELSE j.value END
FROM plans p, json_each('["' || replace(trim(p.reviews), ' ', '","') || '"]') j
WHERE p.reviews <> '' AND j.value <> '';
