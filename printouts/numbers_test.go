package printouts

import (
	"bytes"
	"strings"
	"testing"
)

// TestNumbersInTheirLanguage: the internship's hours and allowance are
// written the way the person's language writes numbers (CLDR), beside the
// Italian way, always with the digits 0–9.
func TestNumbersInTheirLanguage(t *testing.T) {
	cases := []struct {
		lang, hours, amount string
	}{
		{"it", "37,5", "800,00"},
		{"en", "37.5", "800.00"},
		{"ar", "37.5", "800.00"},
		{"ru", "37,5", "800,00"},
		{"fr", "37,5", "800,00"},
	}
	for _, c := range cases {
		if got := hoursIn(c.lang, 37.5); !strings.Contains(got, c.hours) {
			t.Errorf("%s hours: %q, want %s", c.lang, got, c.hours)
		}
		if got := euroIn(c.lang, 80000); !strings.Contains(got, c.amount) {
			t.Errorf("%s amount: %q, want %s", c.lang, got, c.amount)
		}
	}
	if got := euroIn("en", 123456789); !strings.Contains(got, "1,234,567.89") {
		t.Errorf("grouping: %q", got)
	}
	var buf bytes.Buffer
	if err := renderInternship(&buf, "en"); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfText(t, "internship-en", buf.Bytes()), "\n")
	for _, want := range []string{"37.5", "800.00", "37,5", "800,00"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q missing from the English internship", want)
		}
	}
}
