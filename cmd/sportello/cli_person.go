package main

// sportello person: a person's rights under the GDPR, each a subcommand.

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"sportello/exchange"
	"sportello/model"
	"sportello/printouts"
	"sportello/store"
)

// personCommands are the subcommands of sportello person.
func personCommands() []command {
	return []command{
		{"export", (*cli).personExport},
		{"erase", (*cli).personErase},
	}
}

// person runs a subcommand of sportello person.
func (c *cli) person(args []string) int {
	if len(args) > 0 {
		for _, cmd := range personCommands() {
			if cmd.name == args[0] {
				return cmd.run(c, args[1:])
			}
		}
		switch args[0] {
		case "help", "-h", "-help", "--help":
			fmt.Fprintln(c.out, c.tr.T("cli.help_person"))
			return 0
		}
	}
	fmt.Fprintln(c.errw, c.tr.T("cli.help_person"))
	return 2
}

// personExport answers a person's access request (GDPR art. 15 and 20):
// the PDF in their language with the Italian, and the same data as JSON,
// written in --out. Coordinators only; the store records the request.
func (c *cli) personExport(args []string) int {
	fs := flag.NewFlagSet("sportello person export", flag.ContinueOnError)
	db := fs.String("db", "", c.tr.T("cli.flag_db"))
	caseCode := fs.String("case", "", c.tr.T("cli.flag_case"))
	out := fs.String("out", "", c.tr.T("cli.person.flag_out"))
	lang := fs.String("lang", "", c.tr.T("cli.person.flag_lang"))
	user := c.userFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), c.tr.T("cli.person.help_export"))
		fs.PrintDefaults()
	}
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if *caseCode == "" || *out == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.person.needs_case_out"))
		return 2
	}
	access := deskAccess{need: model.PermRights, what: "person export " + *caseCode}
	return c.withDesk(*db, *user, access, func(d *store.DB, op *model.Operator) int {
		return c.writeAccess(d, op, *caseCode, *lang, *out)
	})
}

// writeAccess reads the person's file and writes its PDF and JSON in dir.
func (c *cli) writeAccess(d *store.DB, op *model.Operator, caseCode, lang, dir string) int {
	ctx := context.Background()
	p, err := d.PersonByCaseCode(ctx, caseCode)
	if err != nil {
		c.fail(err)
		return 1
	}
	if lang == "" {
		lang = p.PreferredLanguage
	}
	docLang, own := printouts.AccessLanguage(lang)
	f, err := d.PersonFile(ctx, p.ID, op)
	if err != nil {
		c.fail(err)
		return 1
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.cannot_write", map[string]any{"Path": dir, "Detail": err.Error()}))
		return 1
	}
	pdf, js, err := exchange.WriteAccess(dir, docLang, f, func(w io.Writer) error {
		return printouts.RenderAccess(w, printouts.Access{Lang: lang, File: f, Zone: time.Local})
	})
	if err != nil {
		c.fail(err)
		return 1
	}
	if !own {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.person.in_english", map[string]any{"Lang": lang}))
	}
	fmt.Fprintln(c.out, c.tr.Tf("cli.person.exported", map[string]any{"PDF": pdf, "JSON": js}))
	return 0
}
