package ui

// The date field every form uses: an entry that keeps what was typed (the
// form reads it with model.ReadDate and says on the field what it cannot
// read) with a calendar button at its end. The button is reached by Tab
// like any other; it opens Fyne's calendar at the day typed, or today, and
// the day picked is written into the entry as dd/mm/yyyy, checked by the
// form as if typed.
//
// Fyne's own DateEntry is not used: it reads and writes the date in the
// system's format and marks as wrong what ReadDate accepts (20.12.2026,
// 5/1/26, 2026-12-20).

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// dateEntry is a date field, its placeholder gg/mm/aaaa (dd/mm/yyyy) in
// the interface language.
func (u *App) dateEntry() *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(u.t("date.hint"))
	e.ActionItem = u.calendarButton(e, func() string { return e.Text }, e.SetText)
	return e
}

// calendarButton is the button at the end of a date entry: it opens the
// calendar at the day the entry reads (text), or today. Picking a day
// writes it into the entry (set), dd/mm/yyyy; picking, or Close, shuts the
// calendar and gives the focus back to the entry.
func (u *App) calendarButton(entry fyne.Focusable, text func() string, set func(string)) *widget.Button {
	b := widget.NewButtonWithIcon("", theme.CalendarIcon(), nil)
	b.Importance = widget.LowImportance
	b.OnTapped = func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		if c == nil {
			return // not on a window
		}
		var pop *widget.PopUp
		done := func() {
			pop.Hide()
			c.Focus(entry)
		}
		cal := widget.NewCalendar(calendarStart(text()), func(t time.Time) {
			set(model.PartialDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}.Italian())
			done()
		})
		closer := widget.NewButton(u.t("date.close"), done)
		pop = widget.NewPopUp(container.NewVBox(cal, container.NewHBox(layout.NewSpacer(), closer)), c)
		pop.ShowAtPosition(popUpPlace(c, b, pop.MinSize()))
		c.FocusNext() // the calendar's first button: the picker works by keyboard
	}
	return b
}

// calendarStart is the day the calendar opens at: the one typed when it
// reads as a day, else today.
func calendarStart(typed string) time.Time {
	if d, err := model.ReadDate(typed); err == nil && d.Day != 0 {
		return time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.Local)
	}
	return nowFunc()
}

// popUpPlace is where a pop-up of size goes by o: under it, or above it
// when there is no room below, and always inside the window (1024×600
// included).
func popUpPlace(c fyne.Canvas, o fyne.CanvasObject, size fyne.Size) fyne.Position {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	win := c.Size()
	pos := fyne.NewPos(at.X+o.Size().Width-size.Width, at.Y+o.Size().Height) // right-aligned with o
	if pos.Y+size.Height > win.Height {
		pos.Y = at.Y - size.Height
	}
	pos.Y = max(0, min(pos.Y, win.Height-size.Height))
	pos.X = max(0, min(pos.X, win.Width-size.Width))
	return pos
}
