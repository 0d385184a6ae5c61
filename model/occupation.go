package model

import (
	"bufio"
	"compress/gzip"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ../scripts/gencodelists -ref ../../shared/reference -out codelists

// The occupation codelists, derived from ../shared/reference by
// scripts/gencodelists: ISTAT CP2011 (Fonte: Istat, Classificazione delle
// professioni 2011) with ISTAT's raccordo to ISCO-08, the ISCO-08 groups and
// the ESCO v1.0.8 occupations with the Italian ESCO↔CP2011 mapping (This
// service uses the ESCO classification of the European Commission).
//
//go:embed codelists/*.tsv.gz
var codelistFiles embed.FS

// OccLangs are the languages ESCO labels its occupations in here.
var OccLangs = []string{"en", "it", "fr", "es", "ro", "ar"}

// CP2011Unit is a code of ISTAT's CP2011 classification of occupations, at
// any of its five levels ("7", "7.4", ..., "7.4.2.3.0"); units have five
// parts and an ISCO-08 minor group (three digits) by ISTAT's raccordo.
type CP2011Unit struct {
	Code  string
	Label string // Italian, ISTAT's
	ISCO  string // ISCO-08 minor group, for units only
}

// Level is 1 (grande gruppo) to 5 (unità professionale).
func (c CP2011Unit) Level() int { return strings.Count(c.Code, ".") + 1 }

// ISCO08Group is an ISCO-08 group of one to four digits, labelled in en, it,
// fr, es and ro as ESCO publishes it.
type ISCO08Group struct {
	Code   string
	Labels map[string]string
}

// CPMatch is a CP2011 code an ESCO occupation maps to, and how: "=" exact,
// "~" close, "<" the CP2011 code is broader, ">" it is narrower.
type CPMatch struct {
	Code, Relation string
}

// Occupation is an ESCO occupation: its URI's last part, its ISCO-08 unit
// group, its CP2011 codes and its preferred and alternative labels.
type Occupation struct {
	ID        string // the UUID ending the URI
	ISCO      string // four digits
	CP2011    []CPMatch
	Preferred map[string]string   // by language: en, it, fr, es, ro, ar
	Alt       map[string][]string // by language: en, it, fr, es, ro
}

// URI is the occupation's ESCO URI.
func (o *Occupation) URI() string { return ESCOOccupationPrefix + o.ID }

// Label is the preferred label in lang, else in English.
func (o *Occupation) Label(lang string) string {
	if l := o.Preferred[lang]; l != "" {
		return l
	}
	return o.Preferred["en"]
}

// ESCOOccupationPrefix starts every ESCO occupation URI.
const ESCOOccupationPrefix = "http://data.europa.eu/esco/occupation/"

// occupationTables are the codelists, read once on first use.
type occupationTables struct {
	cp     []CP2011Unit
	cpBy   map[string]int
	isco   []ISCO08Group
	iscoBy map[string]int
	occ    []Occupation
	occBy  map[string]int
	index  []labelEntry // every label, folded, for Search
}

var (
	occOnce   sync.Once
	occTables *occupationTables
)

// tables reads the embedded codelists the first time they are asked for.
// They are part of the program: a file that does not read is a build error.
func tables() *occupationTables {
	occOnce.Do(func() {
		t, err := loadOccupationTables()
		if err != nil {
			panic("model: occupation codelists: " + err.Error())
		}
		occTables = t
	})
	return occTables
}

func loadOccupationTables() (*occupationTables, error) {
	t := &occupationTables{cpBy: map[string]int{}, iscoBy: map[string]int{}, occBy: map[string]int{}}
	err := eachTSV("cp2011.tsv.gz", 3, func(f []string) error {
		t.cpBy[f[0]] = len(t.cp)
		t.cp = append(t.cp, CP2011Unit{f[0], f[1], f[2]})
		return nil
	})
	if err == nil {
		err = eachTSV("isco08.tsv.gz", 6, func(f []string) error {
			g := ISCO08Group{Code: f[0], Labels: map[string]string{}}
			for i, l := range []string{"en", "it", "fr", "es", "ro"} {
				g.Labels[l] = f[i+1]
			}
			t.iscoBy[g.Code] = len(t.isco)
			t.isco = append(t.isco, g)
			return nil
		})
	}
	if err == nil {
		err = eachTSV("esco_occupations.tsv.gz", 9, t.addOccupation)
	}
	if err == nil {
		err = eachTSV("esco_altlabels.tsv.gz", 3, t.addAlt)
	}
	if err != nil {
		return nil, err
	}
	t.buildIndex()
	return t, nil
}

func (t *occupationTables) addOccupation(f []string) error {
	o := Occupation{ID: f[0], ISCO: f[1], Preferred: map[string]string{}, Alt: map[string][]string{}}
	for _, c := range strings.Fields(f[2]) {
		o.CP2011 = append(o.CP2011, CPMatch{Code: c[1:], Relation: c[:1]})
	}
	for i, l := range OccLangs {
		o.Preferred[l] = f[i+3]
	}
	t.occBy[o.ID] = len(t.occ)
	t.occ = append(t.occ, o)
	return nil
}

func (t *occupationTables) addAlt(f []string) error {
	i, err := strconv.Atoi(f[0])
	if err != nil || i < 0 || i >= len(t.occ) {
		return fmt.Errorf("alternative label %q: no occupation %q", f[2], f[0])
	}
	t.occ[i].Alt[f[1]] = append(t.occ[i].Alt[f[1]], f[2])
	return nil
}

// eachTSV calls fn with the fields of each row of a gzipped, tab-separated
// table after its header; every row must have n fields.
func eachTSV(name string, n int, fn func([]string) error) error {
	f, err := codelistFiles.Open("codelists/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 0; sc.Scan(); line++ {
		if line == 0 {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != n {
			return fmt.Errorf("%s line %d: %d fields, want %d", name, line+1, len(fields), n)
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s line %d: %w", name, line+1, err)
		}
	}
	return sc.Err()
}

// CP2011 finds a CP2011 code at any level.
func CP2011(code string) (CP2011Unit, bool) {
	t := tables()
	i, ok := t.cpBy[strings.TrimSpace(code)]
	if !ok {
		return CP2011Unit{}, false
	}
	return t.cp[i], true
}

// CP2011Units lists the 800 units (fifth level), in code order.
func CP2011Units() []CP2011Unit {
	var out []CP2011Unit
	for _, c := range tables().cp {
		if c.Level() == 5 {
			out = append(out, c)
		}
	}
	return out
}

// ISCO08 finds an ISCO-08 group of one to four digits.
func ISCO08(code string) (ISCO08Group, bool) {
	t := tables()
	i, ok := t.iscoBy[strings.TrimSpace(code)]
	if !ok {
		return ISCO08Group{}, false
	}
	return t.isco[i], true
}

// ESCOOccupation finds an occupation by its URI or the UUID ending it.
func ESCOOccupation(uri string) (*Occupation, bool) {
	t := tables()
	i, ok := t.occBy[strings.TrimPrefix(strings.TrimSpace(uri), ESCOOccupationPrefix)]
	if !ok {
		return nil, false
	}
	return &t.occ[i], true
}

// ESCOOccupations is how many occupations the table holds.
func ESCOOccupations() int { return len(tables().occ) }

// CP2011ToISCO08 is the ISCO-08 minor group of a CP2011 unit by ISTAT's
// raccordo ("" for a code that is not a unit).
func CP2011ToISCO08(code string) string {
	c, _ := CP2011(code)
	return c.ISCO
}

// ISCO08ToCP2011 lists the CP2011 units whose raccordo gives the ISCO-08
// group: a minor group (three digits) directly, a unit group (four) or a
// sub-major group (two) through the minor group it is in or holds.
func ISCO08ToCP2011(isco string) []string {
	isco = strings.TrimSpace(isco)
	var out []string
	for _, c := range tables().cp {
		if c.ISCO != "" && (strings.HasPrefix(c.ISCO, isco) || strings.HasPrefix(isco, c.ISCO)) && len(isco) >= 2 {
			out = append(out, c.Code)
		}
	}
	return out
}

// ESCOToCP2011 lists the CP2011 codes the Italian mapping gives an ESCO
// occupation.
func ESCOToCP2011(uri string) []CPMatch {
	o, ok := ESCOOccupation(uri)
	if !ok {
		return nil
	}
	return o.CP2011
}

// CP2011ToESCO lists the ESCO occupations the Italian mapping ties to a
// CP2011 code, in the table's order.
func CP2011ToESCO(code string) []*Occupation {
	t := tables()
	var out []*Occupation
	for i := range t.occ {
		for _, m := range t.occ[i].CP2011 {
			if m.Code == code {
				out = append(out, &t.occ[i])
				break
			}
		}
	}
	return out
}
