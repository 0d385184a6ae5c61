package locales

import (
	"errors"
	"testing"
)

// TestCorrectionsComeFirst: a mediator's correction of an Arabic consent
// sentence is what every Localizer of a person's texts gives, with its
// placeholders filled; the interface is untouched; taking it away gives
// the embedded draft back.
func TestCorrectionsComeFirst(t *testing.T) {
	const id = "doc.consent.person"
	draft := ForPerson("ar").Tf(id, map[string]any{"Name": "N", "Code": "C"})
	SetCorrections("ar", map[string]string{id: "الشخص: {{.Name}} (الملف {{.Code}})"})
	t.Cleanup(func() { SetCorrections("ar", nil) })
	if got := ForPerson("ar").Tf(id, map[string]any{"Name": "Amina", "Code": "PUA-1"}); got != "الشخص: Amina (الملف PUA-1)" {
		t.Errorf("corrected text: %q", got)
	}
	if !Corrected("ar", id) || Corrected("ur", id) {
		t.Error("Corrected does not tell which language's text was corrected")
	}
	if New("ar").T(id) == "الشخص: {{.Name}} (الملف {{.Code}})" {
		t.Error("the interface took a person's correction")
	}
	SetCorrections("ar", nil)
	if got := ForPerson("ar").Tf(id, map[string]any{"Name": "N", "Code": "C"}); got != draft {
		t.Errorf("without the correction: %q, want the draft %q", got, draft)
	}
}

// TestCheckCorrection: a correction keeps the source's placeholders and
// numbers and reads as a template; only a person's texts are corrected.
func TestCheckCorrection(t *testing.T) {
	cases := []struct {
		id, text string
		ok       bool
	}{
		{"doc.consent.person", "الشخص المعني: {{.Name}}، رقم الملف {{.Code}}", true},
		{"doc.consent.person", "الشخص المعني: {{.Name}}", false},                  // the case code lost
		{"doc.consent.person", "الشخص {{.Name}} {{.Code}} {{.Phone}}", false},     // a placeholder the sentence has not
		{"doc.consent.person", "الشخص {{.Name} {{.Code}}", false},                 // broken braces
		{"doc.rights.hours", "40 ساعة في الأسبوع، 11 ساعة راحة، يوم واحد.", true}, // the numbers kept
		{"doc.rights.hours", "48 ساعة في الأسبوع، 11 ساعة راحة.", false},          // 40 became 48
		{"doc.consent.person", "   ", false},
		{"login.sign_in", "Entra", false}, // the interface is not a person's text
	}
	for _, c := range cases {
		err := CheckCorrection(c.id, c.text)
		if (err == nil) != c.ok || err != nil && !errors.Is(err, ErrCorrection) {
			t.Errorf("%s %q: %v, want ok=%v", c.id, c.text, err, c.ok)
		}
	}
}

// TestAreaReviews: a document is reviewed in a language once its area and
// the shared texts are marked reviewed on the desk; Italian always is.
func TestAreaReviews(t *testing.T) {
	if DocumentReviewed("ar", "doc.consent") {
		t.Fatal("the Arabic consent is a draft")
	}
	SetAreaReviews("ar", map[string]Review{"doc.consent": {State: Reviewed, By: "Samira", Date: "2026-12-06"}})
	t.Cleanup(func() { SetAreaReviews("ar", nil) })
	if DocumentReviewed("ar", "doc.consent") {
		t.Error("reviewed without the shared texts")
	}
	SetAreaReviews("ar", map[string]Review{"doc.consent": {State: Reviewed, By: "Samira", Date: "2026-12-06"},
		"doc.common": {State: Reviewed, By: "Samira", Date: "2026-12-06"}})
	if !DocumentReviewed("ar", "doc.consent") || DocumentReviewed("ar", "doc.rights") || DocumentReviewed("ur", "doc.consent") {
		t.Error("review areas mixed up")
	}
	if !DocumentReviewed("it", "doc.rights") {
		t.Error("Italian is the reviewed reference")
	}
	keys, err := AreaKeys("doc.consent")
	if err != nil || len(keys) < 5 || AreaOf(keys[0]) != "doc.consent" {
		t.Errorf("the consent's keys: %v %v", keys, err)
	}
}
