package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// The Indicators screen's detail: the indicator selected, its definition,
// its total against the target, its months and its breakdowns, each
// number a button to the anonymous list behind it.

// onSelect shows an indicator's detail.
func (s *indicatorsScreen) onSelect(i widget.ListItemID) {
	s.selected = i
	s.showDetail()
}

// showDetail lays out the selected indicator: its name and definition,
// the months and each breakdown.
func (s *indicatorsScreen) showDetail() {
	u := s.u
	if s.report == nil || s.selected < 0 || s.selected >= len(s.report.Results) {
		s.detail.Objects = []fyne.CanvasObject{wrappedText(u.t("programme.choose"))}
		s.detail.Refresh()
		return
	}
	r := s.report.Results[s.selected]
	in, _ := model.ProgrammeIndicatorByID(r.ID)
	lang := u.tr.Lang()
	box := container.NewVBox(widget.NewLabelWithStyle(in.Name(lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrappedText(in.Definition(lang)))
	if r.Pending != "" {
		box.Add(wrappedText(u.t("programme.pending")))
		s.setDetail(box)
		return
	}
	box.Add(s.totalLine(r))
	box.Add(widget.NewLabelWithStyle(u.t("programme.by_month"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	t, hasTarget := s.targetOf(r.ID)
	target := 0
	if hasTarget {
		target = t.Number
	}
	box.Add(newMonthChart(u, monthsOf(s.report.From, s.report.To, r.Months), target,
		func(month string) { s.onCount(r.ID, store.IndicatorCell{Month: month}, s.monthName(month)) }))
	for _, code := range in.Breakdowns {
		box.Add(widget.NewLabelWithStyle(model.BreakdownName(code, lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(s.breakdownChart(r, code))
	}
	s.setDetail(box)
}

func (s *indicatorsScreen) setDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

// totalLine is the total, a button that lists everyone counted, with the
// progress towards the target when there is one.
func (s *indicatorsScreen) totalLine(r store.IndicatorResult) fyne.CanvasObject {
	u := s.u
	total := s.countButton(r.Total, func() { s.onCount(r.ID, store.IndicatorCell{}, u.t("programme.everyone")) })
	line := container.NewHBox(widget.NewLabel(u.t("programme.total")), total)
	t, ok := s.targetOf(r.ID)
	if !ok {
		return line
	}
	line.Add(widget.NewLabel(s.progressText(r.Total, t.Number)))
	// The period on a line of its own, wrapped: the detail stays narrow
	// enough for a 1024-pixel screen.
	period := u.tr.Tf("programme.target_period", map[string]any{
		"From": t.From.Format("02/01/2006"), "To": t.To.Format("02/01/2006")})
	if !t.From.Equal(s.report.From) || !t.To.Equal(s.report.To) {
		period += " " + u.t("programme.other_period") // the progress is of another period than the target's
	}
	return container.NewVBox(line, wrappedText(period))
}

// breakdownChart is a breakdown as horizontal bars, value → count; the
// values of the breakdown's list first, then any other met in the data.
func (s *indicatorsScreen) breakdownChart(r store.IndicatorResult, code string) fyne.CanvasObject {
	lang := s.u.tr.Lang()
	counts := r.Breakdowns[code]
	var values []string
	for _, c := range model.BreakdownValues(code) {
		values = append(values, c.Code)
	}
	for v := range counts {
		if !slices.Contains(values, v) {
			values = append(values, v)
		}
	}
	slices.Sort(values[len(model.BreakdownValues(code)):]) // met in the data, not listed
	top := 0
	for _, n := range counts {
		top = max(top, n)
	}
	var objs []fyne.CanvasObject
	for _, v := range values {
		n := counts[v]
		label := widget.NewLabel(model.BreakdownValueLabel(code, v, lang))
		cell := store.IndicatorCell{Breakdown: code, Value: v}
		title := model.BreakdownName(code, lang) + ": " + label.Text
		count := s.countButton(n, func() { s.onCount(r.ID, cell, title) })
		objs = append(objs, label, container.NewBorder(nil, nil, nil, count, newHBar(n, top)))
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// countButton is a number that opens the list of who it counts; a zero
// opens nothing.
func (s *indicatorsScreen) countButton(n int, tapped func()) *widget.Button {
	b := widget.NewButton(s.number(n), tapped)
	b.Importance = widget.LowImportance
	if n == 0 {
		b.Disable()
	}
	return b
}
