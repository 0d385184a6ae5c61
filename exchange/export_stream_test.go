package exchange

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"sportello/demo"
	"sportello/model"
	"sportello/store"
)

// The streamed export writes, a few records at a time, the very bytes the
// whole document built from a snapshot gives: JSON and bundle, full and
// pseudonymised, with an erased person, a consent's scan and work records among them.
func TestStreamedExportMatchesSnapshot(t *testing.T) {
	ctx := context.Background()
	db, coord := workDesk(t, "PUA")
	if _, err := demo.Seed(ctx, db, 9); err != nil {
		t.Fatal(err)
	}
	addProfile(t, db, firstCode(t, db), "bracciante")
	var erased model.Person
	for _, p := range personsByUID(t, db) {
		erased = p
		break
	}
	var scanned model.Person
	for _, p := range personsByUID(t, db) {
		if p.ID != erased.ID {
			scanned = p
			break
		}
	}
	if err := db.RecordConsent(ctx, &model.Consent{PersonID: scanned.ID, Purpose: model.PurposeOptional,
		NoticeVersion: "2026-1", Language: "it", State: model.ConsentGiven, Date: time.Now().UTC().AddDate(0, 0, -1),
		ScanName: "consenso.pdf"}, []byte("%PDF-1.4 firmato (demo)"), coord.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.ErasePerson(ctx, erased.ID, model.Erasure{Reason: model.ErasureConsentWithdrawn, Note: "by letter"}, coord); err != nil {
		t.Fatal(err)
	}
	// Records exchanged once have sync bases, which a bundle carries.
	other := desk(t, "PUB")
	first, _ := export(t, db, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	accept(t, other, first)
	if _, err := importBytes(ctx, other, first, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	back, _ := export(t, other, Options{Format: FormatBundle, Plaintext: true, Operator: coordinator(t, other)})
	accept(t, db, back)
	if _, err := importBytes(ctx, db, back, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	bases, err := db.SyncBases(ctx)
	if err != nil || len(bases["person"]) == 0 {
		t.Fatalf("no sync bases after an exchange: %v", err)
	}
	k, err := deskKeys(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name          string
		opt           Options
		indent        string
		bases, pseudo bool
	}{
		{"json", Options{Format: FormatJSON, Plaintext: true, Operator: coord}, " ", false, false},
		{"bundle data", Options{Format: FormatBundle, Plaintext: true, Operator: coord}, "", true, false},
		{"pseudonymised", Options{Format: FormatJSON, Pseudonymised: true, Operator: coord}, " ", false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			run, err := newExportRun(ctx, db, k, tt.opt, "", func(float64) {})
			if err != nil {
				t.Fatal(err)
			}
			run.now = time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
			opt := store.SnapshotOptions{AfterRev: -1, Scans: tt.bases, PartSize: 3}
			var streamed bytes.Buffer
			if _, _, err := run.writeStreamed(ctx, db, opt, &streamed, tt.indent); err != nil {
				t.Fatal(err)
			}
			snap, err := db.Snapshot(ctx, opt, nil)
			if err != nil {
				t.Fatal(err)
			}
			var withBases map[string]map[string]string
			if tt.bases {
				withBases = bases
			}
			doc := build(snap, run.desk, Scope{Kind: ScopeComplete, UpTo: snap.UpTo}, run.now, withBases)
			if len(doc.Persons) < 9 || len(doc.Interviews) == 0 || len(doc.Employers) == 0 || len(doc.SkillsProfiles) == 0 {
				t.Fatalf("the desk has %d persons, %d interviews, %d employers, %d profiles", len(doc.Persons), len(doc.Interviews), len(doc.Employers), len(doc.SkillsProfiles))
			}
			if tt.bases && !slices.ContainsFunc(doc.Consents, func(c Consent) bool { return len(c.Scan) > 0 }) {
				t.Fatal("no consent's scan in the bundle's data")
			}
			if tt.pseudo {
				run.pseudo.pseudonymise(doc)
			}
			if err := ValidateDocument(doc); err != nil {
				t.Fatal(err)
			}
			var whole bytes.Buffer
			if err := writeDocument(&whole, doc, tt.indent); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(streamed.Bytes(), whole.Bytes()) {
				t.Errorf("the streamed export (%d bytes) differs from the whole document's (%d bytes)",
					streamed.Len(), whole.Len())
			}
		})
	}
	// A bundle's manifest counts what its data hold.
	b, res := export(t, db, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	if m, doc, err := readBundle(b); err != nil || m.Counts["persons"] < 9 || res.Counts["persons"] != m.Counts["persons"] ||
		len(doc.Persons) != m.Counts["persons"] {
		t.Fatalf("%v %v %v", m, res.Counts, err)
	}
}
