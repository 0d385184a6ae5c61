package store

import (
	"context"
	"time"

	"sportello/model"
)

// FlagRecord is one flag of an employer's history as the exchange carries
// it: raised on a report, and lifted or still open. A lifted flag stays as
// history on every desk.
type FlagRecord struct {
	Reason    string
	Date      time.Time // of the report
	By        int64     // the operator who flagged
	FlaggedAt time.Time
	LiftedAt  time.Time // zero while the flag is open
	LiftedBy  int64
	LiftNote  string
}

// Open tells a flag not lifted.
func (f *FlagRecord) Open() bool { return f.LiftedAt.IsZero() }

// workSnapshot is the work part of a snapshot (issue #15).
type workSnapshot struct {
	Employers   []model.Employer
	Flags       map[int64][]FlagRecord // by employer ID, oldest first
	Vacancies   []model.Vacancy
	Proposals   []model.Proposal
	Internships []model.Internship
	Enterprises []model.Enterprise
}

// readWork reads the work records of an entity into s.
func readWork(ctx context.Context, q querier, s *Snapshot, entity, where string, args []any) error {
	each := func(query string, fn func(sc scanner) error) error {
		rows, err := q.QueryContext(ctx, query, args...)
		return eachRow(rows, err, fn)
	}
	switch entity {
	case "employer":
		err := each("SELECT "+employerColumns+employerFrom+" WHERE "+qualifyID(where, "e")+
			" ORDER BY e.id", func(sc scanner) error {
			e, err := scanEmployer(sc, &grant{system: true})
			if err == nil {
				e.Flag = nil // the history below says it
				s.Employers = append(s.Employers, *e)
			}
			return err
		})
		if err != nil {
			return err
		}
		return readFlags(ctx, q, s, where, args)
	case "vacancy":
		return each("SELECT "+vacancyColumns+" FROM vacancies WHERE "+where+" ORDER BY id", func(sc scanner) error {
			v, err := scanVacancy(sc)
			if err == nil {
				s.Vacancies = append(s.Vacancies, *v)
			}
			return err
		})
	case "proposal":
		return each("SELECT "+proposalColumns+" FROM proposals WHERE "+where+" ORDER BY id", func(sc scanner) error {
			p, err := scanProposal(sc)
			if err == nil {
				s.Proposals = append(s.Proposals, *p)
			}
			return err
		})
	case "internship":
		return readInternships(ctx, q, s, where, args)
	case "enterprise":
		return readEnterprises(ctx, q, s, where, args)
	}
	return nil
}

func readFlags(ctx context.Context, q querier, s *Snapshot, where string, args []any) error {
	s.Flags = map[int64][]FlagRecord{}
	rows, err := q.QueryContext(ctx, `SELECT employer_id, reason, date, coalesce(flagged_by, 0), flagged_at, lifted_at,
		coalesce(lifted_by, 0), lift_note FROM employer_flags WHERE employer_id IN (SELECT id FROM employers WHERE `+
		where+") ORDER BY employer_id, id", args...)
	return eachRow(rows, err, func(sc scanner) error {
		var id int64
		var f FlagRecord
		var date, flagged, lifted string
		if err := sc.Scan(&id, &f.Reason, &date, &f.By, &flagged, &lifted, &f.LiftedBy, &f.LiftNote); err != nil {
			return err
		}
		f.Date, f.FlaggedAt, f.LiftedAt = dayOf(date), parseTime(flagged), parseTime(lifted)
		s.Flags[id] = append(s.Flags[id], f)
		return nil
	})
}

func readInternships(ctx context.Context, q querier, s *Snapshot, where string, args []any) error {
	rows, err := q.QueryContext(ctx, "SELECT "+internshipColumns+" FROM internships WHERE "+where+" ORDER BY id", args...)
	err = eachRow(rows, err, func(sc scanner) error {
		var in model.Internship
		var start, end, outcome string
		err := sc.Scan(&in.ID, &in.UID, &in.CaseID, &in.EmployerID, &in.Tutor, &in.DeskTutor, &start, &end,
			&in.WeeklyHours, &in.AllowanceCents, &in.PlannedCents, &outcome, &in.OutcomeNote)
		in.Start, in.End, in.Outcome = dayOf(start), dayOf(end), model.InternshipOutcome(outcome)
		s.Internships = append(s.Internships, in)
		return err
	})
	if err != nil {
		return err
	}
	for i := range s.Internships {
		in := &s.Internships[i]
		if in.Attendance, err = attendanceOf(ctx, q, in.ID); err != nil {
			return err
		}
		in.PaidCents = in.Paid()
	}
	return nil
}

func readEnterprises(ctx context.Context, q querier, s *Snapshot, where string, args []any) error {
	rows, err := q.QueryContext(ctx, `SELECT id, uid, case_id, idea, name, registered_at, legal_form, ateco, vat_number
		FROM enterprises WHERE `+where+" ORDER BY id", args...)
	err = eachRow(rows, err, func(sc scanner) error {
		var e model.Enterprise
		var registered string
		err := sc.Scan(&e.ID, &e.UID, &e.CaseID, &e.Idea, &e.Name, &registered, &e.LegalForm, &e.Ateco, &e.VATNumber)
		e.RegisteredAt = dayOf(registered)
		s.Enterprises = append(s.Enterprises, e)
		return err
	})
	if err != nil {
		return err
	}
	for i := range s.Enterprises {
		if err := readEnterpriseParts(ctx, q, &s.Enterprises[i]); err != nil {
			return err
		}
	}
	return nil
}
