package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
)

// VerifyAudit recomputes the audit chain over every event, in id order, in
// one read transaction, and names the first thing wrong: an event changed,
// deleted (from the middle, the end, or the whole trail), moved, put in
// later, or without its link; a link without its event; the chain's key
// gone; an append-only trigger of the trail or the chain dropped or
// replaced. It returns nil when the trail is sound, and ErrAuditNotChained
// for a desk whose events are not linked yet (an earlier version's).
func (d *DB) VerifyAudit(ctx context.Context) (*AuditProblem, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("verify audit: %w", err)
	}
	defer tx.Rollback()
	p, err := verifyChain(ctx, tx)
	if p != nil || err != nil {
		return p, err
	}
	if p, err = verifyTriggers(ctx, tx); err != nil {
		return nil, fmt.Errorf("verify audit triggers: %w", err)
	}
	return p, nil
}

// verifyChain walks the trail and its chain.
func verifyChain(ctx context.Context, tx *sql.Tx) (*AuditProblem, error) {
	t, err := readTail(ctx, tx)
	if errors.Is(err, errNoChain) {
		return noChainTable(ctx, tx)
	}
	if err != nil {
		return nil, fmt.Errorf("verify audit: %w", err)
	}
	if t.fresh() {
		if t.lastID == 0 {
			return nil, nil // a new desk: nothing written yet
		}
		return nil, ErrAuditNotChained
	}
	if t.key == "" {
		return &AuditProblem{Fault: AuditKeyMissing}, nil
	}
	var orphan sql.NullInt64 // the first link whose event is gone
	if err := tx.QueryRowContext(ctx, `SELECT min(event_id) FROM audit_chain c
		WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.id = c.event_id)`).Scan(&orphan); err != nil {
		return nil, fmt.Errorf("verify audit: links without events: %w", err)
	}
	redactedBy, err := redactions(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("verify audit: %w", err)
	}
	w := chainWalk{key: []byte(t.key), prev: chainGenesis, want: 1}
	p, err := w.run(ctx, tx, math.MinInt64, func(e chainEvent, link sql.NullString) *AuditProblem {
		switch {
		case orphan.Valid && orphan.Int64 < e.id:
			return &AuditProblem{Event: orphan.Int64, Fault: AuditMissing}
		case e.id < w.want: // numbered before the first event
			return &AuditProblem{Event: e.id, Fault: AuditInserted}
		case e.id != w.want:
			return &AuditProblem{Event: w.want, Fault: AuditMissing}
		case !link.Valid:
			return &AuditProblem{Event: e.id, Fault: AuditUnchained}
		case chainLink(w.key, w.prev, e) != link.String:
			return &AuditProblem{Event: e.id, Fault: AuditChanged}
		case e.redacted() && redactedBy[e.id] <= e.id: // no later erasure names it
			return &AuditProblem{Event: e.id, Fault: AuditChanged}
		}
		w.prev, w.want = link.String, w.want+1
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verify audit: %w", err)
	}
	if p != nil {
		if p.Fault == AuditChanged {
			return w.explain(ctx, tx, p)
		}
		return p, nil
	}
	switch {
	case orphan.Valid: // the end of the trail deleted, its links left
		return &AuditProblem{Event: orphan.Int64, Fault: AuditMissing}, nil
	case t.seq >= w.want: // the end deleted with its links
		return &AuditProblem{Event: w.want, Fault: AuditMissing}, nil
	case w.want == 1: // the whole trail and its numbering gone, the key left
		return &AuditProblem{Event: 1, Fault: AuditMissing}, nil
	}
	return nil, nil
}

// noChainTable judges a schema without audit_chain: an earlier version's
// desk (not chained yet), or one whose chain was dropped (the key is left).
func noChainTable(ctx context.Context, tx *sql.Tx) (*AuditProblem, error) {
	var key sql.NullString
	var first sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT value FROM settings WHERE key = ?), (SELECT min(id) FROM audit_events)`,
		settingAuditKey).Scan(&key, &first); err != nil {
		return nil, fmt.Errorf("verify audit: %w", err)
	}
	switch {
	case key.String == "":
		return nil, ErrAuditNotChained
	case first.Int64 == 1:
		return &AuditProblem{Event: 1, Fault: AuditUnchained}, nil
	}
	return &AuditProblem{Event: 1, Fault: AuditMissing}, nil
}

// chainWalk is the state of a walk along the chain.
type chainWalk struct {
	key  []byte
	prev string // the last link verified
	want int64  // the id the next event must have
}

// run calls step for each event after the id after, with its link, in id
// order, until step names a problem.
func (w *chainWalk) run(ctx context.Context, tx *sql.Tx, after int64, step func(chainEvent, sql.NullString) *AuditProblem) (*AuditProblem, error) {
	cols, err := eventColumns(ctx, tx, "e.")
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+cols+`, c.hash
		FROM audit_events e LEFT JOIN audit_chain c ON c.event_id = e.id WHERE e.id > ? ORDER BY e.id`, after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e chainEvent
		var link sql.NullString
		if err := rows.Scan(&e.id, &e.at, &e.operator, &e.action, &e.entity, &e.entityID, &e.detail, &e.salt, &e.digest, &link); err != nil {
			return nil, err
		}
		if p := step(e, link); p != nil {
			return p, nil
		}
	}
	return nil, rows.Err()
}

// explain looks closer at an event that does not match its link (p), the
// first bad one, with w at the link before it: an event put in, the events
// after it moved up, shows as the next event fitting its place; an event
// moved, as its content fitting the place of a later one.
func (w *chainWalk) explain(ctx context.Context, tx *sql.Tx, p *AuditProblem) (*AuditProblem, error) {
	var bad chainEvent
	var badLink sql.NullString
	prev := w.prev // the link before the bad event
	first := true
	found, err := w.run(ctx, tx, p.Event-1, func(e chainEvent, link sql.NullString) *AuditProblem {
		if e.id == p.Event {
			bad, badLink = e, link
			prev = link.String
			return nil
		}
		if first {
			first = false
			moved := e
			moved.id = p.Event
			if link.Valid && chainLink(w.key, w.prev, moved) == link.String {
				return &AuditProblem{Event: p.Event, Fault: AuditInserted}
			}
		}
		at := bad
		at.id = e.id
		if h := chainLink(w.key, prev, at); link.Valid && (h == link.String || h == badLink.String) {
			return &AuditProblem{Event: p.Event, Fault: AuditReordered, Other: e.id}
		}
		prev = link.String
		return nil
	})
	if err != nil || found == nil {
		return p, err
	}
	return found, nil
}

// verifyTriggers wants every append-only trigger of the trail and of the
// chain in the schema, as its migration wrote it.
func verifyTriggers(ctx context.Context, tx *sql.Tx) (*AuditProblem, error) {
	want, err := migrationTriggers()
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]string{}
	for rows.Next() {
		var name string
		var text sql.NullString
		if err := rows.Scan(&name, &text); err != nil {
			return nil, err
		}
		have[name] = normaliseSQL(text.String)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range auditTriggers {
		text, ok := have[name]
		switch {
		case !ok:
			return &AuditProblem{Fault: AuditTriggerMissing, Trigger: name}, nil
		case text != want[name]:
			return &AuditProblem{Fault: AuditTriggerChanged, Trigger: name}, nil
		}
	}
	return nil, nil
}

var createTrigger = regexp.MustCompile(`(?is)\bCREATE\s+TRIGGER\s+(\w+)\b.*?\bEND\b`)

// migrationTriggers gives the audit triggers as the migrations create them
// (the last creation of each), normalised.
func migrationTriggers() (map[string]string, error) {
	migs, err := migrations()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, m := range migs {
		for _, c := range createTrigger.FindAllStringSubmatch(m.sql, -1) {
			out[c[1]] = normaliseSQL(c[0])
		}
	}
	for _, name := range auditTriggers {
		if out[name] == "" {
			return nil, fmt.Errorf("no migration creates the trigger %s", name)
		}
	}
	return out, nil
}

// normaliseSQL makes statements that differ only in spacing or a final
// semicolon compare equal.
func normaliseSQL(s string) string {
	return strings.TrimSuffix(strings.Join(strings.Fields(s), " "), ";")
}
