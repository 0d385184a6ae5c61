package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sportello/exchange"
	"sportello/model"
	"sportello/report"
	"sportello/store"
)

// report writes the programme indicators over --from..--to (both days
// included) as a workbook (.xlsx) or a PDF report (.pdf), chosen by the
// extension of --out, in --lang (the command line's language unless
// given). Only a coordinator may: the store refuses the others, and then
// no file is written.
func (c *cli) report(args []string) int {
	fs, db := c.flags("report")
	user := c.userFlag(fs)
	fromFlag := fs.String("from", "", c.tr.T("cli.flag_report_from"))
	toFlag := fs.String("to", "", c.tr.T("cli.flag_report_to"))
	out := fs.String("out", "", c.tr.T("cli.flag_report_out"))
	lang := fs.String("lang", c.tr.Lang(), c.tr.T("cli.flag_report_lang"))
	deskPrefix := fs.String("desk", "", c.tr.T("cli.flag_indicators_desk"))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	write, ok := reportWriter(*out)
	if !ok {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.report_bad_out", map[string]any{"Path": *out}))
		return 2
	}
	if *lang != "it" && *lang != "en" {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.report_bad_lang", map[string]any{"Lang": *lang}))
		return 2
	}
	if strings.TrimSpace(*fromFlag) == "" || strings.TrimSpace(*toFlag) == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.report_needs_period"))
		return 2
	}
	from, ok := c.auditDay("--from", *fromFlag)
	if !ok {
		return 2
	}
	to, ok := c.auditDay("--to", *toFlag)
	if !ok {
		return 2
	}
	from, to = dayUTC(from), dayUTC(to)
	if to.Before(from) {
		fmt.Fprintln(c.errw, c.tr.T("cli.report_bad_period"))
		return 2
	}
	if fs.NArg() > 0 { // over many desks' pseudonymised exports, as sportello indicators
		return c.reportOverExports(fs.Args(), from, to, *lang, *out, write)
	}
	what := fmt.Sprintf("report --from %s --to %s --out %s", from.Format(time.DateOnly), to.Format(time.DateOnly),
		filepath.Base(*out))
	return c.withDesk(*db, *user, deskAccess{what: what, shared: true}, func(d *store.DB, _ *model.Operator) int {
		ctx := context.Background()
		rep, err := d.ComputeDeskIndicators(ctx, from, to, strings.ToUpper(*deskPrefix))
		if err != nil {
			c.fail(err)
			return 1
		}
		targets, err := d.Targets(ctx)
		if err != nil {
			c.fail(err)
			return 1
		}
		desk, err := d.Setting(ctx, store.SettingDesk)
		if err != nil {
			c.fail(err)
			return 1
		}
		if *deskPrefix != "" {
			desk = strings.ToUpper(*deskPrefix)
		}
		in := report.Input{Report: rep, Targets: targets, Lang: *lang, Desk: desk, Generated: time.Now()}
		return c.writeFile(*out, func(f *os.File) error { return write(f, in) })
	})
}

// reportOverExports writes the report of the indicators over the
// pseudonymised exports of many desks, each person once by regional
// pseudonym; no desk is opened, so there are no targets.
func (c *cli) reportOverExports(paths []string, from, to time.Time, lang, out string,
	write func(f *os.File, in report.Input) error) int {
	files, ok := c.readExports(paths)
	if !ok {
		return 1
	}
	rep, info, err := exchange.IndicatorsOverExportsInfo(context.Background(), from, to, files)
	if err != nil {
		c.failExports(err)
		return 1
	}
	if len(info.Unkeyed) > 0 {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.indicators_unkeyed", map[string]any{"Files": strings.Join(info.Unkeyed, ", ")}))
	}
	desk := c.tr.Nf("cli.report_over_exports", info.Files, map[string]any{"Files": info.Files,
		"Persons": c.tr.Number(info.Persons)})
	in := report.Input{Report: rep, Lang: lang, Desk: desk, Generated: time.Now()}
	return c.writeFile(out, func(f *os.File) error { return write(f, in) })
}

// reportWriter picks the report's writer from the file's extension.
func reportWriter(path string) (func(f *os.File, in report.Input) error, bool) {
	if strings.TrimSpace(filepath.Base(path)) == "" {
		return nil, false
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return func(f *os.File, in report.Input) error { return report.WriteXLSX(f, in) }, true
	case ".pdf":
		return func(f *os.File, in report.Input) error { return report.WritePDF(f, in) }, true
	}
	return nil, false
}

// dayUTC is the calendar day of t at midnight UTC, the form the store's
// periods take.
func dayUTC(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
