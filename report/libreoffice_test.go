package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkbookOpensInLibreOffice converts the hand desk's workbook to CSV,
// every sheet, with LibreOffice headless, and finds the hand counts there.
// It takes seconds: skipped with -short, and when soffice is missing.
func TestWorkbookOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed (apt-get install libreoffice-calc-nogui): the workbook is not opened in LibreOffice")
	}
	if testing.Short() {
		t.Skip("-short: LibreOffice takes seconds")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, handInput("it")); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "indicatori.xlsx")
	if err := os.WriteFile(book, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	// Filter options: comma, double quote, UTF-8, from row 1, …, sheet -1 (every sheet, a file each).
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", filepath.Join(dir, "csv"), book)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	read := func(sheet string) string {
		b, err := os.ReadFile(filepath.Join(dir, "csv", "indicatori-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no sheet %q: %v", sheet, err)
		}
		return string(b)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "csv", "*.csv"))
	if len(files) != 23 {
		t.Errorf("%d sheets converted, want 23", len(files))
	}
	tests := []struct{ sheet, line string }{
		{"Sommario", "Persone raggiunte (registrate),reach,3,3000,0.1%,"},
		{"Sommario", "Imprese create,enterprises,1,51,1.96"},
		{"05 Persone inviate ai servizi", "\nAssistenza legale,2,"},
		{"05 Persone inviate ai servizi", "\n2025-05,1,3\n"},
		{"03 Partecipanti FSE+", "\nISCED 0–2,1,"},
		{"Definizioni", "reach,Persone raggiunte (registrate),"},
	}
	for _, tt := range tests {
		if !strings.Contains(read(tt.sheet), tt.line) {
			t.Errorf("%s: no %q in\n%s", tt.sheet, tt.line, read(tt.sheet))
		}
	}
}
