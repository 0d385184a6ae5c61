package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// candidatesData is what a vacancy's candidates load: the matches, and the
// person and open case of each.
type candidatesData struct {
	matches  *store.Matches
	persons  map[int64]*model.Person
	cases    map[int64]int64               // person → open case
	proposed map[int64]model.ProposalState // person → their proposal for this vacancy, if any
	more     [2]int                        // ranked and not shown: proposable, needing consent
}

// candidatesShown is how many of each list the page shows, the best first:
// at a regional desk a vacancy may match thousands.
const candidatesShown = 30

// showCandidates shows the persons ranked for a vacancy, each with why it
// matches and what is missing; those whose consent to be proposed to this
// employer is lacking apart, saying so. From a candidate: their case, or
// Propose.
func (v *employersView) showCandidates(e *model.Employer, vc *model.Vacancy) {
	db, id := v.db, vc.ID
	v.status.SetText("")
	load(v.u, func(ctx context.Context) (candidatesData, error) {
		d := candidatesData{persons: map[int64]*model.Person{}, cases: map[int64]int64{},
			proposed: map[int64]model.ProposalState{}}
		var err error
		if d.matches, err = db.CandidatesFor(ctx, id); err != nil {
			return d, err
		}
		for i, list := range []*[]model.Match{&d.matches.Proposable, &d.matches.NeedsConsent} {
			if len(*list) > candidatesShown {
				d.more[i] = len(*list) - candidatesShown
				*list = (*list)[:candidatesShown]
			}
		}
		for _, m := range append(append([]model.Match{}, d.matches.Proposable...), d.matches.NeedsConsent...) {
			if err := d.readCandidate(ctx, db, m.PersonID, id); err != nil {
				return d, err
			}
		}
		return d, nil
	}, func(d candidatesData) { v.showCandidatesPage(e, vc, d) }, func(err error) { v.status.SetText(v.u.errText(err)) })
}

// readCandidate reads what a candidate's row shows: the person, their open
// case and whether they were proposed for the vacancy already.
func (d *candidatesData) readCandidate(ctx context.Context, db *store.DB, personID, vacancyID int64) error {
	var err error
	if d.persons[personID], err = db.Person(ctx, personID); err != nil {
		return err
	}
	caseID, err := openCase(ctx, db, personID)
	if err != nil || caseID == 0 {
		return err
	}
	d.cases[personID] = caseID
	proposals, err := db.ProposalsOf(ctx, caseID)
	for _, pr := range proposals {
		if pr.VacancyID == vacancyID {
			d.proposed[personID] = pr.State
		}
	}
	return err
}

// openCase is the person's open case, 0 when none is.
func openCase(ctx context.Context, db *store.DB, personID int64) (int64, error) {
	cases, err := db.CasesOf(ctx, personID)
	for _, c := range cases {
		if c.ClosedAt.IsZero() && c.Status != model.CaseClosed {
			return c.ID, err
		}
	}
	return 0, err
}

func (v *employersView) showCandidatesPage(e *model.Employer, vc *model.Vacancy, d candidatesData) {
	u := v.u
	back := widget.NewButtonWithIcon(e.Name, theme.NavigateBackIcon(), func() { v.showEmployer(e.ID) })
	title := boldText(u.tr.Tf("work_match.candidates_for", map[string]any{"Vacancy": vc.Title, "Employer": e.Name}))
	box := container.NewVBox(container.NewHBox(back), title, v.status)
	if d.matches.Excluded != "" {
		box.Add(wrappedText(u.t("work_match.excluded_" + d.matches.Excluded)))
	}
	list := func(ms []model.Match, consent bool, more int) fyne.CanvasObject {
		rows := container.NewVBox()
		for _, m := range ms {
			rows.Add(v.candidateRow(m, e, vc, d, consent))
			rows.Add(widget.NewSeparator())
		}
		if len(ms) == 0 {
			rows.Add(widget.NewLabel(u.t("work_match.no_candidates")))
		}
		if more > 0 {
			rows.Add(widget.NewLabel(u.tr.Tf("work_match.more", map[string]any{"N": more})))
		}
		return rows
	}
	if d.matches.Excluded == "" {
		box.Add(widget.NewCard(u.t("work_match.candidates"), "", list(d.matches.Proposable, false, d.more[0])))
		if len(d.matches.NeedsConsent) > 0 {
			box.Add(widget.NewCard(u.t("work_match.needs_consent"), u.t("work_match.needs_consent_hint"),
				list(d.matches.NeedsConsent, true, d.more[1])))
		}
	}
	v.setScreen(container.NewVScroll(box))
}

// candidateRow is one person ranked for the vacancy.
func (v *employersView) candidateRow(m model.Match, e *model.Employer, vc *model.Vacancy, d candidatesData, needsConsent bool) fyne.CanvasObject {
	u, p, caseID := v.u, d.persons[m.PersonID], d.cases[m.PersonID]
	box := container.NewVBox(boldText(p.DisplayName() + " · " + p.CaseCode))
	if needsConsent {
		l := wrappedText(u.t("work_match.consent_lacking"))
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	box.Add(u.matchDetails(m, nil))
	personID := p.ID
	buttons := container.NewHBox(widget.NewButtonWithIcon(u.t("work_match.open_case"), theme.AccountIcon(),
		func() { u.home.onOpenPerson(personID) }))
	if state, done := d.proposed[personID]; done {
		l := wrappedText(u.tr.Tf("work_match.already_proposed", map[string]any{"State": u.t("proposal_state." + string(state))}))
		l.Importance = widget.SuccessImportance
		box.Add(l)
	} else if caseID != 0 && u.op.Can(model.PartWork).Writes() {
		propose := widget.NewButtonWithIcon(u.t("work_match.propose"), theme.MailSendIcon(), func() {
			u.propose(proposeTarget{person: p, caseID: caseID, employer: vc.EmployerID, vacancy: vc.ID},
				v.status.SetText, func() { v.showCandidates(e, vc) })
		})
		propose.Importance = widget.HighImportance
		buttons.Add(propose)
	}
	box.Add(buttons)
	return box
}
