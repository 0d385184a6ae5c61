package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

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
	what := fmt.Sprintf("report --from %s --to %s --out %s", from.Format(time.DateOnly), to.Format(time.DateOnly),
		filepath.Base(*out))
	return c.withDesk(*db, *user, deskAccess{what: what, shared: true}, func(d *store.DB, _ *model.Operator) int {
		ctx := context.Background()
		rep, err := d.ComputeIndicators(ctx, from, to)
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
		in := report.Input{Report: rep, Targets: targets, Lang: *lang, Desk: desk, Generated: time.Now()}
		return c.writeFile(*out, func(f *os.File) error { return write(f, in) })
	})
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
