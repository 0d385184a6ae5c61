-- The files an operator is assigned to, found through indexes (the cases
-- they hold and the teams they are in), for the roles that see only those.
CREATE INDEX cases_by_operator ON cases (operator_id) WHERE operator_id IS NOT NULL;
CREATE INDEX case_team_by_operator ON case_team (operator_id, case_id);

-- Today's overdue actions and referrals, in the order of the last day their
-- due date can stand for (the expression of store.lastDaySQL), so that the
-- first of tens of thousands come without sorting them all.
CREATE INDEX plan_actions_last_day ON plan_actions (CASE length(due) WHEN 4 THEN due || '-12-31'
	WHEN 7 THEN date(due || '-01', '+1 month', '-1 day') ELSE due END)
	WHERE status IN ('planned', 'in_progress') AND due <> '';
CREATE INDEX referrals_sent_last_day ON referrals (CASE length(follow_up) WHEN 4 THEN follow_up || '-12-31'
	WHEN 7 THEN date(follow_up || '-01', '+1 month', '-1 day') ELSE follow_up END)
	WHERE status = 'sent' AND follow_up <> '';
