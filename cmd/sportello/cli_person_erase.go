package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"sportello/model"
	"sportello/store"
)

// personErase erases a person on a coordinator's decision (GDPR art. 17):
// sportello person erase --db D --user U --case CODE --reason R [--note N]
// [--yes]. Unless --yes, the case code is typed again on standard input
// (after the password) to confirm. Only the anonymous tally is left; the
// erasure reaches the other desks with the next bundle; older backups keep
// the person until they are pruned.
func (c *cli) personErase(args []string) int {
	fs := flag.NewFlagSet("sportello person erase", flag.ContinueOnError)
	fs.SetOutput(c.errw)
	db := fs.String("db", "", c.tr.T("cli.flag_db"))
	user := c.userFlag(fs)
	code := fs.String("case", "", c.tr.T("erase.cli_flag_case"))
	reason := fs.String("reason", "", c.tr.Tf("erase.cli_flag_reason", map[string]any{"Reasons": erasureReasons()}))
	note := fs.String("note", "", c.tr.T("erase.cli_flag_note"))
	yes := fs.Bool("yes", false, c.tr.T("erase.cli_flag_yes"))
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), c.tr.T("erase.cli_help"))
		fs.PrintDefaults()
	}
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	e := model.Erasure{Reason: model.ErasureReason(strings.TrimSpace(*reason)), Note: strings.TrimSpace(*note)}
	if strings.TrimSpace(*code) == "" {
		fmt.Fprintln(c.errw, c.tr.T("erase.cli_needs_case"))
		return 2
	}
	if err := e.Validate(); err != nil {
		fmt.Fprintln(c.errw, c.tr.Tf("erase.cli_bad_reason", map[string]any{"Reasons": erasureReasons()}))
		c.fail(err)
		return 2
	}
	what := "person erase --case " + strings.ToUpper(strings.TrimSpace(*code)) + " --reason " + string(e.Reason)
	return c.withDesk(*db, *user, deskAccess{need: model.PermErase, what: what}, func(d *store.DB, op *model.Operator) int {
		ctx := context.Background()
		p, err := d.PersonByCaseCode(ctx, *code)
		if err != nil {
			c.fail(err)
			return 1
		}
		if !*yes && !c.confirmErase(p.CaseCode) {
			return 1
		}
		if err := d.ErasePerson(ctx, p.ID, e, op); err != nil {
			c.fail(err)
			return 1
		}
		fmt.Fprintln(c.out, c.tr.Tf("erase.cli_done", map[string]any{"Code": p.CaseCode}))
		return 0
	})
}

// confirmErase says what an erasure removes and keeps, and wants the case
// code typed again on the next line of standard input.
func (c *cli) confirmErase(code string) bool {
	fmt.Fprintln(c.errw, c.tr.Tf("erase.warning", map[string]any{"Code": code}))
	fmt.Fprint(c.errw, c.tr.Tf("erase.cli_prompt", map[string]any{"Code": code}))
	line, _ := stdin.ReadString('\n')
	if !strings.EqualFold(strings.TrimSpace(line), code) {
		fmt.Fprintln(c.errw, c.tr.T("erase.cli_not_confirmed"))
		return false
	}
	return true
}

// erasureReasons lists the reasons' codes, for help and errors.
func erasureReasons() string {
	var codes []string
	for _, r := range model.ErasureReasons {
		codes = append(codes, string(r.Reason))
	}
	return strings.Join(codes, ", ")
}
