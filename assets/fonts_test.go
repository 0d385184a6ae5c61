package assets

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/font"
)

// maxFontBytes caps what the bundled fonts may add to the binary.
const maxFontBytes = 20 << 20

func parseFont(t *testing.T, f Font) *font.Face {
	t.Helper()
	face, err := font.ParseTTF(bytes.NewReader(f.Data))
	if err != nil {
		t.Fatalf("%s: %v", f.File, err)
	}
	return face
}

func TestFontsParse(t *testing.T) {
	fonts := Fonts()
	if len(fonts) != len(fontTable) {
		t.Fatalf("Fonts() returned %d fonts, want %d", len(fonts), len(fontTable))
	}
	for _, f := range fonts {
		t.Run(f.File, func(t *testing.T) {
			if len(f.Data) == 0 {
				t.Fatal("no data")
			}
			face := parseFont(t, f)
			d := face.Describe()
			if d.Family != f.Family {
				t.Errorf("family %q in the font, %q in the table", d.Family, f.Family)
			}
			if bold := d.Aspect.Weight >= font.WeightBold; bold != f.Bold {
				t.Errorf("weight %v in the font, Bold=%v in the table", d.Aspect.Weight, f.Bold)
			}
			if len(f.Scripts) == 0 {
				t.Error("no scripts")
			}
		})
	}
}

func TestFontsOrder(t *testing.T) {
	families := []string{
		"Noto Sans", "Noto Naskh Arabic", "Noto Sans Bengali", "Noto Sans Gurmukhi",
		"Noto Sans Devanagari", "Noto Sans Ethiopic", "Noto Sans Sinhala", "Noto Sans Tamil", "Noto Sans CJK SC",
	}
	fonts := Fonts()
	if len(fonts) != 2*len(families) {
		t.Fatalf("got %d fonts, want %d", len(fonts), 2*len(families))
	}
	for i, f := range fonts {
		if want := families[i/2]; f.Family != want {
			t.Errorf("font %d: family %q, want %q", i, f.Family, want)
		}
		if want := i%2 == 1; f.Bold != want {
			t.Errorf("font %d (%s): Bold=%v, want %v", i, f.File, f.Bold, want)
		}
	}
}

func TestFontsReturnsCopy(t *testing.T) {
	a := Fonts()
	a[0].File = "changed"
	a[0].Scripts[0] = "Zzzz"
	b := Fonts()
	if b[0].File == "changed" || b[0].Scripts[0] == "Zzzz" {
		t.Error("changing the result of Fonts changed the bundled list")
	}
}

// TestScriptCoverage checks that the font FontFor picks for each script,
// regular and bold, has a glyph for every sample character.
func TestScriptCoverage(t *testing.T) {
	tests := []struct {
		script string
		file   string // regular face expected
		sample string
	}{
		// Italian, Romanian, Albanian, French, Spanish, English.
		{"Latn", "NotoSans-Regular.ttf", "AZaz09 ăâîșțĂÂÎȘȚşţ ëçËÇ ñÑ éèàùìòÉÀ êôûœæŒ¿¡«»€ “”‘’–—…"},
		// Ukrainian and Russian.
		{"Cyrl", "NotoSans-Regular.ttf", "АБВГДЕЖЗабвгдежз іїєґІЇЄҐ ыЫёЁъэ"},
		{"Grek", "NotoSans-Regular.ttf", "ΑΒΓαβγ"},
		// Arabic, Persian, Pashto, Urdu letters; Arabic-Indic and
		// Extended Arabic-Indic digits; punctuation.
		{"Arab", "NotoNaskhArabic-Regular.ttf",
			"ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإؤئة " +
				"ےںہڑٹډړښګځڅېۍیکگپچژھۓ " +
				"٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ،؛؟٪ \u064b\u064e\u064f\u0650\u0651\u0652"},
		{"Beng", "NotoSansBengali-Regular.ttf", "ক্ষািংবাংলা০১২"},
		{"Guru", "NotoSansGurmukhi-Regular.ttf", "ਗੁਰਪ੍ਰੀਤ ਪੰਜਾਬੀ"},
		{"Deva", "NotoSansDevanagari-Regular.ttf", "क्षि हिन्दी।"},
		{"Ethi", "NotoSansEthiopic-Regular.ttf", "ሰላም ትግርኛ ።"},
		{"Hans", "NotoSansSC-Regular-subset.otf", "中文你好张伟陈丽梅军王李刘杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋 。，、：；？！“”（）《》…—"},
		{"Hani", "NotoSansSC-Regular-subset.otf", "中文"},
	}
	for _, tc := range tests {
		for _, bold := range []bool{false, true} {
			name := tc.script
			if bold {
				name += "/bold"
			}
			t.Run(name, func(t *testing.T) {
				f, ok := FontFor(tc.script, bold)
				if !ok {
					t.Fatalf("FontFor(%q, %v): no font", tc.script, bold)
				}
				want := tc.file
				if bold {
					want = strings.Replace(want, "Regular", "Bold", 1)
				}
				if f.File != want || f.Bold != bold {
					t.Fatalf("FontFor(%q, %v) = %s (Bold=%v), want %s", tc.script, bold, f.File, f.Bold, want)
				}
				face := parseFont(t, f)
				var missing []string
				for _, r := range tc.sample {
					if unicode.IsSpace(r) {
						continue
					}
					gid, ok := face.NominalGlyph(r)
					if !ok {
						missing = append(missing, string(r))
						continue
					}
					if unicode.IsLetter(r) {
						if o, ok := face.GlyphDataOutline(gid); !ok || len(o.Segments) == 0 {
							t.Errorf("%s: %q (U+%04X) has an empty outline", f.File, r, r)
						}
					}
				}
				if len(missing) > 0 {
					t.Errorf("%s lacks glyphs for %s", f.File, strings.Join(missing, " "))
				}
			})
		}
	}
}

func TestFontForUnknown(t *testing.T) {
	for _, s := range []string{"", "Zzzz", "Hang", "Thai", "Latin"} {
		if f, ok := FontFor(s, false); ok {
			t.Errorf("FontFor(%q) = %s, want none", s, f.File)
		}
	}
	if f, ok := FontFor("arab", true); !ok || f.File != "NotoNaskhArabic-Bold.ttf" {
		t.Errorf(`FontFor("arab", true) = %q, %v; want NotoNaskhArabic-Bold.ttf`, f.File, ok)
	}
}

// TestFontLicences checks that every font file has its licence beside it:
// OFL.txt exists and README.md names the file.
func TestFontLicences(t *testing.T) {
	ofl, err := os.ReadFile(filepath.Join("fonts", "OFL.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(ofl, []byte("SIL OPEN FONT LICENSE Version 1.1")) {
		t.Error("fonts/OFL.txt does not hold the OFL 1.1 text")
	}
	readme, err := os.ReadFile(filepath.Join("fonts", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Fonts() {
		if !bytes.Contains(readme, []byte(f.File)) {
			t.Errorf("fonts/README.md does not name %s", f.File)
		}
		if !bytes.Contains(ofl, []byte(f.File)) {
			t.Errorf("fonts/OFL.txt gives no copyright line for %s", f.File)
		}
	}
	// Every font file in the folder must be one Fonts returns (and so be
	// covered by the checks above).
	known := map[string]bool{}
	for _, f := range Fonts() {
		known[f.File] = true
	}
	for _, pat := range []string{"*.ttf", "*.otf", "*.ttc", "*.woff", "*.woff2"} {
		files, _ := filepath.Glob(filepath.Join("fonts", pat))
		for _, p := range files {
			if !known[filepath.Base(p)] {
				t.Errorf("%s is in fonts/ but not in Fonts()", p)
			}
		}
	}
}

func TestFontsSize(t *testing.T) {
	total := 0
	for _, f := range Fonts() {
		total += len(f.Data)
	}
	t.Logf("bundled fonts: %d files, %d bytes (%.2f MiB)", len(Fonts()), total, float64(total)/(1<<20))
	if total > maxFontBytes {
		t.Errorf("bundled fonts take %d bytes, over the %d-byte budget", total, maxFontBytes)
	}
}
