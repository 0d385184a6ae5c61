package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// backToSchema5 makes d a desk as version 5 left it: events without salts,
// linked by the detail itself, the triggers and columns of before; tamper,
// when not nil, runs on it then.
func backToSchema5(t *testing.T, d *DB, tamper func()) {
	t.Helper()
	ctx := context.Background()
	unguard(t, d)
	insider(t, d, "ALTER TABLE audit_events DROP COLUMN salt", "ALTER TABLE audit_events DROP COLUMN digest")
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	key, prev := "", chainGenesis
	tx.QueryRow("SELECT value FROM settings WHERE key = ?", settingAuditKey).Scan(&key)
	events, err := readEvents(ctx, tx, 0, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		prev = chainLink([]byte(key), prev, e) // no salt: the detail itself, as version 5 linked it
		if _, err := tx.Exec("UPDATE audit_chain SET hash = ? WHERE event_id = ?", prev, e.id); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	want, _ := migrationTriggers()
	insider(t, d, undoEmployers...)
	insider(t, d, "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END",
		want["audit_no_delete"], want["audit_chain_no_update"], want["audit_chain_no_delete"],
		"DROP TRIGGER consents_no_update", "CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents BEGIN SELECT RAISE(ABORT, 'consents cannot be changed'); END",
		"DROP TABLE skills_profiles", "DROP TRIGGER persons_erased_stay_erased", "DROP TRIGGER answers_of_erased", "DROP TRIGGER scans_of_erased",
		"ALTER TABLE persons DROP COLUMN erased_at", "ALTER TABLE persons DROP COLUMN erasure_reason",
		"ALTER TABLE persons DROP COLUMN erasure_note", "PRAGMA user_version = 5")
	if tamper != nil {
		tamper()
	}
}

// Migration 6 salts the events of a sound trail and links it again, with
// an event naming the earlier chain's head; a trail already broken is left
// as it is, and its problem still shows.
func TestMigrationSaltsOnlyASoundTrail(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		tamper  string // run on the version-5 desk
		salted  bool
		problem bool
	}{
		{"sound", "", true, false},
		{"a detail rewritten before", "UPDATE audit_events SET detail = 'nothing to see' WHERE id = 10", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sportello.db")
			d, giulia, _ := chainDesk(t, path)
			backToSchema5(t, d, func() {
				if tc.tamper != "" {
					insider(t, d, "DROP TRIGGER audit_no_update", tc.tamper,
						"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END")
				}
			})
			var lastID int64
			var lastLink string
			d.db.QueryRow("SELECT event_id, hash FROM audit_chain ORDER BY event_id DESC LIMIT 1").Scan(&lastID, &lastLink)
			d.Close()
			d = openTest(t, path)
			var unsalted int
			d.db.QueryRow("SELECT count(*) FROM audit_events WHERE salt = ''").Scan(&unsalted)
			if (unsalted == 0) != tc.salted {
				t.Errorf("%d events without salt", unsalted)
			}
			p, err := d.VerifyAudit(ctx)
			if err != nil || (p != nil) != tc.problem {
				t.Fatalf("VerifyAudit = %v, %v", p, err)
			}
			if tc.problem && *p != (AuditProblem{Event: 10, Fault: AuditChanged}) {
				t.Errorf("VerifyAudit = %v, want event 10 changed", p)
			}
			var detail sql.NullString
			d.db.QueryRow("SELECT detail FROM audit_events WHERE action = ?", actionRelink).Scan(&detail)
			if tc.salted && !strings.Contains(detail.String, fmt.Sprintf("ended at event %d with link %s", lastID, lastLink)) {
				t.Errorf("the relinking event says %q, want the earlier head %d %s", detail.String, lastID, lastLink)
			}
			if !tc.salted && detail.Valid {
				t.Errorf("a broken trail was linked again: %q", detail.String)
			}
			// New events are salted and linked either way.
			d.Now = func() time.Time { return fixedNow.Add(time.Hour) }
			if err := d.RecordCommand(ctx, giulia.ID, "check"); err != nil {
				t.Fatal(err)
			}
			var salt string
			d.db.QueryRow("SELECT salt FROM audit_events ORDER BY id DESC LIMIT 1").Scan(&salt)
			if len(salt) != 32 {
				t.Errorf("a new event's salt: %q", salt)
			}
			if p2, _ := d.VerifyAudit(ctx); (p2 == nil) != (p == nil) {
				t.Errorf("after a new event VerifyAudit = %v", p2)
			}
		})
	}
}
