package locales

import (
	"runtime"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
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

// BenchmarkEveryLanguageSample: the memory every language's texts keep
// once a sentence of each was read, as Settings → Languages does.
func BenchmarkEveryLanguageSample(b *testing.B) {
	for b.Loop() {
		bundles.Clear()
		before := heapInUse()
		for _, lang := range Languages() {
			if ForPerson(lang).T("doc.specimen.title") == "" {
				b.Fatal(lang)
			}
		}
		b.ReportMetric((heapInUse()-before)/1e6, "MB-kept")
	}
}

func heapInUse() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapInuse)
}
