package printouts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sportello/locales"
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
