package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// planStep is an action the profile suggests for the plan.
type planStep struct {
	area model.PlanArea
	text string
}

// steps are what the profile still lacks, as plan actions: the next steps
// of each competence on the validation path, an Italian course when the
// level is below A2, the recognition of a qualification earned abroad.
func (v *skillsView) steps(p *model.SkillsProfile) []planStep {
	u := v.u
	var out []planStep
	for _, e := range p.Validation {
		name := e.Competence
		if c, ok := model.CuratedSkillByID(e.Competence); ok {
			name = locales.SkillName(u.tr.Lang(), c.ID, c.EN)
		}
		for _, s := range e.NextSteps() {
			out = append(out, planStep{model.AreaWork, u.t(stepKeys[s]) + ": " + name})
		}
	}
	if italianLevel(p) < "A2" {
		out = append(out, planStep{model.AreaItalian, u.t("skills.gap_italian")})
	}
	for _, e := range p.Education {
		if e.Completed && e.Country != "" && e.Country != "IT" && (e.Recognition == "" || e.Recognition == "none") {
			out = append(out, planStep{model.AreaTraining, u.t("skills.gap_recognition")})
			break
		}
	}
	return out
}

// italianLevel is the person's level of Italian: the overall level, else
// the lowest level of a skill assessed; "" when there is none.
func italianLevel(p *model.SkillsProfile) string {
	for _, l := range p.Languages {
		if l.Language != "it" {
			continue
		}
		if l.Mother {
			return "C2"
		}
		if l.Overall != "" {
			return l.Overall
		}
		var levels []string
		for _, x := range l.Levels {
			levels = append(levels, x)
		}
		if len(levels) > 0 {
			return slices.Min(levels)
		}
	}
	return ""
}

// suggestionsCard shows the suggested actions, with a button to add them to
// the draft plan when the plan can be written.
func (v *skillsView) suggestionsCard(p *model.SkillsProfile) fyne.CanvasObject {
	u := v.u
	steps := v.steps(p)
	if len(steps) == 0 {
		return nil
	}
	var objs []fyne.CanvasObject
	for _, s := range steps {
		objs = append(objs, v.note("• "+u.label("area", s.area)+": "+s.text, widget.MediumImportance))
	}
	if v.editable() && v.caseID != 0 && u.op.Can(model.PartPlan).Writes() {
		add := widget.NewButtonWithIcon(u.t("skills.add_to_plan"), theme.ContentAddIcon(), func() { v.onAddToPlan(p) })
		objs = append(objs, container.NewHBox(add))
	}
	return widget.NewCard(u.t("skills.suggested"), u.t("skills.suggested_hint"), container.NewVBox(objs...))
}

// onAddToPlan adds the suggested actions the draft plan does not have yet,
// each under the goal of its area (made when missing); a plan already
// agreed is left as it is.
func (v *skillsView) onAddToPlan(p *model.SkillsProfile) {
	u := v.u
	plan := &model.Plan{CaseID: v.caseID, Status: model.PlanDraft}
	if v.plan != nil {
		if v.plan.Status != model.PlanDraft {
			v.status.SetText(u.t("skills.plan_agreed"))
			return
		}
		plan = v.plan.Clone() // the write works on its own copy
	}
	added := 0
	for _, s := range v.steps(p) {
		gi := slices.IndexFunc(plan.Goals, func(g model.Goal) bool { return g.Area == s.area })
		if gi < 0 {
			plan.Goals = append(plan.Goals, model.Goal{Area: s.area, Text: u.label("area", s.area)})
			gi = len(plan.Goals) - 1
		}
		g := &plan.Goals[gi]
		if !slices.ContainsFunc(g.Actions, func(a model.Action) bool { return a.What == s.text }) {
			g.Actions = append(g.Actions, model.Action{What: s.text, Status: model.ActionPlanned})
			added++
		}
	}
	v.save(func(ctx context.Context) error { return u.db.SavePlan(ctx, plan, u.operatorID()) }, func() {
		v.plan = plan
		v.status.SetText(u.N("skills.plan_added", added))
	})
}
