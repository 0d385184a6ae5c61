package model

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Côte d'Ivoire": "cote d'ivoire", " Türkiye ": "turkiye", "São Tomé e Príncipe": "sao tome e principe",
		"România": "romania", "Perù": "peru", "PAK": "pak", "Şırnak": "sirnak",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCountryAliases: every alias names a country in the table, and no alias
// is another country's name.
func TestCountryAliases(t *testing.T) {
	names := map[string]string{}
	for _, c := range Countries() {
		names[Fold(c.NameIT)], names[Fold(c.NameEN)] = c.ISO2, c.ISO2
	}
	for code, aliases := range countryAliases {
		c, ok := CountryByISO2(code)
		if !ok {
			t.Errorf("aliases for %q, not in the table", code)
			continue
		}
		for _, a := range aliases {
			if other, ok := names[Fold(a)]; ok && other != code {
				t.Errorf("%s alias %q is the name of %s", code, a, other)
			}
		}
		if got := CountrySearchNames(c); len(got) != 2+len(aliases) || got[0] != c.NameIT || got[1] != c.NameEN {
			t.Errorf("%s search names %q", code, got)
		}
	}
}
