package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/exchange"
	"sportello/store"
)

// conflictsPanel lists the records an import found changed on both desks,
// shows what differs, and lets an operator keep this desk's version or
// take the other desk's.
type conflictsPanel struct {
	u       *App
	db      *store.DB
	list    *fyne.Container
	detail  *fyne.Container
	status  *widget.Label
	open    []exchange.ConflictView
	names   map[string]string // case code → the person's name, to recognise a record
	persons map[string]int64  // case code → the person's ID, to audit a look at their data
	current int64             // the conflict shown, 0 for none
	onCount func(n int)
}

// entityKeys name the kinds of record a conflict can be about.
var entityKeys = map[string]string{"person": "exchange.entity_person", "case": "exchange.entity_case",
	"interview": "exchange.entity_interview", "plan": "exchange.entity_plan", "consent": "exchange.entity_consent",
	"referral": "exchange.entity_referral", "activity": "exchange.entity_activity", "service": "exchange.entity_service",
	"operator": "exchange.entity_operator", "skills_profile": "exchange.entity_skills_profile",
	"employer": "exchange.entity_employer", "vacancy": "exchange.entity_vacancy", "proposal": "exchange.entity_proposal",
	"internship": "exchange.entity_internship", "enterprise": "exchange.entity_enterprise"}

func newConflictsPanel(u *App, db *store.DB, onCount func(int)) *conflictsPanel {
	p := &conflictsPanel{u: u, db: db, list: container.NewVBox(), detail: container.NewVBox(), status: wrapped(),
		onCount: onCount}
	p.status.Hide()
	return p
}

func (p *conflictsPanel) build() fyne.CanvasObject {
	list := widget.NewCard("", p.u.t("exchange.conflicts_title"), container.NewVBox(
		wrappedText(p.u.t("exchange.conflicts_intro")), p.status, p.list))
	return container.NewVScroll(container.NewPadded(container.NewVBox(list, p.detail)))
}

func (p *conflictsPanel) kind(entity string) string {
	if key, ok := entityKeys[entity]; ok {
		return p.u.t(key)
	}
	return entity
}

// reload reads the open conflicts and shows them, keeping the one shown
// if it is still open.
func (p *conflictsPanel) reload() {
	if p.db == nil {
		return
	}
	db := p.db
	load(p.u, func(ctx context.Context) (openConflicts, error) {
		return readConflicts(ctx, db)
	}, func(c openConflicts) {
		p.open, p.names, p.persons = c.open, c.names, c.persons
		p.showList()
		if p.onCount != nil {
			p.onCount(len(c.open))
		}
	}, func(err error) { say(p.status, p.u.errText(err)) })
}

// openConflicts are the conflicts left open, with the name and ID of the
// person each one is about, by case code.
type openConflicts struct {
	open    []exchange.ConflictView
	names   map[string]string
	persons map[string]int64
}

func readConflicts(ctx context.Context, db *store.DB) (openConflicts, error) {
	c := openConflicts{names: map[string]string{}, persons: map[string]int64{}}
	var err error
	if c.open, err = exchange.Conflicts(ctx, db); err != nil {
		return c, err
	}
	for _, o := range c.open {
		if code := caseCodeOf(o); code != "" && c.names[code] == "" {
			if person, err := db.PersonByCaseCode(ctx, code); err == nil {
				c.names[code], c.persons[code] = person.DisplayName(), person.ID
			}
		}
	}
	return c, nil
}

func (p *conflictsPanel) showList() {
	u := p.u
	p.list.RemoveAll()
	if len(p.open) == 0 {
		p.list.Add(widget.NewLabel(u.t("exchange.conflicts_none")))
	}
	found := false
	for _, c := range p.open {
		id := c.ID
		text := u.tr.Tf("exchange.conflict_row", map[string]any{"Label": p.title(c), "Kind": p.kind(c.Entity), "Desk": c.From})
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Bold = id == p.current
		b := widget.NewButton(u.t("exchange.conflict_open"), func() { p.onSelect(id) })
		if id == p.current {
			b.Importance = widget.HighImportance
			found = true
		}
		p.list.Add(container.NewBorder(nil, nil, nil, b, l))
	}
	p.list.Refresh()
	if !found {
		p.current = 0
		p.detail.RemoveAll()
		p.detail.Refresh()
	}
}

// selected is the conflict shown, or nil.
func (p *conflictsPanel) selected() *exchange.ConflictView {
	for i := range p.open {
		if p.open[i].ID == p.current {
			return &p.open[i]
		}
	}
	return nil
}

// onSelect shows what differs in a conflict, with the two choices.
func (p *conflictsPanel) onSelect(id int64) {
	u := p.u
	p.current = id
	p.showList()
	c := p.selected()
	if c == nil {
		return
	}
	if person := p.persons[caseCodeOf(*c)]; person != 0 {
		// Both versions show the person's data: the look is audited, like opening the file.
		db, by := p.db, u.op.ID
		save(u, func(ctx context.Context) error { return db.RecordView(ctx, by, person) }, func(error) {})
	}
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	cell := func(s string) *widget.Label {
		if s == "" {
			s = "—"
		}
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapBreak
		return l
	}
	rows := container.NewVBox(container.NewGridWithColumns(3, bold(u.t("exchange.field")), bold(u.t("exchange.ours")),
		bold(u.tr.Tf("exchange.theirs", map[string]any{"Desk": c.From}))), widget.NewSeparator())
	for _, d := range c.Diffs {
		rows.Add(container.NewGridWithColumns(3, cell(u.fieldLabel(c.Entity, d.Field)), cell(readable(d.Ours)), cell(readable(d.Theirs))))
	}
	if len(c.Diffs) == 0 {
		rows.Add(widget.NewLabel(u.t("exchange.no_diffs")))
	}
	keep := widget.NewButtonWithIcon(u.t("exchange.keep_ours"), theme.ConfirmIcon(), p.onKeepOurs)
	take := widget.NewButtonWithIcon(u.t("exchange.take_theirs"), theme.ContentRedoIcon(), p.onTakeTheirs)
	buttons := container.NewVBox(container.NewHBox(keep, take))
	switch {
	case c.Reason == store.ReasonClash:
		take.Disable()
		buttons.Add(hintText(u.t("exchange.clash_hint")))
	case c.Entity == "consent" && c.LocalHash == "":
		// Not on this desk: given elsewhere after a withdrawal recorded here.
		buttons.Add(hintText(u.tr.Tf("exchange.consent_after_withdrawal", map[string]any{"Desk": c.From})))
	case c.Entity == "consent" || c.Entity == "operator":
		take.Disable()
		buttons.Add(hintText(u.t("exchange.cannot_replace")))
	}
	title := p.title(*c) + " · " + p.kind(c.Entity)
	p.detail.RemoveAll()
	p.detail.Add(widget.NewCard(title, u.tr.Tf("exchange.conflict_from", map[string]any{"Desk": c.From}),
		container.NewVBox(rows, widget.NewSeparator(), buttons)))
	p.detail.Refresh()
}

func hintText(s string) *widget.Label {
	l := hint()
	say(l, s)
	return l
}

func (p *conflictsPanel) onKeepOurs() { p.confirm(store.KeepOurs, "exchange.confirm_keep") }

func (p *conflictsPanel) onTakeTheirs() { p.confirm(store.TakeTheirs, "exchange.confirm_take") }

func (p *conflictsPanel) confirm(resolution, key string) {
	u := p.u
	c := p.selected()
	if c == nil {
		return
	}
	id := c.ID
	msg := u.tr.Tf(key, map[string]any{"Label": p.title(*c), "Desk": c.From})
	d := dialog.NewConfirm(u.t("exchange.confirm_title"), msg, func(ok bool) {
		if ok {
			p.resolve(id, resolution)
		}
	}, u.win)
	d.SetConfirmText(u.t("exchange.confirm_yes"))
	d.SetDismissText(u.t("exchange.confirm_no"))
	d.Show()
}

// resolve settles a conflict, then lists the ones left.
func (p *conflictsPanel) resolve(id int64, resolution string) {
	u := p.u
	var label string
	if c := p.selected(); c != nil && c.ID == id {
		label = p.title(*c)
	}
	db, op := p.db, u.op
	save(u, func(ctx context.Context) error {
		return exchange.Resolve(ctx, db, id, resolution, op)
	}, func(err error) {
		if err != nil {
			p.status.Importance = widget.DangerImportance
			say(p.status, u.errText(err))
			return
		}
		p.status.Importance = widget.MediumImportance
		say(p.status, u.tr.Tf("exchange.resolved", map[string]any{"Label": label}))
		p.current = 0
		p.reload()
	})
}

// caseCodeOf is the case code a conflict's label starts with, for the
// records that belong to a person; "" for services, accounts, activities.
func caseCodeOf(c exchange.ConflictView) string {
	switch c.Entity {
	case "service", "operator", "activity":
		return ""
	}
	if f := strings.Fields(c.Label); len(f) > 0 {
		return f[0]
	}
	return ""
}

// title is a conflict's label with the person's name, when there is one.
func (p *conflictsPanel) title(c exchange.ConflictView) string {
	if name := p.names[caseCodeOf(c)]; name != "" {
		return c.Label + " " + name
	}
	return c.Label
}

// readable shows a timestamp as a local date and time; any other value as it is.
func readable(s string) string {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil && strings.Contains(s, "T") {
		return t.Local().Format("02/01/2006 15:04:05")
	}
	return s
}

// personFields name a person's exchange fields with the registration
// form's labels; a list's items share their list's label.
var personFields = map[string]string{"cognome": "person.family_name", "nome": "person.given_names",
	"own_script_name": "person.own_script_name", "aliases": "person.aliases", "sesso": "person.sex",
	"sex_recorded": "person.sex", "data_nascita": "person.birth_date", "stato_nascita": "person.birth_country",
	"cittadinanza": "person.citizenship", "preferred_language": "person.preferred_language",
	"telefono": "person.phone", "domicilio": "person.domicile", "domicile_informal": "person.domicile_informal",
	"codice_fiscale": "person.fiscal_code", "titolo_soggiorno.tipo": "person.permit_type",
	"titolo_soggiorno.numero": "person.permit_number", "titolo_soggiorno.scadenza": "person.permit_expiry",
	"titolo_soggiorno.stato": "person.permit_status", "channel": "person.channel",
	"updated_at": "exchange.field_updated_at"}

// fieldLabel names a field of a conflict for an operator: a person's
// fields as the form names them; other fields by their exchange name.
func (u *App) fieldLabel(entity, path string) string {
	key := path
	if i := strings.IndexAny(key, "[."); i > 0 && !strings.HasPrefix(key, "titolo_soggiorno.") {
		key = key[:i]
	}
	if msg, ok := personFields[key]; ok && (entity == "person" || key == "updated_at") {
		return u.t(msg)
	}
	return path
}
