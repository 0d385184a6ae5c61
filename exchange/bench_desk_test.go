package exchange

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sportello/demo"
	"sportello/internal/benchdesk"
	"sportello/internal/osmem"
	"sportello/internal/peak"
	"sportello/model"
	"sportello/store"
)

// benchDesk sizes the benchmarks on a demo desk made by the demo generator
// (internal/benchdesk); the README's figures use 10000, 50000 and 100000.
var benchDesk = flag.Int("exchange.desk", 10000, "persons in the demo desk of the export and import benchmarks")

// sqlite3CLI is the sqlite3 command line the throughput is measured against.
var sqlite3CLI = flag.String("exchange.sqlite3", "/usr/bin/sqlite3", "the sqlite3 command line")

// benchCoordinator opens the kept demo desk as its coordinator.
func benchCoordinator(b *testing.B) (*store.DB, Options) {
	db := benchdesk.Open(b, *benchDesk)
	coord, err := db.OperatorByUsername(context.Background(), demo.Coordinator)
	if err != nil {
		b.Fatal(err)
	}
	return db, Options{Plaintext: true, Operator: coord}
}

// BenchmarkExportDesk exports the whole demo desk of -exchange.desk fully
// documented persons, as JSON (full and pseudonymised), as a bundle and in
// the pseudonymised tabular forms (CSV, Parquet, XLSX; XLSX only while
// every table fits a sheet), checked against the schema as the command
// line does, and reports the
// peak resident memory
// (peak-MB; start-MB is the resident memory when the export starts, the
// desk open) and the size written (MB-out) beside the time.
func BenchmarkExportDesk(b *testing.B) {
	defer osmem.BoundJob(osmem.ExportGC)() // Go's runtime as the command sets it
	for _, name := range []string{FormatJSON, FormatJSON + "-pseudonymised", FormatBundle,
		FormatCSV + "-pseudonymised", FormatParquet + "-pseudonymised", FormatXLSX + "-pseudonymised"} {
		b.Run(name, func(b *testing.B) {
			db, opt := benchCoordinator(b)
			format, pseudo := strings.CutSuffix(name, "-pseudonymised")
			opt.Format, opt.Pseudonymised, opt.Plaintext = format, pseudo, !pseudo
			var res *Result
			peak.Reset()
			start := peak.Current()
			b.ResetTimer()
			for range b.N {
				var err error
				res, err = Export(context.Background(), db, io.Discard, opt)
				if me := (*model.Error)(nil); errors.As(err, &me) && me.Code == model.ErrTooManyRows {
					b.Skipf("the desk has a table longer than a sheet: %v", err)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			peak.Report(b)
			b.ReportMetric(float64(start)/(1<<20), "start-MB")
			b.ReportMetric(float64(res.Counts["persons"]), "persons")
			b.ReportMetric(float64(res.Size)/1e6, "MB-out")
		})
	}
}

// BenchmarkPersonsCases measures the throughput the issue asks for: the
// JSON export of the desk's persons with their cases only (read, turned
// into records, checked against the schema, written), against the sqlite3
// command line dumping the same two tables as CSV from a plain copy of
// them (the desk is encrypted: sqlite3 cannot read it).
func BenchmarkPersonsCases(b *testing.B) {
	defer osmem.BoundJob(osmem.ExportGC)() // Go's runtime as the command sets it
	db, _ := benchCoordinator(b)
	ctx := context.Background()
	for _, checked := range []bool{true, false} {
		name := "export"
		if !checked {
			name = "export-unchecked" // what the schema check costs
		}
		b.Run(name, func(b *testing.B) { benchPersonsCases(b, db, checked) })
	}
	b.Run("sqlite3-csv", func(b *testing.B) {
		plain := filepath.Join(b.TempDir(), "plain.db")
		if err := db.CopyDemoTables(ctx, plain, "persons", "cases"); err != nil {
			b.Fatal(err)
		}
		null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		defer null.Close()
		b.ResetTimer()
		for range b.N {
			cmd := exec.Command(*sqlite3CLI, "-csv", plain, "SELECT * FROM persons; SELECT * FROM cases;")
			cmd.Stdout, cmd.Stderr = null, os.Stderr
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchPersonsCases exports the desk's persons and cases as JSON.
func benchPersonsCases(b *testing.B, db *store.DB, checked bool) {
	ctx := context.Background()
	k, err := deskKeys(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	run, err := newExportRun(ctx, db, k, Options{Format: FormatJSON}, "", func(float64) {})
	if err != nil {
		b.Fatal(err)
	}
	run.entities, run.unchecked = []string{"person", "case"}, !checked
	var counts map[string]int
	peak.Reset()
	start := peak.Current()
	b.ResetTimer()
	for range b.N {
		if counts, _, err = run.writeStreamed(ctx, db, store.SnapshotOptions{AfterRev: -1}, io.Discard, " "); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	peak.Report(b)
	b.ReportMetric(float64(start)/(1<<20), "start-MB")
	b.ReportMetric(float64(counts["persons"]+counts["cases"]), "records")
}
