package model

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
)

// readReference reads the CSV file at path under ../shared/reference and
// gives, for each row after the header, the named columns in the order
// asked. The test is skipped where the reference folder is absent.
func readReference(t *testing.T, path string, columns ...string) [][]string {
	t.Helper()
	f, err := os.Open("../../shared/reference/" + path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("needs ../shared/reference (%s absent): reference check skipped", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(records) < 2 {
		t.Fatalf("%s has no rows", path)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[strings.TrimPrefix(strings.TrimSpace(name), "\ufeff")] = i
	}
	var rows [][]string
	for _, r := range records[1:] {
		row := make([]string, len(columns))
		for i, name := range columns {
			j, ok := col[name]
			if !ok {
				t.Fatalf("%s has no column %q (columns %q)", path, name, records[0])
			}
			row[i] = strings.TrimSpace(r[j])
		}
		rows = append(rows, row)
	}
	return rows
}

// normLabel is a label as the reference comparisons see it: spaces
// collapsed, case ignored, curly apostrophes straight, and an accented
// capital vowel the same as the vowel and an apostrophe, as Italian writes it
// on keyboards without accented capitals ("ATTIVITA'" for "ATTIVITÀ").
var normLabel = func() func(string) string {
	fold := strings.NewReplacer("’", "'", "À", "A'", "È", "E'", "É", "E'", "Ì", "I'", "Ò", "O'", "Ù", "U'")
	return func(s string) string { return fold.Replace(strings.ToUpper(strings.Join(strings.Fields(s), " "))) }
}()

func TestNormLabel(t *testing.T) {
	for _, c := range [][2]string{
		{"ATTIVITÀ IMMOBILIARI", "ATTIVITA' IMMOBILIARI"},
		{"Sanità  e assistenza\tsociale ", "SANITA' E ASSISTENZA SOCIALE"},
		{"Bachelor’s degree", "bachelor's degree"},
		{" Nessun titolo di studio ", "nessun titolo di studio"},
	} {
		if normLabel(c[0]) != normLabel(c[1]) {
			t.Errorf("%q and %q compare different: %q, %q", c[0], c[1], normLabel(c[0]), normLabel(c[1]))
		}
	}
	if normLabel("ATTIVITÀ") == normLabel("ATTIVITA") {
		t.Error("an accent and no accent compare the same")
	}
}

// TestAtecoSectionsMatchReference: the sections are the one-letter codes of
// the ATECO 2007 codelist, with its Italian labels.
func TestAtecoSectionsMatchReference(t *testing.T) {
	ref := map[string]string{}
	for _, r := range readReference(t, "ontopia/ateco-2007.csv", "Codice Ateco 2007", "Descrizione") {
		if len(r[0]) == 1 {
			ref[r[0]] = r[1]
		}
	}
	if len(ref) != len(AtecoSections) {
		t.Errorf("the reference has %d sections, the table %d", len(ref), len(AtecoSections))
	}
	for _, c := range AtecoSections {
		if label, ok := ref[c.Code]; !ok {
			t.Errorf("section %s is not in the reference", c.Code)
		} else if normLabel(label) != normLabel(c.IT) {
			t.Errorf("section %s is %q, the reference says %q", c.Code, c.IT, label)
		}
	}
}

// TestISCOGroupsMatchReference: every group is an ISCO-08 group of its level
// with the English label ESCO gives it, and all ten major groups are there.
func TestISCOGroupsMatchReference(t *testing.T) {
	type group struct{ level, label string }
	ref := map[string]group{}
	majors := 0
	for _, r := range readReference(t, "esco/isco08_codes_en.csv", "code", "level", "label_en") {
		ref[r[0]] = group{r[1], r[2]}
		if r[1] == "1" {
			majors++
		}
	}
	if majors != 10 {
		t.Errorf("the reference has %d major groups", majors)
	}
	for _, c := range ISCOGroups {
		g, ok := ref[c.Code]
		switch {
		case !ok:
			t.Errorf("ISCO %s is not in the reference", c.Code)
		case g.level != strconv.Itoa(len(c.Code)):
			t.Errorf("ISCO %s is of level %s in the reference", c.Code, g.level)
		case normLabel(g.label) != normLabel(c.EN):
			t.Errorf("ISCO %s is %q, the reference says %q", c.Code, c.EN, g.label)
		}
	}
}

// TestEducationLevelsMatchReference: the table is the codelist of education
// levels, code for code, with its Italian and English labels.
func TestEducationLevelsMatchReference(t *testing.T) {
	rows := readReference(t, "ontopia/education-level.csv", "codice_1_livello", "label_ITA_1_livello", "label_ENG_1_livello")
	if len(rows) != len(EducationLevels) {
		t.Errorf("the reference has %d levels, the table %d", len(rows), len(EducationLevels))
	}
	ref := map[string][]string{}
	for _, r := range rows {
		ref[r[0]] = r
	}
	for _, c := range EducationLevels {
		r, ok := ref[c.Code]
		if !ok {
			t.Errorf("education level %s is not in the reference", c.Code)
			continue
		}
		if normLabel(r[1]) != normLabel(c.IT) {
			t.Errorf("education level %s: IT %q, the reference says %q", c.Code, c.IT, r[1])
		}
		if normLabel(r[2]) != normLabel(c.EN) {
			t.Errorf("education level %s: EN %q, the reference says %q", c.Code, c.EN, r[2])
		}
	}
}
