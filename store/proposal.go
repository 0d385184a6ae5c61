package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"sportello/model"
)

const proposalColumns = `id, uid, case_id, employer_id, coalesce(vacancy_id, 0), coalesce(consent_id, 0), state, proposed_at,
	interview_at, decided_at, reason, outcome, contract, hired_from, weekly_hours, still_4w, still_6m, flagged_ok,
	coalesce(created_by, 0)`

// ActionFlaggedEmployer is the audit action of a proposal a coordinator
// made to a flagged employer.
const ActionFlaggedEmployer = "flagged_employer"

// CreateProposal proposes the person of a case to an employer, for one of
// its open vacancies or not; audited. It rests on the person's current
// consent to share their data with that employer (model.
// EmployerSharingAllowed), whose ID it records: without one it is refused
// with model.ErrNoConsent. A vacancy held for breaking the agreement or the
// law is refused until a coordinator clears it; an employer flagged is
// refused unless a coordinator proposes (model.ErrFlagged), and that is
// audited apart. It needs writing the work part of the file.
func (d *DB) CreateProposal(ctx context.Context, p *model.Proposal) error {
	now := d.Now().UTC()
	p.ID, p.UID, p.ConsentID, p.State, p.ProposedAt = 0, "", 0, model.ProposalProposed, now
	p.InterviewAt, p.DecidedAt, p.HiredFrom = time.Time{}, time.Time{}, time.Time{}
	p.Reason, p.Contract, p.WeeklyHours, p.Still4Weeks, p.Still6Months, p.FlaggedOK = "", "", 0, "", "", false
	p.Outcome = strings.TrimSpace(p.Outcome)
	if err := p.Validate(); err != nil {
		return err
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		g, err := d.onCase(ctx, tx, model.PartWork, true, p.CaseID)
		if err != nil {
			return err
		}
		flagged, err := employerFlagged(ctx, tx, p.EmployerID)
		if err != nil {
			return err
		}
		if flagged && !g.coordinates() {
			return &model.Error{Code: model.ErrFlagged, Field: "employer",
				Message: "this employer is flagged: only a coordinator may propose a person to it"}
		}
		if err := vacancyProposable(ctx, tx, p); err != nil {
			return err
		}
		history, err := caseConsents(ctx, tx, p.CaseID)
		if err != nil {
			return err
		}
		c, ok := model.EmployerProposalAllowed(history, p.EmployerID)
		if !ok {
			return &model.Error{Code: model.ErrNoConsent, Field: "consent",
				Message: "no valid consent to share the person's data with this employer"}
		}
		p.ConsentID, p.FlaggedOK, p.CreatedBy, p.UID = c.ID, flagged, g.id, newUID()
		res, err := tx.ExecContext(ctx, `INSERT INTO proposals (uid, case_id, employer_id, vacancy_id, consent_id, state,
			proposed_at, outcome, flagged_ok, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.UID, p.CaseID,
			p.EmployerID, nullID(p.VacancyID), p.ConsentID, string(p.State), formatTime(now), p.Outcome, p.FlaggedOK,
			nullID(g.id))
		if err != nil {
			return err
		}
		p.ID, _ = res.LastInsertId()
		detail := fmt.Sprintf("case %d to employer %d, vacancy %d", p.CaseID, p.EmployerID, p.VacancyID)
		if err := d.audit(ctx, tx, g.id, model.ActionCreate, "proposal", p.ID, detail); err != nil {
			return err
		}
		if flagged {
			return d.audit(ctx, tx, g.id, ActionFlaggedEmployer, "proposal", p.ID, fmt.Sprintf("employer %d", p.EmployerID))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("propose case %d to employer %d: %w", p.CaseID, p.EmployerID, err)
	}
	return nil
}

// vacancyProposable checks that the proposal's vacancy, if any, is the
// employer's, open and not held.
func vacancyProposable(ctx context.Context, q querier, p *model.Proposal) error {
	if p.VacancyID == 0 {
		return nil
	}
	v, err := scanVacancy(q.QueryRowContext(ctx, "SELECT "+vacancyColumns+" FROM vacancies WHERE id = ?", p.VacancyID))
	if errors.Is(err, sql.ErrNoRows) || (err == nil && v.EmployerID != p.EmployerID) {
		return &model.Error{Code: model.ErrNotFound, Field: "vacancy", Message: "no such vacancy of this employer"}
	}
	if err != nil {
		return err
	}
	if v.State != model.VacancyOpen {
		return &model.Error{Code: model.ErrConflict, Field: "vacancy", Message: "this vacancy is not open"}
	}
	if v.Held() {
		return &model.Error{Code: model.ErrFlagged, Field: "vacancy",
			Message: "this vacancy breaks the agreement or the law (" + breachCodes(v.Breaches) + "): a coordinator must clear it first"}
	}
	return nil
}

// ProposalMove is what moving a proposal records: the new state on a date,
// and what that state needs (the reason for not hired, the hiring data).
type ProposalMove struct {
	To          model.ProposalState
	At          time.Time
	Reason      string
	Outcome     string
	Contract    string
	HiredFrom   time.Time
	WeeklyHours float64
}

// MoveProposal takes a proposal to its next state (interview, hired, not
// hired), with what that state needs; audited. A hiring puts the
// still-employed checks on Today, 4 weeks and 6 months after HiredFrom.
func (d *DB) MoveProposal(ctx context.Context, id int64, m ProposalMove) error {
	err := d.update(ctx, func(tx *sql.Tx) error {
		p, g, err := d.proposalToWrite(ctx, tx, id)
		if err != nil {
			return err
		}
		from := p.State
		if o := strings.TrimSpace(m.Outcome); o != "" {
			p.Outcome = o
		}
		if m.To == model.ProposalNotHired {
			p.Reason = m.Reason
		}
		if m.To == model.ProposalHired {
			p.Contract, p.HiredFrom, p.WeeklyHours = m.Contract, m.HiredFrom, m.WeeklyHours
		}
		at := m.At
		if at.IsZero() {
			at = d.Now().UTC()
		}
		if err := p.Move(m.To, at); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE proposals SET state = ?, interview_at = ?, decided_at = ?, reason = ?,
			outcome = ?, contract = ?, hired_from = ?, weekly_hours = ? WHERE id = ?`, string(p.State),
			formatTime(p.InterviewAt), formatTime(p.DecidedAt), p.Reason, p.Outcome, p.Contract, formatDay(p.HiredFrom),
			p.WeeklyHours, id); err != nil {
			return err
		}
		return d.audit(ctx, tx, g.id, "move", "proposal", id, fmt.Sprintf("%s -> %s", from, m.To))
	})
	if err != nil {
		return fmt.Errorf("move proposal %d: %w", id, err)
	}
	return nil
}

// RecordStillEmployed records the answer to a still-employed check
// (model.Check4Weeks or model.Check6Months) of a hiring; audited. The
// check then leaves Today.
func (d *DB) RecordStillEmployed(ctx context.Context, id int64, check string, employed bool) error {
	column := map[string]string{model.Check4Weeks: "still_4w", model.Check6Months: "still_6m"}[check]
	if column == "" {
		return &model.Error{Code: model.ErrInvalid, Field: "check", Message: fmt.Sprintf("unknown check %q", check)}
	}
	answer := map[bool]string{true: "yes", false: "no"}[employed]
	err := d.update(ctx, func(tx *sql.Tx) error {
		p, g, err := d.proposalToWrite(ctx, tx, id)
		if err != nil {
			return err
		}
		if p.State != model.ProposalHired {
			return &model.Error{Code: model.ErrConflict, Field: "state", Message: "only a hiring has still-employed checks"}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE proposals SET "+column+" = ? WHERE id = ?", answer, id); err != nil {
			return err
		}
		return d.audit(ctx, tx, g.id, model.ActionUpdate, "proposal", id, column+" "+answer)
	})
	if err != nil {
		return fmt.Errorf("still employed, proposal %d: %w", id, err)
	}
	return nil
}

// proposalToWrite reads a proposal and checks that the bound operator may
// write the work part of its file.
func (d *DB) proposalToWrite(ctx context.Context, tx *sql.Tx, id int64) (*model.Proposal, *grant, error) {
	p, err := scanProposal(tx.QueryRowContext(ctx, "SELECT "+proposalColumns+" FROM proposals WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, notFound("proposal", id)
	}
	if err != nil {
		return nil, nil, err
	}
	g, err := d.onCase(ctx, tx, model.PartWork, true, p.CaseID)
	return p, g, err
}

// ProposalsOf lists a case's proposals, newest first.
func (d *DB) ProposalsOf(ctx context.Context, caseID int64) (out []model.Proposal, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onCase(ctx, tx, model.PartWork, false, caseID); err != nil {
			return err
		}
		out, err = proposalsOfCase(ctx, tx, caseID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("proposals of case %d: %w", caseID, err)
	}
	return out, nil
}

// proposalsOfCase reads a case's proposals, newest first.
func proposalsOfCase(ctx context.Context, q querier, caseID int64) (out []model.Proposal, err error) {
	rows, err := q.QueryContext(ctx, "SELECT "+proposalColumns+` FROM proposals WHERE case_id = ?
		ORDER BY proposed_at DESC, id DESC`, caseID)
	err = eachRow(rows, err, func(s scanner) error {
		p, err := scanProposal(s)
		if err == nil {
			out = append(out, *p)
		}
		return err
	})
	return out, err
}

func scanProposal(s scanner) (*model.Proposal, error) {
	var p model.Proposal
	var state, proposed, interview, decided, hired string
	if err := s.Scan(&p.ID, &p.UID, &p.CaseID, &p.EmployerID, &p.VacancyID, &p.ConsentID, &state, &proposed, &interview,
		&decided, &p.Reason, &p.Outcome, &p.Contract, &hired, &p.WeeklyHours, &p.Still4Weeks, &p.Still6Months,
		&p.FlaggedOK, &p.CreatedBy); err != nil {
		return nil, err
	}
	p.State, p.HiredFrom = model.ProposalState(state), dayOf(hired)
	p.ProposedAt, p.InterviewAt, p.DecidedAt = parseTime(proposed), parseTime(interview), parseTime(decided)
	return &p, nil
}
