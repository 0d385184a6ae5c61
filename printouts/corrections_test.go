package printouts

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sportello/locales"
	"sportello/model"
)

// TestConsentCarriesTheCorrection: a mediator's correction of an Arabic
// consent sentence (locales.SetCorrections, as the store hands it over) is
// in the next printed consent, read back with pdftotext; the consent says
// "draft" in both languages until its texts and the shared ones are marked
// reviewed, and not after.
func TestConsentCarriesTheCorrection(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	t.Cleanup(func() { locales.SetCorrections("ar", nil); locales.SetAreaReviews("ar", nil) })
	read := func(name string) string {
		path := filepath.Join(t.TempDir(), name+".pdf")
		if err := os.WriteFile(path, render(t, "consent", "ar"), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return canon(string(out), true)
	}
	const fixed = "يمكنك سحب موافقتك متى شئت." // one line: pdftotext reorders right-to-left lines
	before := read("before")
	if strings.Contains(before, canon(fixed, true)) {
		t.Fatal("the correction is there before it was made")
	}
	draft := canon(locales.ForPerson("it").T("doc.common.draft_notice"), true) // said in both languages
	if !strings.Contains(before, draft) {
		t.Fatalf("a draft consent does not say so:\n%s", before)
	}
	locales.SetCorrections("ar", map[string]string{"doc.consent.withdraw": fixed})
	after := read("corrected")
	if !strings.Contains(after, canon(fixed, true)) {
		t.Errorf("the corrected sentence is not on the consent:\n%s", after)
	}
	reviewed := locales.Review{State: locales.Reviewed, By: "Samira", Date: "2026-12-06"}
	locales.SetAreaReviews("ar", map[string]locales.Review{"doc.consent": reviewed, "doc.common": reviewed})
	if strings.Contains(read("reviewed"), draft) {
		t.Error("a reviewed consent still says draft")
	}
}

// TestAddedLanguagePrintsInPart: a language the desk added (Hausa), with
// only some texts filled in by a mediator, prints its consent: those texts
// in Hausa, the rest in Italian marked "(IT)", beside the Italian.
func TestAddedLanguagePrintsInPart(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	model.SetDeskLanguages([]model.Language{{Tag: "ha", Native: "Hausa", English: "Hausa", Script: "Latn", Direction: model.LTR}})
	locales.SetCorrections("ha", map[string]string{
		"doc.consent.title": "Yarda da sarrafa bayanan sirri",
		"doc.consent.yes":   "Eh, na yarda",
	})
	t.Cleanup(func() { model.SetDeskLanguages(nil); locales.SetCorrections("ha", nil) })
	path := filepath.Join(t.TempDir(), "consent-ha.pdf")
	if err := os.WriteFile(path, render(t, "consent", "ha"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := canon(string(out), false)
	for _, want := range []string{"Yarda da sarrafa bayanan sirri", "Eh, na yarda", "(IT) No, non acconsento", "No, non acconsento"} {
		if !strings.Contains(text, canon(want, false)) {
			t.Errorf("%q missing from the Hausa consent:\n%s", want, out)
		}
	}
	// The language specimen has a page for it too.
	var spec bytes.Buffer
	if err := RenderSpecimen(&spec, model.Languages()); err != nil {
		t.Fatal(err)
	}
	specPath := filepath.Join(t.TempDir(), "specimen.pdf")
	os.WriteFile(specPath, spec.Bytes(), 0o600)
	if out, err := exec.Command(pdftotext, specPath, "-").Output(); err != nil || !strings.Contains(string(out), "Hausa (ha)") ||
		strings.Count(string(out), "\f") != len(model.BeneficiaryLanguages)+1 {
		t.Errorf("the specimen with Hausa: %d pages, %v", strings.Count(string(out), "\f"), err)
	}
}
