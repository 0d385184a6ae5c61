package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sportello/locales"
	"sportello/model"
	"sportello/store"
	"sportello/ui"
)

// Version is the program's version; the Makefile may set it with -ldflags.
var Version = "0.1.0"

// cli carries what every subcommand needs: where to write, and in which language.
type cli struct {
	out, errw io.Writer
	tr        *locales.Localizer
}

type command struct {
	name string
	run  func(c *cli, args []string) int
}

func commands() []command {
	return []command{
		{"demo", (*cli).demo},
		{"find", (*cli).find},
		{"check", (*cli).check},
		{"audit", (*cli).audit},
		{"backup", (*cli).backup},
		{"restore", (*cli).restore},
		{"rekey", (*cli).rekey},
		{"password", (*cli).password},
		{"recover", (*cli).recover},
		{"languages", (*cli).languages},
		{"print", (*cli).print},
		{"export", (*cli).export},
		{"import", (*cli).importBundle},
		{"indicators", (*cli).indicators},
		{"regional-key", (*cli).regionalKey},
		{"person", (*cli).person},
		{"report", (*cli).report},
		{"texts", (*cli).texts},
		{"version", (*cli).version},
	}
}

// run dispatches the command line and returns the exit code.
func run(args []string, out, errw io.Writer) int {
	c := &cli{out: out, errw: errw, tr: locales.New(cliLanguage())}
	if len(args) == 0 {
		return c.window(args)
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		c.usage(out)
		return 0
	}
	for _, cmd := range commands() {
		if cmd.name == args[0] {
			return cmd.run(c, args[1:])
		}
	}
	if strings.HasPrefix(args[0], "-") {
		return c.window(args)
	}
	fmt.Fprintln(errw, c.tr.Tf("cli.unknown_command", map[string]any{"Name": args[0]}))
	c.usage(errw)
	return 2
}

// cliLanguage picks Italian or English from SPORTELLO_LANG, LC_ALL or LANG;
// Italian when none says.
func cliLanguage() string {
	for _, v := range []string{"SPORTELLO_LANG", "LC_ALL", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(s, "en") {
				return "en"
			}
			if strings.HasPrefix(s, "it") {
				return "it"
			}
		}
	}
	return locales.Default
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprintln(w, c.tr.T("cli.usage"))
}

// flags makes a subcommand's flag set with --db and a translated --help.
func (c *cli) flags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("sportello "+name, flag.ContinueOnError)
	fs.SetOutput(c.errw)
	db := fs.String("db", "", c.tr.T("cli.flag_db"))
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), c.tr.T("cli.help_"+name))
		fs.PrintDefaults()
	}
	return fs, db
}

// parse reads a subcommand's flags; ok is false with the exit code to use.
func (c *cli) parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	usage := fs.Usage
	fs.Usage = func() {} // Parse would print it; we choose where below
	fs.SetOutput(c.errw)
	err := fs.Parse(args)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(c.out)
		fs.Usage()
		return 0, false
	}
	if err != nil {
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// dbPath is --db, or the window's database when it is empty.
func dbPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	cfg, _ := ui.LoadConfig(ui.ConfigPath())
	return cfg.DBPath()
}

// fail prints err in the user's language.
func (c *cli) fail(err error) { fmt.Fprintln(c.errw, c.message(err)) }

// message explains err in the user's language.
func (c *cli) message(err error) string {
	var oe *store.OpenError
	var te *store.ThrottleError
	switch {
	case errors.As(err, &oe):
		return c.tr.Tf(ui.OpenProblemKey(oe.Problem), map[string]any{"Path": oe.Path})
	case errors.As(err, &te):
		return c.tr.Tf("open.throttled", map[string]any{"Seconds": int(te.Wait.Seconds() + 0.5)})
	case model.ErrorCode(err) != "":
		return c.tr.T("error."+model.ErrorCode(err)) + " (" + err.Error() + ")"
	}
	return c.tr.Tf("error.unexpected", map[string]any{"Detail": err.Error()})
}

func (c *cli) version(args []string) int {
	fs, _ := c.flags("version")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	fmt.Fprintf(c.out, "sportello %s (schema %d)\n", Version, store.SchemaVersion())
	return 0
}

func (c *cli) find(args []string) int {
	fs, db := c.flags("find")
	user := c.userFlag(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	text := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(text) == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.find_needs_text"))
		return 2
	}
	return c.withDesk(*db, *user, deskAccess{what: "find " + text}, func(d *store.DB, _ *model.Operator) int {
		return c.printMatches(d, text)
	})
}

// printMatches prints every person matching text, a page at a time.
func (c *cli) printMatches(d *store.DB, text string) int {
	ctx := context.Background()
	for offset := 0; ; offset += 500 {
		rows, err := d.FindPersons(ctx, model.PersonFilter{Query: text, Offset: offset, Limit: 500})
		if err != nil {
			c.fail(err)
			return 1
		}
		for _, s := range rows {
			year := ""
			if s.BirthYear != 0 {
				year = fmt.Sprint(s.BirthYear)
			}
			name := (&model.Person{FamilyName: s.FamilyName, GivenNames: s.GivenNames}).DisplayName()
			fmt.Fprintf(c.out, "%s\t%s\t%s\t%s\n", s.CaseCode, name, s.OwnScriptName, year)
		}
		if len(rows) < 500 {
			return 0
		}
	}
}

func (c *cli) check(args []string) int {
	fs, db := c.flags("check")
	user := c.userFlag(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	return c.withDesk(*db, *user, deskAccess{what: "check", shared: true}, c.checkDB)
}

func (c *cli) checkDB(d *store.DB, _ *model.Operator) int {
	counts, problems, err := d.Check(context.Background())
	if err != nil {
		c.fail(err)
		return 1
	}
	if len(problems) == 0 {
		fmt.Fprintln(c.out, c.tr.T("cli.check_ok"))
	}
	for _, p := range problems {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.check_problem", map[string]any{"Problem": p}))
	}
	// The audit trail: its chain recomputed, its append-only triggers in place.
	audit, err := d.VerifyAudit(context.Background())
	switch {
	case errors.Is(err, store.ErrAuditNotChained):
		fmt.Fprintln(c.out, c.tr.T("cli.audit_not_chained"))
	case err != nil:
		c.fail(err)
		return 1
	case audit == nil:
		fmt.Fprintln(c.out, c.tr.T("cli.audit_ok"))
	default:
		faults := map[store.AuditFault]string{
			store.AuditChanged: "cli.audit_changed", store.AuditMissing: "cli.audit_missing",
			store.AuditReordered: "cli.audit_reordered", store.AuditInserted: "cli.audit_inserted",
			store.AuditUnchained: "cli.audit_unchained", store.AuditKeyMissing: "cli.audit_key_missing",
			store.AuditTriggerMissing: "cli.audit_trigger_missing", store.AuditTriggerChanged: "cli.audit_trigger_changed",
		}
		args := map[string]any{"Event": audit.Event, "Other": audit.Other, "Trigger": audit.Trigger}
		problem := audit.String()
		if key, ok := faults[audit.Fault]; ok {
			problem = c.tr.Tf(key, args)
		}
		args["Problem"] = problem
		if audit.Event == 0 {
			fmt.Fprintln(c.errw, c.tr.Tf("cli.audit_broken_desk", args))
		} else {
			fmt.Fprintln(c.errw, c.tr.Tf("cli.audit_broken", args))
		}
	}
	for _, t := range counts {
		fmt.Fprintf(c.out, "%s\t%d\n", t.Table, t.Rows)
	}
	if len(problems) > 0 || audit != nil {
		return 1
	}
	return 0
}

func (c *cli) backup(args []string) int {
	fs, db := c.flags("backup")
	out := fs.String("out", "", c.tr.T("cli.flag_out"))
	user := c.userFlag(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if *out == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.backup_needs_out"))
		return 2
	}
	for _, p := range []string{*out, store.KeyPath(*out)} {
		if _, err := os.Stat(p); err == nil {
			fmt.Fprintln(c.errw, c.tr.Tf("cli.backup_exists", map[string]any{"Path": p}))
			return 1
		}
	}
	// Shared: the window may have the desk open; the backup reads beside it.
	return c.withDesk(*db, *user, deskAccess{what: "backup " + *out, shared: true}, func(d *store.DB, op *model.Operator) int {
		if err := d.Backup(context.Background(), *out, op.ID); err != nil {
			c.fail(err)
			return 1
		}
		fmt.Fprintln(c.out, c.tr.Tf("cli.backup_done", map[string]any{"Path": *out, "Keys": store.KeyPath(*out)}))
		return 0
	})
}
