package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// attendanceRows edits an internship's attendance month by month: the
// month (mm/yyyy), the hours, the allowance paid and a note, with the
// total paid under them.
type attendanceRows struct {
	u       *App
	box     *fyne.Container
	lines   *fyne.Container
	rows    []*attendanceRow
	total   *widget.Label
	changed func() // after a paid amount changes: the budget is checked again
}

// attendanceRow is one month's inputs and the message under them.
type attendanceRow struct {
	month, hours, paid, note *widget.Entry
	err                      *widget.Label
	obj                      fyne.CanvasObject
}

func newAttendanceRows(u *App, list []model.Attendance, changed func()) *attendanceRows {
	r := &attendanceRows{u: u, lines: container.NewVBox(), total: widget.NewLabel(""), changed: changed}
	for _, a := range list {
		r.addRow(a)
	}
	add := widget.NewButtonWithIcon(u.t("internships.add_month"), theme.ContentAddIcon(), func() {
		r.addRow(model.Attendance{})
	})
	r.box = container.NewVBox(r.lines, add, r.total)
	r.updateTotal()
	return r
}

func (r *attendanceRows) addRow(a model.Attendance) {
	u := r.u
	row := &attendanceRow{month: widget.NewEntry(), hours: widget.NewEntry(), paid: widget.NewEntry(),
		note: widget.NewEntry(), err: errorLabel()}
	row.month.SetPlaceHolder(u.t("internships.month_hint"))
	row.hours.SetPlaceHolder(u.t("internships.hours_hint"))
	row.paid.SetPlaceHolder(u.t("internships.paid_hint"))
	row.note.SetPlaceHolder(u.t("internships.note_hint"))
	row.month.SetText(monthText(a.Month))
	row.hours.SetText(hoursText(a.Hours))
	row.paid.SetText(euroThousands(a.PaidCents))
	row.note.SetText(a.Note)
	row.paid.OnChanged = func(string) { r.updateTotal() }
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	row.obj = container.NewVBox(container.NewBorder(nil, nil, nil, remove,
		container.NewGridWithColumns(4, row.month, row.hours, row.paid, row.note)), row.err)
	remove.OnTapped = func() {
		for i, x := range r.rows {
			if x == row {
				r.rows = append(r.rows[:i:i], r.rows[i+1:]...)
			}
		}
		r.lines.Remove(row.obj)
		r.updateTotal()
	}
	r.rows = append(r.rows, row)
	r.lines.Add(row.obj)
}

// paid sums the amounts paid that read.
func (r *attendanceRows) paid() (cents int64) {
	for _, row := range r.rows {
		if c, bad := readMoney(row.paid.Text); bad == "" {
			cents += c
		}
	}
	return cents
}

func (r *attendanceRows) updateTotal() {
	r.total.SetText(r.u.tr.Tf("internships.paid_total", map[string]any{"Amount": euroOrZero(r.paid())}))
	if r.changed != nil {
		r.changed()
	}
}

// read takes the months, saying under each row what does not read; false
// when one does not.
func (r *attendanceRows) read() ([]model.Attendance, bool) {
	u := r.u
	var out []model.Attendance
	ok := true
	seen := map[string]bool{}
	for _, row := range r.rows {
		var a model.Attendance
		var bad, id string
		a.Month, id = readMonth(row.month.Text)
		bad = id
		if bad == "" && seen[monthText(a.Month)] {
			bad = "internships.month_twice"
		}
		seen[monthText(a.Month)] = true
		if a.Hours, id = readHours(row.hours.Text); bad == "" {
			bad = id
		}
		if a.PaidCents, id = readMoney(row.paid.Text); bad == "" {
			bad = id
		}
		a.Note = row.note.Text
		if bad != "" {
			sayOn(row.err, u.t(bad))
			ok = false
		} else {
			sayOn(row.err, "")
		}
		out = append(out, a)
	}
	return out, ok
}

// state is the rows' texts, to tell the form changed.
func (r *attendanceRows) state() string {
	var objs []fyne.CanvasObject
	for _, row := range r.rows {
		objs = append(objs, row.month, row.hours, row.paid, row.note)
	}
	return formState(objs...)
}

// showErrors puts the model's errors for the months (attendance.N) under
// their rows.
func (r *attendanceRows) showErrors(err error) {
	var list model.ValidationErrors
	if !errors.As(err, &list) {
		return
	}
	for _, e := range list {
		var i int
		if _, scan := fmt.Sscanf(e.Field, "attendance.%d", &i); scan == nil && i < len(r.rows) && r.rows[i].err.Text == "" {
			sayOn(r.rows[i].err, r.u.t("error."+e.Code))
		}
	}
}
