package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"sportello/exchange"
	"sportello/model"
	"sportello/store"
)

// indicators prints the programme indicators over a period: over the
// pseudonymised exports named on the command line, each person once by
// regional pseudonym, without merging them and without a desk; or, with
// no file, over the --db desk's own records, for its coordinator.
func (c *cli) indicators(args []string) int {
	fs, db := c.flags("indicators")
	fromText := fs.String("from", "", c.tr.T("cli.flag_indicators_from"))
	toText := fs.String("to", "", c.tr.T("cli.flag_indicators_to"))
	desk := fs.String("desk", "", c.tr.T("cli.flag_indicators_desk"))
	user := c.userFlag(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	from, errFrom := parseCLIDate(*fromText)
	to, errTo := parseCLIDate(*toText)
	if errFrom != nil || errTo != nil || to.Before(from) {
		fmt.Fprintln(c.errw, c.tr.T("cli.indicators_bad_dates"))
		return 2
	}
	ctx := context.Background()
	if fs.NArg() == 0 { // the store lets only the coordinator compute them
		return c.withDesk(*db, *user, deskAccess{what: "indicators " + *fromText + " " + *toText},
			func(d *store.DB, _ *model.Operator) int {
				rep, err := d.ComputeDeskIndicators(ctx, from, to, strings.ToUpper(*desk))
				if err != nil {
					c.fail(err)
					return 1
				}
				c.printIndicators(c.out, rep)
				return 0
			})
	}
	files, ok := c.readExports(fs.Args())
	if !ok {
		return 1
	}
	rep, info, err := exchange.IndicatorsOverExportsInfo(ctx, from, to, files)
	if err != nil {
		c.failExports(err)
		return 1
	}
	over := "cli.indicators_over"
	if info.KeyFingerprint == "" {
		over = "cli.indicators_over_unkeyed"
	}
	fmt.Fprintln(c.out, c.tr.Nf(over, info.Files, map[string]any{"Files": info.Files, "Persons": c.tr.Number(info.Persons),
		"Fingerprint": info.KeyFingerprint}))
	if len(info.Unkeyed) > 0 {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.indicators_unkeyed", map[string]any{"Files": strings.Join(info.Unkeyed, ", ")}))
	}
	c.printIndicators(c.out, rep)
	return 0
}

// readExports names the export files to read, saying which one cannot be:
// each is read as it goes, never whole.
func (c *cli) readExports(paths []string) ([]exchange.ExportFile, bool) {
	files := make([]exchange.ExportFile, 0, len(paths))
	for _, path := range paths {
		f, err := os.Open(path)
		if err == nil {
			f.Close()
		}
		if err != nil {
			fmt.Fprintln(c.errw, c.tr.Tf("cli.cannot_read", map[string]any{"Path": path, "Detail": err.Error()}))
			return nil, false
		}
		files = append(files, exchange.ExportFile{Name: path, Path: path})
	}
	return files, true
}

// parseCLIDate reads a date as 2025-01-31 or, the Italian way, 31/01/2025.
func parseCLIDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse("02/01/2006", s)
}

// printIndicators writes the report as a table: each indicator's ID, name
// and total, then a line per breakdown with its values' counts.
func (c *cli) printIndicators(w io.Writer, rep *store.IndicatorReport) {
	lang := c.tr.Lang()
	fmt.Fprintln(w, c.tr.Tf("cli.indicators_period", map[string]any{"From": rep.From.Format(time.DateOnly),
		"To": rep.To.Format(time.DateOnly)}))
	byID := map[string]model.ProgrammeIndicator{}
	for _, in := range model.ProgrammeIndicators {
		byID[in.ID] = in
	}
	for _, r := range rep.Results {
		in := byID[r.ID]
		if r.Pending != "" {
			fmt.Fprintf(w, "%-24s %-48s %6s  %s\n", r.ID, in.Name(lang), "-",
				c.tr.Tf("cli.indicators_pending", map[string]any{"Why": r.Pending}))
			continue
		}
		fmt.Fprintf(w, "%-24s %-48s %6d\n", r.ID, in.Name(lang), r.Total)
		for _, code := range in.Breakdowns {
			values := r.Breakdowns[code]
			if len(values) == 0 {
				continue
			}
			keys := make([]string, 0, len(values))
			for v := range values {
				keys = append(keys, v)
			}
			sort.Strings(keys)
			parts := make([]string, 0, len(keys))
			for _, v := range keys {
				parts = append(parts, fmt.Sprintf("%s %d", model.BreakdownValueLabel(code, v, lang), values[v]))
			}
			fmt.Fprintf(w, "    %s: %s\n", model.BreakdownName(code, lang), strings.Join(parts, ", "))
		}
	}
}

// regionalKey manages the regional key that makes a person's pseudonym
// the same at every desk of the region: --new makes one, keeps it and
// prints it once for the other desks; --set KEY keeps the one the region
// gave; --forget removes it. With none of them it tells the key's
// fingerprint. Coordinators only; every change is audited.
func (c *cli) regionalKey(args []string) int {
	fs, db := c.flags("regional-key")
	makeNew := fs.Bool("new", false, c.tr.T("cli.flag_regional_new"))
	set := fs.String("set", "", c.tr.T("cli.flag_regional_set"))
	forget := fs.Bool("forget", false, c.tr.T("cli.flag_regional_forget"))
	user := c.userFlag(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	actions := 0
	for _, on := range []bool{*makeNew, *set != "", *forget} {
		if on {
			actions++
		}
	}
	if actions > 1 || fs.NArg() != 0 {
		fmt.Fprintln(c.errw, c.tr.T("cli.regional_key_one_action"))
		return 2
	}
	if *set != "" {
		if _, err := exchange.ParseRegionalKey(*set); err != nil {
			c.fail(err)
			return 2
		}
	}
	what := "regional-key"
	switch {
	case *makeNew:
		what += " --new"
	case *set != "":
		what += " --set"
	case *forget:
		what += " --forget"
	}
	return c.withDesk(*db, *user, deskAccess{what: what, need: model.PermSettings}, func(d *store.DB, op *model.Operator) int {
		ctx := context.Background()
		key := *set
		if *makeNew {
			var err error
			if key, err = exchange.NewRegionalKey(); err != nil {
				c.fail(err)
				return 1
			}
		}
		if actions > 0 {
			if err := exchange.SetRegionalKey(ctx, d, key, op); err != nil {
				c.fail(err)
				return 1
			}
		}
		if *makeNew {
			fmt.Fprintln(c.errw, c.tr.T("cli.regional_key_new"))
			fmt.Fprintln(c.out, key)
		}
		k, err := exchange.RegionalKey(ctx, d)
		if err != nil {
			c.fail(err)
			return 1
		}
		if k == nil {
			fmt.Fprintln(c.errw, c.tr.T("cli.regional_key_none"))
			return 0
		}
		fmt.Fprintln(c.errw, c.tr.Tf("cli.regional_key_fingerprint", map[string]any{"Fingerprint": exchange.RegionalKeyFingerprint(k)}))
		return 0
	})
}

// exportRefusals are the reasons the indicators refuse an export, each
// with its message.
var exportRefusals = []struct {
	err error
	key string
}{
	{exchange.ErrEncryptedExport, "cli.exports_encrypted"},
	{exchange.ErrFutureVersion, "cli.exports_future"},
	{exchange.ErrNotPseudonymised, "cli.exports_full"},
	{exchange.ErrIncrementalExport, "cli.exports_incremental"},
	{exchange.ErrSameDesk, "cli.exports_same_desk"},
	{exchange.ErrRegionalKeysDiffer, "cli.exports_keys_differ"},
	{exchange.ErrNotAnExport, "cli.exports_not_export"},
}

// failExports says why the indicators over exports stopped: a refused
// file by its name, in the user's language, the detail after it.
func (c *cli) failExports(err error) {
	var fe *exchange.ExportFileError
	if !errors.As(err, &fe) {
		c.fail(err)
		return
	}
	for _, r := range exportRefusals {
		if errors.Is(err, r.err) {
			msg := c.tr.Tf(r.key, map[string]any{"File": fe.Name})
			detail := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(fe.Err.Error(), r.err.Error()), ":"))
			if detail != "" && !strings.HasPrefix(detail, "(") {
				detail = "(" + detail + ")"
			}
			if detail != "" {
				msg += " " + detail
			}
			fmt.Fprintln(c.errw, msg)
			return
		}
	}
	fmt.Fprintln(c.errw, c.tr.Tf("cli.exports_unreadable", map[string]any{"File": fe.Name, "Detail": fe.Err.Error()}))
}
