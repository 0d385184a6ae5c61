package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"sportello/model"
)

// Matches is what matching found, ranked: the matches that may be proposed
// (the person's current consent allows sharing their data with the
// employer, model.EmployerProposalAllowed), and apart, ranked the same way,
// those that would first need that consent. Excluded says why a vacancy
// gives none at all: "employer_flagged", "vacancy_held", "vacancy_not_open",
// or "" when it was matched.
type Matches struct {
	Proposable   []model.Match
	NeedsConsent []model.Match
	Excluded     string
}

// The reasons a vacancy is not matched at all.
const (
	ExcludedFlagged = "employer_flagged"
	ExcludedHeld    = "vacancy_held"
	ExcludedNotOpen = "vacancy_not_open"
)

func splitMatches(ms []model.Match) *Matches {
	out := &Matches{}
	for _, m := range ms {
		if m.NeedsConsent {
			out.NeedsConsent = append(out.NeedsConsent, m)
		} else {
			out.Proposable = append(out.Proposable, m)
		}
	}
	return out
}

// matchGrant checks that the bound operator may read what matching reads:
// the skills profile and the work part of a file.
func (d *DB) matchGrant(ctx context.Context, q querier) (*grant, error) {
	g, err := d.grantIn(ctx, q)
	if err != nil {
		return nil, err
	}
	if err := g.need(model.PartSkills, false); err != nil {
		return nil, err
	}
	return g, g.need(model.PartWork, false)
}

// CandidatesFor ranks, for a vacancy, the persons with an open case whose
// file the operator may see (a mediator: only the cases assigned to them),
// from their latest skills profile (model.MatchVacancy). A vacancy of a
// flagged employer, held, or not open gives none, and Excluded says why.
func (d *DB) CandidatesFor(ctx context.Context, vacancyID int64) (out *Matches, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.matchGrant(ctx, tx)
		if err != nil {
			return err
		}
		v, err := scanVacancy(tx.QueryRowContext(ctx, "SELECT "+vacancyColumns+" FROM vacancies WHERE id = ?", vacancyID))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("vacancy", vacancyID)
		}
		if err != nil {
			return err
		}
		flagged, err := employerFlagged(ctx, tx, v.EmployerID)
		switch {
		case err != nil:
			return err
		case flagged:
			out = &Matches{Excluded: ExcludedFlagged}
			return nil
		case v.Held():
			out = &Matches{Excluded: ExcludedHeld}
			return nil
		case v.State != model.VacancyOpen:
			out = &Matches{Excluded: ExcludedNotOpen}
			return nil
		}
		ms, err := d.rankCandidates(ctx, tx, g, v)
		if err != nil {
			return err
		}
		out = splitMatches(ms)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("candidates for vacancy %d: %w", vacancyID, err)
	}
	return out, nil
}

// rankCandidates ranks, for a vacancy of the employer, the candidates the
// grant sees (the cache, see candidateCache), each marked with whether the
// person's current consent allows proposing them to that employer.
func (d *DB) rankCandidates(ctx context.Context, tx *sql.Tx, g *grant, v *model.Vacancy) ([]model.Match, error) {
	consented, err := consentedTo(ctx, tx, v.EmployerID)
	if err != nil {
		return nil, err
	}
	var out []model.Match
	err = d.cands.with(ctx, tx, func(all []model.Candidate) error {
		mine := []int64{v.EmployerID}
		if g.scoped() { // a mediator: a copy of the few they see
			var seen []model.Candidate
			for _, c := range all {
				if ok, err := g.sees(ctx, tx, c.PersonID); err != nil {
					return err
				} else if ok {
					if consented[c.PersonID] {
						c.Consented = mine
					}
					seen = append(seen, c)
				}
			}
			out = model.MatchVacancy(*v, seen)
			return nil
		}
		marked := markConsented(all, consented, mine)
		out = model.MatchVacancy(*v, all)
		for _, i := range marked { // put the cache back as it was
			all[i].Consented = nil
		}
		return nil
	})
	return out, err
}

// markConsented marks, in the cache's list (by person ID), the persons who
// consented, and returns their positions.
func markConsented(all []model.Candidate, consented map[int64]bool, employer []int64) []int {
	var marked []int
	for id := range consented {
		i, found := slices.BinarySearchFunc(all, id, func(c model.Candidate, id int64) int { return cmp.Compare(c.PersonID, id) })
		if found {
			all[i].Consented = employer
			marked = append(marked, i)
		}
	}
	return marked
}

// consentedTo lists the persons whose current consent allows proposing
// them to the employer (model.EmployerProposalAllowed).
func consentedTo(ctx context.Context, tx *sql.Tx, employerID int64) (map[int64]bool, error) {
	history := map[int64][]model.Consent{}
	rows, err := tx.QueryContext(ctx, `SELECT id, person_id, state, date FROM consents
		WHERE employer_id = ? AND purpose = ?`, employerID, string(model.PurposeSharing))
	err = eachRow(rows, err, func(s scanner) error {
		c := model.Consent{Purpose: model.PurposeSharing, EmployerID: employerID}
		var state, date string
		if err := s.Scan(&c.ID, &c.PersonID, &state, &date); err != nil {
			return err
		}
		c.State, c.Date = model.ConsentState(state), parseTime(date)
		history[c.PersonID] = append(history[c.PersonID], c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("consents to share with employer %d: %w", employerID, err)
	}
	out := make(map[int64]bool, len(history))
	for id, h := range history {
		if _, ok := model.EmployerProposalAllowed(h, employerID); ok {
			out[id] = true
		}
	}
	return out, nil
}

// VacanciesFor ranks, for a person with an open case, the open vacancies
// not held of employers not flagged, from the person's latest skills
// profile (model.MatchPerson). It needs reading the person's skills and
// work (a mediator: on an assigned case). A person without an open case or
// without a profile gets none.
func (d *DB) VacanciesFor(ctx context.Context, personID int64) (out *Matches, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onPerson(ctx, tx, model.PartWork, false, personID); err != nil {
			return err
		}
		g, err := d.onPerson(ctx, tx, model.PartSkills, false, personID)
		if err != nil {
			return err
		}
		var place string
		var open bool
		err = tx.QueryRowContext(ctx, `SELECT p.domicile, EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id
			AND `+caseIsOpen+`) FROM persons p WHERE p.id = ? AND p.erased_at = ''`, personID).Scan(&place, &open)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("person", personID)
		}
		if err != nil {
			return err
		}
		out = &Matches{}
		profiles, err := skillsProfilesWhere(ctx, tx, "person_id = ? ORDER BY version DESC LIMIT 1", personID)
		if err != nil || !open || len(profiles) == 0 {
			return err
		}
		history, err := consentsOf(ctx, tx, personID)
		if err != nil {
			return err
		}
		var consented []int64
		for _, c := range history {
			if _, ok := model.EmployerProposalAllowed(history, c.EmployerID); ok && c.EmployerID != 0 &&
				!slices.Contains(consented, c.EmployerID) {
				consented = append(consented, c.EmployerID)
			}
		}
		employers := map[int64]model.Employer{}
		rows, err := tx.QueryContext(ctx, "SELECT "+employerColumns+employerFrom)
		err = eachRow(rows, err, func(s scanner) error {
			e, err := scanEmployer(s, g)
			if err == nil {
				employers[e.ID] = *e
			}
			return err
		})
		if err != nil {
			return fmt.Errorf("employers: %w", err)
		}
		var vacancies []model.Vacancy
		rows, err = tx.QueryContext(ctx, "SELECT "+vacancyColumns+" FROM vacancies WHERE state = ? ORDER BY id",
			string(model.VacancyOpen))
		err = eachRow(rows, err, func(s scanner) error {
			v, err := scanVacancy(s)
			if err == nil {
				vacancies = append(vacancies, *v)
			}
			return err
		})
		if err != nil {
			return fmt.Errorf("open vacancies: %w", err)
		}
		c := model.CandidateFromProfile(personID, place, open, &profiles[0], consented)
		out = splitMatches(model.MatchPerson(c, vacancies, employers))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("vacancies for person %d: %w", personID, err)
	}
	return out, nil
}
