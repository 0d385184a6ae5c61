package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// planView is the individual action plan (PAI) of a case: its versions, the
// draft being edited, or an agreed version (frozen; progress on its actions
// is still recorded; changing it makes a new version).
type planView struct {
	u      *App
	person *model.Person
	caseID int64
	box    *fyne.Container
	status *statusLine

	plans       []model.Plan
	shown       int // index in plans
	operators   []model.Operator
	services    []model.Service
	suggestions []model.GoalSuggestion
	signedBy    *widget.Entry

	raw   map[string]string // the text of the date and amount fields that do not read, by field
	tried bool              // a save was tried: the fields that do not read say so
	seen  map[string]bool   // the fields of the last render
}

func newPlanView(u *App, p *model.Person, caseID int64) *planView {
	v := &planView{u: u, person: p, caseID: caseID, box: container.NewVBox(widget.NewLabel(u.t("case.loading"))),
		status: newStatusLine(), signedBy: widget.NewEntry(), raw: map[string]string{}}
	return v
}

func (v *planView) build() fyne.CanvasObject {
	v.load()
	return container.NewBorder(nil, v.status, nil, nil, container.NewVScroll(container.NewPadded(v.box)))
}

// load reads the plans, the people and services that can be responsible,
// and the goals the last interview suggests.
func (v *planView) load() {
	u := v.u
	u.background(func() error {
		ctx := context.Background()
		var err error
		if v.plans, err = u.db.PlansOf(ctx, v.caseID); err != nil {
			return err
		}
		if v.operators, err = u.db.Operators(ctx); err != nil {
			return err
		}
		if v.services, err = u.db.Services(ctx); err != nil {
			return err
		}
		ivs, err := u.db.InterviewsOf(ctx, v.caseID)
		if err != nil || len(ivs) == 0 {
			return err
		}
		rec, err := u.db.ScreeningOf(ctx, ivs[0].ID)
		if err != nil {
			return err
		}
		answers := map[string]string{}
		for _, a := range ivs[0].Answers {
			answers[a.QuestionID] = a.Value
		}
		var s model.Screening
		if rec != nil {
			s = rec.Result
		}
		v.suggestions = model.SuggestGoals(answers, s)
		return nil
	}, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		v.shown = 0
		v.render()
	})
}

func (v *planView) render() {
	u := v.u
	title := widget.NewLabelWithStyle(u.t("plan.title")+" · "+v.person.DisplayName(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	objs := []fyne.CanvasObject{title}
	if len(v.plans) == 0 {
		start := widget.NewButtonWithIcon(u.t("plan.create"), theme.ContentAddIcon(), func() {
			p := &model.Plan{CaseID: v.caseID, Status: model.PlanDraft}
			v.save(p, u.t("plan.created"))
		})
		start.Importance = widget.HighImportance
		v.box.Objects = append(objs, widget.NewLabel(u.t("plan.none")), start)
		v.box.Refresh()
		return
	}
	var labels []string
	for _, p := range v.plans {
		labels = append(labels, v.versionLabel(&p))
	}
	versions := widget.NewSelect(labels, nil)
	versions.SetSelectedIndex(v.shown)
	versions.OnChanged = func(string) {
		if i := versions.SelectedIndex(); i >= 0 && i != v.shown {
			v.shown = i
			v.render()
		}
	}
	objs = append(objs, container.NewBorder(nil, nil, widget.NewLabel(u.t("plan.version")), nil, versions))
	p := &v.plans[v.shown]
	v.seen = map[string]bool{}
	if p.Status == model.PlanDraft {
		objs = append(objs, v.editor(p)...)
	} else {
		objs = append(objs, v.frozen(p)...)
	}
	for key := range v.raw {
		if !v.seen[key] {
			delete(v.raw, key) // a line removed, or another version shown: its text goes with it
		}
	}
	v.box.Objects = objs
	v.box.Refresh()
}

func (v *planView) versionLabel(p *model.Plan) string {
	if p.Status == model.PlanAgreed {
		return v.u.tr.Tf("plan.version_agreed", map[string]any{"N": p.Version, "Date": day(p.AgreedAt), "By": p.SignedBy})
	}
	return v.u.tr.Tf("plan.version_draft", map[string]any{"N": p.Version})
}

// editor edits a draft: goals, actions, budget, reviews; suggestions; agree.
func (v *planView) editor(p *model.Plan) []fyne.CanvasObject {
	u := v.u
	var objs []fyne.CanvasObject
	if cards := v.suggestionCards(p); len(cards) > 0 {
		objs = append(objs, widget.NewCard(u.t("plan.suggested"), u.t("plan.suggested_hint"), container.NewVBox(cards...)))
	}
	for gi := range p.Goals {
		objs = append(objs, v.goalCard(p, gi))
	}
	addGoal := widget.NewButtonWithIcon(u.t("plan.add_goal"), theme.ContentAddIcon(), func() {
		p.Goals = append(p.Goals, model.Goal{Area: model.AreaWork})
		v.render()
	})
	objs = append(objs, addGoal, v.budgetCard(p))
	reviews := v.datesField("reviews", &p.Reviews)
	objs = append(objs, container.NewBorder(nil, nil, widget.NewLabel(u.t("plan.reviews")), nil, reviews))
	save := widget.NewButtonWithIcon(u.t("plan.save_draft"), theme.DocumentSaveIcon(), func() { v.save(p, u.t("plan.saved")) })
	v.signedBy.SetPlaceHolder(u.t("plan.signed_by_hint"))
	agree := widget.NewButtonWithIcon(u.t("plan.agree"), theme.ConfirmIcon(), func() { v.agree(p) })
	agree.Importance = widget.HighImportance
	agreeBox := widget.NewCard(u.t("plan.agree_title"), u.t("plan.agree_hint"),
		container.NewBorder(nil, nil, widget.NewLabel(u.t("plan.signed_by")), agree, v.signedBy))
	return append(objs, save, agreeBox)
}

// suggestionCards offers the goals the interview suggests and the plan
// does not have yet, to accept or drop.
func (v *planView) suggestionCards(p *model.Plan) []fyne.CanvasObject {
	u := v.u
	have := map[model.PlanArea]bool{}
	for _, g := range p.Goals {
		have[g.Area] = true
	}
	var out []fyne.CanvasObject
	for i, s := range v.suggestions {
		if have[s.Area] {
			continue
		}
		i, s := i, s
		text := u.t("plan.suggest." + s.From)
		accept := widget.NewButton(u.t("plan.accept"), func() {
			p.Goals = append(p.Goals, model.Goal{Area: s.Area, Text: text})
			v.render()
		})
		drop := widget.NewButton(u.t("plan.drop"), func() {
			v.suggestions = append(v.suggestions[:i:i], v.suggestions[i+1:]...)
			v.render()
		})
		out = append(out, container.NewBorder(nil, nil, nil, container.NewHBox(accept, drop),
			widget.NewLabel(u.label("area", s.Area)+": "+text)))
	}
	return out
}

func (v *planView) goalCard(p *model.Plan, gi int) fyne.CanvasObject {
	u := v.u
	g := &p.Goals[gi]
	area := enumChoice(u, "area", model.PlanAreas)
	area.setCode(string(g.Area))
	area.OnChanged = func(string) { g.Area = model.PlanArea(area.code()) }
	text := widget.NewEntry()
	text.SetText(g.Text)
	text.SetPlaceHolder(u.t("plan.goal_hint"))
	text.OnChanged = func(s string) { g.Text = s }
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		p.Goals = append(p.Goals[:gi:gi], p.Goals[gi+1:]...)
		clear(v.raw) // the lines below move up: a text not yet read would land on another
		v.render()
	})
	rows := []fyne.CanvasObject{container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(210, area.MinSize().Height), area), remove, text)}
	for ai := range g.Actions {
		rows = append(rows, v.actionRow(g, fmt.Sprintf("due/%d/%d", gi, ai), ai))
	}
	rows = append(rows, widget.NewButtonWithIcon(u.t("plan.add_action"), theme.ContentAddIcon(), func() {
		g.Actions = append(g.Actions, model.Action{Status: model.ActionPlanned})
		v.render()
	}))
	return widget.NewCard(u.tr.Tf("plan.goal", map[string]any{"N": gi + 1}), "", container.NewVBox(rows...))
}

func (v *planView) actionRow(g *model.Goal, dueKey string, ai int) fyne.CanvasObject {
	u := v.u
	a := &g.Actions[ai]
	what := widget.NewEntry()
	what.SetText(a.What)
	what.SetPlaceHolder(u.t("plan.action_hint"))
	what.OnChanged = func(s string) { a.What = s }
	who := v.responsibleChoice(a)
	due := v.dateField(dueKey, &a.Due)
	status := enumChoice(u, "action_status", model.ActionStatuses)
	status.setCode(string(a.Status))
	status.OnChanged = func(string) { a.Status = model.ActionStatus(status.code()) }
	outcome := widget.NewEntry()
	outcome.SetText(a.Outcome)
	outcome.SetPlaceHolder(u.t("plan.outcome"))
	outcome.OnChanged = func(s string) { a.Outcome = s }
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		g.Actions = append(g.Actions[:ai:ai], g.Actions[ai+1:]...)
		clear(v.raw)
		v.render()
	})
	return container.NewVBox(container.NewBorder(nil, nil, nil, remove, what),
		container.NewGridWithColumns(4, who, due, status, outcome), widget.NewSeparator())
}

// responsibleChoice picks an operator of the desk or a service of the map.
func (v *planView) responsibleChoice(a *model.Action) *choice {
	codes, labels := []string{""}, []string{v.u.t("plan.nobody")}
	for _, o := range v.operators {
		codes = append(codes, fmt.Sprintf("op:%d", o.ID))
		labels = append(labels, o.FullName)
	}
	for _, s := range v.services {
		codes = append(codes, fmt.Sprintf("sv:%d", s.ID))
		labels = append(labels, s.Name)
	}
	c := newChoice(v.u, codes, labels)
	switch {
	case a.OperatorID != 0:
		c.setCode(fmt.Sprintf("op:%d", a.OperatorID))
	case a.ServiceID != 0:
		c.setCode(fmt.Sprintf("sv:%d", a.ServiceID))
	}
	c.OnChanged = func(string) {
		a.OperatorID, a.ServiceID = 0, 0
		code := c.code()
		id, _ := strconv.ParseInt(strings.TrimLeft(code, "opsv:"), 10, 64)
		if strings.HasPrefix(code, "op:") {
			a.OperatorID = id
		} else if strings.HasPrefix(code, "sv:") {
			a.ServiceID = id
		}
	}
	return c
}

func (v *planView) save(p *model.Plan, done string) {
	u := v.u
	if len(v.raw) > 0 {
		v.tried = true
		v.render()
		v.status.SetText(u.t("form.fix_errors"))
		return
	}
	cp := *p
	u.background(func() error { return u.db.SavePlan(context.Background(), &cp, u.operatorID()) }, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err) + " (" + err.Error() + ")")
			return
		}
		v.status.SetText(done)
		v.load()
	})
}

func (v *planView) agree(p *model.Plan) {
	u := v.u
	if len(v.raw) > 0 {
		v.tried = true
		v.render()
		v.status.SetText(u.t("form.fix_errors"))
		return
	}
	signed := strings.TrimSpace(v.signedBy.Text)
	if signed == "" {
		v.status.SetText(u.t("plan.signed_by_needed"))
		return
	}
	cp := *p
	u.background(func() error {
		ctx := context.Background()
		if err := u.db.SavePlan(ctx, &cp, u.operatorID()); err != nil {
			return err
		}
		return u.db.AgreePlan(ctx, cp.ID, signed, u.operatorID())
	}, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err) + " (" + err.Error() + ")")
			return
		}
		v.status.SetText(u.t("plan.agreed"))
		v.load()
	})
}
