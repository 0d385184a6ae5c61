package model

import (
	"encoding/csv"
	"os"
	"slices"
	"testing"
)

// Every territory of the ANPR codelist that has a Z code is in
// FormerPlaces, in the country of its sovereign state; no former place
// takes the code of one of today's states. Needs ../shared/reference.
func TestFormerPlacesMatchReference(t *testing.T) {
	f, err := os.Open("../../shared/reference/anpr/tab_stati_esteri.csv")
	if err != nil {
		t.Skip("../shared/reference absent: reference check skipped")
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	byISO3 := map[string]string{}
	for _, c := range countries {
		byISO3[c.ISO3] = c.ISO2
	}
	for _, r := range rows[1:] {
		code, kind, sovereign := r[col["CODAT"]], r[col["TIPO"]], r[col["CODISOSOVRANO"]]
		if kind != "TERRITORIO" || code == "" {
			continue
		}
		i := slices.IndexFunc(FormerPlaces, func(p FormerPlace) bool { return p.Code == code })
		if i < 0 {
			t.Errorf("territory %s (%s) is missing", code, r[col["DENOMINAZIONE"]])
			continue
		}
		if want := byISO3[sovereign]; !slices.Equal(FormerPlaces[i].Now, []string{want}) {
			t.Errorf("territory %s: in %v, the codelist says %s", code, FormerPlaces[i].Now, want)
		}
	}
	for _, p := range FormerPlaces {
		if _, ok := CountryByCadastral(p.Code); ok {
			t.Errorf("%s is a state of today's table", p.Code)
		}
		for _, iso := range p.Now {
			if _, ok := CountryByISO2(iso); !ok {
				t.Errorf("%s: %s is not in the country table", p.Code, iso)
			}
		}
	}
}
