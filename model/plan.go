package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// PlanArea is the area of a goal of the action plan.
type PlanArea string

const (
	AreaWork     PlanArea = "work"
	AreaTraining PlanArea = "training"
	AreaItalian  PlanArea = "italian"
	AreaLegal    PlanArea = "legal"
	AreaHousing  PlanArea = "housing"
	AreaHealth   PlanArea = "health"
	AreaIncome   PlanArea = "income"
)

// PlanAreas lists the areas in display order.
var PlanAreas = []PlanArea{AreaWork, AreaTraining, AreaItalian, AreaLegal, AreaHousing, AreaHealth, AreaIncome}

// ActionStatus is where an action of the plan stands.
type ActionStatus string

const (
	ActionPlanned    ActionStatus = "planned"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
	ActionDropped    ActionStatus = "dropped"
)

// ActionStatuses lists the statuses in display order.
var ActionStatuses = []ActionStatus{ActionPlanned, ActionInProgress, ActionDone, ActionDropped}

// actionMoves are the allowed changes of an action's status.
var actionMoves = map[ActionStatus][]ActionStatus{
	ActionPlanned:    {ActionInProgress, ActionDone, ActionDropped},
	ActionInProgress: {ActionDone, ActionDropped},
	ActionDone:       {},
	ActionDropped:    {ActionPlanned}, // taken up again
}

// CanMoveAction reports whether an action may go from one status to another.
func CanMoveAction(from, to ActionStatus) bool { return oneOf(to, actionMoves[from]) }

// PlanStatus is a plan version's state: a draft is edited freely; an agreed
// version is frozen, and any change makes a new version.
type PlanStatus string

const (
	PlanDraft  PlanStatus = "draft"
	PlanAgreed PlanStatus = "agreed"
)

// BudgetPurpose is what a line of the allowance budget pays for.
type BudgetPurpose string

const (
	BudgetCourseFee  BudgetPurpose = "course_fee"
	BudgetInternship BudgetPurpose = "internship_allowance"
	BudgetRent       BudgetPurpose = "rent"
	BudgetTransport  BudgetPurpose = "transport"
	BudgetMicrocred  BudgetPurpose = "microcredit"
)

// BudgetPurposes lists the purposes in display order.
var BudgetPurposes = []BudgetPurpose{BudgetCourseFee, BudgetInternship, BudgetRent, BudgetTransport, BudgetMicrocred}

// Plan is one version of a person's individual action plan (PAI).
type Plan struct {
	ID        int64
	UID       string // stable across desks
	CaseID    int64
	Version   int
	Status    PlanStatus
	Goals     []Goal
	Reviews   []PartialDate // review dates
	Budget    []BudgetLine
	AgreedAt  time.Time
	SignedBy  string // who signed the agreed version (the person, and whoever else)
	AgreedBy  int64  // the operator who recorded the agreement
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Goal is one goal of the plan, in an area, with its actions.
type Goal struct {
	ID      int64
	Area    PlanArea
	Text    string
	Actions []Action
}

// Action is one step towards a goal: what, who answers for it (an
// operator of the desk or a service of the map), by when, how it went.
type Action struct {
	ID         int64
	What       string
	OperatorID int64 // responsible operator, or 0
	ServiceID  int64 // responsible service, or 0
	Due        PartialDate
	Status     ActionStatus
	Outcome    string
}

// BudgetLine is a line of the allowance budget (dote individuale), in euro
// cents as integers.
type BudgetLine struct {
	ID           int64
	Purpose      BudgetPurpose
	PlannedCents int64
	SpentCents   int64
	Note         string
}

// Clone is a deep copy of p: changing it (a save sets new IDs into its
// goals, actions and budget lines) leaves p as it was.
func (p *Plan) Clone() *Plan {
	c := *p
	c.Goals = slices.Clone(p.Goals)
	for i := range c.Goals {
		c.Goals[i].Actions = slices.Clone(p.Goals[i].Actions)
	}
	c.Reviews = slices.Clone(p.Reviews)
	c.Budget = slices.Clone(p.Budget)
	return &c
}

// Totals are the budget's planned and spent totals, in cents.
func (p *Plan) Totals() (planned, spent int64) {
	for _, b := range p.Budget {
		planned += b.PlannedCents
		spent += b.SpentCents
	}
	return planned, spent
}

// Validate checks the plan's goals, actions and budget.
func (p *Plan) Validate() error {
	var v ValidationErrors
	if p.CaseID == 0 {
		v.add(newError("case", ErrRequired, "a plan belongs to a case"))
	}
	if p.Status != PlanDraft && p.Status != PlanAgreed {
		v.add(newError("status", ErrInvalid, fmt.Sprintf("unknown plan status %q", p.Status)))
	}
	for i, g := range p.Goals {
		field := fmt.Sprintf("goals.%d", i)
		if !oneOf(g.Area, PlanAreas) {
			v.add(newError(field+".area", ErrInvalid, fmt.Sprintf("unknown area %q", g.Area)))
		}
		v.add(requiredText(field+".text", g.Text, MaxTextLen))
		for j, a := range g.Actions {
			af := fmt.Sprintf("%s.actions.%d", field, j)
			v.add(requiredText(af+".what", a.What, MaxTextLen))
			if !oneOf(a.Status, ActionStatuses) {
				v.add(newError(af+".status", ErrInvalid, fmt.Sprintf("unknown action status %q", a.Status)))
			}
			if e := a.Due.check(); e != nil {
				e.Field = af + ".due"
				v.add(e)
			}
			v.add(optionalText(af+".outcome", a.Outcome, MaxTextLen))
		}
	}
	for i, b := range p.Budget {
		bf := fmt.Sprintf("budget.%d", i)
		if !oneOf(b.Purpose, BudgetPurposes) {
			v.add(newError(bf+".purpose", ErrInvalid, fmt.Sprintf("unknown purpose %q", b.Purpose)))
		}
		if b.PlannedCents < 0 || b.SpentCents < 0 {
			v.add(newError(bf+".amount", ErrInvalid, "amounts cannot be negative"))
		}
	}
	for i, r := range p.Reviews {
		if e := r.check(); e != nil || r.Day == 0 {
			v.add(newError(fmt.Sprintf("reviews.%d", i), ErrDateInvalid, "a review needs a full date"))
		}
	}
	return v.err()
}

// Agree freezes a draft as the version agreed with the person.
func (p *Plan) Agree(at time.Time, signedBy string, operatorID int64) error {
	if p.Status != PlanDraft {
		return newError("status", ErrConflict, "only a draft can be agreed")
	}
	if len(p.Goals) == 0 {
		return newError("goals", ErrRequired, "a plan needs at least one goal to be agreed")
	}
	if strings.TrimSpace(signedBy) == "" {
		return newError("signed_by", ErrRequired, "say who signed")
	}
	p.Status, p.AgreedAt, p.SignedBy, p.AgreedBy = PlanAgreed, at, strings.TrimSpace(signedBy), operatorID
	return nil
}

// NextVersion is a new draft copied from an agreed version, to change it;
// the agreed version stays as it was.
func (p *Plan) NextVersion() (*Plan, error) {
	if p.Status != PlanAgreed {
		return nil, newError("status", ErrConflict, "a draft is changed as it is, not copied")
	}
	n := &Plan{CaseID: p.CaseID, Version: p.Version + 1, Status: PlanDraft,
		Reviews: append([]PartialDate(nil), p.Reviews...)}
	for _, g := range p.Goals {
		g2 := Goal{Area: g.Area, Text: g.Text}
		for _, a := range g.Actions {
			a.ID = 0
			g2.Actions = append(g2.Actions, a)
		}
		n.Goals = append(n.Goals, g2)
	}
	for _, b := range p.Budget {
		b.ID = 0
		n.Budget = append(n.Budget, b)
	}
	return n, nil
}

// GoalSuggestion is a goal proposed from an interview: its area and what
// it comes from (a need the person named, "work_wanted", or "screening").
type GoalSuggestion struct {
	Area PlanArea
	From string
}

// SuggestGoals proposes goals from an interview's answers: the needs the
// person named, the work wanted and, when the screening raised indicators,
// legal help. The operator accepts or drops each.
func SuggestGoals(answers map[string]string, s Screening) []GoalSuggestion {
	byNeed := map[string]PlanArea{"housing": AreaHousing, "health": AreaHealth, "legal": AreaLegal, "income": AreaIncome,
		"training": AreaTraining, "italian_course": AreaItalian, "transport": AreaWork, "childcare": AreaIncome}
	seen := map[PlanArea]bool{}
	var out []GoalSuggestion
	add := func(a PlanArea, from string) {
		if !seen[a] {
			seen[a] = true
			out = append(out, GoalSuggestion{Area: a, From: from})
		}
	}
	if !s.Empty() {
		add(AreaLegal, "screening")
	}
	for _, n := range strings.Split(answers["needs.needs"], ",") {
		if a, ok := byNeed[n]; ok {
			add(a, n)
		}
	}
	if answers["needs.work_wanted"] != "" {
		add(AreaWork, "work_wanted")
	}
	return out
}
