package printouts

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sportello/locales"
	"sportello/model"
)

// TestLongDate: each language's usual form, the month named in it; a date
// with no month has none; Russian names a month without a day in the
// nominative.
func TestLongDate(t *testing.T) {
	day := model.PartialDate{Year: 2026, Month: 12, Day: 20}
	month := model.PartialDate{Year: 1990, Month: 5}
	cases := []struct {
		lang string
		d    model.PartialDate
		want string
	}{
		{"en", day, "20 December 2026"},
		{"it", day, "20 dicembre 2026"},
		{"ar", day, "20 ديسمبر 2026"},
		{"ur", day, "20 دسمبر 2026"},
		{"zh", day, "2026年12月20日"},
		{"es", day, "20 de diciembre de 2026"},
		{"ru", day, "20 декабря 2026 г."},
		{"ru", month, "май 1990 г."},
		{"en", month, "May 1990"},
		{"en", model.PartialDate{Year: 1990}, ""},
	}
	for _, c := range cases {
		if got := longDate(locales.ForPerson(c.lang), c.d); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.lang, c.d, got, c.want)
		}
	}
	if got := dateFor(locales.ForPerson("it"), day); strings.Contains(got, "dicembre") {
		t.Errorf("an Italian reader gets %q: the Italian form alone", got)
	}
}

// TestEveryDocumentLanguageNamesItsMonths: every language the documents
// are printed in has the forms and the twelve months.
func TestEveryDocumentLanguageNamesItsMonths(t *testing.T) {
	for _, l := range model.BeneficiaryLanguages {
		tr := locales.ForPerson(l.Tag)
		keys := []string{"doc.date.long", "doc.date.month_year"}
		for m := 1; m <= 12; m++ {
			keys = append(keys, "doc.date.month_"+strconv.Itoa(m))
		}
		for _, k := range keys {
			if !tr.Has(k) {
				t.Errorf("%s has no %s", l.Tag, k)
			}
		}
	}
}

// TestPlanAndSlipCarryBothForms reads the Urdu and Arabic plan and slip
// back with pdftotext: each date the Italian way and, beside it, with the
// month named in the person's language; the Italian slip only the Italian
// way.
func TestPlanAndSlipCarryBothForms(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	cases := []struct {
		doc, lang string
		want      []string
		not       []string
	}{
		{"slip", "ar", []string{"03/12/2026", "ديسمبر"}, nil},
		{"slip", "ur", []string{"03/12/2026", "دسمبر"}, nil},
		{"plan", "ar", []string{"15/04/2026", "أبريل", "30/06/2026", "يونيو", "14/03/2026", "مارس"}, nil},
		{"plan", "ur", []string{"15/04/2026", "اپریل", "30/06/2026", "جون", "14/03/2026", "مارچ"}, nil},
		{"slip", "zh", []string{"03/12/2026", "2026年12月3日"}, nil},
		{"slip", "it", []string{"03/12/2026"}, []string{"dicembre"}},
		{"plan", "it", []string{"15/04/2026", "30/06/2026"}, []string{"aprile", "giugno"}},
	}
	dir := t.TempDir()
	for _, c := range cases {
		path := filepath.Join(dir, c.doc+"-"+c.lang+".pdf")
		if err := os.WriteFile(path, render(t, c.doc, c.lang), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := canon(string(out), false)
		for _, w := range c.want {
			if !strings.Contains(text, canon(w, false)) {
				t.Errorf("%s in %s: %q missing:\n%s", c.doc, c.lang, w, out)
			}
		}
		for _, n := range c.not {
			if strings.Contains(text, n) {
				t.Errorf("%s in %s: %q printed for an Italian reader", c.doc, c.lang, n)
			}
		}
	}
}

// TestSlipDateAsTyped: the slip's date is read as people type it (from
// the command line too) and an impossible day is refused, never printed.
func TestSlipDateAsTyped(t *testing.T) {
	for _, c := range []struct {
		typed string
		ok    bool
	}{
		{"20/12/2026", true}, {"5/1/26", true}, {"20.12.2026", true}, {"2026-12-20", true},
		{"31/02/2020", false}, {"0020", false}, {"abc", false}, {"12/2026", false},
	} {
		_, err := Prepare(context.Background(), personSource{}, Request{Doc: "slip", Lang: "ar", Date: c.typed, Time: "10:30"})
		if (err == nil) != c.ok {
			t.Errorf("%q: %v, want accepted %v", c.typed, err, c.ok)
		}
		var e *model.Error
		if !c.ok && (!errors.As(err, &e) || e.Field != "date") {
			t.Errorf("%q: refused with %v, not on the date", c.typed, err)
		}
	}
}
