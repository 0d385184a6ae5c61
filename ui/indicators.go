package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sportello/internal/osmem"
	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// indicatorsScreen is "Indicatori": the programme's indicators (issue #16)
// over a period, each against its target when one is set, and the detail
// of the one selected: its definition, its months and its breakdowns. The
// number behind every bar opens the anonymous list of who was counted
// (indicators_list.go). Only the coordinator reaches it; the store refuses
// anyone else.
type indicatorsScreen struct {
	u  *App
	db *store.DB // the store bound to the coordinator

	from, to           *widget.Entry
	fromField, toField *field
	compute            *widget.Button
	desk               *widget.Select // shown when the database holds several desks' persons
	desks              []store.IndicatorDesk
	workbook, pdf      *widget.Button
	progress           *widget.ProgressBarInfinite
	status             *widget.Label
	list               *widget.List
	detail             *fyne.Container

	targets  []model.Target
	report   *store.IndicatorReport // the report shown; nil before the first computation
	selected int                    // the indicator shown in the detail, -1 for none
	loading  bool
}

func newIndicators(u *App) *indicatorsScreen {
	s := &indicatorsScreen{u: u, db: u.data, from: u.dateEntry(), to: u.dateEntry(), status: wrapped(),
		progress: widget.NewProgressBarInfinite(), detail: container.NewStack(), selected: -1}
	s.fromField = newField("from", u.t("programme.from"), s.from)
	s.toField = newField("to", u.t("programme.to"), s.to)
	s.compute = widget.NewButton(u.t("programme.compute"), s.onCompute)
	s.compute.Importance = widget.HighImportance
	u.chainEntries(s.onCompute, s.from, s.to)
	s.progress.Hide()
	s.progress.Stop()
	s.status.Hide()
	s.desk = widget.NewSelect(nil, s.onDesk)
	s.desk.Hide()
	s.workbook, s.pdf = s.newReportButtons()
	s.list = widget.NewList(s.length, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelect
	return s
}

func (s *indicatorsScreen) build() fyne.CanvasObject {
	u := s.u
	if s.db == nil {
		return widget.NewLabel(u.t("programme.not_available"))
	}
	title := widget.NewLabelWithStyle(u.t("programme.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	wide := func(e *widget.Entry) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(170, e.MinSize().Height), e)
	}
	period := container.NewHBox(s.fromField.label, container.NewVBox(wide(s.from), s.fromField.err),
		s.toField.label, container.NewVBox(wide(s.to), s.toField.err), container.NewVBox(container.NewGridWrap(fyne.NewSize(250, s.desk.MinSize().Height), s.desk)),
		container.NewVBox(s.compute))
	head := container.NewBorder(nil, nil, nil, container.NewHBox(s.workbook, s.pdf), title)
	top := container.NewVBox(head, period, s.progress, s.status, widget.NewSeparator())
	s.showDetail()
	split := container.NewHSplit(s.list, container.NewVScroll(container.NewPadded(s.detail)))
	split.SetOffset(0.42)
	s.loadDesks()
	s.start()
	// The period first, then the list and the detail: Tab goes in that
	// order (a Border made by NewBorder puts its centre first).
	return container.New(layout.NewBorderLayout(top, nil, nil, nil), top, split)
}

// start reads the targets, sets the period to theirs (or this year) and
// computes.
func (s *indicatorsScreen) start() {
	u, db := s.u, s.db
	load(u, func(ctx context.Context) ([]model.Target, error) {
		return db.Targets(ctx)
	}, func(ts []model.Target) {
		s.targets = ts
		from, to := defaultPeriod(ts, nowFunc())
		s.from.SetText(from.Format("02/01/2006"))
		s.to.SetText(to.Format("02/01/2006"))
		s.onCompute()
	}, s.failed)
}

// defaultPeriod is the period the targets cover (from the earliest start
// to the latest end), or the current year when there are none.
func defaultPeriod(ts []model.Target, now time.Time) (from, to time.Time) {
	for _, t := range ts {
		if from.IsZero() || t.From.Before(from) {
			from = t.From
		}
		if t.To.After(to) {
			to = t.To
		}
	}
	if from.IsZero() || to.IsZero() {
		from = time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		to = time.Date(now.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return from, to
}

// readPeriod reads the two dates, saying on each field what is wrong.
func (s *indicatorsScreen) readPeriod() (from, to time.Time, ok bool) {
	u := s.u
	read := func(e *widget.Entry, f *field) (time.Time, bool) {
		d, good := readDay(strings.TrimSpace(e.Text))
		switch {
		case strings.TrimSpace(e.Text) == "":
			f.setError(u.t("error.required"))
		case !good:
			f.setError(u.t("programme.date_invalid"))
		default:
			f.setError("")
		}
		return d, good
	}
	from, okFrom := read(s.from, s.fromField)
	to, okTo := read(s.to, s.toField)
	if okFrom && okTo && to.Before(from) {
		s.toField.setError(u.t("programme.period_backwards"))
		okTo = false
	}
	u.relayout()
	return from, to, okFrom && okTo
}

// onCompute computes every indicator over the period typed, off the UI
// goroutine, with the progress bar running meanwhile.
func (s *indicatorsScreen) onCompute() {
	from, to, ok := s.readPeriod()
	if !ok || s.loading {
		return
	}
	u, db, desk := s.u, s.db, s.deskPrefix()
	s.busy(true)
	say(s.status, "")
	load(u, func(ctx context.Context) (*store.IndicatorReport, error) {
		return db.ComputeDeskIndicators(ctx, from, to, desk)
	}, func(rep *store.IndicatorReport) {
		s.busy(false)
		s.report = rep
		s.fitRows()
		s.list.Refresh()
		// The computation's rows of every person, and the charts' first
		// drawing, are garbage now: given back, not kept for minutes.
		go osmem.Release()
		if s.selected < 0 && len(rep.Results) > 0 {
			s.list.Select(0)
			return
		}
		s.showDetail()
	}, s.failed)
}

// failed says what went wrong, in the user's language.
func (s *indicatorsScreen) failed(err error) {
	s.busy(false)
	s.status.Importance = widget.DangerImportance
	say(s.status, s.u.errText(err))
}

// busy shows the progress bar and holds the Compute button while working.
func (s *indicatorsScreen) busy(on bool) {
	s.loading = on
	if on {
		s.compute.Disable()
		s.workbook.Disable()
		s.pdf.Disable()
		s.progress.Show()
		s.progress.Start()
		return
	}
	s.compute.Enable()
	s.workbook.Enable()
	s.pdf.Enable()
	s.progress.Stop()
	s.progress.Hide()
	s.u.relayout() // the period's row closes over the bar gone
}

func (s *indicatorsScreen) length() int {
	if s.report == nil {
		return 0
	}
	return len(s.report.Results)
}

// fitRows makes the rows of indicators with no target one line high: only
// a target has a progress line.
func (s *indicatorsScreen) fitRows() {
	line := widget.NewLabel("0").MinSize().Height
	for i, r := range s.report.Results {
		if _, ok := s.targetOf(r.ID); !ok || r.Pending != "" {
			s.list.SetItemHeight(i, line)
		}
	}
}

// newRow is one indicator in the list: its name and total, and under
// them its progress towards the target.
func (s *indicatorsScreen) newRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	total := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	of := widget.NewLabel("")
	bar := widget.NewProgressBar()
	bar.TextFormatter = func() string { return "" } // the percentage is in the text by it
	return container.NewVBox(container.NewBorder(nil, nil, nil, total, name),
		container.NewBorder(nil, nil, nil, of, bar))
}

func (s *indicatorsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	rows := o.(*fyne.Container).Objects
	top, bottom := rows[0].(*fyne.Container).Objects, rows[1].(*fyne.Container)
	name, total := top[0].(*widget.Label), top[1].(*widget.Label)
	bar, of := bottom.Objects[0].(*widget.ProgressBar), bottom.Objects[1].(*widget.Label)
	r := s.report.Results[i]
	in, _ := model.ProgrammeIndicatorByID(r.ID)
	name.SetText(in.Name(s.u.tr.Lang()))
	total.SetText(s.number(r.Total))
	if r.Pending != "" {
		total.SetText("—")
	}
	t, ok := s.targetOf(r.ID)
	if !ok || r.Pending != "" {
		bottom.Hide()
		return
	}
	bottom.Show()
	of.SetText(s.progressText(r.Total, t.Number))
	bar.Max = float64(t.Number)
	bar.SetValue(min(float64(r.Total), float64(t.Number)))
}

// progressText is "N di TARGET · P%".
func (s *indicatorsScreen) progressText(n, target int) string {
	return s.u.tr.Tf("programme.of_target", map[string]any{"N": s.number(n), "Target": s.number(target),
		"Percent": strconv.Itoa(percent(n, target))})
}

func percent(n, target int) int {
	if target <= 0 {
		return 0
	}
	return int(float64(n)*100/float64(target) + 0.5)
}

// targetOf is the indicator's target, if one is set.
func (s *indicatorsScreen) targetOf(id string) (model.Target, bool) {
	for _, t := range s.targets {
		if t.Indicator == id {
			return t, true
		}
	}
	return model.Target{}, false
}

// number writes n with the interface language's thousands separator.
func (s *indicatorsScreen) number(n int) string { return groupThousands(n, s.u.tr.Lang()) }

// groupThousands writes n as 1.500 (Italian) or 1,500 (English).
func groupThousands(n int, lang string) string { return locales.Number(lang, n) }
