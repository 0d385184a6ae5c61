package model

import "strings"

// dedupParticles are the name particles left out of the comparison
// (al-, el, bin, ould...), in Latin and as transliterated from Arabic script.
var dedupParticles = map[string]bool{
	"al": true, "el": true, "ul": true, "ar": true, "as": true, "ad": true,
	"an": true, "at": true, "az": true, "ash": true, "ur": true, "abu": true,
	"bou": true, "ben": true, "bin": true, "bint": true, "ibn": true, "ould": true,
	"abn": true, "bn": true, "bnt": true, "abw": true, "wld": true, "aby": true,
}

// abdPrefixes are the spellings of "Abd al-" written as one word.
var abdPrefixes = []string{"abdoul", "abdul", "abdel", "abdal", "abdol", "abdur", "abder", "abdar", "abdu"}

// dedupToken is one token of a name: its plain Latin form and its skeleton.
type dedupToken struct {
	plain string
	skel  string
	field int8 // 0 family, 1 given, 2 other
}

// nameTokens splits a name into plain Latin tokens, particles dropped
// (unless nothing else is left) and "Abdel..." split from what follows.
func nameTokens(name string) ([]string, string) {
	latin, script := transliterate(name)
	return latinTokens(latin, script), script
}

// latinTokens splits a transliterated name (see nameTokens).
func latinTokens(latin, script string) []string {
	if strings.HasPrefix(latin, "al") && script == scriptArabic && len(latin) > 4 {
		latin = latin[2:]
	}
	var all, kept []string
	for _, w := range strings.Fields(latin) {
		if script == scriptArabic && strings.HasPrefix(w, "al") && len(w) > 4 {
			w = w[2:]
		}
		all = append(all, w)
		if !dedupParticles[w] {
			kept = append(kept, splitAbd(w)...)
		}
	}
	if len(kept) == 0 {
		return all
	}
	return kept
}

// splitAbd splits "abdelaziz" into "abd" and "aziz", leaving the "Abdallah" kind whole.
func splitAbd(w string) []string {
	if !strings.HasPrefix(w, "abd") {
		return []string{w}
	}
	r := strings.TrimLeft(w[3:], "aeiou")
	if r2 := strings.TrimLeft(r, "l"); len(r2) < len(r) && len(r2) <= 3 && strings.HasPrefix(r2, "a") {
		return []string{w} // Abdallah, Abdullahi, Abdoulaye
	}
	for _, p := range abdPrefixes {
		rest := w[min(len(p), len(w)):]
		if strings.HasPrefix(w, p) && len(rest) >= 4 {
			return []string{"abd", rest}
		}
	}
	return []string{w}
}

// skeletonRewrites fold spelling variants before letters are classed;
// the order matters (longest first).
var skeletonRewrites = strings.NewReplacer(
	"shch", "s", "sch", "s", "sh", "s", "tch", "c", "ch", "c", "dzh", "j", "dj", "j",
	"zh", "j", "xh", "j", "kh", "h", "gh", "h", "ph", "f", "th", "t", "dh", "d",
	"ck", "k", "ng", "nh", "ks", "x", "ts", "z", "tz", "z", "dz", "z",
)

// skelClass is the class letter of a Latin letter in the skeleton: vowels
// and semivowels are 0, g/h/kh one class, c/k/q one class.
var skelClass = [26]byte{
	'a' - 'a': 0, 'b' - 'a': 'B', 'c' - 'a': 'K', 'd' - 'a': 'D', 'e' - 'a': 0,
	'f' - 'a': 'F', 'g' - 'a': 'H', 'h' - 'a': 'H', 'i' - 'a': 0, 'j' - 'a': 'J',
	'k' - 'a': 'K', 'l' - 'a': 'L', 'm' - 'a': 'M', 'n' - 'a': 'N', 'o' - 'a': 0,
	'p' - 'a': 'P', 'q' - 'a': 'K', 'r' - 'a': 'R', 's' - 'a': 'S', 't' - 'a': 'T',
	'u' - 'a': 0, 'v' - 'a': 0, 'w' - 'a': 0, 'x' - 'a': 'X', 'y' - 'a': 0, 'z' - 'a': 'Z',
}

// tokenSkeleton is the skeleton of one plain Latin token: a first letter
// marking an initial vowel (A) or v/w (V), then the consonant classes,
// doubles collapsed and a final h dropped from a long skeleton.
func tokenSkeleton(tok string) string {
	if strings.HasPrefix(tok, "di") && len(tok) > 2 && strings.ContainsRune("aou", rune(tok[2])) {
		tok = "j" + tok[2:] // Diallo, Jallow
	}
	if strings.HasPrefix(tok, "ou") && len(tok) > 2 && strings.ContainsRune("aei", rune(tok[2])) {
		tok = "w" + tok[2:] // Oualid, Walid
	}
	if strings.HasPrefix(tok, "gh") {
		tok = "h" + tok[2:] // Ghulam, غلام
	}
	tok = skeletonRewrites.Replace(tok)
	if strings.HasPrefix(tok, "c") && len(tok) > 1 && tok[1] == 'z' {
		tok = tok[1:]
	}
	var b [32]byte
	n := 0
	for i := 0; i < len(tok) && n < len(b); i++ {
		c := tok[i]
		if c < 'a' || c > 'z' {
			continue
		}
		k := skelClass[c-'a']
		if i == 0 && c == 'g' {
			k = 'G' // Gurpreet is not Harpreet; medial g and h stay one class
		}
		if i == 0 && k == 0 {
			k = 'A'
			if c == 'v' || c == 'w' {
				k = 'V'
			}
		}
		if k == 0 || (n > 0 && b[n-1] == k) {
			continue
		}
		b[n] = k
		n++
	}
	if n >= 3 && b[n-1] == 'H' {
		n--
	}
	return string(b[:n])
}

// NameSkeleton is the spelling- and script-independent skeleton of each
// token of a name, particles left out: "Muhammad al-Rehman", "محمد الرحمن"
// and "Mohammed Rahman" all give [MHMD RHMN].
func NameSkeleton(name string) []string {
	toks, _ := nameTokens(name)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if s := tokenSkeleton(t); s != "" {
			out = append(out, s)
		}
	}
	return out
}
