package store

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"strings"
)

// The audit chain makes the trail tamper-evident. Every event has one link
// in audit_chain, written with it in the same transaction:
//
//	link(i) = HMAC-SHA256(key, link(i-1) || event i)
//
// where link(0) is chainGenesis and event i is its stored fields (id, at,
// operator_id, action, entity, entity_id) and a salted digest of its
// detail (audit_redact.go), each preceded by its length: an erasure can
// then remove the personal values of a detail and keep its digest, and
// the chain still verifies. (Events of an earlier version, not salted
// because their chain was found broken, hash the detail itself.) The key is a random secret of the desk, kept in settings (inside
// the sealed database; settings never leave the desk), so the links that
// travel in bundles tell nothing about the events. Events are numbered
// 1, 2, 3... without gaps, and sqlite_sequence keeps the highest event
// ever linked: a trail cut short, or emptied, shows.
//
// Someone holding the data key can still rewrite the whole trail and its
// chain from the key in settings: the links carried by the bundles already
// sent to other desks (AuditHead) are what such a rewrite cannot reach.

// settingAuditKey is the chain's key: 64 hex digits (32 random bytes),
// made with the first linked event. Its text is the HMAC key.
const settingAuditKey = "audit.chain_key"

// chainGenesis stands for the link before the first event.
const chainGenesis = "sportello audit chain v1"

// chainBatch is how many events of an earlier version are linked per read.
const chainBatch = 1000

// auditTriggers keep the trail and its chain append-only (migrations 0001
// and 0005); VerifyAudit wants them present and as written there.
var auditTriggers = []string{"audit_no_update", "audit_no_delete", "audit_chain_no_update", "audit_chain_no_delete"}

// ErrAuditNotChained says that the trail has no chain yet: a desk of an
// earlier version, opened beside the window or not yet written to since it
// was migrated. Its events are linked by the next event written.
var ErrAuditNotChained = errors.New("the audit trail is not chained yet: its events are linked at the next event written")

// AuditFault says what is wrong with the audit trail.
type AuditFault string

const (
	AuditChanged        AuditFault = "changed"         // the event no longer matches its link
	AuditMissing        AuditFault = "missing"         // the event was deleted: the numbering or the chain expects it
	AuditReordered      AuditFault = "reordered"       // the event's content was linked at another place (Other)
	AuditInserted       AuditFault = "inserted"        // the event was put in later: the events after it were moved up to make room
	AuditUnchained      AuditFault = "unchained"       // the event has no link in the chain
	AuditKeyMissing     AuditFault = "key_missing"     // the chain's key was removed from settings
	AuditTriggerMissing AuditFault = "trigger_missing" // an append-only trigger (Trigger) was dropped
	AuditTriggerChanged AuditFault = "trigger_changed" // an append-only trigger (Trigger) was replaced by another
)

// AuditProblem names the first thing wrong with the audit trail.
type AuditProblem struct {
	Event   int64 // the first bad event's id; 0 for a trigger or the key
	Fault   AuditFault
	Other   int64  // AuditReordered: the event whose place its content has
	Trigger string // AuditTriggerMissing, AuditTriggerChanged
}

func (p *AuditProblem) String() string {
	switch p.Fault {
	case AuditTriggerMissing, AuditTriggerChanged:
		return fmt.Sprintf("audit trail: trigger %s %s", p.Trigger, strings.TrimPrefix(string(p.Fault), "trigger_"))
	case AuditKeyMissing:
		return "audit trail: the chain's key is missing"
	case AuditReordered:
		return fmt.Sprintf("audit trail: event %d reordered (its content was linked as event %d)", p.Event, p.Other)
	}
	return fmt.Sprintf("audit trail: event %d %s", p.Event, p.Fault)
}

// chainEvent is an audit event as stored: what its link hashes.
type chainEvent struct {
	id       int64
	at       string
	operator sql.NullInt64
	action   string
	entity   string
	entityID int64
	detail   string
	salt     string // hex; "" for a redacted event, or one of an earlier version
	digest   string // the digest of a redacted event's detail as it was
}

// chainLink is the link of e after prev, hex.
func chainLink(key []byte, prev string, e chainEvent) string {
	m := hmac.New(sha256.New, key)
	operator := ""
	if e.operator.Valid {
		operator = strconv.FormatInt(e.operator.Int64, 10)
	}
	for _, f := range append([]string{prev, strconv.FormatInt(e.id, 10), e.at, operator, e.action, e.entity,
		strconv.FormatInt(e.entityID, 10)}, e.hashedDetail()...) {
		writeField(m, f)
	}
	return hex.EncodeToString(m.Sum(nil))
}

// writeField writes f with its length first, so that no two events hash
// the same text.
func writeField(h hash.Hash, f string) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(f)))
	h.Write(n[:])
	h.Write([]byte(f))
}

// chainTail is what appending an event needs, read with one SELECT.
type chainTail struct {
	key    string         // settingAuditKey; "" before the first link
	seq    int64          // the highest event ever linked (sqlite_sequence)
	lastID int64          // the highest event id
	link   sql.NullString // the last link; NULL when there is none
}

// errNoChain: the schema predates the chain (a desk of an earlier version
// opened beside the window, so not migrated).
var errNoChain = errors.New("no audit chain in this schema")

func readTail(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (chainTail, error) {
	var t chainTail
	var key sql.NullString
	err := q.QueryRowContext(ctx, `SELECT (SELECT value FROM settings WHERE key = ?),
		coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_chain'), 0),
		coalesce((SELECT max(id) FROM audit_events), 0),
		(SELECT hash FROM audit_chain WHERE event_id = (SELECT max(event_id) FROM audit_chain))`, settingAuditKey).Scan(&key, &t.seq, &t.lastID, &t.link)
	if isNoChain(err) {
		return t, errNoChain
	}
	t.key = key.String
	return t, err
}

// isNoChain tells the error of a schema without the chain's tables.
func isNoChain(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "no such table: audit_chain") ||
		strings.Contains(err.Error(), "no such table: sqlite_sequence"))
}

// fresh tells a chain never started: no key, no link, none ever written.
func (t chainTail) fresh() bool { return t.key == "" && !t.link.Valid && t.seq == 0 }

// appendEvent writes e and its link inside tx: one SELECT of the chain's
// tail, then the event and its link. The event takes the number after both
// the highest event and the highest ever linked, so a trail whose end was
// cut keeps the gap. The first event of a desk makes the chain's key, and
// first links the events an earlier version wrote.
func appendEvent(ctx context.Context, tx *sql.Tx, e chainEvent) error {
	t, salted, kept := keptTail(ctx)
	if !kept {
		var err error
		t, err = readTail(ctx, tx)
		if errors.Is(err, errNoChain) {
			// An earlier schema, opened beside the window: the event is
			// linked with the others when the desk is next migrated.
			_, err := tx.ExecContext(ctx, `INSERT INTO audit_events (at, operator_id, action, entity, entity_id, detail)
				VALUES (?, ?, ?, ?, ?, ?)`, e.at, e.operator, e.action, e.entity, e.entityID, e.detail)
			return err
		}
		if err != nil {
			return fmt.Errorf("chain tail: %w", err)
		}
		if salted, err = hasSalt(ctx, tx); err != nil {
			return err
		}
	}
	if salted {
		var err error
		if e.salt, err = newSalt(); err != nil {
			return err
		}
	}
	if t.fresh() {
		if err := startChain(ctx, tx, &t); err != nil {
			return err
		}
	}
	e.id = max(t.seq, t.lastID) + 1
	prev := chainGenesis
	if t.link.Valid {
		prev = t.link.String
	}
	if err := insertEvent(ctx, tx, e, salted); err != nil {
		return err
	}
	link := chainLink([]byte(t.key), prev, e)
	if _, err := tx.ExecContext(ctx, "INSERT INTO audit_chain (event_id, hash) VALUES (?, ?)", e.id, link); err != nil {
		return fmt.Errorf("chain link of event %d: %w", e.id, err)
	}
	t.seq, t.lastID, t.link = e.id, e.id, sql.NullString{String: link, Valid: true}
	keepTail(ctx, t, salted)
	return nil
}

// insertEvent writes an event numbered e.id, with its salt when the schema
// has one.
func insertEvent(ctx context.Context, tx *sql.Tx, e chainEvent, salted bool) error {
	if !salted {
		_, err := tx.ExecContext(ctx, `INSERT INTO audit_events (id, at, operator_id, action, entity, entity_id, detail)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, e.id, e.at, e.operator, e.action, e.entity, e.entityID, e.detail)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_events (id, at, operator_id, action, entity, entity_id, detail, salt)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.id, e.at, e.operator, e.action, e.entity, e.entityID, e.detail, e.salt)
	return err
}

// startChain makes the chain's key and links, in order, the events written
// before there was a chain (a desk of an earlier version). It only adds
// rows: nothing is changed.
func startChain(ctx context.Context, tx *sql.Tx, t *chainTail) error {
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return fmt.Errorf("chain key: %w", err)
	}
	t.key = hex.EncodeToString(secret)
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, settingAuditKey, t.key); err != nil {
		return fmt.Errorf("chain key: %w", err)
	}
	prev, after := chainGenesis, int64(0)
	for {
		batch, err := readEvents(ctx, tx, after, chainBatch)
		if err != nil {
			return fmt.Errorf("link earlier events: %w", err)
		}
		for _, e := range batch {
			prev = chainLink([]byte(t.key), prev, e)
			if _, err := tx.ExecContext(ctx, "INSERT INTO audit_chain (event_id, hash) VALUES (?, ?)", e.id, prev); err != nil {
				return fmt.Errorf("link earlier event %d: %w", e.id, err)
			}
			after = e.id
		}
		if len(batch) < chainBatch {
			break
		}
	}
	if after > 0 {
		t.link = sql.NullString{String: prev, Valid: true}
		t.seq = after
	}
	return nil
}

// readEvents reads up to n events after the id after, in order.
func readEvents(ctx context.Context, tx *sql.Tx, after int64, n int) ([]chainEvent, error) {
	cols, err := eventColumns(ctx, tx, "")
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+cols+` FROM audit_events WHERE id > ? ORDER BY id`+limitSQL(n), after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []chainEvent
	for rows.Next() {
		var e chainEvent
		if err := rows.Scan(&e.id, &e.at, &e.operator, &e.action, &e.entity, &e.entityID, &e.detail, &e.salt, &e.digest); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// AuditHead is the last link of the audit chain: the last event's id and
// its hash, which a bundle carries so that the desk's trail up to there
// can be told apart from a rewritten one. Zero and "" before any link.
func (d *DB) AuditHead(ctx context.Context) (id int64, hash string, err error) {
	err = d.q(ctx).QueryRowContext(ctx, "SELECT event_id, hash FROM audit_chain WHERE event_id = (SELECT max(event_id) FROM audit_chain)").Scan(&id, &hash)
	if errors.Is(err, sql.ErrNoRows) || isNoChain(err) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("audit head: %w", err)
	}
	return id, hash, nil
}
