package store

import (
	"context"
	"fmt"
	"time"

	"sportello/model"
)

// Employers and vacancies are the desk's, not a person's: every active
// role reads them, and writing them needs a permission of model.Permissions.
// What a person does with them (proposals, internships, enterprises) is the
// work part of the person's file, checked with onCase as the other parts.

// deskGrant reads, inside q, the bound operator's role and state; a
// deactivated or unknown account is refused. With p set, the role must have
// that permission too.
func (d *DB) deskGrant(ctx context.Context, q querier, p model.Permission) (*grant, error) {
	g, err := d.grantIn(ctx, q)
	if err != nil {
		return nil, err
	}
	if p != "" && !g.may(p) {
		return nil, model.Refusal(p)
	}
	return g, nil
}

// may tells whether the grant has a permission; the program has them all.
func (g *grant) may(p model.Permission) bool { return g.system || g.role.May(p) }

// coordinates tells a coordinator (or the program).
func (g *grant) coordinates() bool { return g.system || g.role == model.RoleCoordinator }

// formatDay writes a date as YYYY-MM-DD; the zero time as "".
func formatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// dayOf reads YYYY-MM-DD at midnight UTC; "" or anything else is zero.
func dayOf(s string) time.Time {
	t, _ := parseDay(s)
	return t
}

// notFound is the error for a record that does not exist.
func notFound(what string, id int64) error {
	return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no %s %d", what, id)}
}
