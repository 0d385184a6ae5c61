package model

import (
	"strings"
	"unicode"
)

// The match score reads names written in Arabic script (Arabic, Persian,
// Urdu, Pashto), Cyrillic (Ukrainian, Russian), Bengali, Gurmukhi and
// Devanagari by transliterating them, letter by letter, into plain Latin
// letters. The Latin forms need not be any standard's spelling: the
// skeleton (NameSkeleton) then folds the variants the standards and the
// passports disagree on (Kh/H, Zh/J, Serhii/Sergiy, Rahman/Rehman).

// arabicLatin transliterates the letters of the Arabic script and its
// Persian, Urdu and Pashto extras. Short vowels are not written, and the
// harakat, shadda and tatweel map to nothing.
var arabicLatin = map[rune]string{
	'ء': "", 'آ': "a", 'أ': "a", 'ؤ': "u", 'إ': "i", 'ئ': "y", 'ا': "a", 'ٱ': "a",
	'ب': "b", 'ة': "a", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh",
	'د': "d", 'ذ': "z", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s",
	'ض': "d", 'ط': "t", 'ظ': "z", 'ع': "a", 'غ': "gh", 'ف': "f", 'ق': "q",
	'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'و': "w", 'ى': "a", 'ي': "y",
	// Persian and Urdu
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ک': "k", 'ی': "y", 'ے': "e",
	'ٹ': "t", 'ڈ': "d", 'ڑ': "r", 'ں': "n", 'ھ': "h", 'ۀ': "e", 'ۃ': "a",
	'ہ': "h", 'ۂ': "h", 'ۓ': "e",
	// Pashto and Maghreb
	'ټ': "t", 'ډ': "d", 'ړ': "r", 'ږ': "zh", 'ښ': "sh", 'څ': "ts", 'ځ': "dz",
	'ڼ': "n", 'ې': "e", 'ۍ': "y", 'ګ': "g", 'ڤ': "v", 'ڭ': "g", 'ڨ': "g",
}

// cyrillicLatin transliterates Russian and Ukrainian Cyrillic, close to
// ICAO Doc 9303 and the Ukrainian KMU 2010 table; Г is set apart (cyrillicLatinRune).
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e",
	'ё': "e", 'є': "ie", 'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "i",
	'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
	'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ў': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "iu", 'я': "ia",
}

// indicLatin transliterates Devanagari, Bengali and Gurmukhi by the offset
// of a letter in its block: the three blocks share the ISCII layout.
var indicLatin = map[rune]string{
	0x01: "n", 0x02: "n", 0x03: "h",
	0x05: "a", 0x06: "a", 0x07: "i", 0x08: "i", 0x09: "u", 0x0A: "u", 0x0B: "ri",
	0x0D: "e", 0x0E: "e", 0x0F: "e", 0x10: "ai", 0x11: "o", 0x12: "o", 0x13: "o", 0x14: "au",
	0x15: "k", 0x16: "kh", 0x17: "g", 0x18: "gh", 0x19: "n", 0x1A: "ch", 0x1B: "chh",
	0x1C: "j", 0x1D: "jh", 0x1E: "n", 0x1F: "t", 0x20: "th", 0x21: "d", 0x22: "dh",
	0x23: "n", 0x24: "t", 0x25: "th", 0x26: "d", 0x27: "dh", 0x28: "n", 0x29: "n",
	0x2A: "p", 0x2B: "ph", 0x2C: "b", 0x2D: "bh", 0x2E: "m", 0x2F: "y", 0x30: "r",
	0x31: "r", 0x32: "l", 0x33: "l", 0x34: "l", 0x35: "v", 0x36: "sh", 0x37: "sh",
	0x38: "s", 0x39: "h",
	0x3E: "a", 0x3F: "i", 0x40: "i", 0x41: "u", 0x42: "u", 0x43: "ri", 0x44: "ri",
	0x45: "e", 0x46: "e", 0x47: "e", 0x48: "ai", 0x49: "o", 0x4A: "o", 0x4B: "o", 0x4C: "au",
	0x58: "q", 0x59: "kh", 0x5A: "gh", 0x5B: "z", 0x5C: "r", 0x5D: "rh", 0x5E: "f", 0x5F: "y",
	0x70: "n", 0x72: "", 0x73: "", 0x4E: "t",
}

// latinFold folds the accented Latin letters of the desk's languages
// (French, Turkish, Romanian, Albanian, Slavic) to plain ones.
var latinFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "ch", 'č': "ch", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ř': "r", 'ş': "sh", 'ș': "sh", 'š': "sh", 'ś': "sh", 'ß': "ss",
	'ţ': "t", 'ț': "t", 'ť': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y", 'ž': "zh", 'ź': "z", 'ż': "z",
}

// Script codes (ISO 15924) of the names the match score reads.
const (
	scriptLatin      = "Latn"
	scriptArabic     = "Arab"
	scriptCyrillic   = "Cyrl"
	scriptBengali    = "Beng"
	scriptGurmukhi   = "Guru"
	scriptDevanagari = "Deva"
)

// indicBase gives the block start and script code of an Indic letter.
func indicBase(r rune) (rune, string) {
	switch {
	case r >= 0x0900 && r <= 0x097F:
		return 0x0900, scriptDevanagari
	case r >= 0x0980 && r <= 0x09FF:
		return 0x0980, scriptBengali
	case r >= 0x0A00 && r <= 0x0A7F:
		return 0x0A00, scriptGurmukhi
	}
	return 0, ""
}

// isIndicConsonant reports whether the offset in an Indic block is a consonant.
func isIndicConsonant(off rune) bool {
	return (off >= 0x15 && off <= 0x39) || (off >= 0x58 && off <= 0x5F)
}

// transliterate lower-cases name and writes it in plain Latin letters,
// other characters becoming spaces (apostrophes vanish); it returns the
// first non-Latin script met, or "Latn".
func transliterate(name string) (string, string) {
	lower := strings.ToLower(name)
	rs := []rune(lower)
	ukrainian := strings.ContainsAny(lower, "іїєґ")
	var b strings.Builder
	b.Grow(len(lower) + 8)
	script := ""
	last := byte(0)
	for i, r := range rs {
		if r >= 'a' && r <= 'z' {
			b.WriteByte(byte(r))
			last = byte(r)
			continue
		}
		s, sc := transliterateRune(rs, i, ukrainian)
		if script == "" && sc != "" && sc != scriptLatin {
			script = sc
		}
		if (r == 'ه' || r == 'ح') && strings.IndexByte("szkcgtdp", last) >= 0 {
			b.WriteByte('\'') // ز+ه is z-h, not zh
		}
		b.WriteString(s)
		if s != "" {
			last = s[len(s)-1]
		}
	}
	if script == "" {
		script = scriptLatin
	}
	return b.String(), script
}

// transliterateRune is the Latin form of rs[i] and the script it belongs to.
func transliterateRune(rs []rune, i int, ukrainian bool) (string, string) {
	r := rs[i]
	switch {
	case r < 0x80:
		if r == '\'' {
			return "", ""
		}
		return " ", ""
	case r >= 0x0600 && r <= 0x06FF:
		if s, ok := arabicLatin[r]; ok {
			return s, scriptArabic
		}
		return "", scriptArabic // harakat, shadda, tatweel, digits
	case r >= 0x0400 && r <= 0x04FF:
		if r == 'г' && ukrainian {
			return "h", scriptCyrillic
		}
		return cyrillicLatin[r], scriptCyrillic
	}
	if base, sc := indicBase(r); sc != "" {
		return indicRune(rs, i, base), sc
	}
	if s, ok := latinFold[r]; ok {
		return s, scriptLatin
	}
	if r == '’' || r == 'ʼ' || r == 'ʻ' || r == '`' {
		return "", ""
	}
	if unicode.IsLetter(r) {
		return "", ""
	}
	return " ", ""
}

// indicRune transliterates an Indic letter, adding the inherent vowel a
// after a consonant not followed by a vowel sign or the virama; an
// anusvara before h (सिंह) is the velar ng.
func indicRune(rs []rune, i int, base rune) string {
	off := rs[i] - base
	s := indicLatin[off]
	if off == 0x02 && i+1 < len(rs) && rs[i+1]-base == 0x39 {
		return "ng"
	}
	if !isIndicConsonant(off) {
		return s
	}
	if i+1 < len(rs) {
		if nb, _ := indicBase(rs[i+1]); nb == base {
			next := rs[i+1] - base
			if next == 0x3C || next == 0x4D || (next >= 0x3E && next <= 0x4C) {
				return s
			}
		}
	}
	return s + "a"
}
