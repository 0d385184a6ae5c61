package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// The anonymous list behind one number of an indicator: who was counted,
// by pseudonymous reference, the date of the counted event and their
// breakdown values, never a name. A month's bar opens it as a breakdown's
// count does.

// onCount lists the persons in one cell of an indicator, off the UI
// goroutine, in a dialog titled with what the number counts.
func (s *indicatorsScreen) onCount(id string, cell store.IndicatorCell, what string) {
	u, db, rep := s.u, s.db, s.report
	if rep == nil {
		return
	}
	s.busy(true)
	load(u, func(ctx context.Context) ([]store.CountedPerson, error) {
		cell.Desk = rep.Desk
		return db.IndicatorPersons(ctx, rep.From, rep.To, id, cell)
	}, func(list []store.CountedPerson) {
		s.busy(false)
		s.showList(id, what, list)
	}, s.failed)
}

// showList shows the persons counted as a table: Ref, date, and a column
// per breakdown with its values named in the interface language.
func (s *indicatorsScreen) showList(id, what string, list []store.CountedPerson) {
	u := s.u
	in, _ := model.ProgrammeIndicatorByID(id)
	lang := u.tr.Lang()
	heads := []string{u.t("programme.ref"), u.t("programme.date")}
	for _, code := range in.Breakdowns {
		heads = append(heads, model.BreakdownName(code, lang))
	}
	cell := func(row, col int) string {
		p := list[row]
		switch col {
		case 0:
			return p.Ref
		case 1:
			if d, err := time.Parse("2006-01-02", p.Date); err == nil {
				return d.Format("02/01/2006")
			}
			return p.Date
		}
		code := in.Breakdowns[col-2]
		return model.BreakdownValueLabel(code, p.Values[code], lang)
	}
	table := widget.NewTable(func() (int, int) { return len(list), len(heads) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(cell(id.Row, id.Col)) })
	table.ShowHeaderRow = true
	table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(heads[id.Col])
		}
	}
	for col := range heads {
		table.SetColumnWidth(col, s.columnWidth(heads[col], col, list, cell))
	}
	head := wrappedText(u.tr.Tf("programme.list_intro", map[string]any{"Indicator": in.Name(lang), "What": what,
		"Count": groupThousands(len(list), lang)}))
	d := dialog.NewCustom(u.t("programme.list_title"), u.t("programme.close"),
		container.NewBorder(head, nil, nil, nil, table), u.win)
	win := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(win.Width*0.85, win.Height*0.85))
	d.Show()
}

// columnWidth fits a column to its header and its widest value (the first
// 200 rows), within bounds.
func (s *indicatorsScreen) columnWidth(head string, col int, list []store.CountedPerson, cell func(int, int) string) float32 {
	measure := func(t string) float32 {
		return fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 4*theme.Padding()
	}
	w := measure(head)
	for row := range min(len(list), 200) {
		w = max(w, measure(cell(row, col)))
	}
	return min(max(w, 80), 320)
}

// monthBar is one month's bar of the months chart: the whole column is the
// target, the bar drawn at its foot with the count over it when it fits.
// Tapped, or Space or Enter while it has the focus, it opens the month's
// list; a month with no one is disabled, and Tab passes it by.
type monthBar struct {
	widget.DisableableWidget
	m       monthCount
	top     int    // the scale's top
	lang    string // of the count's digits
	focused bool
	tapped  func()
}

func newMonthBar(u *App, m monthCount, tapped func()) *monthBar {
	b := &monthBar{m: m, top: 1, tapped: tapped, lang: u.tr.Lang()}
	b.ExtendBaseWidget(b)
	if m.n == 0 {
		b.Disable()
	}
	return b
}

func (b *monthBar) Tapped(*fyne.PointEvent) {
	if !b.Disabled() {
		b.tapped()
	}
}

func (b *monthBar) FocusGained() { b.focused = true; b.Refresh() }
func (b *monthBar) FocusLost()   { b.focused = false; b.Refresh() }
func (b *monthBar) TypedRune(r rune) {
	if r == ' ' {
		b.Tapped(nil)
	}
}

func (b *monthBar) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter || e.Name == fyne.KeySpace {
		b.Tapped(nil)
	}
}

func (b *monthBar) CreateRenderer() fyne.WidgetRenderer {
	r := &monthBarRenderer{b: b, bar: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)),
		ring: canvas.NewRectangle(theme.Color(theme.ColorNameFocus)), count: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
	r.Refresh()
	return r
}

type monthBarRenderer struct {
	b     *monthBar
	bar   *canvas.Rectangle
	ring  *canvas.Rectangle // the focus, around the column
	count *canvas.Text
}

func (r *monthBarRenderer) Destroy()           {}
func (r *monthBarRenderer) MinSize() fyne.Size { return fyne.NewSize(4, 20) }
func (r *monthBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.ring, r.bar, r.count}
}

func (r *monthBarRenderer) Refresh() {
	b := r.b
	r.bar.FillColor = theme.Color(theme.ColorNamePrimary)
	r.ring.FillColor = theme.Color(theme.ColorNameFocus)
	r.ring.StrokeColor, r.ring.StrokeWidth = theme.Color(theme.ColorNamePrimary), 2
	r.ring.Hidden = !b.focused
	r.count.Text, r.count.TextSize = groupThousands(b.m.n, b.lang), theme.CaptionTextSize()
	r.count.Color = theme.Color(theme.ColorNameForeground)
	r.Layout(b.Size())
	canvas.Refresh(b)
}

func (r *monthBarRenderer) Layout(size fyne.Size) {
	r.ring.Move(fyne.NewPos(0, 0))
	r.ring.Resize(size)
	bw := max(size.Width*0.7, 1)
	bh := size.Height * float32(r.b.m.n) / float32(max(r.b.top, 1))
	if r.b.m.n > 0 {
		bh = max(bh, 2)
	}
	r.bar.Move(fyne.NewPos((size.Width-bw)/2, size.Height-bh))
	r.bar.Resize(fyne.NewSize(bw, bh))
	ts := fyne.MeasureText(r.count.Text, r.count.TextSize, r.count.TextStyle)
	r.count.Hidden = r.b.m.n == 0 || (ts.Width+4 > size.Width && !r.b.focused) // over the next bar's, but for the one focused
	r.count.Move(fyne.NewPos((size.Width-ts.Width)/2, max(0, size.Height-bh-ts.Height)))
}
