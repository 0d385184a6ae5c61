package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"sportello/model"
)

// Pages of the audit trail: how many events a read gives when not told,
// and at most.
const (
	AuditPage    = 200
	AuditPageMax = 1000
)

// AuditFilter chooses events of the audit trail; each zero value filters
// nothing.
type AuditFilter struct {
	CaseCode   string    // the events about the person with this case code
	OperatorID int64     // the events of this account
	Action     string    // model.ActionView, …
	From, To   time.Time // events at or after From, and before To
	Limit      int       // AuditPage when 0, never more than AuditPageMax
	Offset     int
}

// AuditRow is one event of the trail, with the name of the operator who
// did it and, for an event about a person, the person's case code.
type AuditRow struct {
	model.AuditEvent
	OperatorName string // "" for the system or a failed login
	CaseCode     string // "" when the event is not about a person
}

// AuditEvents reads the events f chooses, newest first, in one read
// transaction. Only an operator with model.PermAudit reads the trail.
func (d *DB) AuditEvents(ctx context.Context, f AuditFilter, by *model.Operator) ([]AuditRow, error) {
	if !by.May(model.PermAudit) {
		return nil, model.Refusal(model.PermAudit)
	}
	where, args := auditWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = AuditPage
	}
	limit = min(limit, AuditPageMax)
	args = append(args, max(f.Offset, 0))

	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	// The account is read from the file: one deactivated since it signed in
	// reads nothing.
	if err := actorMay(ctx, tx, by.ID, model.PermAudit); err != nil {
		return nil, err
	}
	var out []AuditRow
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.at, coalesce(e.operator_id, 0), e.action, e.entity, e.entity_id,
		e.detail, coalesce(o.full_name, ''), coalesce(p.case_code, '')
		FROM audit_events e
		LEFT JOIN operators o ON o.id = e.operator_id
		LEFT JOIN persons p ON e.entity = 'person' AND p.id = e.entity_id
		WHERE `+where+` ORDER BY e.id DESC`+limitSQL(limit)+` OFFSET ?`, args...)
	err = eachRow(rows, err, func(s scanner) error {
		var r AuditRow
		var at string
		if err := s.Scan(&r.ID, &at, &r.OperatorID, &r.Action, &r.Entity, &r.EntityID, &r.Detail,
			&r.OperatorName, &r.CaseCode); err != nil {
			return err
		}
		r.At = parseTime(at)
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the audit trail: %w", err)
	}
	return out, nil
}

// auditWhere is the filter's WHERE clause and its arguments. Times are
// compared as text without their zone and fraction: stored times are UTC
// RFC 3339, and a bound cut to the second sorts before every time of that
// second.
func auditWhere(f AuditFilter) (string, []any) {
	conds := []string{"1"}
	var args []any
	if code := strings.ToUpper(strings.TrimSpace(f.CaseCode)); code != "" {
		conds = append(conds, "e.entity = 'person' AND e.entity_id = (SELECT id FROM persons WHERE case_code = ?)")
		args = append(args, code)
	}
	if f.OperatorID != 0 {
		conds = append(conds, "e.operator_id = ?")
		args = append(args, f.OperatorID)
	}
	if f.Action != "" {
		conds = append(conds, "e.action = ?")
		args = append(args, f.Action)
	}
	const bound = "2006-01-02T15:04:05"
	if !f.From.IsZero() {
		conds = append(conds, "e.at >= ?")
		args = append(args, f.From.UTC().Format(bound))
	}
	if !f.To.IsZero() {
		conds = append(conds, "e.at < ?")
		args = append(args, f.To.UTC().Format(bound))
	}
	return strings.Join(conds, " AND "), args
}
