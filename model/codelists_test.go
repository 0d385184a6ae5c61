package model

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// codeLookups are lookups and the code each must find ("" for none).
var codeLookups = []struct {
	name string
	find func(string) (Code, bool)
	in   string
	want string
}{
	{"ateco", AtecoSection, "A", "A"},
	{"ateco", AtecoSection, "a", "A"},
	{"ateco", AtecoSection, " t ", "T"},
	{"ateco", AtecoSection, "u", "U"},
	{"ateco", AtecoSection, "V", ""},
	{"ateco", AtecoSection, "01", ""},
	{"ateco", AtecoSection, "AB", ""},
	{"ateco", AtecoSection, "", ""},
	{"isco", ISCOGroup, "9211", "9211"},
	{"isco", ISCOGroup, "isco_9211", "9211"},
	{"isco", ISCOGroup, "ISCO_5120", "5120"},
	{"isco", ISCOGroup, "9", "9"},
	{"isco", ISCOGroup, "isco_0", "0"},
	{"isco", ISCOGroup, "isco_", ""},
	{"isco", ISCOGroup, "isco9211", ""},
	{"isco", ISCOGroup, "921", ""},
	{"isco", ISCOGroup, "92111", ""},
	{"isco", ISCOGroup, "1111", ""},
	{"isco", ISCOGroup, "something_else", ""},
	{"isco", ISCOGroup, "", ""},
	{"education", EducationLevel, "NED", "NED"},
	{"education", EducationLevel, "ned", "NED"},
	{"education", EducationLevel, "Ifts", "IFTS"},
	{"education", EducationLevel, "l", "L"},
	{"education", EducationLevel, "rdd", "RDD"},
	{"education", EducationLevel, "something_else", ""},
	{"education", EducationLevel, "", ""},
}

func TestCodeLookups(t *testing.T) {
	for _, c := range codeLookups {
		got, ok := c.find(c.in)
		if ok != (c.want != "") || got.Code != c.want {
			t.Errorf("%s(%q) = %+v, %v; want code %q", c.name, c.in, got, ok, c.want)
		}
		if ok && (got.IT == "" || got.EN == "") {
			t.Errorf("%s(%q) = %+v: a label is missing", c.name, c.in, got)
		}
	}
}

// FuzzCodeLookups: whatever is typed, a lookup finds nothing or the entry
// whose code is the input, normalised as the lookup documents.
func FuzzCodeLookups(f *testing.F) {
	for _, c := range codeLookups {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if c, ok := AtecoSection(in); ok && c.Code != strings.ToUpper(strings.TrimSpace(in)) {
			t.Errorf("AtecoSection(%q) = %q", in, c.Code)
		}
		if c, ok := EducationLevel(in); ok && c.Code != strings.ToUpper(strings.TrimSpace(in)) {
			t.Errorf("EducationLevel(%q) = %q", in, c.Code)
		}
		if c, ok := ISCOGroup(in); ok && !strings.HasSuffix(strings.TrimSpace(in), c.Code) {
			t.Errorf("ISCOGroup(%q) = %q", in, c.Code)
		}
	})
}

func TestCodeLabel(t *testing.T) {
	c := Code{"X", "italiano", "english"}
	for lang, want := range map[string]string{"it": "italiano", "it-IT": "italiano", "en": "english", "": "english", "ur": "english", "ita": "english"} {
		if got := c.Label(lang); got != want {
			t.Errorf("Label(%q) = %q, want %q", lang, got, want)
		}
	}
}

func TestCodelistTables(t *testing.T) {
	for _, tc := range []struct {
		name string
		list []Code
		size int
		code *regexp.Regexp
	}{
		{"AtecoSections", AtecoSections, 21, regexp.MustCompile(`^[A-U]$`)},
		{"ISCOGroups", ISCOGroups, 19, regexp.MustCompile(`^(\d|\d{4})$`)},
		{"EducationLevels", EducationLevels, 16, regexp.MustCompile(`^[A-Z]{1,4}$`)},
	} {
		if len(tc.list) != tc.size {
			t.Errorf("%s has %d entries, want %d", tc.name, len(tc.list), tc.size)
		}
		seen := map[string]bool{}
		for _, c := range tc.list {
			if !tc.code.MatchString(c.Code) || seen[c.Code] {
				t.Errorf("%s: code %q malformed or used twice", tc.name, c.Code)
			}
			seen[c.Code] = true
			for _, label := range []string{c.IT, c.EN} {
				if label == "" || label != strings.Join(strings.Fields(label), " ") || strings.Contains(label, "’") {
					t.Errorf("%s %s: label %q empty, badly spaced or with a curly apostrophe", tc.name, c.Code, label)
				}
			}
		}
	}
	for i, c := range AtecoSections {
		if want := string(rune('A' + i)); c.Code != want {
			t.Errorf("AtecoSections[%d] is %s, want %s", i, c.Code, want)
		}
	}
	codes := make([]string, len(ISCOGroups))
	for i, c := range ISCOGroups {
		codes[i] = c.Code
		if _, ok := ISCOGroup(c.Code[:1]); !ok {
			t.Errorf("ISCO %s: major group %s missing", c.Code, c.Code[:1])
		}
	}
	if !slices.IsSorted(codes) {
		t.Errorf("ISCOGroups not sorted by code: %v", codes)
	}
	for i := range 10 {
		if _, ok := ISCOGroup(strconv.Itoa(i)); !ok {
			t.Errorf("ISCO major group %d missing", i)
		}
	}
}

func TestSexSAP(t *testing.T) {
	for s, want := range map[Sex]string{SexMale: "M", SexFemale: "F", SexOther: "", SexUnknown: "", "m": "", "Z": ""} {
		if got := SexSAP(s); got != want {
			t.Errorf("SexSAP(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range Sexes {
		if got := SexSAP(s); got != "" && got != string(s) {
			t.Errorf("SexSAP(%q) = %q", s, got)
		}
	}
}

// TestCodelistsCoverQuestionnaire: every sector, occupation and education
// option of the bundled questionnaire, but "something_else", has its entry in
// the tables the export codes it with.
func TestCodelistsCoverQuestionnaire(t *testing.T) {
	qn := loadV1(t)
	for _, c := range []struct {
		qid  string
		find func(string) (Code, bool)
	}{
		{"work.jobs.sector", AtecoSection},
		{"work.jobs.occupation", ISCOGroup},
		{"skills.education", EducationLevel},
	} {
		q := qn.Question(c.qid)
		if q == nil || len(q.Options) == 0 {
			t.Errorf("the questionnaire has no options for %s", c.qid)
			continue
		}
		for _, o := range q.Options {
			if o == "something_else" {
				continue
			}
			if _, ok := c.find(o); !ok {
				t.Errorf("%s option %q has no codelist entry", c.qid, o)
			}
		}
	}
}
