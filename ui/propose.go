package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/printouts"
	"sportello/store"
)

// proposeTarget is who is proposed to whom: the person and their case, the
// employer and, when the proposal answers one, its vacancy.
type proposeTarget struct {
	person   *model.Person
	caseID   int64
	employer int64
	vacancy  int64
}

// proposer is the one flow that proposes a person to an employer, from a
// vacancy's candidates and from the person's matching vacancies. A flagged
// employer: a coordinator confirms, anyone else is refused by the store
// (model.ErrFlagged) and told so. Without the person's consent to share
// their data with the employer it offers the consent form to print and
// records the consent given; then the proposal is made.
type proposer struct {
	u      *App
	db     *store.DB
	t      proposeTarget
	status func(string) // where the outcome is said
	done   func()       // after the proposal is made
}

// proposeCheck is what the flow reads before proposing.
type proposeCheck struct {
	employer  *model.Employer
	consented bool
}

// propose starts the flow; status says how it went, done runs once the
// proposal exists (before status says so).
func (u *App) propose(t proposeTarget, status func(string), done func()) {
	f := &proposer{u: u, db: u.data, t: t, status: status, done: done}
	db := f.db
	load(u, func(ctx context.Context) (proposeCheck, error) {
		e, err := db.Employer(ctx, t.employer)
		if err != nil {
			return proposeCheck{}, err
		}
		history, err := db.ConsentsOf(ctx, t.person.ID)
		if err != nil {
			return proposeCheck{}, err
		}
		_, ok := model.EmployerProposalAllowed(history, t.employer)
		return proposeCheck{employer: e, consented: ok}, nil
	}, f.checked, func(err error) { status(u.errText(err)) })
}

// checked goes on from what was read: the flag first, then the consent.
func (f *proposer) checked(c proposeCheck) {
	u := f.u
	switch {
	case c.employer.Flag != nil && u.op.Role == model.RoleCoordinator:
		text := widget.NewLabel(u.tr.Tf("work_match.flagged_confirm", map[string]any{"Employer": c.employer.Name}))
		text.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustomConfirm(u.t("work_match.flagged_title"), u.t("work_match.propose_anyway"), u.t("form.cancel"),
			text, func(ok bool) {
				if ok {
					f.consentThenCreate(c)
				}
			}, u.win)
		d.Resize(fyne.NewSize(520, 220))
		d.Show()
	case c.employer.Flag != nil:
		f.create() // the store refuses it, and says why
	default:
		f.consentThenCreate(c)
	}
}

func (f *proposer) consentThenCreate(c proposeCheck) {
	if !c.consented {
		f.askConsent(c.employer)
		return
	}
	f.create()
}

// create makes the proposal.
func (f *proposer) create() {
	u, db, t := f.u, f.db, f.t
	write(u, func(ctx context.Context) (model.Proposal, error) {
		p := model.Proposal{CaseID: t.caseID, EmployerID: t.employer, VacancyID: t.vacancy}
		return p, db.CreateProposal(ctx, &p)
	}, func(model.Proposal) {
		if f.done != nil {
			f.done()
		}
		f.status(u.t("work_match.proposed"))
	}, func(err error) { f.status(proposalRefusal(u, err)) })
}

// proposalRefusal says why the store refused a proposal, in the interface
// language.
func proposalRefusal(u *App, err error) string {
	var me *model.Error
	if !errors.As(err, &me) {
		return u.errText(err)
	}
	switch {
	case me.Code == model.ErrFlagged && me.Field == "vacancy":
		return u.t("work_match.held_refused")
	case me.Code == model.ErrFlagged:
		return u.t("work_match.flagged_refused")
	case me.Code == model.ErrNoConsent:
		return u.t("work_match.no_consent_refused")
	case me.Code == model.ErrConflict && me.Field == "vacancy":
		return u.t("work_match.not_open_refused")
	}
	return u.errText(err)
}

// askConsent says that the person has not consented to their data going
// to this employer, offers the consent form to print in the person's
// language, and records the consent given (date, language, mediator, as
// the consents screen does); the proposal follows.
func (f *proposer) askConsent(e *model.Employer) {
	u, p := f.u, f.t.person
	lang := languageChoice(u)
	lang.setCode(p.PreferredLanguage)
	date := u.dateEntry()
	date.SetText(nowFunc().Format("02/01/2006"))
	mediator := widget.NewEntry()
	fLang, fDate := newField("language", u.t("consents.language"), lang), newField("date", u.t("work_match.consent_date"), date)
	fMed := newField("mediator", u.t("interview.mediator"), mediator)
	note := widget.NewLabel(u.tr.Tf("work_match.no_consent", map[string]any{"Name": p.DisplayName(), "Employer": e.Name}))
	note.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	printForm := widget.NewButtonWithIcon(u.t("work_match.print_consent"), theme.DocumentPrintIcon(), func() {
		req := printouts.Request{Doc: "consent", CaseCode: p.CaseCode, Lang: lang.code(),
			Purpose: string(model.PurposeSharing), EmployerID: e.ID}
		u.printRequest(req, p.ID, status.SetText)
	})
	record := widget.NewButtonWithIcon(u.t("work_match.record_consent"), theme.ConfirmIcon(), func() {
		f.onRecordConsent(e, lang.code(), date.Text, strings.TrimSpace(mediator.Text), fDate, status, func() { d.Hide() })
	})
	record.Importance = widget.HighImportance
	cancel := widget.NewButton(u.t("form.cancel"), func() { d.Hide() })
	content := container.NewVBox(note, formGrid(fLang, fDate, fMed), status,
		container.NewHBox(printForm, layout.NewSpacer(), cancel, record))
	d = dialog.NewCustomWithoutButtons(u.t("work_match.consent_title"), content, u.win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

// onRecordConsent records the consent given on the day typed, then makes
// the proposal; a day it cannot read stays on its field.
func (f *proposer) onRecordConsent(e *model.Employer, lang, typed, mediator string, fDate *field, status *widget.Label, close func()) {
	u, db, by := f.u, f.db, f.u.operatorID()
	at, ok := readDay(typed)
	if !ok {
		fDate.setError(u.t("employers.date_invalid"))
		return
	}
	fDate.setError("")
	now := nowFunc()
	if y, m, d := now.Date(); at.Equal(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) {
		at = now // today: the hour too, after any earlier record of the day
	}
	c := model.Consent{PersonID: f.t.person.ID, Purpose: model.PurposeSharing, EmployerID: e.ID,
		NoticeVersion: NoticeVersion, Language: lang, Mediator: mediator, State: model.ConsentGiven, Date: at,
		RecordedBy: by}
	if err := c.Validate(); err != nil {
		if !u.showFieldErrors(err, fDate) {
			status.SetText(u.errText(err))
		}
		return
	}
	save(u, func(ctx context.Context) error { return db.RecordConsent(ctx, &c, nil, by) }, func(err error) {
		if err != nil {
			status.SetText(u.errText(err))
			return
		}
		close()
		f.create()
	})
}
