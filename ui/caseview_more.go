package ui

// The case view's interview button, screening summaries and plan line.

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// interviewButton starts a new interview on an open case, or resumes the
// one in progress; nil on a closed case.
func (v *caseView) interviewButton(c model.Case, ivs []model.Interview) *widget.Button {
	u := v.u
	if c.Status != model.CaseOpen {
		return nil
	}
	for i := range ivs {
		if ivs[i].Status == model.InterviewInProgress {
			iv := ivs[i]
			b := widget.NewButtonWithIcon(u.t("case.resume_interview"), theme.MediaPlayIcon(), func() { u.openInterview(&iv, v.person) })
			b.Importance = widget.HighImportance
			return b
		}
	}
	return widget.NewButtonWithIcon(u.t("case.new_interview"), theme.ContentAddIcon(), func() {
		u.home.showFromCase(v.person, newInterviewStart(u, v.person, c.ID, len(ivs) == 0).build())
	})
}

// screeningSummary is one line about a screening and the decision taken.
func screeningSummary(u *App, rec *model.ScreeningRecord) string {
	s := rec.Result
	text := u.tr.Tf("case.screening", map[string]any{"ILO": len(s.ILO), "Indices": len(s.Indices), "Delphi": len(s.Delphi)})
	if s.Trafficking {
		text += " · " + u.t("screening.rule_met_short")
		switch rec.Decision {
		case model.DecisionRefer:
			text += " · " + u.t("screening.decided_refer")
		case model.DecisionNotNow:
			text += " · " + u.t("screening.decided_not_now") + " (" + rec.DecisionNote + ")"
		default:
			text += " · " + u.t("screening.undecided")
		}
	}
	return text
}

// showScreening shows a past interview's screening with its reasons.
func (v *caseView) showScreening(iv *model.Interview, rec *model.ScreeningRecord) {
	u := v.u
	qn, err := loadQuestionnaire(iv.QuestionnaireVersion)
	if err != nil {
		u.showError(err)
		return
	}
	title := widget.NewLabelWithStyle(u.t("screening.title")+" · "+day(iv.Date), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(u.t("screening.not_a_verdict") + "\n" + screeningSummary(u, rec))
	intro.Wrapping = fyne.TextWrapWord
	objs := append([]fyne.CanvasObject{title, intro}, findingsCards(u, qn, rec.Result)...)
	u.home.showFromCase(v.person, container.NewVScroll(container.NewPadded(container.NewVBox(objs...))))
}

// planDue says what the plan has due: the next review and the actions
// past their date.
func (v *caseView) planDue() string {
	if len(v.plans) == 0 {
		return ""
	}
	u, p := v.u, v.plans[0]
	now := nowFunc()
	today := model.PartialDate{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}.String()
	next := model.PartialDate{}
	for _, r := range p.Reviews {
		if d := r.String(); d >= today && (next.IsZero() || d < next.String()) {
			next = r
		}
	}
	late := 0
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			if (a.Status == model.ActionPlanned || a.Status == model.ActionInProgress) && a.Due.Day != 0 && a.Due.String() < today {
				late++
			}
		}
	}
	line := u.tr.Tf("case.plan_line", map[string]any{"N": p.Version, "Status": u.t("plan.status_" + string(p.Status))})
	if !next.IsZero() {
		line += " · " + u.tr.Tf("case.next_review", map[string]any{"Date": next.Italian()})
	}
	if late > 0 {
		line += " · " + u.N("case.actions_late", late)
	}
	return line
}

// withheldLine says which parts of the file the operator's role does not
// show, so an empty field is not taken for a missing one.
func (v *caseView) withheldLine() fyne.CanvasObject {
	var parts []string
	for _, p := range model.Parts {
		if !v.u.op.Can(p).Reads() {
			parts = append(parts, v.u.label("part", p))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	l := widget.NewLabel(v.u.tr.Tf("case.withheld", map[string]any{"Role": v.u.label("role", v.u.op.Role),
		"Parts": strings.Join(parts, ", ")}))
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Italic = true
	return l
}
