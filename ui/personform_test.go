package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sportello/model"
)

// pickerOf finds the type-ahead picker of the form field labelled label.
func pickerOf(t *testing.T, u *App, label string) *picker {
	t.Helper()
	o, _ := input(t, u, label)
	if box, ok := o.(*fyne.Container); ok {
		if p, ok := box.Objects[0].(*picker); ok {
			return p
		}
	}
	t.Fatalf("field %q is a %T, not a picker", label, o)
	return nil
}

// typeIntoPicker focuses the picker and types text, key by key.
func typeIntoPicker(t *testing.T, u *App, label, text string) *picker {
	t.Helper()
	p := pickerOf(t, u, label)
	u.win.Canvas().Focus(p)
	test.Type(u.win.Canvas().Focused(), text)
	return p
}

// press sends a key to whatever has the keyboard.
func press(u *App, keys ...fyne.KeyName) {
	for _, k := range keys {
		u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
}

// listed is what the picker lists under its field, row by row.
func listed(p *picker) []string {
	var out []string
	if !p.box.Objects[1].Visible() {
		return nil
	}
	for _, o := range p.rows.Objects {
		out = append(out, o.(*matchRow).text)
	}
	return out
}

func TestRegisterByKeyboardProposesCitizenship(t *testing.T) {
	u, db, _ := signedInApp(t)
	test.Tap(button(t, u, u.t("home.register")))
	typeInto(t, u, u.t("person.family_name")+" *", "Ahmed")
	country := typeIntoPicker(t, u, u.t("person.birth_country"), "pak")
	if got := listed(country); !slices.Equal(got, []string{"Pakistan"}) {
		t.Fatalf("typing pak lists %q", got)
	}
	press(u, fyne.KeyDown, fyne.KeyReturn)
	if country.Text != "Pakistan" || listed(country) != nil {
		t.Fatalf("after Enter the field reads %q and lists %q", country.Text, listed(country))
	}
	citizenship := pickerOf(t, u, u.t("person.citizenship"))
	if citizenship.Text != "Pakistan" {
		t.Fatalf("citizenship not proposed from the birth country: %q", citizenship.Text)
	}
	// The language by keyboard too: "ur" lists Urdu first (its tag), then
	// names with a word starting so.
	language := typeIntoPicker(t, u, u.t("person.preferred_language"), "urd")
	press(u, fyne.KeyReturn)
	if language.Text != u.label("lang", "ur")+" (ur)" {
		t.Fatalf("language reads %q", language.Text)
	}
	test.Tap(button(t, u, u.t("form.register")))
	found, _ := db.FindPersons(context.Background(), model.PersonFilter{Query: "ahmed"})
	if len(found) != 1 {
		t.Fatalf("not saved:\n%s", texts(u))
	}
	saved, _ := db.Person(context.Background(), found[0].ID)
	if saved.BirthCountry != "PK" || !slices.Equal(saved.Citizenships, []string{"PK"}) || saved.PreferredLanguage != "ur" {
		t.Errorf("saved country %q, citizenships %q, language %q", saved.BirthCountry, saved.Citizenships,
			saved.PreferredLanguage)
	}
}

func TestCitizenshipChosenIsNeverReplaced(t *testing.T) {
	u, _, _ := signedInApp(t)
	test.Tap(button(t, u, u.t("home.register")))
	citizenship := typeIntoPicker(t, u, u.t("person.citizenship"), "guinea")
	want := []string{"Guinea", "Guinea Equatoriale", "Guinea-Bissau", "Papua Nuova Guinea"}
	if got := listed(citizenship); !slices.Equal(got, want) {
		t.Fatalf("typing guinea lists %q, want %q", got, want)
	}
	// The arrows walk the list, and stop at its ends.
	press(u, fyne.KeyUp, fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyUp, fyne.KeyUp, fyne.KeyReturn)
	if citizenship.code != "GQ" {
		t.Fatalf("down, down, down, up chose %q (%q)", citizenship.code, citizenship.Text)
	}
	typeIntoPicker(t, u, u.t("person.birth_country"), "senegal")
	press(u, fyne.KeyReturn)
	if citizenship.code != "GQ" {
		t.Fatalf("the birth country replaced the citizenship chosen: %q", citizenship.Text)
	}
}

// TestPickersMatchItalianAndEnglish types into the pickers in both interface
// languages: the Italian or the English name finds the country, accents or
// not, and the field then shows the name in the interface language.
func TestPickersMatchItalianAndEnglish(t *testing.T) {
	cases := []struct {
		lang, label, typed, code, shown string
	}{
		{"it", "person.birth_country", "turkey", "TR", "Turchia"},
		{"it", "person.birth_country", "turchia", "TR", "Turchia"},
		{"it", "person.birth_country", "türkiye", "TR", "Turchia"},
		{"en", "person.birth_country", "turchia", "TR", "Türkiye"},
		{"en", "person.birth_country", "turkey", "TR", "Türkiye"},
		{"it", "person.birth_country", "cote", "CI", "Costa d'Avorio"},
		{"en", "person.birth_country", "costa d'av", "CI", "Côte d'Ivoire"},
		{"it", "person.citizenship", "PAK", "PK", "Pakistan"},
		{"it", "person.citizenship", "marocco", "MA", "Marocco"},
		{"en", "person.citizenship", "marocco", "MA", "Morocco"},
		{"it", "person.citizenship", "bangla", "BD", "Bangladesh"},
		{"it", "person.preferred_language", "bengali", "bn", "bengalese (bn)"},
		{"en", "person.preferred_language", "bengalese", "bn", "Bengali (bn)"},
		{"it", "person.preferred_language", "punj", "pa", "punjabi (pa)"},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.typed, func(t *testing.T) {
			u, _, _ := signedInApp(t)
			u.setLanguage(c.lang)
			test.Tap(button(t, u, u.t("home.register")))
			p := typeIntoPicker(t, u, u.t(c.label), c.typed)
			if got := listed(p); len(got) == 0 || !strings.HasPrefix(got[0], c.shown) {
				t.Fatalf("typing %q lists %q, want %q first", c.typed, got, c.shown)
			}
			press(u, fyne.KeyReturn)
			if p.code != c.code || p.Text != c.shown {
				t.Errorf("chose %q showing %q, want %q showing %q", p.code, p.Text, c.code, c.shown)
			}
		})
	}
}

func TestPickerRefusesWhatMatchesNothing(t *testing.T) {
	cases := []struct {
		label, typed, want string
		data               map[string]any
	}{
		{"person.birth_country", "Atlantide", "person.country_no_match", nil},
		{"person.citizenship", "guin", "person.country_several", nil},
		{"person.preferred_language", "klingon", "person.language_no_match", nil},
	}
	for _, c := range cases {
		t.Run(c.typed, func(t *testing.T) {
			u, db, _ := signedInApp(t)
			test.Tap(button(t, u, u.t("home.register")))
			typeInto(t, u, u.t("person.family_name")+" *", "Rossi")
			p := typeIntoPicker(t, u, u.t(c.label), c.typed)
			want := u.tr.Tf(c.want, map[string]any{"Text": c.typed})
			// Leaving the field says so at once, and the text stays.
			u.win.Canvas().Focus(entry(t, u, u.t("person.phone")))
			if got := fieldError(t, u, u.t(c.label)); got != want {
				t.Errorf("on leaving: error %q, want %q", got, want)
			}
			if p.Text != c.typed {
				t.Errorf("the text typed became %q", p.Text)
			}
			test.Tap(button(t, u, u.t("form.register")))
			if got := fieldError(t, u, u.t(c.label)); got != want {
				t.Errorf("on register: error %q, want %q", got, want)
			}
			if n, _ := db.CountPersons(context.Background(), ""); n != 0 {
				t.Fatal("saved with a country no one can tell")
			}
		})
	}
}

// TestEveryErrorAtOnceEachClearedWhenFixed: three wrong fields, three
// messages at once; each goes as soon as its own field is right.
func TestEveryErrorAtOnceEachClearedWhenFixed(t *testing.T) {
	u, db, _ := signedInApp(t)
	test.Tap(button(t, u, u.t("home.register")))
	family := u.t("person.family_name") + " *"
	typeInto(t, u, u.t("person.birth_date"), "31/02/1990")
	typeIntoPicker(t, u, u.t("person.birth_country"), "Narnia")
	test.Tap(button(t, u, u.t("form.register")))
	wants := map[string]string{
		family:                      u.t("error.required"),
		u.t("person.birth_date"):    u.t("error.date_invalid"),
		u.t("person.birth_country"): u.tr.Tf("person.country_no_match", map[string]any{"Text": "Narnia"}),
	}
	for label, want := range wants {
		if got := fieldError(t, u, label); got != want {
			t.Errorf("%s: error %q, want %q", label, got, want)
		}
	}
	fixes := []struct {
		label string
		fix   func()
	}{
		{family, func() { typeInto(t, u, family, "Diallo") }},
		{u.t("person.birth_date"), func() {
			entry(t, u, u.t("person.birth_date")).SetText("")
			typeInto(t, u, u.t("person.birth_date"), "28/02/1990")
		}},
		{u.t("person.birth_country"), func() {
			p := pickerOf(t, u, u.t("person.birth_country"))
			p.SetText("")
			typeIntoPicker(t, u, u.t("person.birth_country"), "mali")
			press(u, fyne.KeyReturn)
		}},
	}
	for i, f := range fixes {
		f.fix()
		if got := fieldError(t, u, f.label); got != "" {
			t.Errorf("%s fixed, still says %q", f.label, got)
		}
		for _, other := range fixes[i+1:] {
			if fieldError(t, u, other.label) != wants[other.label] {
				t.Errorf("fixing %s changed the message of %s to %q", f.label, other.label, fieldError(t, u, other.label))
			}
		}
		if n, _ := db.CountPersons(context.Background(), ""); n != 0 {
			t.Fatal("something was saved while fields were wrong")
		}
	}
	if strings.Contains(texts(u), u.t("form.fix_errors")) {
		t.Error("'correct the marked fields' stays when none is marked")
	}
	test.Tap(button(t, u, u.t("form.register")))
	if n, _ := db.CountPersons(context.Background(), ""); n != 1 {
		t.Fatalf("not saved once fixed:\n%s", texts(u))
	}
}

// TestBirthDateWithUnknownDayOrMonth: the hint names the forms accepted,
// and each is saved as typed.
func TestBirthDateWithUnknownDayOrMonth(t *testing.T) {
	cases := []struct {
		lang, hintPart, typed string
		want                  model.PartialDate
	}{
		{"it", "gg/mm/aaaa", "10/05/1990", model.PartialDate{Year: 1990, Month: 5, Day: 10}},
		{"it", "mm/aaaa", "05/1990", model.PartialDate{Year: 1990, Month: 5}},
		{"it", "solo l'anno", "1990", model.PartialDate{Year: 1990}},
		{"en", "mm/yyyy", "5/1990", model.PartialDate{Year: 1990, Month: 5}},
		{"en", "just the year", "1987", model.PartialDate{Year: 1987}},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.typed, func(t *testing.T) {
			u, db, _ := signedInApp(t)
			u.setLanguage(c.lang)
			test.Tap(button(t, u, u.t("home.register")))
			birth := entry(t, u, u.t("person.birth_date"))
			if !strings.Contains(birth.PlaceHolder, c.hintPart) {
				t.Errorf("the hint %q does not say %q", birth.PlaceHolder, c.hintPart)
			}
			typeInto(t, u, u.t("person.family_name")+" *", "Okafor")
			typeInto(t, u, u.t("person.birth_date"), c.typed)
			test.Tap(button(t, u, u.t("form.register")))
			found, _ := db.FindPersons(context.Background(), model.PersonFilter{Query: "okafor"})
			if len(found) != 1 {
				t.Fatalf("%q refused: %q", c.typed, fieldError(t, u, u.t("person.birth_date")))
			}
			if saved, _ := db.Person(context.Background(), found[0].ID); saved.BirthDate != c.want {
				t.Errorf("%q saved as %+v", c.typed, saved.BirthDate)
			}
		})
	}
}
