package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"sportello/locales"
	"sportello/model"
)

func TestEachOperatorHasTheirLanguageAndPassword(t *testing.T) {
	u, db, giulia := signedInApp(t)
	marco := &model.Operator{Username: "marco", FullName: "Marco Albani", Role: model.RoleOperator}
	if err := db.CreateOperator(context.Background(), marco, "marco-password", giulia.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, u, u.t("home.sign_out")))
	typeInto(t, u, u.t("login.username"), "marco")
	typeInto(t, u, u.t("login.password"), "marco-password")
	test.Tap(button(t, u, u.t("login.sign_in")))
	test.Tap(button(t, u, u.t("home.settings")))

	// A wrong current password is said on its field; nothing changes.
	typeInto(t, u, u.t("account.current_password"), "not it")
	typeInto(t, u, u.t("account.new_password"), "a new password for marco")
	typeInto(t, u, u.t("account.confirm"), "a new password for marco")
	test.Tap(button(t, u, u.t("account.change_password")))
	if got := fieldError(t, u, u.t("account.current_password")); got != u.t("error.login_failed") {
		t.Fatalf("wrong current password: %q", got)
	}
	typeInto(t, u, u.t("account.current_password"), "marco-password")
	typeInto(t, u, u.t("account.new_password"), "a new password for marco")
	typeInto(t, u, u.t("account.confirm"), "a new password for marco")
	test.Tap(button(t, u, u.t("account.change_password")))
	if _, err := db.Login(context.Background(), "marco", "a new password for marco"); err != nil {
		t.Fatalf("the new password does not work: %v", err)
	}

	// Marco works in English; Giulia keeps the desk's Italian.
	for _, o := range objects(u) {
		if c, ok := o.(*choice); ok && c.code() == locales.Default && c.Selected == u.t("interface_language.it") {
			c.setCode("en")
			break
		}
	}
	test.Tap(button(t, u, u.t("account.save_language")))
	if u.tr.Lang() != "en" {
		t.Fatalf("marco's window speaks %q", u.tr.Lang())
	}
	test.Tap(button(t, u, u.t("home.sign_out")))
	typeInto(t, u, u.t("login.username"), "giulia")
	typeInto(t, u, u.t("login.password"), "sportello-test")
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.tr.Lang() != "it" {
		t.Errorf("giulia's window speaks %q, want the desk's Italian", u.tr.Lang())
	}
	test.Tap(button(t, u, u.t("home.sign_out")))
	typeInto(t, u, u.t("login.username"), "marco")
	typeInto(t, u, u.t("login.password"), "a new password for marco")
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.tr.Lang() != "en" {
		t.Errorf("marco's window speaks %q after signing in again", u.tr.Lang())
	}
}
