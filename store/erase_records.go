package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"sportello/model"
)

// recordUID is one record of a person's file, by kind and stable ID.
type recordUID struct{ entity, uid string }

// personRecords lists the stable IDs of a person and of every record of
// their file.
const personRecords = `
	SELECT 'person', uid FROM persons WHERE id = :p
	UNION ALL SELECT 'case', uid FROM cases WHERE person_id = :p
	UNION ALL SELECT 'interview', uid FROM interviews WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p)
	UNION ALL SELECT 'plan', uid FROM plans WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p)
	UNION ALL SELECT 'consent', uid FROM consents WHERE person_id = :p
	UNION ALL SELECT 'referral', uid FROM referrals WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p)
	UNION ALL SELECT 'skills_profile', uid FROM skills_profiles WHERE person_id = :p
	UNION ALL SELECT 'proposal', uid FROM proposals WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p)
	UNION ALL SELECT 'internship', uid FROM internships WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p)
	UNION ALL SELECT 'enterprise', uid FROM enterprises WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p)`

// eraseRecords blanks the free text and removes the answers and scans of
// the person's file, keeping what the counts need: cases as they are (dates,
// status, priority, team, exit reason, outcomes and contract, not the
// closure's note); interviews' dates, kinds, places, languages and the
// mediator (a colleague, not the person), with which indicators the
// screening raised but not the answers behind them; plans' areas,
// statuses, due dates and amounts; consents' purposes, states and dates;
// referrals' services, urgency, status, dates and codes; skills profiles'
// versions and dates, not what they say; the work part as workErasures
// says. It gives the
// stable IDs of the file's records.
func eraseRecords(ctx context.Context, tx *sql.Tx, personID int64) ([]recordUID, error) {
	p := sql.Named("p", personID)
	inCases := "(SELECT id FROM cases WHERE person_id = :p)"
	inInterviews := "(SELECT id FROM interviews WHERE case_id IN " + inCases + ")"
	inPlans := "(SELECT id FROM plans WHERE case_id IN " + inCases + ")"
	for _, s := range []string{
		"DELETE FROM answers WHERE interview_id IN " + inInterviews,
		"UPDATE cases SET exit_note = '' WHERE person_id = :p AND exit_note <> ''",
		"UPDATE case_closures SET note = '' WHERE case_id IN " + inCases + " AND note <> ''",
		"UPDATE interviews SET notes = '' WHERE case_id IN " + inCases + " AND notes <> ''",
		"UPDATE screenings SET decision_note = '' WHERE interview_id IN " + inInterviews + " AND decision_note <> ''",
		"UPDATE plans SET signed_by = '' WHERE case_id IN " + inCases + " AND signed_by <> ''",
		"UPDATE plan_goals SET text = '' WHERE plan_id IN " + inPlans + " AND text <> ''",
		"UPDATE plan_actions SET what = '', outcome = '' WHERE goal_id IN (SELECT id FROM plan_goals WHERE plan_id IN " + inPlans + ") AND (what <> '' OR outcome <> '')",
		"UPDATE plan_budget SET note = '' WHERE plan_id IN " + inPlans + " AND note <> ''",
		"UPDATE consents SET scan = NULL, scan_name = '' WHERE person_id = :p AND (scan IS NOT NULL OR scan_name <> '')",
		"UPDATE skills_profiles SET body = '{}' WHERE person_id = :p AND body <> '{}'",
		"UPDATE referrals SET reason = '', feedback = '', legal_basis = '' WHERE case_id IN " + inCases +
			" AND (reason <> '' OR feedback <> '' OR legal_basis <> '')",
	} {
		if _, err := tx.ExecContext(ctx, s, p); err != nil {
			return nil, fmt.Errorf("%s: %w", s[:30], err)
		}
	}
	if err := anonymiseScreenings(ctx, tx, inInterviews, p); err != nil {
		return nil, err
	}
	if err := eraseWork(ctx, tx, p); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, personRecords, p)
	if err != nil {
		return nil, fmt.Errorf("records of the person: %w", err)
	}
	defer rows.Close()
	var out []recordUID
	for rows.Next() {
		var r recordUID
		if err := rows.Scan(&r.entity, &r.uid); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// anonymiseScreenings keeps of each screening the indicators raised, not
// the answers that raised them.
func anonymiseScreenings(ctx context.Context, tx *sql.Tx, inInterviews string, p sql.NamedArg) error {
	rows, err := tx.QueryContext(ctx, "SELECT interview_id, result FROM screenings WHERE interview_id IN "+inInterviews, p)
	if err != nil {
		return fmt.Errorf("screenings: %w", err)
	}
	results := map[int64]string{}
	for rows.Next() {
		var id int64
		var result string
		if err := rows.Scan(&id, &result); err != nil {
			rows.Close()
			return err
		}
		results[id] = result
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for id, result := range results {
		var s model.Screening
		if err := json.Unmarshal([]byte(result), &s); err != nil {
			return fmt.Errorf("screening of interview %d: %w", id, err)
		}
		s.Anonymise()
		b, err := json.Marshal(s)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE screenings SET result = ? WHERE interview_id = ?", string(b), id); err != nil {
			return fmt.Errorf("screening of interview %d: %w", id, err)
		}
	}
	return nil
}

// dropConflicts removes the conflicts, open or settled, about the person's
// records: they keep another desk's version, with its personal values.
func dropConflicts(ctx context.Context, tx *sql.Tx, uids []recordUID) error {
	for _, r := range uids {
		if _, err := tx.ExecContext(ctx, "DELETE FROM conflicts WHERE entity = ? AND uid = ?", r.entity, r.uid); err != nil {
			return fmt.Errorf("conflicts of %s %s: %w", r.entity, r.uid, err)
		}
	}
	return nil
}
