package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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
