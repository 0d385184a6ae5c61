package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sportello/demo"
	"sportello/store"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "12"); code != 0 {
		t.Fatalf("demo: %s", errw)
	}
	base := []string{"report", "--db", db, "--user", "giulia"}
	refused := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"a bad day", []string{"--from", "31/02/2025", "--to", "2025-12-31", "--out", "r.xlsx"}, 2, "--from"},
		{"no period", []string{"--to", "2025-12-31", "--out", "r.xlsx"}, 2, "--from and --to"},
		{"backwards", []string{"--from", "2025-12-31", "--to", "2025-01-01", "--out", "r.xlsx"}, 2, "run forward"},
		{"an unknown extension", []string{"--from", "2025-01-01", "--to", "2025-12-31", "--out", "r.csv"}, 2, ".xlsx or .pdf"},
		{"no file", []string{"--from", "2025-01-01", "--to", "2025-12-31"}, 2, ".xlsx or .pdf"},
		{"a language", []string{"--from", "2025-01-01", "--to", "2025-12-31", "--out", "r.pdf", "--lang", "fr"}, 2, "it or en"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{}, base...)
			for _, a := range tt.args {
				if strings.HasPrefix(a, "r.") {
					a = filepath.Join(dir, a)
				}
				args = append(args, a)
			}
			code, out, errw := sportello(t, args...)
			if code != tt.code || out != "" || !strings.Contains(errw, tt.says) {
				t.Errorf("exit %d, out %q, err %q; want %d and %q", code, out, errw, tt.code, tt.says)
			}
			assertNoFiles(t, dir)
		})
	}

	// An operator is refused by the store, and nothing is written.
	out := filepath.Join(dir, "indicators.xlsx")
	code, stdout, errw := sportello(t, "report", "--db", db, "--user", "marco", "--from", "2024-01-01", "--to", "2026-12-31", "--out", out)
	if code != 1 || stdout != "" || !strings.Contains(errw, "Your role does not allow this") {
		t.Errorf("report as marco: %d %q %q", code, stdout, errw)
	}
	assertNoFiles(t, dir)

	// The coordinator's workbook, with the Italian form of a day: the
	// summary's totals are the store's.
	code, stdout, errw = sportello(t, append(base, "--from", "01/01/2024", "--to", "31/12/2026", "--out", out)...)
	if code != 0 || !strings.Contains(stdout, out) {
		t.Fatalf("report as giulia: %d %q %q", code, stdout, errw)
	}
	info, err := os.Stat(out)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the workbook: %v, mode %v; want 0600", err, info.Mode().Perm())
	}
	d, op, err := store.Unlock(db, store.Options{}, demo.Coordinator, demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := d.As(op).ComputeIndicators(context.Background(), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Summary", excelize.Options{RawCellValue: true}) // --lang is the command line's: here English
	if err != nil {
		t.Fatal(err)
	}
	totals := map[string]string{}
	for _, r := range rows {
		if len(r) > 2 {
			totals[r[1]] = r[2]
		}
	}
	nonzero := 0
	for _, r := range rep.Results {
		if totals[r.ID] != strconv.Itoa(r.Total) {
			t.Errorf("%s: the workbook says %q, the store %d", r.ID, totals[r.ID], r.Total)
		}
		if r.Total > 0 {
			nonzero++
		}
	}
	if nonzero < 3 {
		t.Errorf("only %d indicators count anybody on the demo desk: the check above proves little", nonzero)
	}

	// The PDF, in Italian.
	pdf := filepath.Join(dir, "indicatori.pdf")
	if code, _, errw := sportello(t, append(base, "--from", "2024-01-01", "--to", "2026-12-31", "--out", pdf, "--lang", "it")...); code != 0 {
		t.Fatalf("report PDF: %d %q", code, errw)
	}
	data, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("the PDF: %v %q", err, data[:min(8, len(data))])
	}
	if info, _ := os.Stat(pdf); info.Mode().Perm() != 0o600 {
		t.Errorf("the PDF's mode %v", info.Mode().Perm())
	}
}

// assertNoFiles fails when dir holds anything but the desk's own files.
func assertNoFiles(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "desk.db") {
			t.Errorf("a file was left: %s", e.Name())
		}
	}
}

func TestReportHelp(t *testing.T) {
	if code, out, _ := sportello(t, "report", "--help"); code != 0 || !strings.Contains(out, "Usage: sportello report") ||
		!strings.Contains(out, "-from") {
		t.Errorf("report --help: %d %q", code, out)
	}
}
