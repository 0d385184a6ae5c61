package locales

import (
	"bytes"
	"strings"
	"testing"
)

// TestCorrectionsFileRoundTrip: corrections written to a file read back
// the same; the file is a go-i18n message file the bundle could load; the
// differences against what a person reads now are listed; a file with a
// broken sentence is refused, naming it.
func TestCorrectionsFileRoundTrip(t *testing.T) {
	texts := map[string]string{
		"doc.consent.withdraw": "يمكنك سحب موافقتك متى شئت.",
		"doc.consent.person":   "صاحب الموافقة: {{.Name}}، ملف رقم {{.Code}}",
		"q.section.work":       "العمل",
	}
	var b bytes.Buffer
	if err := WriteCorrections(&b, []string{"Sportello: corrections, ar", "by Samira, 2026-12-06"}, texts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "# Sportello: corrections, ar\n") || !strings.Contains(b.String(), "[doc.consent]") {
		t.Errorf("the file:\n%s", b.String())
	}
	got, err := ReadCorrections(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(texts) {
		t.Fatalf("read back %v", got)
	}
	for k, v := range texts {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	changes := Changes("ar", got)
	if len(changes) != 3 || changes[0].ID != "doc.consent.person" || changes[0].Before != Source("ar", "doc.consent.person") {
		t.Errorf("changes: %+v", changes)
	}
	broken := strings.Replace(b.String(), "{{.Code}}", "", 1)
	if _, err := ReadCorrections(strings.NewReader(broken)); err == nil || !strings.Contains(err.Error(), "doc.consent.person") {
		t.Errorf("a file with a sentence without its case code: %v", err)
	}
}
