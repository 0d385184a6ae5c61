package store

import (
	"context"
	"database/sql"
	"fmt"

	"sportello/model"
)

// audit appends an event inside the caller's transaction, so the record and
// its trace are written together or not at all; the event's link in the
// audit chain (audit_chain.go) is written with it. It is the only way
// events are written.
func (d *DB) audit(ctx context.Context, tx *sql.Tx, operatorID int64, action, entity string, entityID int64, detail string) error {
	e := model.AuditEvent{At: d.Now(), OperatorID: operatorID, Action: action, Entity: entity, EntityID: entityID, Detail: detail}
	if err := e.Validate(); err != nil {
		return err
	}
	ev := chainEvent{at: formatTime(e.At), action: action, entity: entity, entityID: entityID, detail: detail}
	if operatorID != 0 {
		ev.operator = sql.NullInt64{Int64: operatorID, Valid: true}
	}
	if err := appendEvent(ctx, tx, ev); err != nil {
		return fmt.Errorf("audit %s %s %d: %w", action, entity, entityID, err)
	}
	return nil
}

// RecordView leaves the trace of an operator opening a person's file.
func (d *DB) RecordView(ctx context.Context, operatorID, personID int64) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		return d.audit(ctx, tx, operatorID, model.ActionView, "person", personID, "")
	})
}

// RecordSearch leaves the trace of a search of the persons: the text typed,
// never the results.
func (d *DB) RecordSearch(ctx context.Context, operatorID int64, query string) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		return d.audit(ctx, tx, operatorID, model.ActionSearch, "database", 0, query)
	})
}

// AuditTrail lists the events about one record, oldest first.
func (d *DB) AuditTrail(ctx context.Context, entity string, id int64) (out []model.AuditEvent, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if err := d.actorMay(ctx, tx, model.PermAudit); err != nil {
			return err
		}
		out, err = auditTrail(ctx, tx, entity, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("audit trail of %s %d: %w", entity, id, err)
	}
	return out, nil
}

func auditTrail(ctx context.Context, q querier, entity string, id int64) ([]model.AuditEvent, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, at, coalesce(operator_id, 0), action, entity, entity_id, detail
		FROM audit_events WHERE entity = ? AND entity_id = ? ORDER BY id`, entity, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.AuditEvent
	for rows.Next() {
		var e model.AuditEvent
		var at string
		if err := rows.Scan(&e.ID, &at, &e.OperatorID, &e.Action, &e.Entity, &e.EntityID, &e.Detail); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// RecordPrint leaves the trace of a printed document: which one, for
// whom, in which language and text version (detail).
func (d *DB) RecordPrint(ctx context.Context, operatorID, personID int64, detail string) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		return d.audit(ctx, tx, operatorID, "print", "person", personID, detail)
	})
}

// RecordCommand leaves the trace of a command-line command run by an
// operator on the desk's data.
func (d *DB) RecordCommand(ctx context.Context, operatorID int64, what string) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		return d.audit(ctx, tx, operatorID, model.ActionCommand, "database", 0, what)
	})
}

// RecordLock leaves the trace of the window locking itself while an
// operator was signed in and away (detail says after how long); the unlock
// is a login.
func (d *DB) RecordLock(ctx context.Context, operatorID int64, detail string) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		return d.audit(ctx, tx, operatorID, model.ActionLock, "operator", operatorID, detail)
	})
}
