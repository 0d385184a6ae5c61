package store

import (
	"context"
	"database/sql"
	"fmt"
)

// workErasures blank the free text of the work part of an erased person's
// file, keeping what the indicators count: proposals' employers, states,
// dates and hiring data (contract, start, hours, the still-employed
// answers); internships' hosts, dates, hours and allowance, month by month;
// enterprises' legal form, ATECO code, registration date and funding
// applications. The enterprise's idea, name and partita IVA go: a sole
// trader's business names its owner.
var workErasures = []string{
	"UPDATE proposals SET outcome = '' WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p) AND outcome <> ''",
	"UPDATE internships SET outcome_note = '' WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p) AND outcome_note <> ''",
	`UPDATE internship_attendance SET note = '' WHERE internship_id IN (SELECT id FROM internships
		WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p)) AND note <> ''`,
	`UPDATE enterprises SET idea = '', name = '', vat_number = '' WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p)
		AND (idea <> '' OR name <> '' OR vat_number <> '')`,
	`UPDATE enterprise_steps SET what = '' WHERE enterprise_id IN (SELECT id FROM enterprises
		WHERE case_id IN (SELECT id FROM cases WHERE person_id = :p)) AND what <> ''`,
}

// eraseWork runs workErasures for the person inside tx.
func eraseWork(ctx context.Context, tx *sql.Tx, p sql.NamedArg) error {
	for _, s := range workErasures {
		if _, err := tx.ExecContext(ctx, s, p); err != nil {
			return fmt.Errorf("work part: %w", err)
		}
	}
	return nil
}
