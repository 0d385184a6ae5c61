package exchange

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sportello/demo"
	"sportello/internal/benchdesk"
	"sportello/internal/osmem"
	"sportello/internal/peak"
	"sportello/store"
)

// smallBundlePersons makes the small bundle of BenchmarkImportSmallBundle:
// some 1 MB, as in issue #19.
const smallBundlePersons = 1000

// BenchmarkImportDesk merges the bundle of the whole demo desk of
// -exchange.desk persons into an empty desk, reading it from its file.
func BenchmarkImportDesk(b *testing.B) {
	defer osmem.BoundJob(osmem.JobGC)() // Go's runtime as the command sets it
	from := benchdesk.Copy(b, *benchDesk)
	path := exportFile(b, from)
	from.Close() // its cache is not the import's
	benchImport(b, path, func() *store.DB { return desk(b, "PUB") })
}

// BenchmarkImportSmallBundle merges a bundle of some 1 MB (the fully
// documented persons of another desk) into a copy of the demo desk of
// -exchange.desk persons: the case of issue #19 that took 7.4 GB.
func BenchmarkImportSmallBundle(b *testing.B) {
	defer osmem.BoundJob(osmem.JobGC)() // Go's runtime as the command sets it
	small := desk(b, "PSB")
	if _, err := demo.Make(context.Background(), small, smallBundlePersons); err != nil {
		b.Fatal(err)
	}
	path := exportFile(b, small)
	small.Close() // its cache is not the import's
	benchImport(b, path, func() *store.DB { return benchdesk.Copy(b, *benchDesk) })
}

// benchImport imports the bundle at path into the desk into gives, with
// the time and the peak memory of the import alone.
func benchImport(b *testing.B, path string, into func() *store.DB) {
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := into()
		trustFile(b, db, path)
		peak.Reset()
		start := peak.Current()
		b.StartTimer()
		res, err := importFile(db, path)
		b.StopTimer()
		peak.Report(b)
		if err != nil || res.Added == 0 {
			b.Fatalf("%+v %v", res, err)
		}
		b.Logf("added %d, updated %d, unchanged %d, kept %d, conflicts %d; resident before the import %d MB",
			res.Added, res.Updated, res.Unchanged, res.Kept, res.Conflicts, start>>20)
	}
	b.ReportMetric(float64(*benchDesk), "persons")
	b.ReportMetric(float64(info.Size())/(1<<20), "bundle-MB")
}

// exportFile writes db's plain bundle into the benchmark's temporary
// folder (removed after it; the persons are fictional).
func exportFile(b *testing.B, db *store.DB) string {
	path := filepath.Join(b.TempDir(), "desk.sportello")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	coord := coordinator(b, db)
	if _, err := Export(context.Background(), db, f, Options{Format: FormatBundle, Plaintext: true, Operator: coord}); err != nil {
		b.Fatal(err)
	}
	return path
}

// trustFile makes db accept the desk that signed the bundle at path.
func trustFile(b *testing.B, db *store.DB, path string) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	bf, err := openBundle(f, info.Size())
	if err != nil {
		b.Fatal(err)
	}
	if err := TrustDesk(context.Background(), db, bf.man.Desk, bf.man.PublicKey, trustee(b, db)); err != nil {
		b.Fatal(err)
	}
}

// importFile imports the bundle at path, as sportello import does.
func importFile(db *store.DB, path string) (*ImportResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return Import(context.Background(), db, f, info.Size(), ImportOptions{FileName: filepath.Base(path)})
}
