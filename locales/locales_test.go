package locales

import "testing"

// TestNeverASiblingLanguage: a person's language without its own text gets
// Italian, never a language that merely shares its script.
func TestNeverASiblingLanguage(t *testing.T) {
	cases := []struct{ asked, speaks string }{
		{"ur", "ur"}, {"fa", "fa"}, {"ps", "ps"}, {"pa", "pa"}, {"ar", "ar"},
		{"ur-PK", "ur"}, {"pa-Guru-IN", "pa"},
		{"sd", "it"}, // Sindhi: Arabic script, no file: Italian, not Arabic or Urdu
		{"ks", "it"}, // Kashmiri
		{"xx", "it"}, // no such language
		{"", "it"},
	}
	for _, c := range cases {
		if got := ForPerson(c.asked).Lang(); got != c.speaks {
			t.Errorf("ForPerson(%q) speaks %q, want %q", c.asked, got, c.speaks)
		}
	}
	it := ForPerson("it").T("doc.specimen.language_name")
	for _, lang := range []string{"sd", "ks", "xx"} {
		if got := ForPerson(lang).T("doc.specimen.language_name"); got != it {
			t.Errorf("%s: got %q, want the Italian %q", lang, got, it)
		}
	}
	if ForPerson("ur").T("doc.specimen.language_name") == ForPerson("ar").T("doc.specimen.language_name") {
		t.Error("Urdu and Arabic share a text")
	}
	// A text missing in the person's language comes in Italian.
	if got, want := ForPerson("ur").T("login.sign_in"), "Accedi"; got != want {
		t.Errorf("missing Urdu text: %q, want the Italian %q", got, want)
	}
	if ForPerson("ur").Has("login.sign_in") || !ForPerson("ur").Has("doc.specimen.title") {
		t.Error("Has does not tell the person's own texts")
	}
}

func TestInterfaceIsItalianOrEnglish(t *testing.T) {
	for asked, speaks := range map[string]string{"it": "it", "en": "en", "en-GB": "en", "ar": "it", "ur": "it", "fr": "it", "": "it"} {
		if got := New(asked).Lang(); got != speaks {
			t.Errorf("New(%q) speaks %q, want %q", asked, got, speaks)
		}
	}
}

func TestReviewAndCoverage(t *testing.T) {
	if r := ReviewOf("it"); r.State != Reviewed || r.By == "" || r.Date == "" {
		t.Errorf("it: %+v", r)
	}
	for _, lang := range []string{"ar", "ti", "zh", "xx"} {
		if r := ReviewOf(lang); r.State != Draft {
			t.Errorf("%s is %+v: texts no mediator reviewed must say draft", lang, r)
		}
	}
	cov, err := Coverage("en")
	if err != nil {
		t.Fatal(err)
	}
	if c := cov[AreaInterface]; c.Total == 0 || c.Translated != c.Total {
		t.Errorf("English interface %+v", c)
	}
	ar, _ := Coverage("ar")
	if c := ar[AreaInterface]; c.Translated != 0 || c.Total != cov[AreaInterface].Total {
		t.Errorf("Arabic interface %+v: there is no Arabic interface", c)
	}
	if c := ar[AreaDocuments]; c.Total == 0 || c.Translated != c.Total {
		t.Errorf("Arabic documents %+v", c)
	}
}

// TestTagalogKeepsItsTag: golang.org/x/text reads "tl" as "fil"; a
// person's Localizer still speaks "tl", with Tagalog's own texts.
func TestTagalogKeepsItsTag(t *testing.T) {
	l := ForPerson("tl")
	if l.Lang() != "tl" || !l.Has("doc.rights.title") || l.T("doc.rights.title") == ForPerson("it").T("doc.rights.title") {
		t.Errorf("Tagalog: speaks %q, has its own rights title: %v", l.Lang(), l.Has("doc.rights.title"))
	}
}

func TestNumberGroupsDigitsAsTheLanguageDoes(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"it", 100000, "100.000"},
		{"en", 100000, "100,000"},
		{"it", 250, "250"},
		{"it", 1500, "1.500"},
		{"en", 1500, "1,500"},
		{"it", 0, "0"},
		{"it", -1234567, "-1.234.567"},
	} {
		if got := New(c.lang).Number(c.n); got != c.want {
			t.Errorf("%s: Number(%d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}
