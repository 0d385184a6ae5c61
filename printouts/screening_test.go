package printouts

import (
	"strings"
	"testing"

	"sportello/locales"
	"sportello/model"
)

// sameInBothLanguages are the indicators whose name is a proper name, the
// same in Italian and English. None today.
var sameInBothLanguages = map[string]bool{}

// TestIndicatorNames: every indicator of the model's tables has its own
// name in Italian and in English, the ILO's from the table, the 603-bis
// indices in the law's Italian, the Delphi ones in the ILO/EC English.
func TestIndicatorNames(t *testing.T) {
	it, en := locales.New("it"), locales.New("en")
	refs := model.IndicatorRefs()
	if len(refs) != len(model.ILOIndicators)+len(model.Art603Indices)+len(model.DelphiIndicators) {
		t.Fatalf("%d refs", len(refs))
	}
	for _, ref := range refs {
		key := IndicatorKey(ref)
		nameIT, nameEN := it.T(key), en.T(key)
		if !it.Has(key) || strings.TrimSpace(nameIT) == "" || nameIT == key {
			t.Errorf("%s: no Italian name", ref)
		}
		if !en.Has(key) || strings.TrimSpace(nameEN) == "" || nameEN == key {
			t.Errorf("%s: no English name", ref)
		}
		if nameIT == nameEN && !sameInBothLanguages[ref] {
			t.Errorf("%s: the English name is the Italian one: %q", ref, nameEN)
		}
	}
	for i, ind := range model.ILOIndicators {
		ref := model.IndicatorRefs()[i]
		if got := it.T(IndicatorKey(ref)); got != ind.IT {
			t.Errorf("%s in Italian is %q, the table says %q", ref, got, ind.IT)
		}
		if got := en.T(IndicatorKey(ref)); got != ind.EN {
			t.Errorf("%s in English is %q, the table says %q", ref, got, ind.EN)
		}
	}
	for i, text := range model.Art603Indices {
		ref := model.IndicatorRefs()[len(model.ILOIndicators)+i]
		if got := it.T(IndicatorKey(ref)); got != text {
			t.Errorf("%s in Italian is %q, the law says %q", ref, got, text)
		}
	}
	for _, d := range model.DelphiIndicators {
		ref := "delphi." + d.Dimension + "." + d.Slug
		if got := en.T(IndicatorKey(ref)); got != d.EN {
			t.Errorf("%s in English is %q, the ILO/EC wording is %q", ref, got, d.EN)
		}
	}
}

// TestIndicatorNameInTheLanguage: each language gets its own names, a
// Delphi one with its dimension and strength; a language with no names of
// its own gets the Italian, and an unknown ref shows as itself.
func TestIndicatorNameInTheLanguage(t *testing.T) {
	cases := []struct {
		lang, ref, want string
	}{
		{"it", "delphi.cd.documents", "Sottrazione dei documenti (coercizione a destinazione, forte)"},
		{"en", "delphi.cd.documents", "Confiscation of documents (coercion at destination, strong)"},
		{"it", "ilo.7", "Trattenimento dei documenti di identità"},
		{"en", "ilo.7", "Retention of identity documents"},
		{"it", "i603.3", "la sussistenza di violazioni delle norme in materia di sicurezza e igiene nei luoghi di lavoro"},
		{"en", "i603.3", "the existence of violations of the rules on health and safety in the workplace"},
		{"it", "no.such", "no.such"},
	}
	for _, c := range cases {
		if got := IndicatorName(locales.New(c.lang), c.ref); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.lang, c.ref, got, c.want)
		}
	}
	for _, lang := range []string{"ur", "ar", "sd"} {
		it := IndicatorName(locales.ForPerson("it"), "delphi.ec.low_pay")
		if got := IndicatorName(locales.ForPerson(lang), "delphi.ec.low_pay"); got != it {
			t.Errorf("%s: %q, want the Italian %q", lang, got, it)
		}
	}
}
