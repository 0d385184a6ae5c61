package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// TestAccessRequest: a coordinator saves the person's access PDF and JSON
// from the case view and is told where; a bad folder is said on its field;
// other roles do not see the action.
func TestAccessRequest(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Haddad", GivenNames: "Karim", OwnScriptName: "كريم حداد", PreferredLanguage: "ar"}
	if err := db.CreatePerson(ctx, p, op.ID); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openCaseTool(t, u, "HADDAD Karim", "rights_request.button")
	if o, _ := input(t, u, u.t("rights_request.language")); o.(*choice).code() != "ar" {
		t.Error("the request does not start in the person's language")
	}
	entry(t, u, u.t("rights_request.folder")).SetText("")
	typeInto(t, u, u.t("rights_request.folder"), filepath.Join(t.TempDir(), "missing"))
	test.Tap(button(t, u, u.t("rights_request.save")))
	if fieldError(t, u, u.t("rights_request.folder")) == "" {
		t.Error("a missing folder is not said on its field")
	}
	dir := t.TempDir()
	entry(t, u, u.t("rights_request.folder")).SetText("")
	typeInto(t, u, u.t("rights_request.folder"), dir)
	test.Tap(button(t, u, u.t("rights_request.save")))
	pdf := filepath.Join(dir, "access-"+p.CaseCode+"-ar.pdf")
	js := filepath.Join(dir, "access-"+p.CaseCode+".json")
	if !strings.Contains(texts(u), pdf) || !strings.Contains(texts(u), js) {
		t.Errorf("the screen does not say where the files are:\n%s", texts(u))
	}
	for _, f := range []string{pdf, js} {
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	trail, _ := db.AuditTrail(ctx, "person", p.ID)
	if last := trail[len(trail)-1]; last.Action != model.ActionExport || last.Detail != "access request" {
		t.Errorf("the request is not audited: %+v", last)
	}

	marco := &model.Operator{Username: "marco", FullName: "Marco Albani", Role: model.RoleOperator}
	if err := db.CreateOperator(ctx, marco, "marco password", op.ID); err != nil {
		t.Fatal(err)
	}
	u.signedIn(marco)
	openRow(t, u, "HADDAD Karim")
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == u.t("rights_request.button") && b.Visible() {
			t.Error("an operator sees the access request")
		}
	}
}
