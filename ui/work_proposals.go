package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/printouts"
)

// workProposals is the work view's tab of the case's proposals to
// employers: to whom, for which vacancy, where each stands and when; an
// open one moves to interview, hired or not hired (work_proposal_move.go),
// a hiring gets its still-employed answers, and the candidate sheet prints
// in the person's language to show them or in Italian for the employer.
type workProposals struct {
	w      *workView
	screen *fyne.Container // the list, or a move's form in its place
	box    *fyne.Container
	status *statusLine
}

func newWorkProposals(w *workView) *workProposals {
	return &workProposals{w: w, screen: container.NewStack(), box: container.NewVBox(), status: newStatusLine()}
}

// proposalsData is what the tab loads: the proposals, newest first, with
// the names of their employers and the titles of their vacancies.
type proposalsData struct {
	list      []model.Proposal
	employers map[int64]string
	vacancies map[int64]string
}

func (v *workProposals) build() fyne.CanvasObject {
	v.reload()
	return v.screen
}

// reload reads the proposals again and shows the list.
func (v *workProposals) reload() {
	u, db, caseID := v.w.u, v.w.db, v.w.caseID
	v.showScreen(container.NewBorder(v.status, nil, nil, nil, container.NewVScroll(v.box)))
	load(u, func(ctx context.Context) (proposalsData, error) {
		d := proposalsData{employers: map[int64]string{}, vacancies: map[int64]string{}}
		var err error
		if d.list, err = db.ProposalsOf(ctx, caseID); err != nil {
			return d, err
		}
		for _, p := range d.list {
			if _, ok := d.employers[p.EmployerID]; !ok {
				e, err := db.Employer(ctx, p.EmployerID)
				if err != nil {
					return d, err
				}
				d.employers[p.EmployerID] = e.Name
			}
			if _, ok := d.vacancies[p.VacancyID]; p.VacancyID != 0 && !ok {
				vc, err := db.Vacancy(ctx, p.VacancyID)
				if err != nil {
					return d, err
				}
				d.vacancies[p.VacancyID] = vc.Title
			}
		}
		return d, nil
	}, v.show, func(err error) { v.status.SetText(u.errText(err)) })
}

func (v *workProposals) showScreen(o fyne.CanvasObject) {
	v.screen.Objects = []fyne.CanvasObject{container.NewPadded(o)}
	v.screen.Refresh()
}

func (v *workProposals) show(d proposalsData) {
	u := v.w.u
	v.box.RemoveAll()
	if len(d.list) == 0 {
		v.box.Add(widget.NewLabel(u.t("work_match.no_proposals")))
	}
	for i := range d.list {
		v.box.Add(v.row(&d.list[i], d))
		v.box.Add(widget.NewSeparator())
	}
	v.box.Refresh()
}

// row is one proposal: where it stands, its dates, what it may do next.
func (v *workProposals) row(p *model.Proposal, d proposalsData) fyne.CanvasObject {
	u := v.w.u
	vacancy := d.vacancies[p.VacancyID]
	if p.VacancyID == 0 {
		vacancy = u.t("work_match.spontaneous")
	}
	box := container.NewVBox(boldText(d.employers[p.EmployerID] + " · " + vacancy))
	box.Add(wrappedText(strings.Join(v.facts(p), " · ")))
	if p.Outcome != "" {
		box.Add(wrappedText(p.Outcome))
	}
	var buttons []*widget.Button // in a toolbar: what does not fit goes under "…"
	if u.op.Can(model.PartWork).Writes() {
		for _, to := range []model.ProposalState{model.ProposalInterview, model.ProposalHired, model.ProposalNotHired} {
			if model.CanMoveProposal(p.State, to) {
				to := to
				buttons = append(buttons, widget.NewButton(u.t("work_match.move_"+string(to)), func() { v.showMove(p, d.employers[p.EmployerID], to) }))
			}
		}
	}
	buttons = append(buttons, v.printButtons(p)...)
	box.Add(newToolbar(buttons...))
	if p.State == model.ProposalHired {
		box.Add(v.stillEmployed(p))
	}
	return box
}

// facts are the proposal's state and dates, and a hiring's terms or why
// there was none.
func (v *workProposals) facts(p *model.Proposal) []string {
	u := v.w.u
	out := []string{u.label("proposal_state", p.State), u.tr.Tf("work_match.proposed_on", map[string]any{"Date": day(p.ProposedAt)})}
	if !p.InterviewAt.IsZero() {
		out = append(out, u.tr.Tf("work_match.interview_on", map[string]any{"Date": day(p.InterviewAt)}))
	}
	switch p.State {
	case model.ProposalHired:
		contract := p.Contract
		if c, ok := model.ContractType(p.Contract); ok {
			contract = c.Label(u.tr.Lang())
		}
		out = append(out, contract, u.tr.Tf("work_match.hired_from", map[string]any{"Date": p.HiredFrom.Format("02/01/2006")}),
			u.tr.Tf("work_match.hours", map[string]any{"Hours": number(p.WeeklyHours)}))
	case model.ProposalNotHired:
		out = append(out, u.tr.Tf("work_match.decided_on", map[string]any{"Date": day(p.DecidedAt)}), u.t("not_hired.reason_"+p.Reason))
	}
	return out
}

// printButtons print the candidate sheet: in the person's language to
// show them, in Italian for the employer.
func (v *workProposals) printButtons(p *model.Proposal) []*widget.Button {
	u, person := v.w.u, v.w.person
	lang := person.PreferredLanguage
	if lang == "" {
		lang = "it"
	}
	sheet := func(label, lang string) *widget.Button {
		return widget.NewButtonWithIcon(label, theme.DocumentPrintIcon(), func() {
			u.printRequest(printouts.Request{Doc: "candidate", CaseCode: person.CaseCode, Lang: lang, ProposalID: p.ID},
				person.ID, v.status.SetText)
		})
	}
	out := []*widget.Button{sheet(u.t("work_match.sheet_employer"), "it")}
	if lang != "it" {
		out = append(out, sheet(u.tr.Tf("work_match.sheet_person", map[string]any{"Language": u.label("lang", lang)}), lang))
	}
	return out
}

// stillEmployedAhead is how long before it is due a still-employed check
// may be answered, as Today shows it.
const stillEmployedAhead = 7 * 24 * time.Hour

// stillEmployed shows the answers to "still employed?" 4 weeks and 6
// months after the start, and asks those not given.
func (v *workProposals) stillEmployed(p *model.Proposal) fyne.CanvasObject {
	u := v.w.u
	box := container.NewVBox()
	for _, c := range []struct{ check, answer string }{{model.Check4Weeks, p.Still4Weeks}, {model.Check6Months, p.Still6Months}} {
		q := u.tr.Tf("work_match.still_"+c.check, map[string]any{"Date": p.CheckDue(c.check).Format("02/01/2006")})
		if c.answer != "" {
			box.Add(widget.NewLabel(q + " " + u.t("work_match.answer_"+c.answer)))
			continue
		}
		if !u.op.Can(model.PartWork).Writes() || p.CheckDue(c.check).After(nowFunc().Add(stillEmployedAhead)) {
			box.Add(widget.NewLabel(q + " " + u.t("work_match.not_asked")))
			continue
		}
		id, check := p.ID, c.check
		yes := widget.NewButton(u.t("work_match.answer_yes"), func() { v.onStillEmployed(id, check, true) })
		no := widget.NewButton(u.t("work_match.answer_no"), func() { v.onStillEmployed(id, check, false) })
		box.Add(container.NewHBox(widget.NewLabel(q), yes, no))
	}
	return box
}

func (v *workProposals) onStillEmployed(id int64, check string, employed bool) {
	u, db := v.w.u, v.w.db
	save(u, func(ctx context.Context) error { return db.RecordStillEmployed(ctx, id, check, employed) }, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		v.reload()
		v.status.SetText(u.t("work_match.answer_recorded"))
	})
}
