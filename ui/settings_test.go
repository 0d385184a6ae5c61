package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

func TestMovingTheDataFolderCopiesTheData(t *testing.T) {
	u, db, op := signedInApp(t)
	if err := db.CreatePerson(context.Background(), &model.Person{FamilyName: "Haile", GivenNames: "Selam"}, op.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, u, u.t("home.settings")))
	newDir := filepath.Join(t.TempDir(), "chiavetta", "sportello")
	data := entry(t, u, u.t("settings.data_folder"))
	data.SetText("")
	typeInto(t, u, u.t("settings.data_folder"), newDir)
	test.Tap(button(t, u, u.t("settings.save")))

	if got := u.config.DBPath(); got != filepath.Join(newDir, DBFile) {
		t.Fatalf("config points to %s", got)
	}
	saved, err := LoadConfig(u.config.path)
	if err != nil || saved.DataDir != newDir {
		t.Fatalf("config file: %+v, %v", saved, err)
	}
	recovery, _ := testRecovery.Load(db.Path())
	copyDB, err := store.UnlockRecovery(filepath.Join(newDir, DBFile), store.Options{KDF: testKDF}, recovery.(string))
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	if n, _ := copyDB.CountPersons(context.Background(), "haile"); n != 1 {
		t.Errorf("the new folder's database has %d of the 1 person", n)
	}
	// The current database is untouched and still in use.
	if n, _ := db.CountPersons(context.Background(), ""); n != 1 {
		t.Errorf("the current database lost data: %d persons", n)
	}
}

// TestSettingsReadLanguagesWhenTheirTabOpens: opening Settings does not
// read every language's texts and draw a sample in every script (some 100
// MB on a window that must stay under 200 MB); the Languages tab does, when
// first opened.
func TestSettingsReadLanguagesWhenTheirTabOpens(t *testing.T) {
	u, _, _ := signedInApp(t)
	test.Tap(button(t, u, u.t("home.settings")))
	var languages *container.TabItem
	var tabs *container.AppTabs
	for _, o := range objects(u) {
		if at, ok := o.(*container.AppTabs); ok {
			for _, it := range at.Items {
				if it.Text == u.t("settings.tab_languages") {
					languages, tabs = it, at
				}
			}
		}
	}
	if languages == nil {
		t.Fatalf("no Languages tab in Settings:\n%s", texts(u))
	}
	if _, waiting := languages.Content.(*widget.Label); !waiting {
		t.Errorf("Settings built the Languages tab before it was opened: %T", languages.Content)
	}
	tabs.Select(languages)
	if !strings.Contains(texts(u), u.t("languages.intro")) {
		t.Errorf("the Languages tab opened does not show its rows:\n%s", texts(u))
	}
}

// TestLanguagesRowsMadeAsTheyComeOnScreen: Settings > Languages lists
// every language a person may speak, but makes rows only for those on
// screen. A row draws its language's name and sentence in its script's
// fonts: all 28 at once parsed every script's faces (27 MB) and took the
// window of a regional desk from 194 to 247 MB. Scrolled, the rows show
// the languages further down; the coordinator's form to add a language
// is folded above them.
func TestLanguagesRowsMadeAsTheyComeOnScreen(t *testing.T) {
	u, _, _ := signedInApp(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	test.Tap(button(t, u, u.t("home.settings")))
	for _, o := range objects(u) {
		if at, ok := o.(*container.AppTabs); ok {
			at.SelectIndex(1)
		}
	}
	langs := model.Languages()
	var list *widget.List
	for _, o := range objects(u) {
		if l, ok := o.(*widget.List); ok && l.Length() == len(langs) {
			list = l
		}
	}
	if list == nil {
		t.Fatalf("no list of the %d languages:\n%s", len(langs), texts(u))
	}
	facts := func(l model.Language) string { return l.Tag + " · " + u.label("lang", l.Tag) + " · " }
	rows := func() (n int, shown string) {
		for _, o := range objects(u) {
			if c, ok := o.(*languageCell); ok && c.Visible() {
				n++
				shown += c.item.info.Text + "\n"
			}
		}
		return n, shown
	}
	n, shown := rows()
	if n == 0 || n >= len(langs) {
		t.Errorf("%d rows made for %d languages: want only those on screen", n, len(langs))
	}
	first, last := langs[0], langs[len(langs)-1]
	if !strings.Contains(shown, facts(first)) || strings.Contains(shown, facts(last)) {
		t.Errorf("at the top the rows show:\n%s", shown)
	}
	// The list learns a row's height as it shows it: rows further down
	// taller than it took them to be push the bottom further.
	for range 3 {
		list.ScrollToBottom()
	}
	if _, shown = rows(); !strings.Contains(shown, facts(last)) {
		t.Errorf("scrolled to the bottom the rows show:\n%s", shown)
	}
	if !strings.Contains(texts(u), u.t("languages.add_title")) && !hasAccordion(u, u.t("languages.add_title")) {
		t.Error("the coordinator has no form to add a language")
	}
}

func hasAccordion(u *App, title string) bool {
	for _, o := range objects(u) {
		if a, ok := o.(*widget.Accordion); ok {
			for _, it := range a.Items {
				if it.Title == title {
					return true
				}
			}
		}
	}
	return false
}
