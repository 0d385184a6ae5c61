package ui

import (
	"image/color"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The Indicators screen's charts, drawn with canvas shapes: an indicator's
// months as bars with the running total as a line, and a breakdown's
// values as horizontal bars (whose counts are buttons, indicators.go).

// monthCount is one month of an indicator: YYYY-MM and the persons first
// counted in it.
type monthCount struct {
	month string
	n     int
}

// monthsOf lists every month of [from, to], in order, with its count.
func monthsOf(from, to time.Time, counts map[string]int) []monthCount {
	var out []monthCount
	m := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	for !m.After(to) && len(out) < 240 {
		key := m.Format("2006-01")
		out = append(out, monthCount{month: key, n: counts[key]})
		m = m.AddDate(0, 1, 0)
	}
	return out
}

// monthLabel is a month short, "gen 24" or "Jan 24".
func (u *App) monthLabel(month string) string {
	names := strings.Fields(u.t("programme.months"))
	m, _ := strconv.Atoi(month[5:])
	if m < 1 || m > len(names) {
		return month
	}
	return names[m-1] + " " + month[2:4]
}

// monthName is a month in a title, "gen 2024".
func (s *indicatorsScreen) monthName(month string) string {
	return strings.TrimSuffix(s.u.monthLabel(month), month[2:4]) + month[:4]
}

// newHBar is a horizontal bar as long as n is of top.
func newHBar(n, top int) fyne.CanvasObject {
	r := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	frac := 0.0
	if top > 0 {
		frac = float64(n) / float64(top)
	}
	return container.New(&fracLayout{frac: frac}, r)
}

// fracLayout gives its one object a fraction of the width, at least a
// sliver for a count above zero, centred in height.
type fracLayout struct{ frac float64 }

func (l *fracLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := float32(l.frac) * size.Width
	if l.frac > 0 {
		w = max(w, 2)
	}
	h := min(size.Height, theme.TextSize()*1.2)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (l *fracLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(80, theme.TextSize())
}

// newMonthChart is the months chart with its legend under it. onTap opens
// a month's list; target (0: none) is the top of the running total's scale.
func newMonthChart(u *App, months []monthCount, target int, onTap func(month string)) fyne.CanvasObject {
	c := &monthChart{u: u, months: months, target: target}
	for _, m := range months {
		c.bars = append(c.bars, newMonthBar(u, m, func() { onTap(m.month) }))
	}
	c.ExtendBaseWidget(c)
	legend := u.t("programme.legend")
	if target > 0 {
		legend = u.t("programme.legend_target")
	}
	return container.NewVBox(c, hintText(legend))
}

// monthChart draws the months as bars (the scale on the left) and the
// running total as a line (the scale on the right, up to the target when
// there is one, which is drawn across).
type monthChart struct {
	widget.BaseWidget
	u      *App
	months []monthCount
	target int
	bars   []*monthBar
}

func (c *monthChart) CreateRenderer() fyne.WidgetRenderer {
	r := &monthChartRenderer{c: c, axis: canvas.NewLine(color.Black), goal: canvas.NewLine(color.Black)}
	for range c.months {
		r.labels = append(r.labels, canvas.NewText("", color.Black))
		r.lines = append(r.lines, canvas.NewLine(color.Black))
	}
	for range 5 { // left top, left 0, right top, right 0, the target's name
		r.scale = append(r.scale, canvas.NewText("", color.Black))
	}
	r.Refresh()
	return r
}

type monthChartRenderer struct {
	c            *monthChart
	axis, goal   *canvas.Line
	labels       []*canvas.Text // month names
	lines        []*canvas.Line // the running total, month to month
	scale        []*canvas.Text
	padL, padR   float32
	padT, padB   float32
	topM, topCum int // the scales' tops
}

func (r *monthChartRenderer) Destroy() {}

func (r *monthChartRenderer) MinSize() fyne.Size { return fyne.NewSize(240, 200) }

func (r *monthChartRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.axis, r.goal}
	for _, b := range r.c.bars {
		objs = append(objs, b)
	}
	for _, l := range r.lines {
		objs = append(objs, l)
	}
	for _, t := range r.labels {
		objs = append(objs, t)
	}
	for _, t := range r.scale {
		objs = append(objs, t)
	}
	return objs
}

// Refresh sets the colours, texts and scales; Layout places them.
func (r *monthChartRenderer) Refresh() {
	c, u := r.c, r.c.u
	fg, small := theme.Color(theme.ColorNameForeground), theme.CaptionTextSize()
	r.topM, r.topCum = 1, 1
	total := 0
	for _, m := range c.months {
		r.topM, total = max(r.topM, m.n), total+m.n
	}
	r.topM += (r.topM + 9) / 10 // room over the highest bar, under the target's line
	r.topCum = max(total, c.target, 1)
	r.axis.StrokeColor, r.axis.StrokeWidth = fg, 1
	r.goal.StrokeColor, r.goal.StrokeWidth = theme.Color(theme.ColorNameSuccess), 2
	r.goal.Hidden = c.target <= 0
	for i, t := range r.labels {
		t.Text, t.Color, t.TextSize = u.monthLabel(c.months[i].month), fg, small
	}
	for _, l := range r.lines {
		l.StrokeColor, l.StrokeWidth = theme.Color(theme.ColorNameWarning), 2
	}
	lang := u.tr.Lang()
	texts := []string{groupThousands(r.topM, lang), "0", groupThousands(r.topCum, lang), "0",
		u.tr.Tf("programme.target_line", map[string]any{"Target": groupThousands(c.target, lang)})}
	for i, t := range r.scale {
		t.Text, t.Color, t.TextSize = texts[i], fg, small
	}
	r.scale[4].Color, r.scale[4].Hidden = theme.Color(theme.ColorNameSuccess), c.target <= 0
	for _, b := range c.bars {
		b.top = r.topM
		b.Refresh()
	}
	r.Layout(c.Size())
	canvas.Refresh(c)
}

func (r *monthChartRenderer) Layout(size fyne.Size) {
	small := theme.CaptionTextSize()
	r.padL = fyne.MeasureText(r.scale[0].Text, small, fyne.TextStyle{}).Width + 6
	r.padR = fyne.MeasureText(r.scale[2].Text, small, fyne.TextStyle{}).Width + 6
	r.padT, r.padB = small*1.6, small*1.8
	w, h := size.Width-r.padL-r.padR, size.Height-r.padT-r.padB
	n := len(r.c.months)
	if n == 0 || w <= 0 || h <= 0 {
		return
	}
	slot := w / float32(n)
	bottom := r.padT + h
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(r.padL, bottom), fyne.NewPos(r.padL+w, bottom)
	r.placeScales(size, bottom)
	r.placeMonths(slot, bottom)
	cum := 0
	prev := fyne.NewPos(r.padL, bottom)
	for i, m := range r.c.months {
		cum += m.n
		pt := fyne.NewPos(r.padL+slot*(float32(i)+1), bottom-h*float32(cum)/float32(r.topCum))
		r.lines[i].Position1, r.lines[i].Position2 = prev, pt
		prev = pt
	}
	goalY := bottom - h*float32(r.c.target)/float32(r.topCum)
	r.goal.Position1, r.goal.Position2 = fyne.NewPos(r.padL, goalY), fyne.NewPos(r.padL+w, goalY)
	t := r.scale[4]
	ts := fyne.MeasureText(t.Text, t.TextSize, t.TextStyle)
	t.Move(fyne.NewPos(r.padL+w-ts.Width-4, max(0, goalY-ts.Height)))
}

// placeScales writes the tops and zeros of both scales.
func (r *monthChartRenderer) placeScales(size fyne.Size, bottom float32) {
	small := theme.CaptionTextSize()
	lh := fyne.MeasureText("0", small, fyne.TextStyle{}).Height
	for i, t := range r.scale[:4] {
		tw := fyne.MeasureText(t.Text, small, fyne.TextStyle{}).Width
		x := r.padL - tw - 3
		if i >= 2 {
			x = size.Width - r.padR + 3
		}
		y := r.padT - lh/2
		if i%2 == 1 {
			y = bottom - lh/2
		}
		t.Move(fyne.NewPos(x, y))
	}
}

// placeMonths places the bars, and as many month names as fit, evenly spaced.
func (r *monthChartRenderer) placeMonths(slot, bottom float32) {
	small := theme.CaptionTextSize()
	label := fyne.MeasureText("mmm 00", small, fyne.TextStyle{}).Width + 8
	step := max(1, int(math.Ceil(float64(label/slot))))
	for i, b := range r.c.bars {
		b.Move(fyne.NewPos(r.padL+slot*float32(i), r.padT))
		b.Resize(fyne.NewSize(slot, bottom-r.padT))
		t := r.labels[i]
		t.Hidden = i%step != 0
		tw := fyne.MeasureText(t.Text, small, fyne.TextStyle{}).Width
		t.Move(fyne.NewPos(r.padL+slot*float32(i)+slot/2-tw/2, bottom+2))
	}
}
