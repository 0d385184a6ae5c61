package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// TestPrintPanel previews a rights leaflet in the person's language, and
// explains why a privacy notice cannot be printed before its settings.
func TestPrintPanel(t *testing.T) {
	u, db, op := signedInApp(t)
	p := &model.Person{FamilyName: "Tesfaye", GivenNames: "Selam", PreferredLanguage: "ti"}
	if err := db.CreatePerson(context.Background(), p, op.ID); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openCaseTool(t, u, "TESFAYE Selam", "case.print")
	if o, _ := input(t, u, u.t("print.language")); o.(*choice).code() != "ti" {
		t.Fatalf("the print panel does not start in the person's language")
	}
	test.Tap(button(t, u, u.t("print.print")))
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no preview was shown")
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())

	o, _ := input(t, u, u.t("print.document"))
	o.(*choice).setCode("notice")
	test.Tap(button(t, u, u.t("print.print")))
	if !strings.Contains(texts(u), u.t("error.required")) {
		t.Errorf("printing the notice without its settings:\n%s", texts(u))
	}
}

// A printed document saved through the dialog is private to this account,
// and the window says where it went.
func TestSavedPDFSaysWhere(t *testing.T) {
	u, _, _ := signedInApp(t)
	path := filepath.Join(t.TempDir(), "piano.pdf")
	wc, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if !u.savedPDF(wc, []byte("%PDF-1.7 test")) {
		t.Fatal("not saved")
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("saved as %v (%v)", fi, err)
	}
	var said []string
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			said = append(said, l.Text)
		}
	}
	if !strings.Contains(strings.Join(said, "\n"), path) {
		t.Errorf("the window does not say where: %q", said)
	}
}
