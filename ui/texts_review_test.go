package ui

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// languagesOffer opens Settings > Languages and tells whether it offers
// the review of the texts.
func languagesOffer(t *testing.T, u *App) bool {
	t.Helper()
	test.Tap(button(t, u, u.t("home.settings")))
	for _, o := range objects(u) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for i, it := range tabs.Items {
				if it.Text == u.t("settings.tab_languages") {
					tabs.SelectIndex(i)
				}
			}
		}
	}
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == u.t("texts.button") && b.Visible() {
			return true
		}
	}
	return false
}

// reviewRow is the text of key on the review screen.
func reviewRow(t *testing.T, v *textsReview, key string) *textRow {
	t.Helper()
	for _, r := range v.items {
		if r.key == key {
			return r
		}
	}
	t.Fatalf("no text %s on the review screen", key)
	return nil
}

// TestMediatorCorrectsAnArabicConsentSentence: the mediator opens "Texts
// for persons", chooses Arabic and the consent, corrects a sentence and
// saves: the store keeps it and every person's text reads it at once (the
// next printed consent: printouts' TestConsentCarriesTheCorrection). A
// correction that drops a placeholder is refused under its field, in the
// interface's language, and nothing is kept. Marking the consent reviewed
// names her and the date. An operator has no such screen.
func TestMediatorCorrectsAnArabicConsentSentence(t *testing.T) {
	u, db := newTestApp(t)
	u.win.Resize(fyne.NewSize(1600, 1000))
	t.Cleanup(func() { locales.SetCorrections("ar", nil); locales.SetAreaReviews("ar", nil) })
	med := signInAs(t, u, db, "samira", model.RoleMediator)
	if !languagesOffer(t, u) {
		t.Fatal("Settings > Languages offers the mediator no review of the texts")
	}
	test.Tap(button(t, u, u.t("texts.button")))
	v := newTextsReview(u)
	u.home.show(v.build())
	for i, l := range v.langs {
		if l.Tag == "ar" {
			v.lang.SetSelectedIndex(i)
		}
	}
	v.area.SetSelectedIndex(0) // the consent
	if !strings.Contains(v.state.Text, u.t("texts.state_draft")) {
		t.Errorf("the Arabic consent's state: %q", v.state.Text)
	}

	const fixed = "يمكنك سحب موافقتك متى شئت."
	row := reviewRow(t, v, "doc.consent.withdraw")
	row.entry.SetText(fixed)
	test.Tap(row.saveBtn)
	layer, err := db.TextLayer(t.Context())
	if err != nil || layer.Corrections["ar"]["doc.consent.withdraw"].Text != fixed || layer.Corrections["ar"]["doc.consent.withdraw"].By != med.FullName {
		t.Fatalf("the correction kept: %+v %v", layer, err)
	}
	if got := locales.ForPerson("ar").T("doc.consent.withdraw"); got != fixed {
		t.Errorf("the person's text: %q", got)
	}
	if row.status.Text != u.t("texts.saved") {
		t.Errorf("the row says %q", row.status.Text)
	}

	broken := reviewRow(t, v, "doc.consent.person")
	broken.entry.SetText("الشخص المعني: {{.Name}}")
	test.Tap(broken.saveBtn)
	if !strings.Contains(broken.status.Text, "{{.Code}}") || broken.status.Importance != widget.DangerImportance {
		t.Errorf("a sentence without its case code: %q", broken.status.Text)
	}
	if locales.Corrected("ar", "doc.consent.person") {
		t.Error("the broken sentence was kept")
	}

	test.Tap(v.mark)
	if !strings.Contains(v.state.Text, med.FullName) || locales.ReviewOfArea("ar", "doc.consent").State != locales.Reviewed {
		t.Errorf("marked reviewed: %q", v.state.Text)
	}

	u2, db2 := newTestApp(t)
	signInAs(t, u2, db2, "marco", model.RoleOperator)
	if languagesOffer(t, u2) {
		t.Error("Settings > Languages offers an operator the review of the texts")
	}
}

// TestImportCorrectionsShowsTheDifferences: a file of another desk's
// Arabic corrections shows what it would change, before and after, and
// changes nothing until the mediator keeps it; a file with a broken
// sentence is refused whole, on the screen.
func TestImportCorrectionsShowsTheDifferences(t *testing.T) {
	u, db := newTestApp(t)
	u.win.Resize(fyne.NewSize(1600, 1000))
	t.Cleanup(func() { locales.SetCorrections("ar", nil) })
	signInAs(t, u, db, "samira", model.RoleMediator)
	v := newTextsReview(u)
	u.home.show(v.build())
	for i, l := range v.langs {
		if l.Tag == "ar" {
			v.lang.SetSelectedIndex(i)
		}
	}
	const fixed = "يمكنك سحب موافقتك متى شئت."
	var file bytes.Buffer
	if err := locales.WriteCorrections(&file, []string{"from desk A"}, map[string]string{"doc.consent.withdraw": fixed}); err != nil {
		t.Fatal(err)
	}
	v.importData(file.Bytes(), "ar.toml")
	if len(v.pending) != 1 || v.pending[0].Before != locales.Source("ar", "doc.consent.withdraw") || v.pending[0].After != fixed {
		t.Fatalf("the differences shown: %+v", v.pending)
	}
	if locales.Corrected("ar", "doc.consent.withdraw") {
		t.Fatal("kept before the mediator said so")
	}
	test.Tap(overlayButton(t, u, u.t("texts.import_apply")))
	if got := locales.ForPerson("ar").T("doc.consent.withdraw"); got != fixed {
		t.Errorf("after keeping the file: %q", got)
	}
	broken := strings.Replace(file.String(), "[doc.consent]", "[doc.consent]\nperson = \"صاحب الموافقة\"", 1)
	v.importData([]byte(broken), "broken.toml")
	if v.state.Importance != widget.DangerImportance || !strings.Contains(v.state.Text, "doc.consent.person") {
		t.Errorf("a broken file: %q", v.state.Text)
	}
}

// TestCoordinatorAddsALanguage: the coordinator adds Hausa in Settings >
// Languages; a bad tag is refused on its field, nothing added; once added
// it is among the languages a person is registered in and a mediator
// reviews, its texts empty (Italian printed, marked).
func TestCoordinatorAddsALanguage(t *testing.T) {
	u, db, _ := signedInApp(t)
	t.Cleanup(func() { model.SetDeskLanguages(nil) })
	a := newLanguageAdd(u, nil)
	u.home.show(a.build())
	a.tag.SetText("Hausa!")
	a.native.SetText("Hausa")
	a.onAdd()
	if a.fields[0].err.Text == "" {
		t.Fatal("a bad tag was not refused on its field")
	}
	if _, ok := model.LanguageByTag("ha"); ok {
		t.Fatal("added anyway")
	}
	a.tag.SetText("ha")
	a.english.SetText("Hausa")
	a.onAdd()
	if a.fields[0].err.Visible() || !strings.Contains(a.status.Text, "Hausa") {
		t.Fatalf("adding Hausa: %q / %q", a.fields[0].err.Text, a.status.Text)
	}
	layer, err := db.TextLayer(t.Context())
	if err != nil || len(layer.Languages) != 1 || layer.Languages[0].Tag != "ha" {
		t.Fatalf("the desk's languages: %+v %v", layer, err)
	}
	if _, ok := model.LanguageByTag("ha"); !ok {
		t.Error("Hausa is not among the languages")
	}
	v := newTextsReview(u)
	v.build()
	found := false
	for i, l := range v.langs {
		if l.Tag == "ha" {
			found = true
			v.lang.SetSelectedIndex(i)
		}
	}
	if !found || reviewRow(t, v, "doc.consent.yes").entry.Text != "" {
		t.Error("Hausa is not offered for review with its texts empty")
	}
	if got := locales.ForPerson("ha").T("doc.consent.yes"); got != locales.ItalianMark+locales.ForPerson("it").T("doc.consent.yes") {
		t.Errorf("a Hausa text not yet written: %q", got)
	}
}
