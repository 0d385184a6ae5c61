package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sportello/model"
	"sportello/store"
)

// audit prints the audit trail, newest first, one tab-separated line per
// event: number, time (RFC 3339, UTC), operator, action, entity, its ID,
// the person's case code, detail. Only a coordinator reads it; the store
// refuses the others.
func (c *cli) audit(args []string) int {
	fs, db := c.flags("audit")
	user := c.userFlag(fs)
	caseCode := fs.String("case", "", c.tr.T("cli.flag_audit_case"))
	operator := fs.String("operator", "", c.tr.T("cli.flag_audit_operator"))
	action := fs.String("action", "", c.tr.T("cli.flag_audit_action"))
	from := fs.String("from", "", c.tr.T("cli.flag_audit_from"))
	to := fs.String("to", "", c.tr.T("cli.flag_audit_to"))
	limit := fs.Int("limit", store.AuditPage, c.tr.T("cli.flag_audit_limit"))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	f := store.AuditFilter{CaseCode: *caseCode, Action: *action, Limit: *limit}
	var ok bool
	if f.From, ok = c.auditDay("--from", *from); !ok {
		return 2
	}
	if f.To, ok = c.auditDay("--to", *to); !ok {
		return 2
	}
	if !f.To.IsZero() {
		f.To = f.To.AddDate(0, 0, 1) // the whole of the last day
	}
	if *limit < 1 || *limit > store.AuditPageMax {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.audit_bad_limit", map[string]any{"Max": store.AuditPageMax}))
		return 2
	}
	what := "audit"
	for _, kv := range [][2]string{{"case", *caseCode}, {"operator", *operator}, {"action", *action},
		{"from", *from}, {"to", *to}} {
		if kv[1] != "" {
			what += " --" + kv[0] + " " + kv[1]
		}
	}
	return c.withDesk(*db, *user, deskAccess{what: what}, func(d *store.DB, op *model.Operator) int {
		ctx := context.Background()
		if *operator != "" {
			o, err := d.OperatorByUsername(ctx, *operator)
			if err != nil {
				c.fail(err)
				return 1
			}
			f.OperatorID = o.ID
		}
		rows, err := d.AuditEvents(ctx, f, op)
		if err != nil {
			c.fail(err)
			return 1
		}
		flat := strings.NewReplacer("\t", " ", "\r", " ", "\n", " ")
		for _, r := range rows {
			fmt.Fprintf(c.out, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", r.ID, r.At.UTC().Format(time.RFC3339), r.OperatorName,
				r.Action, r.Entity, r.EntityID, r.CaseCode, flat.Replace(r.Detail))
		}
		return 0
	})
}

// auditDay reads a day given as DD/MM/YYYY or YYYY-MM-DD, in the desk's
// time zone; "" is no day. A day it cannot read is said, naming the flag.
func (c *cli) auditDay(flagName, s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, true
	}
	for _, layout := range []string{"2/1/2006", "2006-01-02"} {
		if d, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return d, true
		}
	}
	fmt.Fprintln(c.errw, c.tr.Tf("cli.audit_bad_date", map[string]any{"Flag": flagName, "Value": s}))
	return time.Time{}, false
}
