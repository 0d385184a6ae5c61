package printouts

import (
	"bytes"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sportello/assets"
	"sportello/locales"
	"sportello/model"
)

const testRecoveryKey = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"

func testRecoverySheet(lang string) RecoverySheet {
	return RecoverySheet{Header: testHeader, DeskID: "3f9a0c7be21d4e5f8a6b0c1d2e3f4a5b", Key: testRecoveryKey,
		Created: time.Date(2026, 12, 3, 10, 30, 0, 0, time.UTC), Lang: lang}
}

func renderRecovery(t *testing.T, s RecoverySheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderRecoverySheet(&buf, s); err != nil {
		t.Fatalf("%s: %v", s.Lang, err)
	}
	return buf.Bytes()
}

// TestRecoverySheetReadsBack prints the sheet in Italian and English and
// reads it back with pdftotext: every group of the key as one word, in
// order, the texts of the sheet's language (and not the other's), the
// desk's ID and the date; pdfinfo says one page.
func TestRecoverySheetReadsBack(t *testing.T) {
	pdftotext, pdfinfo := tool(t, "pdftotext"), tool(t, "pdfinfo")
	cases := []struct {
		lang, other string
		want        []string // besides the sheet's texts
	}{
		{"it", "en", []string{"Chiave di recupero", "3f9a0c7be21d4e5f8a6b0c1d2e3f4a5b", "03/12/2026 alle 10:30", "Firma"}},
		{"en", "it", []string{"Recovery key", "Desk ID: 3f9a0c7be21d4e5f8a6b0c1d2e3f4a5b", "03/12/2026 at 10:30", "Signature"}},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "recovery-"+c.lang+".pdf")
			if err := os.WriteFile(path, renderRecovery(t, testRecoverySheet(c.lang)), 0o600); err != nil {
				t.Fatal(err)
			}
			raw, err := exec.Command(pdftotext, path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			out := string(raw)
			var words []string
			for _, w := range strings.Fields(out) {
				if len(w) == 4 && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == "" {
					words = append(words, w)
				}
			}
			if got := strings.Join(words, "-"); got != testRecoveryKey {
				t.Errorf("the key's groups read back as %q, want %q", got, testRecoveryKey)
			}
			tr := locales.New(c.lang)
			texts := slices.Clone(c.want)
			for _, k := range []string{"title", "confidential", "what", "danger", "rekey", "alphabet", "qr",
				"stored_by", "place", "date", "signature"} {
				texts = append(texts, tr.T("recovery."+k))
			}
			for _, s := range texts {
				if strings.HasPrefix(s, "doc.") {
					t.Errorf("%s has no text", s)
				}
				if !strings.Contains(canon(out, false), canon(s, false)) {
					t.Errorf("not found: %q", s)
				}
			}
			if other := locales.New(c.other).T("recovery.title"); strings.Contains(out, other) {
				t.Errorf("the %s sheet shows the %s title %q", c.lang, c.other, other)
			}
			info, _ := exec.Command(pdfinfo, path).Output()
			if !strings.Contains(strings.Join(strings.Fields(string(info)), " "), "Pages: 1 ") {
				t.Errorf("not one page:\n%s", info)
			}
		})
	}
}

// TestRecoverySheetIsDeterministic: the same sheet gives the same bytes;
// another key, desk or date gives other bytes.
func TestRecoverySheetIsDeterministic(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		s := testRecoverySheet(lang)
		first := renderRecovery(t, s)
		if !bytes.Equal(first, renderRecovery(t, s)) {
			t.Errorf("%s: two renderings differ", lang)
		}
		for name, change := range map[string]func(*RecoverySheet){
			"key":     func(s *RecoverySheet) { s.Key = "QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP" },
			"desk":    func(s *RecoverySheet) { s.DeskID = "00000000000000000000000000000000" },
			"created": func(s *RecoverySheet) { s.Created = s.Created.Add(time.Minute) },
		} {
			other := s
			change(&other)
			if bytes.Equal(first, renderRecovery(t, other)) {
				t.Errorf("%s: another %s gives the same bytes", lang, name)
			}
		}
	}
}

// TestRecoverySheetRefusesBadInput: nothing is written for a malformed
// key, a missing or non-hex desk ID, no date, or a language the sheet is
// not written in.
func TestRecoverySheetRefusesBadInput(t *testing.T) {
	cases := []struct {
		name   string
		change func(*RecoverySheet)
		code   string
	}{
		{"empty key", func(s *RecoverySheet) { s.Key = "" }, model.ErrRequired},
		{"lower case", func(s *RecoverySheet) { s.Key = strings.ToLower(testRecoveryKey) }, model.ErrInvalid},
		{"a one, not in base32", func(s *RecoverySheet) { s.Key = "ABCD-EFG1" }, model.ErrInvalid},
		{"an eight, not in base32", func(s *RecoverySheet) { s.Key = "ABCD-EFG8" }, model.ErrInvalid},
		{"no dashes", func(s *RecoverySheet) { s.Key = "ABCDEFGHIJKLMNOP" }, model.ErrInvalid},
		{"a short group", func(s *RecoverySheet) { s.Key = "ABCD-EFG" }, model.ErrInvalid},
		{"an empty group", func(s *RecoverySheet) { s.Key = "ABCD--EFGH" }, model.ErrInvalid},
		{"a trailing dash", func(s *RecoverySheet) { s.Key = "ABCD-EFGH-" }, model.ErrInvalid},
		{"spaces", func(s *RecoverySheet) { s.Key = "ABCD EFGH" }, model.ErrInvalid},
		{"too many groups", func(s *RecoverySheet) { s.Key = strings.Repeat("ABCD-", 12) + "ABCD" }, model.ErrInvalid},
		{"no desk ID", func(s *RecoverySheet) { s.DeskID = "" }, model.ErrRequired},
		{"a desk ID not hex", func(s *RecoverySheet) { s.DeskID = "desk-latina" }, model.ErrInvalid},
		{"no date", func(s *RecoverySheet) { s.Created = time.Time{} }, model.ErrRequired},
		{"Arabic", func(s *RecoverySheet) { s.Lang = "ar" }, model.ErrNotFound},
		{"not a language", func(s *RecoverySheet) { s.Lang = "xx" }, model.ErrNotFound},
	}
	for _, c := range cases {
		s := testRecoverySheet("it")
		c.change(&s)
		var buf bytes.Buffer
		err := RenderRecoverySheet(&buf, s)
		if model.ErrorCode(err) != c.code || buf.Len() != 0 {
			t.Errorf("%s: error %v (code %q, want %q), %d bytes written", c.name, err, model.ErrorCode(err), c.code, buf.Len())
		}
	}
	// The limits themselves are accepted: one group, twelve groups, no language.
	for _, key := range []string{"ABCD", strings.Repeat("WXYZ-", 11) + "WXYZ"} {
		s := testRecoverySheet("")
		s.Key = key
		if err := RenderRecoverySheet(io.Discard, s); err != nil {
			t.Errorf("%s: %v", key, err)
		}
	}
}

// TestRecoverySheetLayout checks the page as drawn: the QR code is at
// least 4 cm wide without its quiet zone and no letter is drawn over it,
// every box of the key holds one character, and nothing is drawn outside
// the margins (the footer under the bottom one) or over the logo, also
// with twelve groups, a logo and a long organisation name.
func TestRecoverySheetLayout(t *testing.T) {
	const cm = 72 / 2.54
	long := testRecoverySheet("it")
	long.Header.Organisation = strings.Repeat("Associazione per i diritti dei lavoratori ", 3)
	long.Key = strings.Repeat("WXYZ-", 11) + "WXYZ"
	long.Header.Logo = assets.Icon
	for _, s := range []RecoverySheet{testRecoverySheet("it"), testRecoverySheet("en"), long} {
		sink := &previewSink{Writer: io.Discard}
		if err := RenderRecoverySheet(sink, s); err != nil {
			t.Fatal(err)
		}
		if len(sink.pages) != 1 {
			t.Fatalf("%d pages", len(sink.pages))
		}
		page := sink.pages[0]
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		boxes := 0
		var logo *op
		for i, o := range page {
			switch o.kind {
			case 'i':
				logo = &page[i]
			case 'r':
				x0, y0 = min(x0, o.x), min(y0, o.y)
				x1, y1 = max(x1, o.x+o.w), max(y1, o.y+o.h)
			case 's':
				boxes++
			}
		}
		if w := x1 - x0; w < 4*cm || y1-y0 < 4*cm {
			t.Errorf("%s: the QR code is %.1f × %.1f cm, want at least 4 cm", s.Lang, w/cm, (y1-y0)/cm)
		}
		if want := len(strings.ReplaceAll(s.Key, "-", "")); boxes != want {
			t.Errorf("%s: %d boxes for %d characters", s.Lang, boxes, want)
		}
		for _, o := range page {
			if o.kind == 'i' && (o.x+o.w > pageW-margin+0.5 || o.y < 0) {
				t.Errorf("%s: the logo is outside the page (%.0f, %.0f)", s.Lang, o.x, o.y)
			}
			for _, seg := range o.segs {
				for _, p := range seg.Pts[:points[seg.Op]] {
					x, y := float64(p[0]), float64(p[1])
					if x > x0 && x < x1 && y > y0 && y < y1 {
						t.Fatalf("%s: a letter is drawn over the QR code (at %.0f, %.0f)", s.Lang, x, y)
					}
					if logo != nil && x > logo.x && x < logo.x+logo.w && y > logo.y && y < logo.y+logo.h {
						t.Fatalf("%s: a letter is drawn over the logo (at %.0f, %.0f)", s.Lang, x, y)
					}
					if x < margin-2 || x > pageW-margin+2 || y < margin-12 || y > pageH-margin/2+16 {
						t.Fatalf("%s: a letter is drawn outside the margins (at %.0f, %.0f)", s.Lang, x, y)
					}
				}
			}
		}
	}
}

// TestRecoverySheetQRScans reads the QR code off the printed page (at 100
// dpi, coarser than any printer) with zbarimg: it gives the key back.
func TestRecoverySheetQRScans(t *testing.T) {
	pdftoppm, zbarimg := tool(t, "pdftoppm"), tool(t, "zbarimg")
	dir := t.TempDir()
	path := filepath.Join(dir, "recovery.pdf")
	if err := os.WriteFile(path, renderRecovery(t, testRecoverySheet("en")), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(pdftoppm, "-png", "-r", "100", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	out, err := exec.Command(zbarimg, "--raw", "-q", filepath.Join(dir, "page-1.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg found no code: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != testRecoveryKey {
		t.Errorf("the QR code says %q, want %q", got, testRecoveryKey)
	}
}
