package locales

import (
	"runtime"
	"slices"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"sportello/internal/peak"
)

// TestALanguageBundleHoldsOnlyItsOwnTexts: a person's language's bundle is
// its own files; the Italian a text falls back to is Italian's one bundle.
// A copy of Italian's texts in each language's bundle took 1.6 MB a
// language once Settings showed every language's sample.
func TestALanguageBundleHoldsOnlyItsOwnTexts(t *testing.T) {
	for _, lang := range []string{"ur", "en", "fil"} {
		if _, err := i18n.NewLocalizer(bundleOf(lang), Default).Localize(&i18n.LocalizeConfig{MessageID: "doc.specimen.title"}); err == nil {
			t.Errorf("%s: its bundle holds Italian's texts as well as its own", lang)
		}
	}
	if got, want := ForPerson("ur").T("login.sign_in"), ForPerson("it").T("login.sign_in"); got != want {
		t.Errorf("a text Urdu lacks: %q, want the Italian %q", got, want)
	}
}

// BenchmarkEveryLanguageSample: the memory the languages' texts keep
// once a sentence of each was read, as Settings → Languages does.
func BenchmarkEveryLanguageSample(b *testing.B) {
	for b.Loop() {
		forgetBundles()
		before := peak.Heap()
		for _, lang := range Languages() {
			if ForPerson(lang).T("doc.specimen.title") == "" {
				b.Fatal(lang)
			}
		}
		b.ReportMetric((peak.Heap()-before)/1e6, "MB-kept")
	}
}

// TestOnlyRecentBundlesStay: once a sentence of every language was read,
// the bundles no Localizer uses are let go but the last few asked for;
// one a Localizer still uses stays.
func TestOnlyRecentBundlesStay(t *testing.T) {
	forgetBundles()
	held := ForPerson("ur")
	for _, lang := range Languages() {
		ForPerson(lang).T("doc.specimen.title")
	}
	runtime.GC()
	runtime.GC()
	bundles.Lock()
	var alive []string
	for lang, w := range bundles.made {
		if w.Value() != nil {
			alive = append(alive, lang)
		}
	}
	bundles.Unlock()
	if recentBundles+2 > len(Languages())/4 {
		t.Errorf("%d bundles of %d languages stay besides those in use", recentBundles, len(Languages()))
	}
	if len(alive) > recentBundles+2 { // the recent ones, Italian, and Urdu held
		t.Errorf("%d bundles stay (%v), want at most %d", len(alive), alive, recentBundles+2)
	}
	if !slices.Contains(alive, "ur") {
		t.Errorf("the Urdu bundle a Localizer uses was let go: %v stay", alive)
	}
	if held.T("doc.specimen.title") == ForPerson("it").T("doc.specimen.title") {
		t.Error("the Urdu Localizer lost its texts")
	}
}

func forgetBundles() {
	bundles.Lock()
	bundles.made = nil
	bundles.Unlock()
	recentlyAsked.Clear()
}
