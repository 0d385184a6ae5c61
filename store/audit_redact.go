package store

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Redaction: an erasure (erase.go) must remove the personal values the
// audit trail holds (the old and new values of a person's edits), yet the
// trail must stay tamper-evident. So a link does not hash an event's
// detail but a digest of it, HMAC-SHA256 under a random salt of the event:
//
//	digest = HMAC-SHA256(salt, detail)
//
// A redaction replaces the detail, removes the salt and keeps the digest:
// the link still verifies, and without the salt the digest tells nothing
// of the detail it was (the values cannot be guessed and tried). A
// redaction is valid only when a later erasure event, chained itself,
// names the event (its detail says "redacted events 3 7 12"): an event
// blanked by anyone else shows as changed.

// chainV2 marks the links that hash a digest, not the detail itself.
const chainV2 = "digest v2"

// newSalt is 16 random bytes, hex.
func newSalt() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("audit salt: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// detailDigest is the digest of a detail under its event's salt, hex.
func detailDigest(salt, detail string) string {
	key, _ := hex.DecodeString(salt)
	m := hmac.New(sha256.New, key)
	m.Write([]byte(detail))
	return hex.EncodeToString(m.Sum(nil))
}

// redacted tells an event whose detail an erasure replaced.
func (e chainEvent) redacted() bool { return e.salt == "" && e.digest != "" }

// hashedDetail is what a link hashes in place of the detail: the digest
// (computed from the salt, or kept by a redaction), or, for an event of an
// earlier version that was never salted, the detail itself.
func (e chainEvent) hashedDetail() []string {
	switch {
	case e.salt != "":
		return []string{chainV2, detailDigest(e.salt, e.detail)}
	case e.digest != "":
		return []string{chainV2, e.digest}
	}
	return []string{e.detail}
}

// hasSalt tells a schema whose events carry salts (migration 6 on): a
// desk of an earlier version opened beside its window has none.
func hasSalt(ctx context.Context, tx *sql.Tx) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info('audit_events') WHERE name = 'salt'").Scan(&n)
	if err != nil {
		return false, fmt.Errorf("audit columns: %w", err)
	}
	return n > 0, nil
}

// eventColumns is the SELECT list of an event as chainEvent scans it, the
// columns prefixed with p ("e."); an earlier schema gives empty salts.
func eventColumns(ctx context.Context, tx *sql.Tx, p string) (string, error) {
	cols := p + "id, " + p + "at, " + p + "operator_id, " + p + "action, " + p + "entity, " + p + "entity_id, " + p + "detail, "
	salted, err := hasSalt(ctx, tx)
	if err != nil {
		return "", err
	}
	if salted {
		return cols + p + "salt, " + p + "digest", nil
	}
	return cols + "'', ''", nil
}

// redactedList is how an erasure event names the events it redacted.
var redactedList = regexp.MustCompile(`^[^;]*; redacted events ([0-9 ]*);`)

// redactions maps each event an erasure redacted to the erasure's event.
func redactions(ctx context.Context, tx *sql.Tx) (map[int64]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, detail FROM audit_events WHERE action = ?", actionErase)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id int64
		var detail string
		if err := rows.Scan(&id, &detail); err != nil {
			return nil, err
		}
		m := redactedList.FindStringSubmatch(detail)
		if m == nil {
			continue
		}
		for _, f := range strings.Fields(m[1]) {
			if n, err := strconv.ParseInt(f, 10, 64); err == nil {
				out[n] = id
			}
		}
	}
	return out, rows.Err()
}

// redactEvent replaces an event's detail, keeping the digest of the
// detail as it was: the one change the append-only trigger allows.
func redactEvent(ctx context.Context, tx *sql.Tx, id int64, salt, detail, replacement string) error {
	_, err := tx.ExecContext(ctx, "UPDATE audit_events SET detail = ?, salt = '', digest = ? WHERE id = ?",
		replacement, detailDigest(salt, detail), id)
	if err != nil {
		return fmt.Errorf("redact audit event %d: %w", id, err)
	}
	return nil
}

// saltTheTrail runs right after migration 6, in its transaction: it salts
// every event and links the chain again with digests, when the chain as
// it stands is sound; a broken chain is left as it is, for check to
// report. A final event records the earlier chain's head, so the heads
// other desks received before stay accounted for.
func saltTheTrail(ctx context.Context, d *DB, tx *sql.Tx) error {
	t, err := readTail(ctx, tx)
	if err != nil {
		return err
	}
	if !t.fresh() {
		if p, err := verifyChain(ctx, tx); err != nil || p != nil {
			return err // nothing linked again: the problem stays visible
		}
	}
	guards, err := migrationTriggers()
	if err != nil {
		return err
	}
	for _, name := range []string{"audit_no_update", "audit_chain_no_update"} {
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER "+name); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE audit_events SET salt = lower(hex(randomblob(16))) WHERE salt = '' AND digest = ''"); err != nil {
		return fmt.Errorf("salt the audit events: %w", err)
	}
	if !t.fresh() {
		if err := relink(ctx, tx, []byte(t.key)); err != nil {
			return err
		}
	}
	for _, name := range []string{"audit_no_update", "audit_chain_no_update"} {
		if _, err := tx.ExecContext(ctx, guards[name]); err != nil {
			return err
		}
	}
	if t.fresh() {
		return nil
	}
	return d.audit(ctx, tx, 0, actionRelink, "database", 0, fmt.Sprintf(
		"audit chain linked again over salted digests of the details; the earlier chain, verified, ended at event %d with link %s",
		t.lastID, t.link.String))
}

// relink computes every link again, in order.
func relink(ctx context.Context, tx *sql.Tx, key []byte) error {
	prev, after := chainGenesis, int64(0)
	for {
		batch, err := readEvents(ctx, tx, after, chainBatch)
		if err != nil {
			return fmt.Errorf("link the audit events again: %w", err)
		}
		for _, e := range batch {
			prev = chainLink(key, prev, e)
			if _, err := tx.ExecContext(ctx, "UPDATE audit_chain SET hash = ? WHERE event_id = ?", prev, e.id); err != nil {
				return fmt.Errorf("link event %d again: %w", e.id, err)
			}
			after = e.id
		}
		if len(batch) < chainBatch {
			return nil
		}
	}
}
