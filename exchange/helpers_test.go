package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"testing"

	"sportello/demo"
	"sportello/model"
	"sportello/store"
)

// desk opens a new desk's database with a case-code prefix of its own.
func desk(t testing.TB, prefix string) *store.DB {
	t.Helper()
	db, _, err := store.Create(filepath.Join(t.TempDir(), "sportello.db"), store.Options{KDF: store.KDFParams{Time: 1, MemKiB: 64, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.SaveSettings(context.Background(), map[string]string{model.SettingCasePrefix: prefix,
		store.SettingDesk: "Sportello " + prefix}, 0); err != nil {
		t.Fatal(err)
	}
	return db
}

// seeded is a desk with n fictional persons and their records, and its coordinator.
func seeded(t testing.TB, prefix string, n int) (*store.DB, *model.Operator) {
	t.Helper()
	db := desk(t, prefix)
	if _, err := demo.Seed(context.Background(), db, n); err != nil {
		t.Fatal(err)
	}
	return db, coordinator(t, db)
}

func coordinator(t testing.TB, db *store.DB) *model.Operator {
	t.Helper()
	o, err := db.OperatorByUsername(context.Background(), "giulia")
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// export runs an export and returns the bytes written.
func export(t testing.TB, db *store.DB, opt Options) ([]byte, *Result) {
	t.Helper()
	var buf bytes.Buffer
	res, err := Export(context.Background(), db, &buf, opt)
	if err != nil {
		t.Fatalf("export %+v: %v", opt, err)
	}
	return buf.Bytes(), res
}

// bundleData reads data.json out of a bundle.
func bundleData(t testing.TB, b []byte) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == dataName {
			r, _ := f.Open()
			data, _ := io.ReadAll(r)
			return data
		}
	}
	t.Fatal("no data.json in the bundle")
	return nil
}

// fingerprint lists a desk's records as kind/id=hash, sorted, leaving out
// accounts (each desk has its own) when asked.
func fingerprint(t testing.TB, db *store.DB, withOperators bool) []string {
	t.Helper()
	snap, err := db.Snapshot(context.Background(), store.SnapshotOptions{AfterRev: -1, Scans: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range build(snap, Desk{}, Scope{}, zipTime, nil).records() {
		if r.entity == "operator" && !withOperators {
			continue
		}
		out = append(out, r.entity+"/"+r.uid+"="+r.hash)
	}
	sort.Strings(out)
	return out
}

// state is what must not move when an import is refused: every table's
// row count and the change log's position.
func state(t testing.TB, db *store.DB) string {
	t.Helper()
	counts, _, err := db.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, c := range counts {
		fmt.Fprintf(&b, "%s %d\n", c.Table, c.Rows)
	}
	rev, _ := db.ChangePosition(context.Background())
	fmt.Fprintf(&b, "rev %d", rev)
	return b.String()
}

// accept makes db accept the key that signed bundle, as its coordinator
// does after comparing the fingerprint by phone with the other desk's: the
// first import is refused as from an unknown desk and changes nothing, then
// the key is accepted. A desk without accounts gets a coordinator for it.
func accept(t testing.TB, db *store.DB, bundle []byte) {
	t.Helper()
	ctx := context.Background()
	before := state(t, db)
	_, err := importBytes(ctx, db, bundle, ImportOptions{})
	var unknown *UnknownDeskError
	if !errors.As(err, &unknown) {
		t.Fatalf("a bundle from a desk not accepted yet: %v", err)
	}
	if after := state(t, db); after != before {
		t.Fatalf("a bundle from an unknown desk changed the desk:\n%s\n---\n%s", before, after)
	}
	if err := TrustDesk(ctx, db, unknown.Desk, unknown.PublicKey, trustee(t, db)); err != nil {
		t.Fatal(err)
	}
}

// bundleFor exports from's bundle, encrypted for the desk to with its own
// key, and has to accept from's key.
func bundleFor(t testing.TB, from *store.DB, coord *model.Operator, to *store.DB) ([]byte, *Result) {
	t.Helper()
	key, err := DeskRecipient(context.Background(), to)
	if err != nil {
		t.Fatal(err)
	}
	bundle, res := export(t, from, Options{Format: FormatBundle, Operator: coord, Recipient: key})
	accept(t, to, bundle)
	return bundle, res
}

// trustee is a desk's active coordinator, made when the desk has none.
func trustee(t testing.TB, db *store.DB) *model.Operator {
	t.Helper()
	ctx := context.Background()
	if o, err := db.OperatorByUsername(ctx, "giulia"); err == nil && o.Active && o.IsCoordinator() {
		return o
	}
	if o, err := db.OperatorByUsername(ctx, "responsabile"); err == nil {
		return o
	}
	o := &model.Operator{Username: "responsabile", FullName: "Responsabile dello sportello", Role: model.RoleCoordinator}
	if err := db.CreateOperator(ctx, o, "sportello-prova", 0); err != nil {
		t.Fatal(err)
	}
	return o
}

// importBytes imports a bundle held in memory.
func importBytes(ctx context.Context, db *store.DB, data []byte, opt ImportOptions) (*ImportResult, error) {
	return Import(ctx, db, bytes.NewReader(data), int64(len(data)), opt)
}
