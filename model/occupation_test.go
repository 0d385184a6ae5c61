package model

import (
	"strings"
	"testing"
)

// The type-ahead finds what a desk types: Italian words (ESCO's and the
// desks' own), English, Arabic, with accents and case not counting, and
// puts a label starting with the query first.
func TestOccupationSearch(t *testing.T) {
	cases := []struct {
		query, lang string
		want        string // UUID of an occupation among the first five
		wantLabel   string // a word the label of that match holds
	}{
		{"potat", "it", "fa30c1cb-dbc5-409c-8124-7284592b123c", "potat"},
		{"POTATURA", "it", "e5e3ea36-4ed9-4c57-987c-9974385551a8", "potatura"},
		{"driver", "en", "", "driver"},
		{"forklift", "en", "eeac6251-1974-42f5-91ed-513c6c883755", "forklift"},
		{"mulett", "it", "eeac6251-1974-42f5-91ed-513c6c883755", "mulettista"},
		{"badante", "fr", "1391bdf9-bd61-4fb5-91ca-c29036ab2b60", "badante"},
		{"raccoglitore frutta", "it", "373db468-bd25-4b67-a6e0-4ac79d9a9e85", "frutta"},
		{"operatore socio sanitario", "it", "d38c2107-98f2-47b7-8bb4-f69750d51082", "socio"},
		{"راعي", "ar", "2a1190f0-14d5-4ce4-ade0-ef726a1887a0", "راعي"},
		{"ouvrier viticole", "fr", "e5e3ea36-4ed9-4c57-987c-9974385551a8", "viticole"},
		{"muncitor", "ro", "", "muncitor"},
		{"camerièra", "it", "d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471", "cameriera"},
	}
	for _, c := range cases {
		got := Search(c.query, c.lang, 5)
		if len(got) == 0 {
			t.Errorf("%q (%s): nothing found", c.query, c.lang)
			continue
		}
		found := c.want == ""
		for _, m := range got {
			if m.Occupation.ID == c.want {
				found = true
				if !strings.Contains(foldSearch(m.Label), foldSearch(c.wantLabel)) {
					t.Errorf("%q: matched by %q, want a label with %q", c.query, m.Label, c.wantLabel)
				}
			}
		}
		if !found {
			t.Errorf("%q (%s): %s not among %v", c.query, c.lang, c.want, labels(got))
		}
		if first := foldSearch(got[0].Label); !strings.Contains(first, foldSearch(c.wantLabel)) {
			t.Errorf("%q (%s): first match %q lacks %q", c.query, c.lang, got[0].Label, c.wantLabel)
		}
	}
}

func labels(ms []OccupationMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Lang+":"+m.Label)
	}
	return out
}

// Ranking: a label starting with the query comes before one that only has
// a word starting with it, which comes before one holding it inside a
// word; French labels are not searched for an Arabic speaker.
func TestOccupationSearchRanking(t *testing.T) {
	got := Search("cuoco", "it", 50)
	if len(got) < 3 || !strings.HasPrefix(foldSearch(got[0].Label), "cuoc") {
		t.Fatalf("cuoco: %v", labels(got))
	}
	seenInner := false
	for _, m := range got {
		starts := strings.HasPrefix(foldSearch(m.Label), "cuoco")
		if seenInner && starts {
			t.Errorf("cuoco: %q after a label not starting with it: %v", m.Label, labels(got))
		}
		seenInner = seenInner || !starts
	}
	for _, m := range Search("boulanger", "ar", 10) {
		if m.Lang == "fr" {
			t.Errorf("a French label for an Arabic speaker: %q", m.Label)
		}
	}
	if len(Search("boulanger", "fr", 10)) == 0 {
		t.Error("boulanger: no French label for a French speaker")
	}
	if Search("   ", "it", 10) != nil || Search("cuoco", "it", 0) != nil {
		t.Error("an empty query or limit found something")
	}
	if n := len(Search("a", "it", 7)); n != 7 {
		t.Errorf("limit 7 gave %d", n)
	}
}

func TestWordPrefix(t *testing.T) {
	for _, c := range []struct {
		s, w string
		want int
	}{
		{"operatore di carrelli", "carr", 1}, {"operatore di carrelli", "rrel", 2}, {"operatore", "x", 0},
		{"addetta/addetto", "addetto", 1}, {"l'operaio", "operaio", 1}, {"cameriera", "cameriera", 1},
	} {
		if got := wordPrefixAt(c.s, c.w); got != c.want {
			t.Errorf("wordPrefixAt(%q, %q) = %d, want %d", c.s, c.w, got, c.want)
		}
	}
}

func TestOccupationLookups(t *testing.T) {
	if n := len(CP2011Units()); n != 800 {
		t.Errorf("%d CP2011 units, want 800", n)
	}
	if n := ESCOOccupations(); n != 2942 {
		t.Errorf("%d ESCO occupations, want 2942", n)
	}
	u, ok := CP2011("7.4.2.3.0")
	if !ok || !strings.Contains(u.Label, "camion") || u.Level() != 5 {
		t.Errorf("7.4.2.3.0: %+v %v", u, ok)
	}
	if got := CP2011ToISCO08("5.4.4.3.0"); got != "532" {
		t.Errorf("5.4.4.3.0 -> ISCO %q, want 532", got)
	}
	if g, ok := ISCO08("9211"); !ok || g.Labels["en"] != "Crop farm labourers" {
		t.Errorf("ISCO 9211: %+v", g)
	}
	o, ok := ESCOOccupation(ESCOOccupationPrefix + "eeac6251-1974-42f5-91ed-513c6c883755")
	if !ok || o.ISCO != "8344" || o.Label("it") == "" || len(o.CP2011) == 0 || o.URI() != ESCOOccupationPrefix+o.ID {
		t.Fatalf("forklift operator: %+v", o)
	}
	for _, m := range ESCOToCP2011(o.ID) {
		if _, ok := CP2011(m.Code); !ok || !strings.Contains("=~<>", m.Relation) {
			t.Errorf("forklift operator maps to %+v", m)
		}
		found := false
		for _, back := range CP2011ToESCO(m.Code) {
			found = found || back.ID == o.ID
		}
		if !found {
			t.Errorf("%s does not map back to the forklift operator", m.Code)
		}
	}
	cps := ISCO08ToCP2011("532")
	if len(cps) == 0 {
		t.Fatal("ISCO 532: no CP2011 unit")
	}
	for _, c := range cps {
		if CP2011ToISCO08(c) != "532" {
			t.Errorf("ISCO 532 gives %s, which goes back to %s", c, CP2011ToISCO08(c))
		}
	}
	if len(ISCO08ToCP2011("5322")) == 0 || ISCO08ToCP2011("5") != nil {
		t.Error("ISCO 5322 gives no CP2011 unit, or a major group gives some")
	}
}

func BenchmarkOccupationSearch(b *testing.B) {
	tables()
	queries := []struct{ q, lang string }{{"potat", "it"}, {"driver", "en"}, {"a", "fr"}, {"operatore di", "it"},
		{"مشغل", "ar"}, {"muncitor agricol", "ro"}, {"cuoco", "es"}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		Search(q.q, q.lang, 20)
	}
}

// BenchmarkOccupationTablesLoad is the cost of the first use: reading the
// embedded tables and folding every label.
func BenchmarkOccupationTablesLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := loadOccupationTables(); err != nil {
			b.Fatal(err)
		}
	}
}
