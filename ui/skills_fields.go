package ui

// The skills profile's inputs: each bound to a part of the profile on
// screen and registered by its model field path, so that a validation
// error lands on the field where the value was typed.

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

func asErr[T error](err error, target *T) bool { return errors.As(err, target) }

// parentPath drops the last part of a field path: "a.0.b" gives "a.0".
func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

func joinLines(lines []string) string { return strings.Join(lines, "; ") }

// dateRef is a date of the profile: a partial date, or the profile's own
// day.
type dateRef struct {
	get func() model.PartialDate
	set func(model.PartialDate)
	day bool // a whole day is needed: a month or a year alone is refused, not dropped
}

func partial(d *model.PartialDate) dateRef {
	return dateRef{get: func() model.PartialDate { return *d }, set: func(x model.PartialDate) { *d = x }}
}

// dateOf binds the profile's day (a time) as a date field.
func dateOf(t *time.Time) dateRef {
	return dateRef{
		get: func() model.PartialDate {
			if t.IsZero() {
				return model.PartialDate{}
			}
			return model.PartialDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
		},
		set: func(d model.PartialDate) {
			*t = time.Time{}
			if d.Day != 0 {
				*t = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
			}
		},
		day: true,
	}
}

// register registers a field by its path and its input for a read-only view.
func (v *skillsView) register(path, label string, obj fyne.CanvasObject) *field {
	f := newField(path, label, obj)
	v.fields[path] = f
	if d, ok := obj.(fyne.Disableable); ok {
		v.inputs = append(v.inputs, d)
	}
	return f
}

// textField edits a string of the profile.
func (v *skillsView) textField(path, label string, s *string, multi bool) *field {
	if multi {
		m := newTabOutEntry()
		m.SetText(*s)
		m.OnChanged = func(t string) { *s = t }
		return v.register(path, label, m)
	}
	e := widget.NewEntry()
	e.SetText(*s)
	e.OnChanged = func(t string) { *s = t }
	return v.register(path, label, e)
}

// tabOutEntry is a multi-line entry that Tab leaves, like any other field
// (Fyne's types a tab into the text), so the keyboard alone gets past it.
type tabOutEntry struct{ widget.Entry }

func newTabOutEntry() *tabOutEntry {
	e := &tabOutEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(2)
	return e
}

func (e *tabOutEntry) AcceptsTab() bool { return false }

// dateField reads dd/mm/yyyy (or mm/yyyy, yyyy) with model.ReadDate; a text
// that does not read is kept as typed, and the save says so on the field.
func (v *skillsView) dateField(path, label string, d dateRef) *field {
	e := v.u.dateEntry()
	if !d.day {
		e.SetPlaceHolder(v.u.t("skills.date_hint"))
	}
	text := d.get().Italian()
	if raw, ok := v.raw[path]; ok && v.shown < 0 {
		text = raw
	}
	e.SetText(text)
	v.rawMsg[path] = "error.date_typed"
	e.OnChanged = func(s string) {
		pd, err := model.ReadDate(s)
		if err != nil || d.day && pd.Year != 0 && pd.Day == 0 {
			v.raw[path] = s
			return
		}
		delete(v.raw, path)
		d.set(pd)
	}
	return v.register(path, label, e)
}

// codeChoice picks a code of a codelist, labelled in the interface
// language; the first option empties it.
func (v *skillsView) codeChoice(path, label string, list []model.Code, s *string) *field {
	codes, labels := []string{""}, []string{"—"}
	for _, c := range list {
		codes = append(codes, c.Code)
		labels = append(labels, c.Label(v.u.tr.Lang()))
	}
	return v.stringChoice(path, label, codes, labels, s)
}

func (v *skillsView) stringChoice(path, label string, codes, labels []string, s *string) *field {
	c := newChoice(v.u, codes, labels)
	c.setCode(*s)
	c.OnChanged = func(string) { *s = c.code() }
	return v.register(path, label, c)
}

// levelChoice picks a CEFR level, or none.
func (v *skillsView) levelChoice(path, label string, s *string) *field {
	codes := append([]string{""}, model.CEFRLevels...)
	labels := append([]string{"—"}, model.CEFRLevels...)
	return v.stringChoice(path, label, codes, labels, s)
}

// yesNoChoice is a three-way answer: yes, no, unknown.
func (v *skillsView) yesNoChoice(path, label string, s *string) *field {
	codes := []string{"", "yes", "no", "unknown"}
	labels := []string{"—", v.u.t("skills.yes"), v.u.t("skills.no"), v.u.t("skills.unknown")}
	return v.stringChoice(path, label, codes, labels, s)
}

// check edits a yes/no of the profile.
func (v *skillsView) check(label string, b *bool) *widget.Check {
	c := widget.NewCheck(label, func(on bool) { *b = on })
	c.SetChecked(*b)
	v.inputs = append(v.inputs, c)
	return c
}

// codeChecks edits a set of codes as one check per code.
func (v *skillsView) codeChecks(path, label string, list []model.Code, set *[]string) *field {
	grid := container.NewGridWithColumns(2)
	for _, c := range list {
		code := c.Code
		ch := widget.NewCheck(c.Label(v.u.tr.Lang()), nil)
		ch.SetChecked(containsString(*set, code))
		ch.OnChanged = func(on bool) { *set = toggle(*set, code, on) }
		v.inputs = append(v.inputs, ch)
		grid.Add(ch)
	}
	return v.register(path, label, grid)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// toggle adds code to list or takes it away, keeping the order.
func toggle(list []string, code string, on bool) []string {
	out := make([]string, 0, len(list)+1)
	for _, x := range list {
		if x != code {
			out = append(out, x)
		}
	}
	if on {
		out = append(out, code)
	}
	return out
}

// addButton adds a row (only on an editable profile) and focuses its first
// field after the redraw.
func (v *skillsView) addButton(label, focus string, add func()) fyne.CanvasObject {
	if !v.editable() {
		return container.NewHBox()
	}
	return container.NewHBox(widget.NewButtonWithIcon(label, theme.ContentAddIcon(), func() {
		add()
		clear(v.raw) // rows may move: a date text not read would land on another
		v.focusPath = focus
		v.render()
	}))
}

// removeButton takes a row away (only on an editable profile).
func (v *skillsView) removeButton(remove func()) fyne.CanvasObject {
	if !v.editable() {
		return container.NewHBox()
	}
	b := widget.NewButtonWithIcon(v.u.t("skills.remove"), theme.DeleteIcon(), func() {
		remove()
		clear(v.raw)
		v.render()
	})
	b.Importance = widget.LowImportance
	return container.NewHBox(b)
}

// rowCard frames one row of a list (a language, a job) with its title and
// a button to remove it.
func (v *skillsView) rowCard(title string, remove func(), content ...fyne.CanvasObject) fyne.CanvasObject {
	head := container.NewBorder(nil, nil, nil, v.removeButton(remove),
		widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	return container.NewVBox(append([]fyne.CanvasObject{head}, append(content, widget.NewSeparator())...)...)
}

// removeAt drops element i of a slice.
func removeAt[T any](s []T, i int) []T { return append(s[:i:i], s[i+1:]...) }

// codeLabel is a code's label in the interface language, or the code.
func (v *skillsView) codeLabel(list []model.Code, code string) string {
	for _, c := range list {
		if c.Code == code {
			return c.Label(v.u.tr.Lang())
		}
	}
	return code
}
