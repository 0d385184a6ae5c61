package exchange

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"sportello/model"
	"sportello/store"
)

var fingerprintShape = regexp.MustCompile(`^[0-9]{5}( [0-9]{5}){11}$`)

// A fingerprint is 12 groups of 5 digits, the same for the same key, and
// different for another key; what is not an ed25519 key has none.
func TestFingerprint(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	other, _, _ := ed25519.GenerateKey(nil)
	random := base64.StdEncoding.EncodeToString(pub)
	tests := []struct {
		name, key, want string // want "" only checks the shape
		bad             bool
	}{
		// Worked out apart from this code: SHA-256 of the bytes 0…31, then
		// SHA-256 of that hash, 5 bytes at a time, big-endian, mod 100000.
		{name: "known key", key: base64.StdEncoding.EncodeToString([]byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f")),
			want: "11590 49842 13307 78876 30539 70167 32027 80438 88689 62888 52554 91752"},
		{name: "a random key", key: random},
		{name: "spaces around", key: " " + random + "\n", want: mustFingerprint(t, random)},
		{name: "not base64", key: "not a key!", bad: true},
		{name: "too short", key: base64.StdEncoding.EncodeToString(pub[:16]), bad: true},
		{name: "empty", key: "", bad: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Fingerprint(tc.key)
			if tc.bad {
				if model.ErrorCode(err) != model.ErrInvalid || got != "" {
					t.Fatalf("got %q, %v; want a refusal", got, err)
				}
				return
			}
			if err != nil || !fingerprintShape.MatchString(got) || (tc.want != "" && got != tc.want) {
				t.Fatalf("got %q, %v; want %q in 12 groups of 5 digits", got, err, tc.want)
			}
			if again, _ := Fingerprint(tc.key); again != got {
				t.Errorf("not stable: %q then %q", got, again)
			}
		})
	}
	if a, b := mustFingerprint(t, random), mustFingerprint(t, base64.StdEncoding.EncodeToString(other)); a == b {
		t.Errorf("two keys share the fingerprint %s", a)
	}
}

func mustFingerprint(t *testing.T, key string) string {
	t.Helper()
	fp, err := Fingerprint(key)
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

// A bundle from a desk never accepted is refused with the desk's name, ID
// and fingerprint, and nothing changes; only an active coordinator may
// accept its key (audited); then the same bundle merges. A known desk
// stays held to the key accepted.
func TestUnknownDeskIsRefusedUntilACoordinatorAccepts(t *testing.T) {
	ctx := context.Background()
	a, coordA := seeded(t, "PUA", 3)
	if err := a.SaveSettings(ctx, map[string]string{store.SettingDesk: "Sportello di Latina"}, 0); err != nil {
		t.Fatal(err)
	}
	bundle := mustExport(t, a, coordA)
	b := desk(t, "PUB")
	coordB := trustee(t, b)
	operator := &model.Operator{Username: "marco", FullName: "Marco Operatore", Role: model.RoleOperator}
	if err := b.CreateOperator(ctx, operator, "sportello-prova", coordB.ID); err != nil {
		t.Fatal(err)
	}
	before := state(t, b)

	_, err := importBytes(ctx, b, bundle, ImportOptions{Operator: coordB})
	var unknown *UnknownDeskError
	var be *BundleError
	if !errors.As(err, &unknown) || !errors.As(err, &be) || be.Code != BundleUnknownDesk {
		t.Fatalf("a bundle from a desk never seen: %v", err)
	}
	own, err := DeskFingerprint(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	kA, _ := deskKeys(ctx, a)
	if unknown.Desk.Name != "Sportello di Latina" || unknown.Desk.ID != kA.deskUID || unknown.Fingerprint != own ||
		!strings.Contains(be.Detail, own) || !strings.Contains(be.Detail, kA.deskUID) {
		t.Fatalf("the refusal names %+v, fingerprint %q (%s); the desk's own is %q", unknown.Desk, unknown.Fingerprint, be.Detail, own)
	}
	if after := state(t, b); after != before {
		t.Fatalf("a refused bundle changed the desk:\n%s\n---\n%s", before, after)
	}

	inactive := &model.Operator{Username: "ex", FullName: "Ex Coordinatrice", Role: model.RoleCoordinator}
	if err := b.CreateOperator(ctx, inactive, "sportello-prova", coordB.ID); err != nil {
		t.Fatal(err)
	}
	if err := b.Deactivate(ctx, "ex", coordB); err != nil {
		t.Fatal(err)
	}
	before = state(t, b)
	for _, tc := range []struct {
		name string
		by   *model.Operator
	}{
		{"nobody", nil},
		{"an operator", operator},
		{"an operator calling itself coordinator", &model.Operator{ID: operator.ID, Role: model.RoleCoordinator}},
		{"a deactivated coordinator", inactive},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := TrustDesk(ctx, b, unknown.Desk, unknown.PublicKey, tc.by); model.ErrorCode(err) != model.ErrPermission {
				t.Fatalf("accepting a desk's key: %v", err)
			}
			if _, err := importBytes(ctx, b, bundle, ImportOptions{}); !errors.As(err, &unknown) {
				t.Fatalf("after a refused acceptance the import gives %v", err)
			}
			if after := state(t, b); after != before {
				t.Fatalf("a refused acceptance changed the desk:\n%s\n---\n%s", before, after)
			}
		})
	}

	if err := TrustDesk(ctx, b, unknown.Desk, unknown.PublicKey, coordB); err != nil {
		t.Fatal(err)
	}
	known, ok, err := b.Desk(ctx, unknown.Desk.ID)
	if err != nil || !ok || known.PublicKey != unknown.PublicKey {
		t.Fatalf("the accepted desk: %+v %v %v", known, ok, err)
	}
	trail, _ := b.AuditTrail(ctx, "desk", known.ID)
	if len(trail) != 1 || trail[0].Action != model.ActionTrust || trail[0].OperatorID != coordB.ID ||
		!strings.Contains(trail[0].Detail, "Sportello di Latina") {
		t.Fatalf("the acceptance is not audited with who accepted: %+v", trail)
	}
	res, err := importBytes(ctx, b, bundle, ImportOptions{Operator: coordB})
	if err != nil || res.Added == 0 || res.Conflicts != 0 {
		t.Fatalf("the same bundle once its key is accepted: %+v %v", res, err)
	}
	if err := TrustDesk(ctx, b, unknown.Desk, unknown.PublicKey, coordB); err != nil {
		t.Errorf("accepting the same key again: %v", err)
	}
	stranger, _, _ := ed25519.GenerateKey(nil)
	if err := TrustDesk(ctx, b, unknown.Desk, base64.StdEncoding.EncodeToString(stranger), coordB); model.ErrorCode(err) != model.ErrConflict {
		t.Errorf("another key for a known desk: %v", err)
	}
	if _, err := importBytes(ctx, b, resign(t, bundle), ImportOptions{}); !errors.As(err, &be) || be.Code != BundleTampered {
		t.Errorf("a known desk signing with another key: %v", err)
	}
	// A desk does not accept its own key.
	kB, _ := deskKeys(ctx, b)
	self := Desk{ID: kB.deskUID, Name: "Sportello PUB"}
	if err := TrustDesk(ctx, b, self, base64.StdEncoding.EncodeToString(kB.signing.Public().(ed25519.PublicKey)), coordB); model.ErrorCode(err) != model.ErrInvalid {
		t.Errorf("accepting this desk's own key: %v", err)
	}
}

// The forged bundle, now signed by a desk this desk accepted: it
// changes a person's phone claiming a sync base this desk never had, and
// adds a consent given after the withdrawal this desk recorded. Neither
// goes through silently: both wait as conflicts. Claiming this desk's own
// current version is what a real change looks like, and is taken.
func TestForgedBundleFromATrustedDeskMakesConflicts(t *testing.T) {
	ctx := context.Background()
	withdrawnAt := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		personBase  func(local string) string // the sync base the forged person claims
		consentBase string
		phoneTaken  bool
	}{
		{name: "a base this desk never had", personBase: func(string) string { return strings.Repeat("ab", 32) },
			consentBase: strings.Repeat("cd", 32)},
		{name: "this desk's current version", personBase: func(local string) string { return local }, phoneTaken: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, coordA := seeded(t, "PUA", 3)
			b := desk(t, "PUB")
			first := mustExport(t, a, coordA)
			accept(t, b, first)
			if _, err := importBytes(ctx, b, first, ImportOptions{}); err != nil {
				t.Fatal(err)
			}
			_, doc, err := readBundle(first)
			if err != nil {
				t.Fatal(err)
			}
			victim := &doc.Persons[0]
			onB := personsByUID(t, b)[victim.ID]
			if err := b.RecordConsent(ctx, &model.Consent{PersonID: onB.ID, Purpose: model.PurposeOptional,
				NoticeVersion: "2026-1", Language: "it", State: model.ConsentWithdrawn, Date: withdrawnAt}, nil,
				trustee(t, b).ID); err != nil {
				t.Fatal(err)
			}
			before := onB.Phone

			victim.Telefono = "0773 666 666"
			victim.Sync = &Sync{Base: tc.personBase(localHash(t, b, "person", victim.ID))}
			doc.Consents = append(doc.Consents, Consent{ID: strings.Repeat("e", 32), PersonID: victim.ID,
				Purpose: string(model.PurposeOptional), NoticeVersion: "2026-1", Language: "it",
				State: string(model.ConsentGiven), Date: stamp(withdrawnAt.Add(24 * time.Hour)),
				Sync: &Sync{Base: tc.consentBase}})
			k, _ := deskKeys(ctx, a)
			var forged bytes.Buffer
			if err := writeBundle(&forged, doc, k.signing); err != nil {
				t.Fatal(err)
			}
			res, err := importBytes(ctx, b, forged.Bytes(), ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}

			phone := personsByUID(t, b)[victim.ID].Phone
			if tc.phoneTaken != (phone == "0773 666 666") || !tc.phoneTaken && phone != before {
				t.Errorf("the phone is now %q (was %q); taken: want %v", phone, before, tc.phoneTaken)
			}
			history, _ := b.ConsentsOf(ctx, onB.ID)
			if c, _ := model.CurrentConsent(history, model.PurposeOptional, 0); c.State != model.ConsentWithdrawn {
				t.Errorf("the person's withdrawal was overturned: %+v", c)
			}
			open, _ := Conflicts(ctx, b)
			kinds := map[string]bool{}
			for _, c := range open {
				kinds[c.Entity] = true
			}
			wantConflicts := 2
			if tc.phoneTaken {
				wantConflicts = 1
			}
			if res.Conflicts != wantConflicts || len(open) != wantConflicts || !kinds["consent"] || kinds["person"] == tc.phoneTaken {
				t.Fatalf("import %+v, open conflicts on %v", res, kinds)
			}
			// An operator who checks that the person consented again takes it.
			for _, c := range open {
				if c.Entity == "consent" {
					if err := Resolve(ctx, b, c.ID, store.TakeTheirs, trustee(t, b)); err != nil {
						t.Fatal(err)
					}
				}
			}
			history, _ = b.ConsentsOf(ctx, onB.ID)
			if c, _ := model.CurrentConsent(history, model.PurposeOptional, 0); c.State != model.ConsentGiven {
				t.Errorf("the consent taken by an operator is not the person's standing word: %+v", c)
			}
		})
	}
}

// localHash is a record's hash as this desk holds it.
func localHash(t *testing.T, db *store.DB, entity, uid string) string {
	t.Helper()
	for _, r := range fingerprint(t, db, true) {
		if key, hash, _ := strings.Cut(r, "="); key == entity+"/"+uid {
			return hash
		}
	}
	t.Fatalf("no %s %s", entity, uid)
	return ""
}

// With two desks merged here, a bundle's claim to have made a record (no
// sync base) cannot be told from a third desk's, so a change that claims it
// waits as a conflict; with one, it is that desk's own change and is taken.
func TestNoBaseIsBelievedOnlyFromTheDeskBasesCameFrom(t *testing.T) {
	ctx := context.Background()
	for _, third := range []bool{false, true} {
		a, coordA := seeded(t, "PUA", 2)
		b := desk(t, "PUB")
		first := mustExport(t, a, coordA)
		accept(t, b, first)
		if _, err := importBytes(ctx, b, first, ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		if third {
			c, coordC := seeded(t, "PUC", 1)
			fromC := mustExport(t, c, coordC)
			accept(t, b, fromC)
			if _, err := importBytes(ctx, b, fromC, ImportOptions{}); err != nil {
				t.Fatal(err)
			}
		}
		p := personsByUID(t, a)
		for _, person := range p {
			edit(t, a, person, coordA.ID, func(p *model.Person) { p.Phone = "0773 123 456" })
			break
		}
		res, err := importBytes(ctx, b, mustExport(t, a, coordA), ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if third && (res.Updated != 0 || res.Conflicts != 1) || !third && (res.Updated != 1 || res.Conflicts != 0) {
			t.Errorf("with a third desk %v: %+v", third, res)
		}
	}
}
