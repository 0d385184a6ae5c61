package model

import (
	"slices"
	"strings"
	"testing"
)

// The embedded CP2011 table is ISTAT's: every code with its label, and
// every unit with the ISCO-08 minor group of the raccordo.
func TestCP2011MatchesReference(t *testing.T) {
	rows := readReference(t, "istat-cp2011/cp2011_structure.csv", "code", "label_it")
	if len(rows) != len(tables().cp) {
		t.Errorf("%d codes embedded, the reference has %d", len(tables().cp), len(rows))
	}
	for _, r := range rows {
		if c, ok := CP2011(r[0]); !ok || normLabel(c.Label) != normLabel(r[1]) {
			t.Errorf("CP2011 %s: %q, want %q", r[0], c.Label, r[1])
		}
	}
	for _, r := range readReference(t, "istat-cp2011/cp2011_isco08.csv", "cp2011_code", "isco08_minor_group") {
		if got := CP2011ToISCO08(r[0]); got != r[1] {
			t.Errorf("raccordo %s: %q, want %q", r[0], got, r[1])
		}
	}
}

func TestISCO08MatchesReference(t *testing.T) {
	rows := readReference(t, "esco-multilang/isco08_labels.csv", "code", "label_en", "label_it", "label_fr", "label_es", "label_ro")
	if len(rows) != 619 || len(tables().isco) != len(rows) {
		t.Errorf("%d groups embedded, the reference has %d", len(tables().isco), len(rows))
	}
	for _, r := range rows {
		g, _ := ISCO08(r[0])
		for i, l := range []string{"en", "it", "fr", "es", "ro"} {
			if normLabel(g.Labels[l]) != normLabel(r[i+1]) {
				t.Errorf("ISCO %s %s: %q, want %q", r[0], l, g.Labels[l], r[i+1])
			}
		}
	}
}

// Every ESCO occupation with its ISCO group and its six preferred labels;
// the Italian mapping to CP2011 row by row.
func TestESCOMatchesReference(t *testing.T) {
	cols := []string{"conceptUri", "iscoGroup", "preferredLabel_en", "preferredLabel_it", "preferredLabel_fr",
		"preferredLabel_es", "preferredLabel_ro", "preferredLabel_ar"}
	rows := readReference(t, "esco-multilang/occupations_labels.csv", cols...)
	if len(rows) != ESCOOccupations() {
		t.Errorf("%d occupations embedded, the reference has %d", ESCOOccupations(), len(rows))
	}
	for _, r := range rows {
		o, ok := ESCOOccupation(r[0])
		if !ok {
			t.Errorf("%s missing", r[0])
			continue
		}
		if o.ISCO != r[1] {
			t.Errorf("%s: ISCO %s, want %s", r[0], o.ISCO, r[1])
		}
		for i, l := range OccLangs {
			if normLabel(o.Preferred[l]) != normLabel(r[i+2]) {
				t.Errorf("%s %s: %q, want %q", r[0], l, o.Preferred[l], r[i+2])
			}
		}
	}
	rel := map[string]string{"skos:exactMatch": "=", "skos:closeMatch": "~", "skos:broadMatch": "<", "skos:narrowMatch": ">"}
	n := 0
	for _, r := range readReference(t, "esco-cp2011-mapping/esco_cp2011_mapping.csv", "esco_uri", "esco_type", "relation", "cp2011_code") {
		if r[1] != "occupation" {
			continue
		}
		n++
		if !slices.Contains(ESCOToCP2011(r[0]), CPMatch{r[3], rel[r[2]]}) {
			t.Errorf("%s %s %s missing", r[0], r[2], r[3])
		}
	}
	total := 0
	for _, o := range tables().occ {
		total += len(o.CP2011)
	}
	if total != n {
		t.Errorf("%d mappings embedded, the reference has %d", total, n)
	}
}

// Alternative labels: every Italian one of the reference is searchable.
func TestESCOAltLabelsMatchReference(t *testing.T) {
	rows := readReference(t, "esco-multilang/occupations_altlabels.csv", "conceptUri", "lang", "label")
	for i, r := range rows {
		if i%50 != 0 { // a sample: the whole table takes seconds
			continue
		}
		o, _ := ESCOOccupation(r[0])
		if o == nil || !slices.ContainsFunc(o.Alt[r[1]], func(a string) bool { return strings.EqualFold(a, r[2]) }) {
			t.Errorf("%s %s %q missing", r[0], r[1], r[2])
		}
	}
}

// The curated skills are ESCO concepts with ESCO's English labels: skill
// groups of the skills pillar, and transversal skills.
func TestCuratedSkillsMatchReference(t *testing.T) {
	en := map[string]string{}
	for _, r := range readReference(t, "esco/skillGroups_en.csv", "conceptUri", "preferredLabel") {
		en[r[0]] = r[1]
	}
	for _, r := range readReference(t, "esco/transversalSkillsCollection_en.csv", "conceptUri", "preferredLabel") {
		en[r[0]] = r[1]
	}
	for _, s := range CuratedSkills {
		label, ok := en[s.URI()]
		if !ok {
			t.Errorf("%s (%s) is not an ESCO skill group or transversal skill", s.ID, s.EN)
		} else if label != s.EN {
			t.Errorf("%s: %q, ESCO says %q", s.ID, s.EN, label)
		}
	}
}
