package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"sportello/model"
)

const planColumns = `id, uid, case_id, version, status, reviews, agreed_at, signed_by, coalesce(agreed_by, 0),
	created_at, updated_at`

// PlansOf lists every version of a case's action plan, newest first, each
// with its goals, actions and budget in their order.
func (d *DB) PlansOf(ctx context.Context, caseID int64) (out []model.Plan, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onCase(ctx, tx, model.PartPlan, false, caseID); err != nil {
			return err
		}
		out, err = plansWhere(ctx, tx, "case_id = ? ORDER BY version DESC", caseID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("plans of case %d: %w", caseID, err)
	}
	return out, nil
}

// SavePlan validates and saves a draft with its goals, actions, budget and
// review dates, in one transaction, audited. A plan with ID 0 is added as
// the case's next version; a case has at most one draft. Saving an existing
// draft replaces its goals, actions and budget, whose new IDs are set back
// into p. Agreed versions are frozen: saving one is a conflict.
func (d *DB) SavePlan(ctx context.Context, p *model.Plan, by int64) error {
	if p.Status == "" {
		p.Status = model.PlanDraft
	}
	if p.Status != model.PlanDraft {
		return frozenPlan(p.Version)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	now := d.Now().UTC()
	return d.update(ctx, func(tx *sql.Tx) error {
		if p.ID == 0 {
			return d.insertPlan(ctx, tx, p, now, by)
		}
		var caseID int64
		var version int
		var status, created string
		err := tx.QueryRowContext(ctx, "SELECT case_id, version, status, created_at FROM plans WHERE id = ?", p.ID).
			Scan(&caseID, &version, &status, &created)
		if errors.Is(err, sql.ErrNoRows) {
			return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no plan %d", p.ID)}
		}
		if err != nil {
			return err
		}
		if status != string(model.PlanDraft) {
			return frozenPlan(version)
		}
		if caseID != p.CaseID {
			return &model.Error{Code: model.ErrConflict, Field: "case", Message: "a plan cannot move to another case"}
		}
		if _, err := d.onCase(ctx, tx, model.PartPlan, true, caseID); err != nil {
			return err
		}
		p.Version, p.CreatedAt, p.UpdatedAt = version, parseTime(created), now
		if _, err := tx.ExecContext(ctx, "UPDATE plans SET reviews = ?, updated_at = ? WHERE id = ?",
			formatReviews(p.Reviews), formatTime(now), p.ID); err != nil {
			return err
		}
		for _, q := range []string{
			"DELETE FROM plan_actions WHERE goal_id IN (SELECT id FROM plan_goals WHERE plan_id = ?)",
			"DELETE FROM plan_goals WHERE plan_id = ?",
			"DELETE FROM plan_budget WHERE plan_id = ?",
		} {
			if _, err := tx.ExecContext(ctx, q, p.ID); err != nil {
				return err
			}
		}
		if err := insertPlanParts(ctx, tx, p); err != nil {
			return err
		}
		return d.audit(ctx, tx, by, model.ActionUpdate, "plan", p.ID, fmt.Sprintf("version %d", p.Version))
	})
}

// insertPlan adds p as the case's next version, a draft, inside tx, audited.
func (d *DB) insertPlan(ctx context.Context, tx *sql.Tx, p *model.Plan, now time.Time, by int64) error {
	var cases, drafts int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM cases WHERE id = ?", p.CaseID).Scan(&cases); err != nil {
		return err
	}
	if cases == 0 {
		return &model.Error{Code: model.ErrNotFound, Field: "case", Message: fmt.Sprintf("no case %d", p.CaseID)}
	}
	if _, err := d.onCase(ctx, tx, model.PartPlan, true, p.CaseID); err != nil {
		return err
	}
	// The status written in the query, not bound: compared with a
	// parameter, the column of the partial index of a case's one draft
	// makes SQLite plan the query again at every use (Reprepared).
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM plans WHERE case_id = ? AND status = '"+
		string(model.PlanDraft)+"'", p.CaseID).Scan(&drafts); err != nil {
		return err
	}
	if drafts > 0 {
		return &model.Error{Code: model.ErrConflict, Field: "status",
			Message: "the case already has a draft plan: change that one"}
	}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) + 1 FROM plans WHERE case_id = ?",
		p.CaseID).Scan(&p.Version); err != nil {
		return err
	}
	p.Status, p.AgreedAt, p.SignedBy, p.AgreedBy = model.PlanDraft, time.Time{}, "", 0
	p.CreatedAt, p.UpdatedAt = now, now
	p.UID = newUID()
	res, err := tx.ExecContext(ctx, `INSERT INTO plans (uid, case_id, version, status, reviews, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, p.UID, p.CaseID, p.Version, string(p.Status), formatReviews(p.Reviews),
		formatTime(now), formatTime(now))
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	// The plan's insert has logged its change: its parts need not, each.
	if err := unlogged(ctx, tx, func() error { return insertPlanParts(ctx, tx, p) }); err != nil {
		return err
	}
	return d.audit(ctx, tx, by, model.ActionCreate, "plan", p.ID, fmt.Sprintf("version %d", p.Version))
}

// insertPlanParts writes the plan's goals with their actions, and its
// budget, in order, setting their new IDs.
func insertPlanParts(ctx context.Context, tx *sql.Tx, p *model.Plan) error {
	for i := range p.Goals {
		g := &p.Goals[i]
		res, err := tx.ExecContext(ctx, "INSERT INTO plan_goals (plan_id, position, area, text) VALUES (?, ?, ?, ?)",
			p.ID, i, string(g.Area), strings.TrimSpace(g.Text))
		if err != nil {
			return err
		}
		g.ID, _ = res.LastInsertId()
		for j := range g.Actions {
			a := &g.Actions[j]
			res, err := tx.ExecContext(ctx, `INSERT INTO plan_actions (goal_id, position, what, operator_id, service_id,
				due, status, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, g.ID, j, strings.TrimSpace(a.What),
				nullID(a.OperatorID), nullID(a.ServiceID), a.Due.String(), string(a.Status), a.Outcome)
			if err != nil {
				return err
			}
			a.ID, _ = res.LastInsertId()
		}
	}
	for i := range p.Budget {
		b := &p.Budget[i]
		res, err := tx.ExecContext(ctx, `INSERT INTO plan_budget (plan_id, position, purpose, planned_cents, spent_cents,
			note) VALUES (?, ?, ?, ?, ?, ?)`, p.ID, i, string(b.Purpose), b.PlannedCents, b.SpentCents, b.Note)
		if err != nil {
			return err
		}
		b.ID, _ = res.LastInsertId()
	}
	return nil
}

// AgreePlan freezes a draft as the version agreed with the person, signed
// by signedBy, recorded by the operator by; audited.
func (d *DB) AgreePlan(ctx context.Context, planID int64, signedBy string, by int64) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		p, err := loadPlan(ctx, tx, planID)
		if err != nil {
			return err
		}
		if _, err := d.onCase(ctx, tx, model.PartPlan, true, p.CaseID); err != nil {
			return err
		}
		if err := p.Agree(d.Now().UTC(), signedBy, by); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plans SET status = ?, agreed_at = ?, signed_by = ?, agreed_by = ?,
			updated_at = ? WHERE id = ?`, string(p.Status), formatTime(p.AgreedAt), p.SignedBy, nullID(by),
			formatTime(p.AgreedAt), p.ID); err != nil {
			return err
		}
		return d.audit(ctx, tx, by, "agree", "plan", p.ID, fmt.Sprintf("version %d", p.Version))
	})
}

// NewPlanVersion copies an agreed version into a new draft, the case's
// next version, to change it; the agreed version stays as it was. It is a
// conflict when the case already has a draft.
func (d *DB) NewPlanVersion(ctx context.Context, planID int64, by int64) (*model.Plan, error) {
	var next *model.Plan
	err := d.update(ctx, func(tx *sql.Tx) error {
		p, err := loadPlan(ctx, tx, planID)
		if err != nil {
			return err
		}
		if next, err = p.NextVersion(); err != nil {
			return err
		}
		return d.insertPlan(ctx, tx, next, d.Now().UTC(), by)
	})
	if err != nil {
		return nil, err
	}
	return next, nil
}

// SetActionStatus records the progress of an action, with its outcome when
// one is given. Progress is allowed on agreed versions too; a move the
// workflow forbids (model.CanMoveAction) is a conflict. Audited on the plan.
func (d *DB) SetActionStatus(ctx context.Context, actionID int64, to model.ActionStatus, outcome string, by int64) error {
	if !slices.Contains(model.ActionStatuses, to) {
		return &model.Error{Code: model.ErrInvalid, Field: "status", Message: fmt.Sprintf("unknown action status %q", to)}
	}
	outcome = strings.TrimSpace(outcome)
	if utf8.RuneCountInString(outcome) > model.MaxTextLen || !utf8.ValidString(outcome) {
		return model.ValidationErrors{{Code: model.ErrTooLong, Field: "outcome",
			Message: fmt.Sprintf("at most %d characters of valid text", model.MaxTextLen)}}
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		var from string
		var planID int64
		err := tx.QueryRowContext(ctx, `SELECT a.status, g.plan_id FROM plan_actions a
			JOIN plan_goals g ON g.id = a.goal_id WHERE a.id = ?`, actionID).Scan(&from, &planID)
		if errors.Is(err, sql.ErrNoRows) {
			return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no action %d", actionID)}
		}
		if err != nil {
			return err
		}
		caseID, err := caseOf(ctx, tx, "plans", planID)
		if err != nil {
			return err
		}
		if _, err := d.onCase(ctx, tx, model.PartPlan, true, caseID); err != nil {
			return err
		}
		if !model.CanMoveAction(model.ActionStatus(from), to) {
			return &model.Error{Code: model.ErrConflict, Field: "status",
				Message: fmt.Sprintf("an action cannot go from %s to %s", from, to)}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plan_actions SET status = ?,
			outcome = CASE WHEN ? = '' THEN outcome ELSE ? END WHERE id = ?`, string(to), outcome, outcome, actionID); err != nil {
			return err
		}
		return d.audit(ctx, tx, by, "status", "plan", planID, fmt.Sprintf("action %d: %s -> %s", actionID, from, to))
	})
}

func frozenPlan(version int) error {
	return &model.Error{Code: model.ErrConflict, Field: "status",
		Message: fmt.Sprintf("version %d is agreed and cannot change: make a new version", version)}
}
