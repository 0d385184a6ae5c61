// Package report writes the programme indicators (issue #16) over a period
// as the coordinator hands them to the region and the funder: an XLSX
// workbook (a summary, one sheet per indicator with its breakdowns and
// months, a sheet of definitions) and a PDF report with the charts.
//
// The functions are pure: they read an Input (the indicators the store
// computed, the targets, the language, the desk and the generation time)
// and write the same bytes for the same Input, so golden tests hold. They
// never touch the store: the caller computes the indicators, and only a
// coordinator may (store.ComputeIndicators).
package report

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// Input is everything a report shows.
type Input struct {
	Report    *store.IndicatorReport // the indicators over the period
	Targets   []model.Target         // the programme's targets; one per indicator is shown
	Lang      string                 // "it" or "en"
	Desk      string                 // the desk's name, in the title
	Generated time.Time              // printed as the generation date
}

// epoch is the creation date written into every file, so output is the same
// byte for byte; the generation date is printed in the text.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// indicator is one indicator ready to show: its definition, result,
// target, breakdowns in display order and every month of the period.
type indicator struct {
	def        model.ProgrammeIndicator
	res        store.IndicatorResult
	target     *model.Target // nil: none for this period
	breakdowns []breakdown
	months     []month
}

// breakdown is one breakdown's rows: every listed value, zeros included,
// then any value met in the data but not listed, in code order.
type breakdown struct {
	code, name string
	rows       []row
	multi      bool // a person may count under several values
}

type row struct {
	value, label string
	count        int
}

type month struct {
	ym                string // YYYY-MM
	count, cumulative int
}

// multiValued are the breakdowns where one person may count more than once.
var multiValued = map[string]bool{model.BreakdownServiceKind: true, model.BreakdownOutcome: true,
	model.BreakdownExitOutcome: true}

// prepare checks the Input and lays out every indicator.
func prepare(in Input) ([]indicator, error) {
	if in.Report == nil {
		return nil, errors.New("report: no indicators to write")
	}
	if in.Lang != "it" && in.Lang != "en" {
		return nil, fmt.Errorf("report: language %q: want it or en", in.Lang)
	}
	out := make([]indicator, 0, len(in.Report.Results))
	for _, r := range in.Report.Results {
		def, ok := model.ProgrammeIndicatorByID(r.ID)
		if !ok {
			return nil, fmt.Errorf("report: unknown indicator %q", r.ID)
		}
		ind := indicator{def: def, res: r, target: targetFor(in.Targets, r.ID, in.Report.From, in.Report.To),
			months: months(in.Report.From, in.Report.To, r.Months)}
		for _, code := range def.Breakdowns {
			ind.breakdowns = append(ind.breakdowns, breakdownOf(code, r.Breakdowns[code], in.Lang))
		}
		out = append(out, ind)
	}
	return out, nil
}

// targetFor is the first positive target on the indicator whose period
// overlaps [from, to], or nil.
func targetFor(targets []model.Target, id string, from, to time.Time) *model.Target {
	for _, t := range targets {
		if t.Indicator == id && t.Number > 0 && !t.To.Before(from) && !t.From.After(to) {
			return &t
		}
	}
	return nil
}

// breakdownOf lists a breakdown's values with their counts.
func breakdownOf(code string, counts map[string]int, lang string) breakdown {
	b := breakdown{code: code, name: model.BreakdownName(code, lang), multi: multiValued[code]}
	seen := map[string]bool{}
	for _, v := range model.BreakdownValues(code) {
		seen[v.Code] = true
		b.rows = append(b.rows, row{value: v.Code, label: v.Label(lang), count: counts[v.Code]})
	}
	for _, v := range slices.Sorted(maps.Keys(counts)) {
		if !seen[v] {
			b.rows = append(b.rows, row{value: v, label: model.BreakdownValueLabel(code, v, lang), count: counts[v]})
		}
	}
	return b
}

// months lists every month from from to to, and any other month counted,
// in order, with the running total.
func months(from, to time.Time, counts map[string]int) []month {
	set := map[string]bool{}
	for k := range counts {
		set[k] = true
	}
	if !from.IsZero() && !to.Before(from) {
		m := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
		for last := to.Format("2006-01"); m.Format("2006-01") <= last; m = m.AddDate(0, 1, 0) {
			set[m.Format("2006-01")] = true
		}
	}
	out := make([]month, 0, len(set))
	cum := 0
	for _, ym := range slices.Sorted(maps.Keys(set)) {
		cum += counts[ym]
		out = append(out, month{ym: ym, count: counts[ym], cumulative: cum})
	}
	return out
}

// texts are the report's words in one language.
type texts struct {
	lang string
	tr   *locales.Localizer
}

func textsFor(lang string) texts { return texts{lang: lang, tr: locales.New(lang)} }

// date writes a day the way the language does.
func (t texts) date(d time.Time) string {
	if t.lang == "it" {
		return d.Format("02/01/2006")
	}
	return d.Format("2006-01-02")
}

// period is "Period: FROM to TO".
func (t texts) period(from, to time.Time) string {
	return t.tr.Tf("report.period", map[string]any{"From": t.date(from), "To": t.date(to)})
}

// targetPeriod is a target's own period, or "no target".
func (t texts) targetPeriod(tg *model.Target) string {
	if tg == nil {
		return t.tr.T("report.no_target")
	}
	return t.tr.Tf("report.target_period_value", map[string]any{"From": t.date(tg.From), "To": t.date(tg.To)})
}

// number writes an integer with the language's thousands separator.
func (t texts) number(n int) string { return t.tr.Number(n) }

// percent writes total/target as a percentage with one decimal.
func (t texts) percent(total, target int) string {
	s := strconv.FormatFloat(100*float64(total)/float64(target), 'f', 1, 64)
	if t.lang == "it" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + "%"
}

// ofTarget is "TOTAL of TARGET (P%)", or "TOTAL" with no target.
func (t texts) ofTarget(total int, tg *model.Target) string {
	if tg == nil {
		return t.number(total) + " (" + t.tr.T("report.no_target") + ")"
	}
	return t.tr.Tf("report.of_target", map[string]any{"Total": t.number(total), "Target": t.number(tg.Number),
		"Percent": t.percent(total, tg.Number)})
}

// breakdownNames lists an indicator's breakdowns by name, or "—".
func (t texts) breakdownNames(codes []string) string {
	if len(codes) == 0 {
		return "—"
	}
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = model.BreakdownName(c, t.lang)
	}
	return strings.Join(names, ", ")
}
