package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sportello/model"
)

// As is the same database seen by one signed-in operator: every read and
// write of a person's file through it is checked against model.AccessMatrix
// inside the transaction that reads or writes, with the operator's role and
// state read from the file at that moment (a role changed or an account
// deactivated takes effect at once). Parts the role may not read come back
// empty; writes to them are refused. The window and the command line work
// through such a handle once someone signs in.
//
// The handle As returns shares the connection, the lock and the key with d:
// close only one of them.
func (d *DB) As(op *model.Operator) *DB {
	c := *d
	c.actor = op
	return &c
}

// Actor is the operator the handle is bound to, or nil for the program
// itself (the first start, the demo, migrations, tests of the store).
func (d *DB) Actor() *model.Operator { return d.actor }

// view is the one transaction shape for reads of more than one query:
// begin a read-only transaction, run fn, roll back.
func (d *DB) view(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if tx := batchOf(ctx); tx != nil {
		return fn(tx)
	}
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// grant is what the bound operator may do, read once inside a transaction.
type grant struct {
	id       int64
	role     model.Role
	system   bool // no operator bound: the program itself
	assigned map[int64]bool
}

// grantIn reads the bound operator's role and state inside tx. A
// deactivated or unknown account may do nothing.
func (d *DB) grantIn(ctx context.Context, q querier) (*grant, error) {
	if d.actor == nil {
		return &grant{system: true}, nil
	}
	var role string
	var active bool
	err := q.QueryRowContext(ctx, "SELECT role, active FROM operators WHERE id = ?", d.actor.ID).Scan(&role, &active)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !active) {
		return nil, model.DeniedPart(model.PartIdentity, false)
	}
	if err != nil {
		return nil, fmt.Errorf("role of operator %d: %w", d.actor.ID, err)
	}
	return &grant{id: d.actor.ID, role: model.Role(role)}, nil
}

// can tells what the grant allows with a part.
func (g *grant) can(p model.Part) model.Access {
	if g.system {
		return model.WriteAccess
	}
	return g.role.Can(p)
}

// need refuses when the grant does not allow reading (or writing) p.
func (g *grant) need(p model.Part, write bool) error {
	a := g.can(p)
	if !a.Reads() || (write && !a.Writes()) {
		return model.DeniedPart(p, write)
	}
	return nil
}

// scoped tells whether the grant sees only assigned cases.
func (g *grant) scoped() bool { return !g.system && model.AssignedOnly[g.role] }

// file names a person's file by one of its cases or by the person: the
// column of cases that holds the ID, and how to read whether the person was
// erased.
type file struct {
	what, column, erased string
	id                   int64
}

func caseFile(id int64) file {
	return file{"case", "id", "SELECT p.erased_at FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = ?", id}
}

func personFile(id int64) file {
	return file{"person", "person_id", "SELECT erased_at FROM persons WHERE id = ?", id}
}

// assignedTo checks that a scoped grant is assigned to the file (as the
// operator or in the team of one of its cases); unscoped grants see every
// file.
func (g *grant) assignedTo(ctx context.Context, q querier, f file) error {
	if !g.scoped() {
		return nil
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM cases c WHERE c.`+f.column+` = ? AND (c.operator_id = ?
		OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.operator_id = ?))`,
		f.id, g.id, g.id).Scan(&n)
	if err != nil {
		return fmt.Errorf("assignment of %s %d: %w", f.what, f.id, err)
	}
	if n == 0 {
		return model.NotAssigned()
	}
	return nil
}

// sees tells whether a scoped grant may see the person (for filtering
// lists); unscoped grants see everyone.
func (g *grant) sees(ctx context.Context, q querier, personID int64) (bool, error) {
	if !g.scoped() {
		return true, nil
	}
	if g.assigned == nil {
		g.assigned = map[int64]bool{}
		rows, err := q.QueryContext(ctx, `SELECT person_id FROM cases WHERE operator_id = ?
			UNION SELECT c.person_id FROM case_team t JOIN cases c ON c.id = t.case_id WHERE t.operator_id = ?`, g.id, g.id)
		err = eachRow(rows, err, func(s scanner) error {
			var id int64
			err := s.Scan(&id)
			g.assigned[id] = true
			return err
		})
		if err != nil {
			return false, fmt.Errorf("cases assigned to %d: %w", g.id, err)
		}
	}
	return g.assigned[personID], nil
}

// onCase checks, inside q, that the bound operator may read (or write) part
// p of the case's file.
func (d *DB) onCase(ctx context.Context, q querier, p model.Part, write bool, caseID int64) (*grant, error) {
	return d.on(ctx, q, p, write, caseFile(caseID))
}

// onPerson checks, inside q, that the bound operator may read (or write)
// part p of the person's file.
func (d *DB) onPerson(ctx context.Context, q querier, p model.Part, write bool, personID int64) (*grant, error) {
	return d.on(ctx, q, p, write, personFile(personID))
}

// on checks part p of file f for the bound operator: the role's access, a
// write never into an erased file, the assignment of a scoped role.
func (d *DB) on(ctx context.Context, q querier, p model.Part, write bool, f file) (*grant, error) {
	g, err := d.grantIn(ctx, q)
	if err != nil {
		return nil, err
	}
	if err := g.need(p, write); err != nil {
		return nil, err
	}
	if write {
		if err := notErased(ctx, q, f.erased, f.id); err != nil {
			return nil, err
		}
	}
	return g, g.assignedTo(ctx, q, f)
}

// notErased refuses a change to the file of a person erased: it keeps an
// anonymous tally, and nothing new is written into it.
func notErased(ctx context.Context, q querier, query string, id int64) error {
	var at string
	err := q.QueryRowContext(ctx, query, id).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // absent: the write itself says so
	}
	if err != nil {
		return fmt.Errorf("erasure of %d: %w", id, err)
	}
	if at != "" {
		return &model.Error{Code: model.ErrErased, Field: "person",
			Message: "this person's data was erased on " + at + ": the file keeps only an anonymous tally"}
	}
	return nil
}

// caseOf is the case an interview belongs to.
func caseOf(ctx context.Context, q querier, table string, id int64) (int64, error) {
	var caseID int64
	err := q.QueryRowContext(ctx, "SELECT case_id FROM "+table+" WHERE id = ?", id).Scan(&caseID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no %s %d", table, id)}
	}
	return caseID, err
}

// onInterview checks part p of the file of the case an interview belongs to.
func (d *DB) onInterview(ctx context.Context, q querier, p model.Part, write bool, interviewID int64) (*grant, error) {
	caseID, err := caseOf(ctx, q, "interviews", interviewID)
	if err != nil {
		return nil, err
	}
	return d.onCase(ctx, q, p, write, caseID)
}

// actorMay checks, inside tx, that the bound operator has permission p;
// the program itself has every permission.
func (d *DB) actorMay(ctx context.Context, tx *sql.Tx, p model.Permission) error {
	if d.actor == nil {
		return nil
	}
	if d.actor.ID == 0 {
		return model.Refusal(p)
	}
	return actorMay(ctx, tx, d.actor.ID, p)
}
