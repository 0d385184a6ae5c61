-- The files an operator is assigned to, found through indexes (the cases
-- they hold and the teams they are in), for the roles that see only those.
CREATE INDEX cases_by_operator ON cases (operator_id) WHERE operator_id IS NOT NULL;
CREATE INDEX case_team_by_operator ON case_team (operator_id, case_id);

-- Today's overdue referrals: those sent, by the follow-up date.
CREATE INDEX referrals_sent_follow_up ON referrals (follow_up) WHERE status = 'sent' AND follow_up <> '';
