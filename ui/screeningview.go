package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/printouts"
)

// screeningView shows the screening at the end of an interview: which
// indicators the answers raised and why. A flag for the team, never a
// verdict. When the Delphi rule is met it proposes a referral to an
// anti-trafficking body and records the operator's decision.
type screeningView struct {
	u       *App
	qn      *model.Questionnaire
	iv      *model.Interview
	answers map[string]string
	s       model.Screening
	done    func()
	skills  func() // opens the skills profile proposed from the answers, or nil
	note    *widget.Entry
	status  *widget.Label
}

func newScreeningView(u *App, qn *model.Questionnaire, iv *model.Interview, answers map[string]string, s model.Screening, done func()) *screeningView {
	return &screeningView{u: u, qn: qn, iv: iv, answers: answers, s: s, done: done, note: widget.NewEntry(), status: widget.NewLabel("")}
}

func (v *screeningView) build() fyne.CanvasObject {
	u := v.u
	title := widget.NewLabelWithStyle(u.t("screening.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(u.t("screening.not_a_verdict"))
	intro.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{title, intro}
	if v.s.ProposesReferral() {
		objs = append(objs, v.referralCard())
	}
	objs = append(objs, findingsCards(u, v.qn, v.s)...)
	back := widget.NewButton(u.t("screening.back_to_case"), v.done)
	back.Importance = widget.HighImportance
	bar := container.NewHBox(back)
	if v.skills != nil {
		bar.Add(widget.NewButtonWithIcon(u.t("skills.from_interview"), theme.AccountIcon(), v.skills))
	}
	bar.Add(v.status)
	return container.NewBorder(nil, container.NewPadded(bar), nil, nil,
		container.NewVScroll(container.NewPadded(container.NewVBox(objs...))))
}

// findingsCards lists the findings by framework, each with its reasons.
func findingsCards(u *App, qn *model.Questionnaire, s model.Screening) []fyne.CanvasObject {
	if s.Empty() {
		return []fyne.CanvasObject{widget.NewLabel(u.t("screening.none"))}
	}
	var out []fyne.CanvasObject
	section := func(key string, fs []model.Finding) {
		if len(fs) == 0 {
			return
		}
		var rows []fyne.CanvasObject
		for _, f := range fs {
			l := widget.NewLabel("• " + printouts.IndicatorName(u.tr, f.Ref) + "\n   " + u.t("screening.because") + " " + printouts.Reasons(u.tr, qn, f.Reasons))
			l.Wrapping = fyne.TextWrapWord
			rows = append(rows, l)
		}
		out = append(out, widget.NewCard(u.N(key, len(fs)), "", container.NewVBox(rows...)))
	}
	section("screening.ilo", s.ILO)
	section("screening.indices", s.Indices)
	section("screening.delphi", s.Delphi)
	rule := u.t("screening.rule_not_met")
	if s.Trafficking {
		rule = u.t("screening.rule_met")
	}
	var dims []string
	for _, d := range s.Dimensions {
		dims = append(dims, u.t("delphi_dimension."+d))
	}
	if len(dims) > 0 {
		rule += "\n" + u.t("screening.dimensions") + " " + strings.Join(dims, ", ")
	}
	l := widget.NewLabel(rule)
	l.Wrapping = fyne.TextWrapWord
	return append(out, widget.NewCard(u.t("screening.delphi_rule"), "", l))
}

// referralCard proposes the referral and records the decision.
func (v *screeningView) referralCard() fyne.CanvasObject {
	u := v.u
	text := widget.NewLabel(u.t("screening.propose"))
	text.Wrapping = fyne.TextWrapWord
	refer := widget.NewButton(u.t("screening.decide_refer"), func() { v.decide(model.DecisionRefer) })
	refer.Importance = widget.HighImportance
	notNow := widget.NewButton(u.t("screening.decide_not_now"), func() { v.decide(model.DecisionNotNow) })
	v.note.SetPlaceHolder(u.t("screening.note"))
	return widget.NewCard(u.t("screening.referral_title"), "", container.NewVBox(text, v.note, container.NewHBox(refer, notNow)))
}

func (v *screeningView) decide(decision string) {
	u := v.u
	if decision == model.DecisionNotNow && strings.TrimSpace(v.note.Text) == "" {
		v.status.SetText(u.t("screening.note_needed"))
		return
	}
	note := strings.TrimSpace(v.note.Text)
	db, interviewID, by := u.db, v.iv.ID, u.operatorID()
	save(u, func(ctx context.Context) error {
		return db.RecordDecision(ctx, interviewID, decision, note, by)
	}, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		v.status.SetText(u.t("screening.decided_" + decision))
	})
}
