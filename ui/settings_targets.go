package ui

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// targetsPanel is the settings tab "Obiettivi del programma": the
// programme's targets (an indicator, a number, a period), added, changed
// and removed here and saved as a whole with SaveTargets. A form that does
// not read leaves what is saved as it was. Only a coordinator sees it.
type targetsPanel struct {
	u  *App
	db *store.DB

	saved   []model.Target // as last read from the store
	editing int            // the target being changed, -1 when adding one

	indicator        *choice
	number, from, to *widget.Entry
	fields           []*field // indicator, number, from, to (named as model.Target.Validate names them)
	save, cancel     *widget.Button
	list             *fyne.Container
	status           *widget.Label
}

func newTargetsPanel(u *App, db *store.DB) *targetsPanel {
	p := &targetsPanel{u: u, db: db, editing: -1, number: widget.NewEntry(), from: u.dateEntry(), to: u.dateEntry(),
		list: container.NewVBox(), status: wrapped()}
	var codes, labels []string
	for _, in := range model.ProgrammeIndicators {
		codes, labels = append(codes, in.ID), append(labels, in.Name(u.tr.Lang()))
	}
	p.indicator = newChoice(u, codes, labels)
	p.number.SetPlaceHolder(u.t("targets.number_hint"))
	p.fields = []*field{newField("indicator", u.t("targets.indicator"), p.indicator),
		newField("number", u.t("targets.number"), p.number),
		newField("from", u.t("targets.from"), p.from), newField("period", u.t("targets.to"), p.to)}
	p.save = widget.NewButtonWithIcon(u.t("targets.add"), theme.ContentAddIcon(), p.onSave)
	p.save.Importance = widget.HighImportance
	p.cancel = widget.NewButton(u.t("targets.cancel_edit"), p.clear)
	p.cancel.Hide()
	u.chainEntries(p.onSave, p.number, p.from, p.to)
	p.status.Hide()
	return p
}

func (p *targetsPanel) build() fyne.CanvasObject {
	u := p.u
	form := widget.NewCard(u.t("targets.form"), "", container.NewVBox(formGrid(p.fields...),
		container.NewHBox(p.save, p.cancel), p.status))
	p.reload()
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		widget.NewLabelWithStyle(u.t("targets.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrappedText(u.t("targets.intro")), p.list, form)))
}

// reload reads the targets and lists them.
func (p *targetsPanel) reload() {
	db := p.db
	load(p.u, func(ctx context.Context) ([]model.Target, error) {
		return db.Targets(ctx)
	}, p.show, func(err error) { p.say(p.u.errText(err), true) })
}

// show lists the targets saved, each with its Change and Remove buttons.
func (p *targetsPanel) show(ts []model.Target) {
	u := p.u
	p.saved = ts
	p.list.RemoveAll()
	if len(ts) == 0 {
		p.list.Add(widget.NewLabel(u.t("targets.none")))
	}
	for i, t := range ts {
		in, _ := model.ProgrammeIndicatorByID(t.Indicator)
		line := widget.NewLabel(u.tr.Tf("targets.row", map[string]any{"Name": in.Name(u.tr.Lang()),
			"Number": groupThousands(t.Number, u.tr.Lang()), "From": t.From.Format("02/01/2006"), "To": t.To.Format("02/01/2006")}))
		line.Wrapping = fyne.TextWrapWord
		edit := widget.NewButtonWithIcon(u.t("targets.edit"), theme.DocumentCreateIcon(), func() { p.onEdit(i) })
		remove := widget.NewButtonWithIcon(u.t("targets.remove"), theme.DeleteIcon(), func() { p.onRemove(i) })
		p.list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, remove), line))
	}
	p.list.Refresh()
}

// onEdit fills the form with a saved target, to change it.
func (p *targetsPanel) onEdit(i int) {
	t := p.saved[i]
	p.editing = i
	p.indicator.setCode(t.Indicator)
	p.number.SetText(groupThousands(t.Number, p.u.tr.Lang()))
	p.from.SetText(t.From.Format("02/01/2006"))
	p.to.SetText(t.To.Format("02/01/2006"))
	p.save.SetText(p.u.t("targets.save"))
	p.cancel.Show()
	p.say("", false)
}

// clear empties the form, for a new target.
func (p *targetsPanel) clear() {
	p.editing = -1
	p.indicator.ClearSelected()
	for _, e := range []*widget.Entry{p.number, p.from, p.to} {
		e.SetText("")
	}
	for _, f := range p.fields {
		f.setError("")
	}
	p.save.SetText(p.u.t("targets.add"))
	p.cancel.Hide()
	p.u.relayout()
}

// onRemove asks, then saves the targets without the one removed.
func (p *targetsPanel) onRemove(i int) {
	u := p.u
	in, _ := model.ProgrammeIndicatorByID(p.saved[i].Indicator)
	dialog.ShowConfirm(u.t("targets.remove"), u.tr.Tf("targets.remove_confirm", map[string]any{"Name": in.Name(u.tr.Lang())}),
		func(ok bool) {
			if ok {
				p.store(slices.Delete(slices.Clone(p.saved), i, i+1), u.t("targets.removed"))
			}
		}, u.win)
}

// onSave reads the form and saves the targets with it added or changed.
func (p *targetsPanel) onSave() {
	t, bad := p.read()
	for _, f := range p.fields {
		f.setError(bad[f.name])
	}
	p.u.relayout()
	if len(bad) > 0 {
		p.say(p.u.t("targets.not_saved"), true)
		return
	}
	next := slices.Clone(p.saved)
	if p.editing >= 0 {
		next[p.editing] = t
	} else {
		next = append(next, t)
	}
	p.store(next, p.u.t("targets.saved"))
}

// store saves next as the targets and reads them back; on a refusal what
// was saved stays as it was, and the form as typed.
func (p *targetsPanel) store(next []model.Target, done string) {
	u, db, by := p.u, p.db, p.u.operatorID()
	write(u, func(ctx context.Context) ([]model.Target, error) {
		if err := db.SaveTargets(ctx, next, by); err != nil {
			return nil, err
		}
		return db.Targets(ctx)
	}, func(ts []model.Target) {
		p.clear()
		p.show(ts)
		p.say(done, false)
	}, func(err error) {
		if !u.showFieldErrors(err, p.fields...) {
			p.say(u.errText(err), true)
			return
		}
		p.say(u.t("targets.not_saved"), true)
	})
}

// read takes the form into a target, with what is wrong by field.
func (p *targetsPanel) read() (model.Target, map[string]string) {
	u := p.u
	t := model.Target{Indicator: p.indicator.code()}
	bad := map[string]string{}
	if t.Indicator == "" {
		bad["indicator"] = u.t("error.required")
	}
	for i, s := range p.saved {
		if s.Indicator == t.Indicator && i != p.editing && t.Indicator != "" {
			bad["indicator"] = u.t("targets.duplicate")
		}
	}
	var msg string
	if t.Number, msg = p.readNumber(p.number.Text); msg != "" {
		bad["number"] = msg
	}
	day := func(e *widget.Entry, name string) time.Time {
		d, ok := readDay(strings.TrimSpace(e.Text))
		switch {
		case strings.TrimSpace(e.Text) == "":
			bad[name] = u.t("error.required")
		case !ok:
			bad[name] = u.t("targets.date_invalid")
		}
		return d
	}
	t.From, t.To = day(p.from, "from"), day(p.to, "period")
	if bad["from"] == "" && bad["period"] == "" && t.To.Before(t.From) {
		bad["period"] = u.t("targets.period_backwards")
	}
	return t, bad
}

// readNumber reads a whole number as the interface language writes it,
// thousands grouped or not (Italian 1.500, English 1,500), above zero.
func (p *targetsPanel) readNumber(s string) (int, string) {
	n, ok := readCount(s, p.u.tr.Lang())
	switch {
	case !ok:
		return 0, p.u.t("targets.number_invalid")
	case n <= 0:
		return n, p.u.t("targets.number_positive")
	}
	return n, ""
}

var (
	groupedDot   = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3})+$`)
	groupedComma = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})+$`)
	plainDigits  = regexp.MustCompile(`^[0-9]+$`)
)

// readCount reads 1500, or 1.500 in Italian and 1,500 in English.
func readCount(s, lang string) (int, bool) {
	s = strings.TrimSpace(s)
	grouped, sep := groupedDot, "."
	if lang == "en" {
		grouped, sep = groupedComma, ","
	}
	if grouped.MatchString(s) {
		s = strings.ReplaceAll(s, sep, "")
	}
	if !plainDigits.MatchString(s) || len(s) > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// say shows a line under the form's buttons, red when it is a problem.
func (p *targetsPanel) say(text string, problem bool) {
	p.status.Importance = widget.MediumImportance
	if problem {
		p.status.Importance = widget.DangerImportance
	}
	say(p.status, text)
}
