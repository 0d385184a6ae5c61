package ui

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// workVacancies is the work view's tab of the open vacancies ranked for
// the person, each with why it matches and what is missing; a gap offers
// its plan action ("Add to plan"), and each vacancy Propose. Those whose
// employer the person has not consented to be proposed to come apart.
type workVacancies struct {
	w      *workView
	box    *fyne.Container
	status *statusLine
}

func newWorkVacancies(w *workView) *workVacancies {
	return &workVacancies{w: w, box: container.NewVBox(widget.NewLabel(w.u.t("case.loading"))), status: newStatusLine()}
}

// vacancyMatches is what the tab loads: the matches, and the vacancy and
// employer of each.
type vacancyMatches struct {
	proposable, needsConsent []model.Match
	vacancies                map[int64]*model.Vacancy
	employers                map[int64]*model.Employer
	proposed                 map[int64]model.ProposalState // vacancy → the case's proposal for it
}

func (v *workVacancies) build() fyne.CanvasObject {
	v.reload()
	hint := wrappedText(v.w.u.t("work_match.vacancies_hint"))
	return container.NewBorder(container.NewVBox(hint, v.status), nil, nil, nil, container.NewVScroll(v.box))
}

func (v *workVacancies) reload() {
	u, db, personID, caseID := v.w.u, v.w.db, v.w.person.ID, v.w.caseID
	load(u, func(ctx context.Context) (vacancyMatches, error) {
		d := vacancyMatches{vacancies: map[int64]*model.Vacancy{}, employers: map[int64]*model.Employer{},
			proposed: map[int64]model.ProposalState{}}
		ms, err := db.VacanciesFor(ctx, personID)
		if err != nil {
			return d, err
		}
		proposals, err := db.ProposalsOf(ctx, caseID)
		if err != nil {
			return d, err
		}
		for _, pr := range proposals {
			if pr.VacancyID != 0 {
				d.proposed[pr.VacancyID] = pr.State
			}
		}
		d.proposable, d.needsConsent = ms.Proposable, ms.NeedsConsent
		for _, m := range append(append([]model.Match{}, ms.Proposable...), ms.NeedsConsent...) {
			if d.vacancies[m.VacancyID], err = db.Vacancy(ctx, m.VacancyID); err != nil {
				return d, err
			}
			if d.employers[m.EmployerID] == nil {
				if d.employers[m.EmployerID], err = db.Employer(ctx, m.EmployerID); err != nil {
					return d, err
				}
			}
		}
		return d, nil
	}, v.show, func(err error) { v.status.SetText(u.errText(err)) })
}

func (v *workVacancies) show(d vacancyMatches) {
	u := v.w.u
	v.box.RemoveAll()
	list := func(ms []model.Match, consent bool) fyne.CanvasObject {
		rows := container.NewVBox()
		for _, m := range ms {
			rows.Add(v.row(m, d, consent))
			rows.Add(widget.NewSeparator())
		}
		if len(ms) == 0 {
			rows.Add(widget.NewLabel(u.t("work_match.no_vacancies")))
		}
		return rows
	}
	v.box.Add(widget.NewCard(u.t("work_match.vacancies"), "", list(d.proposable, false)))
	if len(d.needsConsent) > 0 {
		v.box.Add(widget.NewCard(u.t("work_match.needs_consent_employer"), u.t("work_match.needs_consent_employer_hint"),
			list(d.needsConsent, true)))
	}
	v.box.Refresh()
}

// row is one vacancy ranked for the person.
func (v *workVacancies) row(m model.Match, d vacancyMatches, needsConsent bool) fyne.CanvasObject {
	u, vc, e := v.w.u, d.vacancies[m.VacancyID], d.employers[m.EmployerID]
	head := strings.Join(nonEmpty(vc.Title, e.Name, vc.Place), " · ")
	box := container.NewVBox(boldText(head))
	if needsConsent {
		l := wrappedText(u.t("work_match.consent_lacking"))
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	box.Add(u.matchDetails(m, func(r model.MatchReason) fyne.CanvasObject {
		if r.Action.Key == "" || !u.op.Can(model.PartPlan).Writes() {
			return nil
		}
		what := u.tr.Tf("work_match.plan_action", map[string]any{"Action": capitalised(u.tr.Tf(r.Action.Key, nil)),
			"Vacancy": vc.Title})
		area := r.Action.Area
		return widget.NewButtonWithIcon(u.t("work_match.add_to_plan"), theme.ContentAddIcon(), func() { v.onAddToPlan(area, what) })
	}))
	if state, done := d.proposed[vc.ID]; done {
		l := wrappedText(u.tr.Tf("work_match.already_proposed", map[string]any{"State": u.t("proposal_state." + string(state))}))
		l.Importance = widget.SuccessImportance
		box.Add(l)
	} else if u.op.Can(model.PartWork).Writes() {
		propose := widget.NewButtonWithIcon(u.t("work_match.propose"), theme.MailSendIcon(), func() {
			u.propose(proposeTarget{person: v.w.person, caseID: v.w.caseID, employer: vc.EmployerID, vacancy: vc.ID},
				v.status.SetText, v.proposed)
		})
		propose.Importance = widget.HighImportance
		box.Add(container.NewHBox(propose))
	}
	return box
}

// proposed reads the vacancies again (the consent may have moved one) and
// shows the proposals, the new one among them.
func (v *workVacancies) proposed() {
	v.reload()
	if v.w.proposals != nil {
		v.w.proposals.reload()
		v.w.proposals.status.SetText(v.w.u.t("work_match.proposed"))
	}
	if v.w.tabs != nil {
		v.w.showTab(1)
	}
}

func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
