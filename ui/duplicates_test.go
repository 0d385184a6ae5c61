package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// hossain is a person already on the desk; the tests register her again,
// with the same family name and birth date (likely with any match score).
func hossain(t *testing.T, db *store.DB, by int64, given string) *model.Person {
	t.Helper()
	p := &model.Person{FamilyName: "Hossain", GivenNames: given, BirthDate: model.PartialDate{Year: 1991, Month: 5, Day: 12}}
	if err := db.CreatePerson(context.Background(), p, by); err != nil {
		t.Fatal(err)
	}
	return p
}

// registerHossain opens the registration form and types her family name and
// birth date, a partial date on the way.
func registerHossain(t *testing.T, u *App) {
	t.Helper()
	test.Tap(button(t, u, u.t("home.register")))
	typeInto(t, u, u.t("person.family_name")+" *", "Hossain")
	typeInto(t, u, u.t("person.birth_date"), "12/05/1991")
}

// Typing a person already registered shows her file beside the form, with
// why; "Not the same person" hides it, and once the new person is saved the
// pair is not proposed again.
func TestRegistrationShowsTheLikelyFile(t *testing.T) {
	u, db, op := signedInApp(t)
	old := hossain(t, db, op.ID, "Rahima")
	registerHossain(t, u)
	if !hasButton(u, u.t("duplicates.open_file")) {
		t.Fatalf("no likely file shown:\n%s", texts(u))
	}
	shown := texts(u)
	for _, want := range []string{u.t("duplicates.maybe_registered"), old.DisplayName(), old.CaseCode, "12/05/1991",
		u.t("dedup.same_birth_date")} {
		if !strings.Contains(shown, want) {
			t.Errorf("the panel does not say %q:\n%s", want, shown)
		}
	}
	test.Tap(button(t, u, u.t("duplicates.not_same")))
	if hasButton(u, u.t("duplicates.open_file")) {
		t.Fatalf("the file said apart is still shown:\n%s", texts(u))
	}
	typeInto(t, u, u.t("person.given_names"), "Rahim") // typing on does not bring it back
	if hasButton(u, u.t("duplicates.open_file")) {
		t.Fatal("the file said apart came back")
	}
	test.Tap(button(t, u, u.t("form.register")))
	found, err := db.FindPersons(context.Background(), model.PersonFilter{Query: "hossain"})
	if err != nil || len(found) != 2 {
		t.Fatalf("found %d persons (%v):\n%s", len(found), err, texts(u))
	}
	id := found[0].ID
	if id == old.ID {
		id = found[1].ID
	}
	saved, err := db.Person(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	left, err := db.As(op).DuplicateCandidates(context.Background(), saved, 5)
	if err != nil || len(left) != 0 {
		t.Errorf("the pair said apart is proposed again: %v (%v)", left, err)
	}
}

// "Open the file" leaves the registration for the existing file.
func TestRegistrationOpensTheLikelyFile(t *testing.T) {
	u, db, op := signedInApp(t)
	old := hossain(t, db, op.ID, "Rahima")
	registerHossain(t, u)
	test.Tap(button(t, u, u.t("duplicates.open_file")))
	if hasButton(u, u.t("form.register")) {
		t.Fatal("the registration form is still open")
	}
	if shown := texts(u); !strings.Contains(shown, old.CaseCode) || !strings.Contains(shown, u.t("case.profile")) {
		t.Errorf("the existing file is not shown:\n%s", shown)
	}
	if n, _ := db.CountPersons(context.Background(), "hossain"); n != 1 {
		t.Errorf("%d persons Hossain, want 1", n)
	}
}

// A partial or wrong birth date while typing neither matches nor scolds.
func TestRegistrationPartialDateShowsNothing(t *testing.T) {
	u, db, op := signedInApp(t)
	hossain(t, db, op.ID, "Rahima")
	test.Tap(button(t, u, u.t("home.register")))
	typeInto(t, u, u.t("person.family_name")+" *", "Hossain")
	typeInto(t, u, u.t("person.birth_date"), "12/1")
	if hasButton(u, u.t("duplicates.open_file")) {
		t.Error("a file shown for a birth date not typed yet")
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog opened while typing")
	}
}

// pairsList is the duplicates screen's list of pairs.
func pairsList(t *testing.T, u *App) *widget.List {
	t.Helper()
	for _, o := range objects(u) {
		if l, ok := o.(*widget.List); ok && l != u.home.list.list {
			return l
		}
	}
	t.Fatalf("no list of pairs:\n%s", texts(u))
	return nil
}

// The coordinator's duplicates screen lists two files of one person, shows
// them side by side, and merging leaves one.
func TestDuplicatesScreenMerges(t *testing.T) {
	u, db, op := signedInApp(t)
	u.win.Resize(fyne.NewSize(1600, 1000)) // every toolbar button shown
	a := hossain(t, db, op.ID, "Rahima")
	b := hossain(t, db, op.ID, "Rahima Begum")
	hossain2 := &model.Person{FamilyName: "Tesfaye", GivenNames: "Yonas"}
	if err := db.CreatePerson(context.Background(), hossain2, op.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, u, u.t("duplicates.button")))
	list := pairsList(t, u)
	if n := list.Length(); n != 1 {
		t.Fatalf("%d pairs listed, want 1:\n%s", n, texts(u))
	}
	list.Select(0)
	shown := texts(u)
	for _, want := range []string{a.CaseCode, b.CaseCode, "Rahima Begum", u.t("dedup.same_birth_date")} {
		if !strings.Contains(shown, want) {
			t.Errorf("the pair does not show %q:\n%s", want, shown)
		}
	}
	keep := buttonsNamed(u, u.t("duplicates.keep_this"))
	if len(keep) != 2 {
		t.Fatalf("%d merge buttons, want one on each side", len(keep))
	}
	test.Tap(keep[0])
	test.Tap(overlayButton(t, u, u.t("duplicates.merge")))
	if n, _ := db.CountPersons(context.Background(), "hossain"); n != 1 {
		t.Fatalf("%d persons Hossain after the merge, want 1:\n%s", n, texts(u))
	}
	if _, err := db.Person(context.Background(), a.ID); err != nil {
		t.Errorf("the file kept (the left one) is gone: %v", err)
	}
	if n := pairsList(t, u).Length(); n != 0 {
		t.Errorf("%d pairs listed after the merge", n)
	}
	if shown := texts(u); !strings.Contains(shown, u.tr.Tf("duplicates.merged", map[string]any{"Keep": a.CaseCode})) {
		t.Errorf("the merge is not said:\n%s", shown)
	}
}

// "Not the same person" on the duplicates screen takes the pair off the list
// (two files of the same name: twins, say).
func TestDuplicatesScreenNotTheSame(t *testing.T) {
	u, db, op := signedInApp(t)
	u.win.Resize(fyne.NewSize(1600, 1000))
	hossain(t, db, op.ID, "Rahima")
	hossain(t, db, op.ID, "Rahimah")
	test.Tap(button(t, u, u.t("duplicates.button")))
	pairsList(t, u).Select(0)
	test.Tap(button(t, u, u.t("duplicates.not_same")))
	if n := pairsList(t, u).Length(); n != 0 {
		t.Errorf("%d pairs listed after saying they are two", n)
	}
	if n, _ := db.CountPersons(context.Background(), "hossain"); n != 2 {
		t.Errorf("%d persons Hossain, want 2", n)
	}
}

// An operator has no Duplicates button, and the store refuses them the
// desk's pairs and the merge.
func TestDuplicatesNotForOperator(t *testing.T) {
	u, db := newTestApp(t)
	u.win.Resize(fyne.NewSize(1600, 1000))
	op := signInAs(t, u, db, "marco", model.RoleOperator)
	for _, o := range objects(u) {
		if tb, ok := o.(*toolbar); ok {
			for _, b := range tb.buttons {
				if b.Text == u.t("duplicates.button") {
					t.Error("the operator's toolbar has the Duplicates button")
				}
			}
		}
	}
	if _, err := db.As(op).DuplicatePairs(t.Context(), nil); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("the store listed the pairs for an operator: %v", err)
	}
}

// Every reason reads in words, the script named; an unknown code shows as
// itself.
func TestReasonTexts(t *testing.T) {
	u, _ := newTestApp(t)
	for _, code := range dedupCodes {
		if got := u.reasonText(model.DedupReason{Code: code, Arg: "Arab"}); got == code || strings.Contains(got, "no value") {
			t.Errorf("%s reads %q", code, got)
		}
	}
	if got := u.reasonText(model.DedupReason{Code: "dedup.names_across_script", Arg: "Arab"}); !strings.Contains(got, u.t("dedup_script.Arab")) {
		t.Errorf("the script is not named: %q", got)
	}
	if got := u.reasonText(model.DedupReason{Code: "dedup.new_reason"}); got != "dedup.new_reason" {
		t.Errorf("an unknown code reads %q", got)
	}
}
