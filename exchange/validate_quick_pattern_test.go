package exchange

import (
	"encoding/json"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// schemaPatterns are the patterns the schema holds.
func schemaPatterns(t testing.TB) []string {
	var doc any
	if err := json.Unmarshal(SchemaJSON(), &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if p, ok := x.(string); ok && k == "pattern" {
					out = append(out, p)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	return out
}

// tricky patterns, where reading a run as long as it goes would be wrong.
var trickyPatterns = []string{`^[a-z]*[0-9]?[a-z]$`, `^[a-z]{1,3}[a-z]$`, `^a*a$`, `^[0-9]+-?[0-9]$`,
	`^[A-Z][A-Z0-9]{1,7}-[0-9]{4}-[0-9]{6,}$`, `^(ab)*$`, `^[a-z]{2}|[0-9]$`, `^(?i)[a-z]{2}$`, `^é{2}[^a]$`}

// TestSimplePatternsAgreeWithRegexp: on strings made from each pattern's
// own characters, and spoilt, a simple pattern says what Go's regexp
// says; the schema's IDs, references and codes are simple patterns.
func TestSimplePatternsAgreeWithRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 19))
	simple := map[string]bool{}
	for _, expr := range append(schemaPatterns(t), trickyPatterns...) {
		p := compileSimplePattern(expr)
		if p == nil {
			continue
		}
		simple[expr] = true
		re := regexp.MustCompile(expr)
		for _, s := range samplesOf(r, p, 300) {
			if got, want := p.match([]byte(s)), re.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, regexp says %v", expr, s, got, want)
			}
		}
	}
	for _, expr := range []string{`^[0-9a-f]{32}$`, `^[A-Z]{2}$`, `^[A-Z][A-Z0-9]{1,7}-[0-9]{4}-[0-9]{6,}$`} {
		if !simple[expr] {
			t.Errorf("%s is not read as a simple pattern", expr)
		}
	}
	for _, expr := range []string{`^[a-z]*[0-9]?[a-z]$`, `^a*a$`, `^(ab)*$`, `^(?i)[a-z]{2}$`, `^[a-z]{2}|[0-9]$`} {
		if simple[expr] {
			t.Errorf("%s is read as a simple pattern: it is not one", expr)
		}
	}
}

// samplesOf makes n strings near the pattern: of its classes' characters,
// each item repeated about as often as it may be, some spoilt.
func samplesOf(r *rand.Rand, p simplePattern, n int) []string {
	var out []string
	for range n {
		var b strings.Builder
		for _, it := range p {
			count := it.min + r.IntN(3) - 1
			if it.max > 0 && r.IntN(2) == 0 {
				count = it.max + r.IntN(3) - 1
			}
			for range max(count, 0) {
				k := r.IntN(len(it.ranges)/2) * 2
				lo, hi := it.ranges[k], it.ranges[k+1]
				b.WriteRune(lo + rune(r.IntN(int(min(hi-lo, 200))+1)))
			}
		}
		s := b.String()
		if r.IntN(4) == 0 && s != "" {
			i := r.IntN(len(s))
			s = s[:i] + string([]rune{'-', 'A', 'z', '0', 'é'}[r.IntN(5)]) + s[i:]
		}
		if utf8.ValidString(s) {
			out = append(out, s)
		}
	}
	return out
}

// FuzzSimplePattern: any pattern read as simple matches any text as Go's
// regexp does.
func FuzzSimplePattern(f *testing.F) {
	for _, expr := range append(schemaPatterns(f), trickyPatterns...) {
		f.Add(expr, "PUA-2026-000123")
		f.Add(expr, "0123456789abcdef0123456789abcdef")
	}
	f.Fuzz(func(t *testing.T, expr, text string) {
		p := compileSimplePattern(expr)
		re, err := regexp.Compile(expr)
		if p == nil || err != nil || !utf8.ValidString(text) {
			return
		}
		if got, want := p.match([]byte(text)), re.MatchString(text); got != want {
			t.Fatalf("%s on %q: %v, regexp says %v", expr, text, got, want)
		}
	})
}
