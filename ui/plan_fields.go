package ui

// The plan editor's dates and amounts: a value is taken only when its text
// reads; otherwise the text stays as typed, nothing is saved, and the field
// says what is wrong.

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// checkedField is an entry for key whose text read takes into the plan,
// returning the message ID of what is wrong ("" when the text reads).
func (v *planView) checkedField(key, text, placeholder string, read func(string) string) fyne.CanvasObject {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	return v.checked(key, e, text, read)
}

// dateField is a checkedField for one date, with the calendar.
func (v *planView) dateField(key string, d *model.PartialDate) fyne.CanvasObject {
	return v.checked(key, v.u.dateEntry(), d.Italian(), readDate(d))
}

// datesField is a checkedField for a list of dates: a day picked in the
// calendar is added at the end of the list.
func (v *planView) datesField(key string, ds *[]model.PartialDate) fyne.CanvasObject {
	var dates []string
	for _, d := range *ds {
		dates = append(dates, d.Italian())
	}
	e := widget.NewEntry()
	e.SetPlaceHolder("30/06/2026 15/12/2026")
	last := func() string {
		all := splitDates(e.Text)
		if len(all) == 0 {
			return ""
		}
		return all[len(all)-1]
	}
	add := func(d string) { e.SetText(strings.TrimSpace(e.Text + " " + d)) }
	e.ActionItem = v.u.calendarButton(e, last, add)
	return v.checked(key, e, strings.Join(dates, " "), readDates(ds))
}

// checked makes e the entry for key, its text read by read.
func (v *planView) checked(key string, e *widget.Entry, text string, read func(string) string) fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	v.seen[key] = true
	if raw, ok := v.raw[key]; ok {
		text = raw
	}
	e.SetText(text)
	check := func(s string) {
		if id := read(s); id != "" {
			v.raw[key] = s
			if v.tried {
				msg.SetText(v.u.t(id))
				msg.Show()
			}
			return
		}
		delete(v.raw, key)
		msg.Hide()
	}
	check(text)
	e.OnChanged = check
	return container.NewVBox(e, msg)
}

// readDate reads a date field into d.
func readDate(d *model.PartialDate) func(string) string {
	return func(s string) string {
		pd, err := model.ReadDate(s)
		if err != nil {
			return "error.date_typed"
		}
		*d = pd
		return ""
	}
}

// readDates reads a list of dates, separated by spaces or commas, into ds.
func readDates(ds *[]model.PartialDate) func(string) string {
	return func(s string) string {
		var out []model.PartialDate
		for _, f := range splitDates(s) {
			pd, err := model.ReadDate(f)
			if err != nil {
				return "error.date_typed"
			}
			out = append(out, pd)
		}
		*ds = out
		return ""
	}
}

// readAmount reads an amount of euros into c, in cents.
func readAmount(c *int64, then func()) func(string) string {
	return func(s string) string {
		v, err := model.ReadAmount(s)
		if err != nil {
			return "error.amount_typed"
		}
		*c = v
		then()
		return ""
	}
}

func splitDates(s string) []string {
	var out []string
	field := []rune{}
	for _, r := range s + " " {
		if r == ' ' || r == ',' || r == ';' || r == '\t' {
			if len(field) > 0 {
				out = append(out, string(field))
				field = field[:0]
			}
			continue
		}
		field = append(field, r)
	}
	return out
}
