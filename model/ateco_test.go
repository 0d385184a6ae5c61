package model

import "testing"

func TestAtecoCodeSection(t *testing.T) {
	for in, want := range map[string]string{"01.13.10": "A", "01": "A", "49.41": "H", "97.00.0": "T", "T": "T",
		"a": "A", "04": "", "01.1111": "", "1.13": "", "": "", "56.10.11": "I", "99": "U", "100": ""} {
		got, ok := AtecoCodeSection(in)
		if got.Code != want || ok != (want != "") {
			t.Errorf("%q: section %q (%v), want %q", in, got.Code, ok, want)
		}
	}
}

// Every numeric code of ATECO 2007 falls in the division and section ISTAT
// puts it under, and every division of the table is ISTAT's.
func TestAtecoDivisionsAgainstReference(t *testing.T) {
	rows := readReference(t, "ontopia/ateco-2007.csv", "Codice Ateco 2007")
	section, divisions := "", map[string]bool{}
	for _, r := range rows {
		code := r[0]
		if len(code) == 1 {
			section = code
			continue
		}
		got, ok := AtecoCodeSection(code)
		if !ok || got.Code != section {
			t.Errorf("%s: section %q (%v), ISTAT says %s", code, got.Code, ok, section)
		}
		divisions[code[:2]] = true
	}
	n := 0
	for s, list := range AtecoDivisions {
		for _, d := range list {
			n++
			if !divisions[d] {
				t.Errorf("division %s (section %s) is not in ATECO 2007", d, s)
			}
		}
	}
	if n != len(divisions) {
		t.Errorf("%d divisions in the table, %d in ATECO 2007", n, len(divisions))
	}
}
