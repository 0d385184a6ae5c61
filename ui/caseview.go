package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// caseView shows one person: profile, cases and interview history. Opening
// it leaves a trace in the audit trail.
type caseView struct {
	u        *App
	personID int64
	onEdit   func(*model.Person)
	box      *fyne.Container

	person     *model.Person
	cases      []model.Case
	interviews map[int64][]model.Interview
	screenings map[int64]*model.ScreeningRecord
	operators  map[int64]string
	plans      []model.Plan       // of the newest case, newest version first
	accesses   []model.AuditEvent // who opened and printed the file, for a coordinator
	erasure    *model.Erasure     // when the person was erased: only the tally is left
}

func newCaseView(u *App, personID int64, onEdit func(*model.Person)) *caseView {
	return &caseView{u: u, personID: personID, onEdit: onEdit,
		box: container.NewVBox(widget.NewLabel(u.t("case.loading")))}
}

func (v *caseView) build() fyne.CanvasObject {
	v.load()
	return container.NewVScroll(container.NewPadded(v.box))
}

// load reads everything the view shows, in one snapshot, off the UI
// goroutine; opening the file leaves its trace first, so the accesses shown
// include this one.
func (v *caseView) load() {
	db, by, personID := v.u.db, v.u.operatorID(), v.personID
	load(v.u, func(ctx context.Context) (*store.CaseOverview, error) {
		if err := db.RecordView(ctx, by, personID); err != nil {
			return nil, err
		}
		return db.CaseOverview(ctx, personID)
	}, v.loaded, func(err error) {
		v.box.Objects = []fyne.CanvasObject{widget.NewLabel(v.u.errText(err))}
		v.box.Refresh()
	})
}

// loaded takes what load read, on the UI goroutine, and shows it.
func (v *caseView) loaded(o *store.CaseOverview) {
	v.person, v.cases, v.interviews, v.screenings = o.Person, o.Cases, o.Interviews, o.Screenings
	v.plans, v.erasure, v.accesses = o.Plans, o.Erasure, latestAccesses(o.Trail)
	v.operators = map[int64]string{}
	for _, op := range o.Operators {
		v.operators[op.ID] = op.FullName
	}
	v.show()
}

func (v *caseView) show() {
	u, p := v.u, v.person
	if v.erasure != nil {
		v.showErased()
		return
	}
	name := widget.NewLabelWithStyle(p.DisplayName(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	name.Truncation = fyne.TextTruncateEllipsis
	// Two toolbars, each keeping to the view's width: the case's work
	// (plan, consents, referrals, print) first, then the person's record.
	var work, record []*widget.Button
	if len(v.cases) > 0 {
		caseID := v.cases[0].ID
		if b := v.interviewButton(v.cases[0], v.interviews[v.cases[0].ID]); b != nil {
			record = append(record, b) // the main thing to do at the desk
		}
		work = append(work,
			widget.NewButtonWithIcon(u.t("case.plan"), theme.DocumentIcon(), func() { u.home.showFromCase(p, newPlanView(u, p, caseID).build()) }),
			widget.NewButtonWithIcon(u.t("case.consents"), theme.ConfirmIcon(), func() { u.home.showFromCase(p, newConsentsView(u, p).build()) }),
			widget.NewButtonWithIcon(u.t("case.referrals"), theme.MailSendIcon(), func() { u.home.showFromCase(p, newReferralsView(u, p, caseID).build()) }),
			widget.NewButtonWithIcon(u.t("case.print"), theme.DocumentPrintIcon(), func() { u.home.showFromCase(p, newPrintPanel(u, p).build()) }))
		if u.op.May(model.PermRights) {
			work = append(work, widget.NewButtonWithIcon(u.t("rights_request.button"), theme.DownloadIcon(),
				func() { u.home.showFromCase(p, newAccessRequest(u, p).build()) }))
		}
		if u.op.Can(model.PartSkills).Reads() {
			work = append(work, widget.NewButtonWithIcon(u.t("skills.button"), theme.AccountIcon(),
				func() { u.home.showFromCase(p, newSkillsView(u, p).build()) }))
		}
		if u.op.Can(model.PartWork).Reads() {
			work = append(work, widget.NewButtonWithIcon(u.t("work.button"), theme.StorageIcon(),
				func() { u.home.showFromCase(p, newWorkView(u, p, caseID).build()) }))
		}
	}
	if u.op.Can(model.PartIdentity).Writes() { // else the store would refuse the change: no button for it
		record = append(record, widget.NewButtonWithIcon(u.t("case.edit"), theme.DocumentCreateIcon(), func() { v.onEdit(p) }))
	}
	if u.op.May(model.PermErase) {
		record = append(record, v.eraseButton())
	}
	objs := []fyne.CanvasObject{name, widget.NewLabel(p.CaseCode)}
	if len(record) > 0 {
		objs = append(objs, newToolbar(record...))
	}
	if withheld := v.withheldLine(); withheld != nil {
		objs = append(objs, withheld)
	}
	if len(work) > 0 {
		objs = append(objs, newToolbar(work...))
	}
	if p.OwnScriptName != "" {
		own := newScriptText(p.OwnScriptName, p.PreferredLanguage)
		own.sizeName = theme.SizeNameSubHeadingText
		objs = append(objs, own)
	}
	if line := v.planDue(); line != "" {
		due := widget.NewLabel(line)
		due.Wrapping = fyne.TextWrapWord
		due.Importance = widget.WarningImportance
		objs = append(objs, due)
	}
	objs = append(objs, widget.NewCard(u.t("case.profile"), "", v.profile()))
	objs = append(objs, widget.NewLabelWithStyle(u.t("case.cases"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, c := range v.cases {
		objs = append(objs, v.caseCard(c))
	}

	if card := v.accessCard(); card != nil {
		objs = append(objs, card)
	}
	v.box.Objects = objs
	v.box.Refresh()
}

// profile lists the person's recorded data, skipping what is empty.
func (v *caseView) profile() fyne.CanvasObject {
	u, p := v.u, v.person
	var rows []fyne.CanvasObject
	add := func(key, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		val := widget.NewLabel(value)
		val.Wrapping = fyne.TextWrapWord
		rows = append(rows, widget.NewLabelWithStyle(u.t(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), val)
	}
	add("person.aliases", strings.Join(p.Aliases, ", "))
	if p.Sex != model.SexUnknown {
		add("person.sex", u.label("sex", p.Sex))
	}
	add("person.birth_date", p.BirthDate.Italian())
	add("person.birth_country", v.country(p.BirthCountry))
	var cits []string
	for _, c := range p.Citizenships {
		cits = append(cits, v.country(c))
	}
	add("person.citizenship", strings.Join(cits, ", "))
	if _, ok := model.LanguageByTag(p.PreferredLanguage); ok {
		add("person.preferred_language", u.label("lang", p.PreferredLanguage)+" ("+p.PreferredLanguage+")")
	}
	add("person.phone", p.Phone)
	dom := p.Domicile
	if p.DomicileInformal {
		dom = strings.TrimSpace(dom + " (" + u.t("person.domicile_informal") + ")")
	}
	add("person.domicile", dom)
	add("person.fiscal_code", p.FiscalCode)
	var permit []string
	if t := strings.TrimSpace(p.Permit.Type + " " + p.Permit.Number); t != "" {
		permit = append(permit, t)
	}
	if p.Permit.Status != "" {
		permit = append(permit, u.label("permit", p.Permit.Status))
	}
	if !p.Permit.Expiry.IsZero() {
		permit = append(permit, u.tr.Tf("case.expires", map[string]any{"Date": p.Permit.Expiry.Italian()}))
	}
	add("case.permit", strings.Join(permit, " · "))
	if p.Channel != "" {
		add("person.channel", u.label("channel", p.Channel))
	}
	if len(rows) == 0 {
		return widget.NewLabel(u.t("case.no_profile"))
	}
	return container.New(layout.NewFormLayout(), rows...)
}

func (v *caseView) country(code string) string {
	if c, ok := model.CountryByISO2(code); ok {
		return v.u.countryName(c)
	}
	return code
}

// caseCard shows one case and its interviews.
func (v *caseView) caseCard(c model.Case) fyne.CanvasObject {
	u := v.u
	title := fmt.Sprintf("%s · %s", u.label("case_status", c.Status), u.tr.Tf("case.opened", map[string]any{"Date": day(c.OpenedAt)}))
	sub := u.tr.Tf("case.assigned", map[string]any{"Name": v.operators[c.OperatorID]}) + " · " + u.label("priority", c.Priority)
	if !c.ClosedAt.IsZero() {
		sub += " · " + u.tr.Tf("case.closed", map[string]any{"Date": day(c.ClosedAt)})
	}
	ivs := v.interviews[c.ID]
	var lines []fyne.CanvasObject
	lines = append(lines, v.teamLine(c))
	if life := v.lifeLine(c); life != nil {
		lines = append(lines, life)
	}
	count := widget.NewLabelWithStyle(u.N("case.interviews", len(ivs)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	lines = append(lines, count)
	for _, iv := range ivs {
		lines = append(lines, v.interviewLine(iv))
	}
	return widget.NewCard(title, sub, container.NewVBox(lines...))
}

func (v *caseView) interviewLine(iv model.Interview) fyne.CanvasObject {
	u := v.u
	parts := []string{day(iv.Date), u.label("interview_kind", iv.Kind), u.label("place", iv.Place)}
	if _, ok := model.LanguageByTag(iv.Language); ok {
		parts = append(parts, u.label("lang", iv.Language))
	}
	if iv.Mediator != "" {
		parts = append(parts, u.tr.Tf("case.mediator", map[string]any{"Name": iv.Mediator}))
	}
	if name := v.operators[iv.OperatorID]; name != "" {
		parts = append(parts, name)
	}
	if iv.Duration > 0 {
		parts = append(parts, u.tr.Tf("case.minutes", map[string]any{"Minutes": int(iv.Duration / time.Minute)}))
	}
	parts = append(parts, u.N("case.answers", len(iv.Answers)))
	if iv.Status == model.InterviewInProgress {
		parts = append(parts, u.t("case.in_progress"))
	}
	if rec := v.screenings[iv.ID]; rec != nil {
		parts = append(parts, screeningSummary(u, rec))
	}
	line := widget.NewLabel(strings.Join(parts, " · "))
	line.Wrapping = fyne.TextWrapWord
	var row fyne.CanvasObject = line
	if rec := v.screenings[iv.ID]; rec != nil {
		iv := iv
		more := widget.NewButton(u.t("case.show_screening"), func() { v.showScreening(&iv, rec) })
		row = container.NewBorder(nil, nil, nil, container.NewVBox(more), line)
	}
	if iv.Notes == "" {
		return row
	}
	notes := widget.NewLabel(iv.Notes)
	notes.Wrapping = fyne.TextWrapWord
	notes.Importance = widget.LowImportance
	return container.NewVBox(row, notes)
}

// day formats a time as a local calendar date, the Italian way.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("02/01/2006")
}
