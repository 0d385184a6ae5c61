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
	"sportello/store"
)

// maxCandidates is how many likely files the registration shows.
const maxCandidates = 5

// candidatesPause is the pause in typing after which the registration
// looks for the person's files.
const candidatesPause = 300 * time.Millisecond

// possibleFiles is "Forse è già registrato/a", beside the registration
// form (issue #17): while the operator types the names, the birth date, the
// phone or the fiscal code, the files of the desk that are likely the same
// person, each with why, a button to open it instead of registering and one
// to say it is another person. Those said apart are remembered, and
// recorded (NotSamePerson) once the new person is saved. A failed lookup
// only leaves the panel empty: it never stops the registration.
type possibleFiles struct {
	u      *App
	f      *personForm
	onOpen func(personID int64) // opens an existing file, leaving the form

	rows   *fyne.Container
	hint   *widget.Label               // hidden above the form, where room is short
	panel  fyne.CanvasObject           // hidden while there is nothing to show
	scroll *container.Scroll           // the form's fields, kept on the focused one
	byID   map[int64]fyne.CanvasObject // the row shown for each file
	timer  *time.Timer
	gen    int
	apart  []int64 // the files said to be another person, in order
}

func newPossibleFiles(u *App, f *personForm, onOpen func(int64)) *possibleFiles {
	c := &possibleFiles{u: u, f: f, onOpen: onOpen, rows: container.NewVBox(),
		byID: map[int64]fyne.CanvasObject{}}
	title := widget.NewLabelWithStyle(u.t("duplicates.maybe_registered"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = widget.WarningImportance
	c.hint = wrappedText(u.t("duplicates.maybe_hint"))
	head := container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, title)
	c.panel = container.NewPadded(container.NewBorder(container.NewVBox(head, c.hint, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(c.rows)))
	c.panel.Hide()
	for _, e := range []*widget.Entry{f.family, f.given, f.own, f.birth, f.phone, f.fiscal} {
		then := e.OnChanged
		e.OnChanged = func(s string) {
			if then != nil {
				then(s)
			}
			c.onTyped()
		}
	}
	return c
}

// onTyped waits for a short pause in typing, then looks.
func (c *possibleFiles) onTyped() {
	if c.u.sync {
		c.lookup()
		return
	}
	if c.timer != nil {
		c.timer.Stop()
	}
	do := c.u.do
	c.timer = time.AfterFunc(candidatesPause, func() { do(c.lookup) })
}

// draft is what the form says of the person so far: the birth date only
// when it reads as a date.
func (c *possibleFiles) draft() *model.Person {
	f := c.f
	p := &model.Person{FamilyName: strings.TrimSpace(f.family.Text), GivenNames: strings.TrimSpace(f.given.Text),
		OwnScriptName: strings.TrimSpace(f.own.Text), Phone: strings.TrimSpace(f.phone.Text),
		FiscalCode: strings.TrimSpace(f.fiscal.Text)}
	if d, err := model.ReadDate(f.birth.Text); err == nil {
		p.BirthDate = d
	}
	return p
}

// lookup asks the store for the likely files of the draft; only the answer
// to the latest question is shown.
func (c *possibleFiles) lookup() {
	c.gen++
	gen, p, db := c.gen, c.draft(), c.u.db
	if db == nil || c.u.op == nil {
		return // signed out while the timer ran
	}
	if p.FamilyName == "" && p.OwnScriptName == "" && p.Phone == "" && p.FiscalCode == "" {
		c.show(nil)
		return
	}
	limit := maxCandidates + len(c.apart)
	load(c.u, func(ctx context.Context) ([]store.DuplicateCandidate, error) {
		return db.DuplicateCandidates(ctx, p, limit)
	}, func(found []store.DuplicateCandidate) {
		if gen == c.gen {
			c.show(found)
		}
	}, func(error) {
		if gen == c.gen {
			c.show(nil) // the registration goes on without
		}
	})
}

// show lists the files found, but those said apart, and hides the panel
// when none is left.
func (c *possibleFiles) show(found []store.DuplicateCandidate) {
	c.rows.Objects, c.byID = nil, map[int64]fyne.CanvasObject{}
	for _, d := range found {
		if len(c.rows.Objects) < maxCandidates && !contains64(c.apart, d.Person.ID) {
			c.byID[d.Person.ID] = c.row(d)
			c.rows.Objects = append(c.rows.Objects, c.byID[d.Person.ID])
		}
	}
	c.rows.Refresh()
	if len(c.rows.Objects) == 0 {
		c.panel.Hide()
	} else {
		c.panel.Show()
	}
	c.refreshLayout()
}

// row is one likely file: who, the two buttons, and the evidence.
func (c *possibleFiles) row(d store.DuplicateCandidate) fyne.CanvasObject {
	u, p := c.u, d.Person
	name := widget.NewLabelWithStyle(p.DisplayName(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	var own fyne.CanvasObject
	if p.OwnScriptName != "" {
		own = newScriptText(p.OwnScriptName, p.PreferredLanguage)
	}
	box := container.NewVBox(container.NewBorder(nil, nil, nil, own, name))
	var facts []string
	if !p.BirthDate.IsZero() {
		facts = append(facts, u.tr.Tf("duplicates.born", map[string]any{"Date": p.BirthDate.Italian()}))
	}
	facts = append(facts, p.CaseCode, u.tr.Tf("duplicates.score", map[string]any{"Score": scorePercent(d.Match)}))
	box.Add(wrappedText(strings.Join(facts, " · ")))
	id := p.ID
	open := widget.NewButtonWithIcon(u.t("duplicates.open_file"), theme.FolderOpenIcon(), func() { c.onOpen(id) })
	open.Importance = widget.HighImportance
	apart := widget.NewButton(u.t("duplicates.not_same"), func() { c.onNotSame(id) })
	box.Add(container.NewHBox(open, apart)) // before the reasons: in view where room is short
	box.Add(u.reasonLabels(d.Match))
	box.Add(widget.NewSeparator())
	return box
}

// onNotSame hides the file and remembers it, for after the save.
func (c *possibleFiles) onNotSame(id int64) {
	if !contains64(c.apart, id) {
		c.apart = append(c.apart, id)
	}
	var keep []fyne.CanvasObject
	for _, o := range c.rows.Objects {
		if o != c.byID[id] {
			keep = append(keep, o)
		}
	}
	c.rows.Objects = keep
	c.rows.Refresh()
	if len(keep) == 0 {
		c.panel.Hide()
	}
	c.refreshLayout()
	c.lookup() // one more may come in its place
}

// recordApart tells the store, once the person is saved, that each file
// said apart is another person; a failure is shown but the person stays
// saved.
func (c *possibleFiles) recordApart(saved *model.Person) {
	if len(c.apart) == 0 {
		return
	}
	db, by, ids, newID := c.u.db, c.u.operatorID(), append([]int64(nil), c.apart...), saved.ID
	save(c.u, func(ctx context.Context) error {
		for _, id := range ids {
			if err := db.NotSamePerson(ctx, newID, id, by); err != nil {
				return err
			}
		}
		return nil
	}, func(err error) {
		if err != nil {
			c.u.showError(err)
		}
	})
}

// refreshLayout lays the form and the panel out again, keeping the field
// being typed into in view (the panel above the form pushes it down).
func (c *possibleFiles) refreshLayout() {
	if c.f.body == nil {
		return
	}
	c.f.body.Refresh()
	if c.scroll == nil || c.u.sync {
		return
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.scroll); cv != nil {
		if o, ok := cv.Focused().(fyne.CanvasObject); ok && inside(c.scroll.Content, o) {
			scrollToShow(c.scroll, o)
		}
	}
}

func contains64(list []int64, x int64) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// panelWidth is the panel's width beside the form; formRoom is the least
// the form keeps beside it. With less room, the panel goes above the form,
// at most panelShare of the height, scrolling.
const (
	panelWidth = 390
	formRoom   = 420
	panelShare = 0.5
)

// besideLayout lays out the form (first) and the panel of possible files
// (second): the panel to the right when both fit, above the form when not,
// and the form alone while the panel is hidden.
type besideLayout struct{ c *possibleFiles }

func (l besideLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l besideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	form, panel, pad := objs[0], objs[1], theme.Padding()
	switch {
	case !panel.Visible():
		form.Move(fyne.NewPos(0, 0))
		form.Resize(size)
	case size.Width >= formRoom+panelWidth+pad:
		l.c.hint.Show()
		fw := size.Width - panelWidth - pad
		form.Move(fyne.NewPos(0, 0))
		form.Resize(fyne.NewSize(fw, size.Height))
		panel.Move(fyne.NewPos(fw+pad, 0))
		panel.Resize(fyne.NewSize(panelWidth, size.Height))
	default:
		l.c.hint.Hide()
		h := min(panel.MinSize().Height+l.c.rows.MinSize().Height, size.Height*panelShare)
		panel.Move(fyne.NewPos(0, 0))
		panel.Resize(fyne.NewSize(size.Width, h))
		form.Move(fyne.NewPos(0, h+pad))
		form.Resize(fyne.NewSize(size.Width, size.Height-h-pad))
	}
}
