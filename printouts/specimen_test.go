package printouts

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"sportello/model"
	"sportello/typeset"
)

// tool finds a poppler tool, or skips the test saying why.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (poppler-utils; `make test` installs it): PDF text check skipped", name)
	}
	return p
}

// canon makes text comparable across PDF extraction: NFC, no bidi
// controls, no spaces (extraction adds or drops spaces at line ends).
// With letters true it keeps only letters and marks: pdftotext rebuilds
// right-to-left lines with its own bidi heuristic, which moves neutral
// punctuation at a direction boundary (the colon of "نام: Amina") and
// joins neighbouring numbers into one left-to-right chunk ("800 290 290
// (24"); the Unicode algorithm, our layout and Pango keep them apart. So
// for those pages every letter must come back in order, and every number
// whole (numbers below).
func canon(s string, letters bool) string {
	s = norm.NFC.String(typeset.StripControls(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200c' || r == '\u200d' {
			return -1
		}
		if letters && !unicode.In(r, unicode.L, unicode.M) {
			return -1
		}
		return r
	}, s)
}

func renderSpecimen(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderSpecimen(&buf, model.BeneficiaryLanguages); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "specimen.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestSpecimenTextComesBackInLogicalOrder extracts each page's text with
// pdftotext and finds every sentence of that language in it, in logical order.
func TestSpecimenTextComesBackInLogicalOrder(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	path := renderSpecimen(t)
	for i, l := range model.BeneficiaryLanguages {
		n := strconv.Itoa(i + 1)
		out, err := exec.Command(pdftotext, "-f", n, "-l", n, path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		letters := l.Direction == model.RTL
		got := canon(string(out), letters)
		spec := Specimen(l.Tag)
		for _, s := range append([]string{spec.Name, spec.Title}, spec.Sentences...) {
			if !strings.Contains(got, canon(s, letters)) {
				t.Errorf("%s page: sentence not found in logical order:\n want %s\n page %s", l.Tag, s, string(out))
				break
			}
			for _, n := range numbers(s) {
				if !slices.Contains(numbers(string(out)), n) {
					t.Errorf("%s page: the number %s of %q is not whole in:\n%s", l.Tag, n, s, out)
				}
			}
		}
	}
}

func TestSpecimenFontsAreEmbedded(t *testing.T) {
	pdffonts := tool(t, "pdffonts")
	out, err := exec.Command(pdffonts, renderSpecimen(t)).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("no fonts listed:\n%s", out)
	}
	for _, ln := range lines[2:] {
		f := strings.Fields(ln)
		// name type... encoding emb sub uni id gen: emb is the 4th field from the end but three.
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", ln)
		}
	}
}

func TestSpecimenIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := RenderSpecimen(&a, model.BeneficiaryLanguages[:3]); err != nil {
		t.Fatal(err)
	}
	if err := RenderSpecimen(&b, model.BeneficiaryLanguages[:3]); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings of the same specimen differ")
	}
}

// TestSpecimenTextsExist: every language has every specimen sentence in its
// own file (a missing one would silently come out in Italian).
func TestSpecimenTextsExist(t *testing.T) {
	for _, l := range model.BeneficiaryLanguages {
		spec := Specimen(l.Tag)
		for i, s := range spec.Sentences {
			if strings.HasPrefix(s, "doc.") {
				t.Errorf("%s: sentence %d missing", l.Tag, i)
			}
		}
		if l.Tag != "it" && spec.Sentences[0] == Specimen("it").Sentences[0] {
			t.Errorf("%s: the paragraph is the Italian one", l.Tag)
		}
	}
}

// numbers lists the digit groups of s ("800", "290", "03", "12", "2026").
func numbers(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
}
