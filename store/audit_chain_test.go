package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sportello/model"
)

// chainDesk is a test desk with a few dozen audit events by two operators:
// accounts, logins, persons registered and viewed, a command. Its clock
// moves a minute per event.
func chainDesk(t *testing.T, path string) (d *DB, giulia, marco *model.Operator) {
	t.Helper()
	ctx := context.Background()
	d = openTest(t, path)
	tick := 0
	d.Now = func() time.Time { tick++; return fixedNow.Add(time.Duration(tick) * time.Minute) }
	giulia = &model.Operator{Username: "giulia", FullName: "Giulia Neri", Role: model.RoleCoordinator}
	marco = &model.Operator{Username: "marco", FullName: "Marco Bianchi", Role: model.RoleOperator}
	if err := d.CreateOperator(ctx, giulia, "a long secret phrase", 0); err != nil {
		t.Fatal(err)
	}
	if err := d.CreateOperator(ctx, marco, "another long phrase", giulia.ID); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 8; i++ {
		by := []*model.Operator{giulia, marco}[i%2]
		if _, err := d.Login(ctx, by.Username, map[int64]string{giulia.ID: "a long secret phrase", marco.ID: "another long phrase"}[by.ID]); err != nil {
			t.Fatal(err)
		}
		p := &model.Person{FamilyName: fmt.Sprintf("Diallo%d", i), GivenNames: "Awa"}
		if err := d.CreatePerson(ctx, p, by.ID); err != nil {
			t.Fatal(err)
		}
		for _, viewer := range []*model.Operator{giulia, marco} {
			if err := d.RecordView(ctx, viewer.ID, p.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := d.RecordCommand(ctx, giulia.ID, "check"); err != nil {
		t.Fatal(err)
	}
	return d, giulia, marco
}

// lastEvent is the highest event id.
func lastEvent(t *testing.T, d *DB) int64 {
	t.Helper()
	var n int64
	if err := d.db.QueryRow("SELECT max(id) FROM audit_events").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// insider runs statements as an insider with the data key would, failing the
// test on an error.
func insider(t *testing.T, d *DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := d.db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// unguard drops the append-only triggers of the trail and the chain.
func unguard(t *testing.T, d *DB) {
	t.Helper()
	for _, name := range auditTriggers {
		insider(t, d, "DROP TRIGGER "+name)
	}
}

// reguard creates them again, as their migrations wrote them.
func reguard(t *testing.T, d *DB) {
	t.Helper()
	want, err := migrationTriggers()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range auditTriggers {
		insider(t, d, want[name])
	}
}

func TestAuditChainFindsTheFirstBadEvent(t *testing.T) {
	ctx := context.Background()
	type desk struct {
		d             *DB
		marco         *model.Operator
		mid, last     int64
		unguarded     bool
		keepUnguarded bool
	}
	scenarios := []struct {
		name   string
		tamper func(t *testing.T, k *desk)
		want   func(k *desk) *AuditProblem // nil: sound
	}{
		{"untouched", func(*testing.T, *desk) {}, func(*desk) *AuditProblem { return nil }},
		{"triggers dropped, nothing else", func(t *testing.T, k *desk) { k.keepUnguarded = true },
			func(*desk) *AuditProblem {
				return &AuditProblem{Fault: AuditTriggerMissing, Trigger: "audit_no_update"}
			}},
		{"chain trigger dropped", func(t *testing.T, k *desk) {
			reguard(t, k.d)
			insider(t, k.d, "DROP TRIGGER audit_chain_no_delete")
			k.keepUnguarded = true
		}, func(*desk) *AuditProblem {
			return &AuditProblem{Fault: AuditTriggerMissing, Trigger: "audit_chain_no_delete"}
		}},
		{"trigger made a no-op", func(t *testing.T, k *desk) {
			reguard(t, k.d)
			insider(t, k.d, "DROP TRIGGER audit_no_delete",
				"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_events WHEN 0 BEGIN SELECT RAISE(ABORT, 'no'); END")
			k.keepUnguarded = true
		}, func(*desk) *AuditProblem {
			return &AuditProblem{Fault: AuditTriggerChanged, Trigger: "audit_no_delete"}
		}},
		{"detail changed", func(t *testing.T, k *desk) {
			insider(t, k.d, fmt.Sprintf("UPDATE audit_events SET detail = 'nothing to see' WHERE id = %d", k.mid))
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.mid, Fault: AuditChanged} }},
		{"operator changed", func(t *testing.T, k *desk) {
			insider(t, k.d, fmt.Sprintf("UPDATE audit_events SET operator_id = %d WHERE id = %d AND operator_id <> %[1]d", k.marco.ID, k.mid))
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.mid, Fault: AuditChanged} }},
		{"time changed", func(t *testing.T, k *desk) {
			insider(t, k.d, fmt.Sprintf("UPDATE audit_events SET at = '2020-01-01T00:00:00Z' WHERE id = %d", k.mid+3))
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.mid + 3, Fault: AuditChanged} }},
		{"event deleted in the middle, with its link", func(t *testing.T, k *desk) {
			insider(t, k.d, fmt.Sprintf("DELETE FROM audit_chain WHERE event_id = %d", k.mid),
				fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", k.mid))
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.mid, Fault: AuditMissing} }},
		{"event deleted in the middle, its link left", func(t *testing.T, k *desk) {
			insider(t, k.d, "PRAGMA foreign_keys = OFF", fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", k.mid),
				"PRAGMA foreign_keys = ON")
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.mid, Fault: AuditMissing} }},
		{"events deleted in the middle and the rest renumbered", func(t *testing.T, k *desk) {
			insider(t, k.d, "PRAGMA foreign_keys = OFF",
				fmt.Sprintf("DELETE FROM audit_chain WHERE event_id = %d", k.last),
				fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", k.mid),
				fmt.Sprintf("UPDATE audit_events SET id = id - 1 WHERE id > %d", k.mid),
				"PRAGMA foreign_keys = ON")
		}, func(k *desk) *AuditProblem {
			return &AuditProblem{Event: k.mid, Fault: AuditReordered, Other: k.mid + 1}
		}},
		{"last event deleted, with its link", func(t *testing.T, k *desk) {
			insider(t, k.d, fmt.Sprintf("DELETE FROM audit_chain WHERE event_id = %d", k.last),
				fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", k.last))
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.last, Fault: AuditMissing} }},
		{"last event deleted, its link left", func(t *testing.T, k *desk) {
			insider(t, k.d, "PRAGMA foreign_keys = OFF", fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", k.last),
				"PRAGMA foreign_keys = ON")
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.last, Fault: AuditMissing} }},
		{"whole trail deleted", func(t *testing.T, k *desk) {
			insider(t, k.d, "DELETE FROM audit_chain", "DELETE FROM audit_events")
		}, func(*desk) *AuditProblem { return &AuditProblem{Event: 1, Fault: AuditMissing} }},
		{"whole trail deleted with its numbering", func(t *testing.T, k *desk) {
			insider(t, k.d, "DELETE FROM audit_chain", "DELETE FROM audit_events", "DELETE FROM sqlite_sequence")
		}, func(*desk) *AuditProblem { return &AuditProblem{Event: 1, Fault: AuditMissing} }},
		{"two events swapped", func(t *testing.T, k *desk) {
			swap(t, k.d, k.mid, k.mid+5)
		}, func(k *desk) *AuditProblem {
			return &AuditProblem{Event: k.mid, Fault: AuditReordered, Other: k.mid + 5}
		}},
		{"two neighbours swapped", func(t *testing.T, k *desk) {
			swap(t, k.d, k.mid, k.mid+1)
		}, func(k *desk) *AuditProblem {
			return &AuditProblem{Event: k.mid, Fault: AuditReordered, Other: k.mid + 1}
		}},
		{"forged event put in the middle", func(t *testing.T, k *desk) {
			insider(t, k.d, "PRAGMA foreign_keys = OFF")
			for _, table := range []struct{ name, id string }{{"audit_events", "id"}, {"audit_chain", "event_id"}} {
				insider(t, k.d, fmt.Sprintf("UPDATE %s SET %s = -%[2]s - 1 WHERE %[2]s >= %d", table.name, table.id, k.mid),
					fmt.Sprintf("UPDATE %s SET %s = -%[2]s WHERE %[2]s < 0", table.name, table.id))
			}
			insider(t, k.d, fmt.Sprintf(`INSERT INTO audit_events (id, at, operator_id, action, entity, entity_id, detail)
				VALUES (%d, '2026-03-14T10:40:30Z', %d, 'login', 'operator', %[2]d, 'marco')`, k.mid, k.marco.ID),
				fmt.Sprintf("INSERT INTO audit_chain (event_id, hash) VALUES (%d, lower(hex(randomblob(32))))", k.mid),
				"PRAGMA foreign_keys = ON")
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.mid, Fault: AuditInserted} }},
		{"forged event put before the first", func(t *testing.T, k *desk) {
			insider(t, k.d, fmt.Sprintf(`INSERT INTO audit_events (id, at, operator_id, action, entity, entity_id, detail)
				VALUES (0, '2026-03-14T10:00:00Z', %d, 'view', 'person', 1, '')`, k.marco.ID),
				"INSERT INTO audit_chain (event_id, hash) VALUES (0, lower(hex(randomblob(32))))")
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: 0, Fault: AuditInserted} }},
		{"forged event added at the end", func(t *testing.T, k *desk) {
			insider(t, k.d, fmt.Sprintf(`INSERT INTO audit_events (at, operator_id, action, entity, entity_id, detail)
				VALUES ('2026-03-14T18:00:00Z', %d, 'view', 'person', 1, '')`, k.marco.ID),
				fmt.Sprintf("INSERT INTO audit_chain (event_id, hash) VALUES (%d, lower(hex(randomblob(32))))", k.last+1))
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.last + 1, Fault: AuditChanged} }},
		{"forged event added at the end, without a link", func(t *testing.T, k *desk) {
			insider(t, k.d, fmt.Sprintf(`INSERT INTO audit_events (at, operator_id, action, entity, entity_id, detail)
				VALUES ('2026-03-14T18:00:00Z', %d, 'view', 'person', 1, '')`, k.marco.ID))
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.last + 1, Fault: AuditUnchained} }},
		{"a link deleted", func(t *testing.T, k *desk) {
			insider(t, k.d, fmt.Sprintf("DELETE FROM audit_chain WHERE event_id = %d", k.mid))
		}, func(k *desk) *AuditProblem { return &AuditProblem{Event: k.mid, Fault: AuditUnchained} }},
		{"the chain's key removed", func(t *testing.T, k *desk) {
			insider(t, k.d, "DELETE FROM settings WHERE key = '"+settingAuditKey+"'")
		}, func(*desk) *AuditProblem { return &AuditProblem{Fault: AuditKeyMissing} }},
		{"the chain dropped", func(t *testing.T, k *desk) {
			insider(t, k.d, "DROP TABLE audit_chain")
			k.keepUnguarded = true
		}, func(*desk) *AuditProblem { return &AuditProblem{Event: 1, Fault: AuditUnchained} }},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			d, _, marco := chainDesk(t, filepath.Join(t.TempDir(), "sportello.db"))
			k := &desk{d: d, marco: marco, last: lastEvent(t, d)}
			k.mid = k.last / 2
			if k.last < 30 {
				t.Fatalf("the test desk has only %d events", k.last)
			}
			unguard(t, d)
			s.tamper(t, k)
			if !k.keepUnguarded {
				reguard(t, d)
			}
			got, err := d.VerifyAudit(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := s.want(k)
			if (got == nil) != (want == nil) || got != nil && *got != *want {
				t.Errorf("VerifyAudit = %v, want %v", got, want)
			}
		})
	}
}

// swap exchanges the contents of two events (with their salts), leaving
// ids and links.
func swap(t *testing.T, d *DB, a, b int64) {
	t.Helper()
	var ea, eb chainEvent
	for _, x := range []struct {
		id int64
		e  *chainEvent
	}{{a, &ea}, {b, &eb}} {
		err := d.db.QueryRow("SELECT at, operator_id, action, entity, entity_id, detail, salt, digest FROM audit_events WHERE id = ?", x.id).
			Scan(&x.e.at, &x.e.operator, &x.e.action, &x.e.entity, &x.e.entityID, &x.e.detail, &x.e.salt, &x.e.digest)
		if err != nil {
			t.Fatal(err)
		}
	}
	if ea == eb {
		t.Fatalf("events %d and %d are alike: swapping them changes nothing", a, b)
	}
	for _, x := range []struct {
		id int64
		e  chainEvent
	}{{a, eb}, {b, ea}} {
		if _, err := d.db.Exec(`UPDATE audit_events SET at = ?, operator_id = ?, action = ?, entity = ?, entity_id = ?, detail = ?,
			salt = ?, digest = ? WHERE id = ?`, x.e.at, x.e.operator, x.e.action, x.e.entity, x.e.entityID, x.e.detail,
			x.e.salt, x.e.digest, x.id); err != nil {
			t.Fatal(err)
		}
	}
}

// The append-only triggers refuse every change to the trail and the chain.
func TestAuditChainIsAppendOnly(t *testing.T) {
	d, _, _ := chainDesk(t, filepath.Join(t.TempDir(), "sportello.db"))
	for _, s := range []string{"UPDATE audit_chain SET hash = 'x' WHERE event_id = 3", "DELETE FROM audit_chain WHERE event_id = 3",
		"DELETE FROM audit_chain", "UPDATE audit_events SET detail = 'x' WHERE id = 3", "DELETE FROM audit_events"} {
		if _, err := d.db.Exec(s); err == nil {
			t.Errorf("%s was allowed", s)
		}
	}
	if p, err := d.VerifyAudit(context.Background()); p != nil || err != nil {
		t.Errorf("VerifyAudit = %v, %v", p, err)
	}
}

// A trail cut at its end keeps the gap after new events: the next event
// does not take the number of the one deleted.
func TestAuditChainKeepsTheGapOfACutEnd(t *testing.T) {
	ctx := context.Background()
	d, giulia, _ := chainDesk(t, filepath.Join(t.TempDir(), "sportello.db"))
	last := lastEvent(t, d)
	unguard(t, d)
	insider(t, d, fmt.Sprintf("DELETE FROM audit_chain WHERE event_id >= %d", last-1),
		fmt.Sprintf("DELETE FROM audit_events WHERE id >= %d", last-1))
	reguard(t, d)
	if err := d.RecordCommand(ctx, giulia.ID, "check"); err != nil {
		t.Fatal(err)
	}
	if got := lastEvent(t, d); got != last+1 {
		t.Errorf("the next event took number %d, want %d", got, last+1)
	}
	want := AuditProblem{Event: last - 1, Fault: AuditMissing}
	if p, err := d.VerifyAudit(ctx); err != nil || p == nil || *p != want {
		t.Errorf("VerifyAudit = %v, %v; want %v", p, err, want)
	}
}

// The chain and its head: every event has one link, the head is the last,
// a backup carries a sound chain, and the chain's key stays in settings.
func TestAuditChainHeadAndBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "sportello.db")
	d, giulia, _ := chainDesk(t, path)
	var events, links int64
	if err := d.db.QueryRow("SELECT (SELECT count(*) FROM audit_events), (SELECT count(*) FROM audit_chain)").Scan(&events, &links); err != nil {
		t.Fatal(err)
	}
	last := lastEvent(t, d)
	if events != last || links != events {
		t.Errorf("%d events numbered up to %d, %d links", events, last, links)
	}
	id, hash, err := d.AuditHead(ctx)
	if err != nil || id != last || !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(hash) {
		t.Fatalf("AuditHead = %d %q %v, want %d and a hex hash", id, hash, err, last)
	}
	if err := d.RecordView(ctx, giulia.ID, 1); err != nil {
		t.Fatal(err)
	}
	if id2, hash2, _ := d.AuditHead(ctx); id2 != last+1 || hash2 == hash {
		t.Errorf("after one more event the head is %d %q", id2, hash2)
	}
	key, _ := d.Setting(ctx, settingAuditKey)
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(key) {
		t.Errorf("chain key %q", key)
	}
	out := filepath.Join(dir, "backup.db")
	if err := d.Backup(ctx, out, giulia.ID); err != nil {
		t.Fatal(err)
	}
	recovery, _ := recoveryKeys.Load(path)
	b, err := UnlockRecovery(out, Options{BusyTimeout: 100 * time.Millisecond, KDF: testKDF}, recovery.(string))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if p, err := b.VerifyAudit(ctx); p != nil || err != nil {
		t.Errorf("the backup's trail: %v, %v", p, err)
	}
	bid, _, _ := b.AuditHead(ctx)
	if bid != last+1 { // the backup's own event comes after the copy
		t.Errorf("the backup's head is event %d, want %d", bid, last+1)
	}
	// Cut at the end in the backup too: sqlite_sequence came with it.
	unguard(t, b)
	insider(t, b, fmt.Sprintf("DELETE FROM audit_chain WHERE event_id = %d", bid), fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", bid))
	reguard(t, b)
	if p, _ := b.VerifyAudit(ctx); p == nil || *p != (AuditProblem{Event: bid, Fault: AuditMissing}) {
		t.Errorf("the backup's cut trail: %v", p)
	}
}

// A desk of an earlier version (schema 4, events without links) gets its
// chain at the first event after the migration, in order, and verifies;
// opened beside the window before that (shared, not migrated) it still
// records events, which are linked later with the others.
func TestAuditChainLinksAnEarlierDesk(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sportello.db")
	d, giulia, _ := chainDesk(t, path)
	events := lastEvent(t, d)
	// Back to schema 4: no chain, no key, no salts, no erasure, as an
	// earlier version left it.
	unguard(t, d)
	insider(t, d, undoEmployers...)
	insider(t, d, "DROP TABLE audit_chain", "DELETE FROM sqlite_sequence", "DELETE FROM settings WHERE key = '"+settingAuditKey+"'",
		"ALTER TABLE audit_events DROP COLUMN salt", "ALTER TABLE audit_events DROP COLUMN digest",
		"DROP TRIGGER consents_no_update", "CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents BEGIN SELECT RAISE(ABORT, 'consents cannot be changed'); END",
		"DROP TABLE skills_profiles", "DROP TRIGGER persons_erased_stay_erased", "DROP TRIGGER answers_of_erased", "DROP TRIGGER scans_of_erased",
		"ALTER TABLE persons DROP COLUMN erased_at", "ALTER TABLE persons DROP COLUMN erasure_reason",
		"ALTER TABLE persons DROP COLUMN erasure_note", "PRAGMA user_version = 4")
	want, _ := migrationTriggers()
	insider(t, d, "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END",
		want["audit_no_delete"])
	d.Close()

	recovery, _ := recoveryKeys.Load(path)
	shared := Options{BusyTimeout: 100 * time.Millisecond, KDF: testKDF, Shared: true}
	s, err := UnlockRecovery(path, shared, recovery.(string))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordCommand(ctx, giulia.ID, "backup"); err != nil {
		t.Fatalf("an event on an earlier schema, opened shared: %v", err)
	}
	if _, err := s.VerifyAudit(ctx); !errors.Is(err, ErrAuditNotChained) {
		t.Errorf("VerifyAudit on an earlier schema: %v", err)
	}
	if id, hash, err := s.AuditHead(ctx); id != 0 || hash != "" || err != nil {
		t.Errorf("AuditHead on an earlier schema: %d %q %v", id, hash, err)
	}
	s.Close()

	d = openTest(t, path) // migrated to the chain; no event yet (the recovery key signs nobody in)
	if _, err := d.VerifyAudit(ctx); !errors.Is(err, ErrAuditNotChained) {
		t.Errorf("VerifyAudit before the first event: %v", err)
	}
	if err := d.RecordView(ctx, giulia.ID, 1); err != nil {
		t.Fatal(err)
	}
	if p, err := d.VerifyAudit(ctx); p != nil || err != nil {
		t.Errorf("VerifyAudit after the chain was made: %v, %v", p, err)
	}
	var links int64
	d.db.QueryRow("SELECT count(*) FROM audit_chain").Scan(&links)
	if id, _, _ := d.AuditHead(ctx); id != events+2 || links != events+2 {
		t.Errorf("head %d and %d links, want %d", id, links, events+2)
	}
	// The chain is made once: a trail whose links were removed afterwards is
	// not linked again, but reported.
	unguard(t, d)
	insider(t, d, "DELETE FROM audit_chain")
	reguard(t, d)
	if err := d.RecordView(ctx, giulia.ID, 1); err != nil {
		t.Fatal(err)
	}
	if p, _ := d.VerifyAudit(ctx); p == nil || *p != (AuditProblem{Event: 1, Fault: AuditUnchained}) {
		t.Errorf("links removed after the chain was made: %v", p)
	}
}

// A new desk verifies, before and after its first event.
func TestAuditChainOfANewDesk(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	if p, err := d.VerifyAudit(ctx); p != nil || err != nil {
		t.Errorf("empty desk: %v, %v", p, err)
	}
	if id, hash, err := d.AuditHead(ctx); id != 0 || hash != "" || err != nil {
		t.Errorf("empty desk's head: %d %q %v", id, hash, err)
	}
	if err := d.CreatePerson(ctx, &model.Person{FamilyName: "Diallo"}, 0); err != nil {
		t.Fatal(err)
	}
	if p, err := d.VerifyAudit(ctx); p != nil || err != nil {
		t.Errorf("first events: %v, %v", p, err)
	}
	if id, _, _ := d.AuditHead(ctx); id != lastEvent(t, d) || id == 0 {
		t.Errorf("head after the first events: %d", id)
	}
}

// Appending an event reads the chain's tail through indexes, without
// scanning the trail or the chain.
func TestAuditChainTailIsIndexed(t *testing.T) {
	d, _, _ := chainDesk(t, filepath.Join(t.TempDir(), "sportello.db"))
	rows, err := d.db.Query(`EXPLAIN QUERY PLAN SELECT (SELECT value FROM settings WHERE key = ?),
		coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_chain'), 0),
		coalesce((SELECT max(id) FROM audit_events), 0),
		(SELECT hash FROM audit_chain WHERE event_id = (SELECT max(event_id) FROM audit_chain))`, settingAuditKey)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
		if strings.HasPrefix(detail, "SCAN ") && detail != "SCAN CONSTANT ROW" && !strings.Contains(detail, "sqlite_sequence") {
			t.Errorf("the tail's SELECT scans: %s", detail)
		}
	}
	if len(plan) == 0 {
		t.Fatal("no query plan")
	}
	// The SELECT in the code is this one.
	src, err := os.ReadFile("audit_chain.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "(SELECT hash FROM audit_chain WHERE event_id = (SELECT max(event_id) FROM audit_chain))") {
		t.Error("audit_chain.go reads the tail differently: update this test")
	}
}

// Only appendEvent writes audit events: every other path, in any package,
// goes through d.audit, so no event is written without its link.
func TestAuditEventsWrittenOnlyWithTheirLink(t *testing.T) {
	insert := regexp.MustCompile(`(?i)INSERT\s+(OR\s+\w+\s+)?INTO\s+"?audit_(events|chain)\b`)
	seen := 0
	err := filepath.WalkDir("..", func(path string, e os.DirEntry, err error) error {
		if err == nil && e.IsDir() && path != ".." && strings.HasPrefix(e.Name(), ".") {
			return filepath.SkipDir
		}
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		seen++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if insert.Match(b) && path != filepath.Join("..", "store", "audit_chain.go") {
			t.Errorf("%s writes audit events or links itself: use d.audit", path)
		}
		return nil
	})
	if err != nil || seen < 50 {
		t.Fatalf("read %d Go files: %v", seen, err)
	}
	migs, _ := migrations()
	for _, m := range migs {
		if insert.MatchString(m.sql) {
			t.Errorf("%s writes audit events without their links", m.name)
		}
	}
}
