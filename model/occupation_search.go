package model

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// deskTerms are Italian words the desks use for an occupation that ESCO's
// Italian labels lack, so that the type-ahead finds it: the project's own
// additions, not ESCO's, keyed by occupation UUID. "potatore" follows
// ESCO's English alternative label "pruner" of the tree surgeon.
var deskTerms = map[string][]string{
	"fa30c1cb-dbc5-409c-8124-7284592b123c": {"potatore", "potatrice", "potatore di alberi"},    // tree surgeon
	"e5e3ea36-4ed9-4c57-987c-9974385551a8": {"potatore di vigneti", "addetto alla potatura"},   // vineyard worker
	"1b8c75a9-407b-4554-a7d6-df391672c6b1": {"trattorista", "conducente di trattore agricolo"}, // land-based machinery operator
	"eeac6251-1974-42f5-91ed-513c6c883755": {"mulettista", "carrellista"},                      // forklift operator
	"c9191f7f-28b5-4df8-991d-804c53009b83": {"bracciante agricolo", "operaio agricolo"},        // crop production worker
	"1391bdf9-bd61-4fb5-91ca-c29036ab2b60": {"badante", "assistente familiare"},                // home care aide
	"f756fdab-7726-4c48-bfcc-94ff8810fc08": {"sguattero", "addetto al lavaggio stoviglie"},     // kitchen porter
}

// OccupationMatch is an occupation the type-ahead found, with the label
// that matched and its language.
type OccupationMatch struct {
	Occupation *Occupation
	Label      string
	Lang       string
	Preferred  bool // the preferred label, not an alternative one
}

// labelEntry is one label of the search index, folded once.
type labelEntry struct {
	folded, label string
	lang          string
	occ           int32
	preferred     bool
}

func (t *occupationTables) buildIndex() {
	for i := range t.occ {
		o := &t.occ[i]
		for _, l := range OccLangs {
			for _, s := range splitGendered(o.Preferred[l]) {
				t.index = append(t.index, labelEntry{foldSearch(s), o.Preferred[l], l, int32(i), true})
			}
			for _, a := range o.Alt[l] {
				t.index = append(t.index, labelEntry{foldSearch(a), a, l, int32(i), false})
			}
		}
		for _, a := range deskTerms[o.ID] {
			t.index = append(t.index, labelEntry{foldSearch(a), a, "it", int32(i), false})
		}
	}
}

// splitGendered gives a preferred label's masculine and feminine forms
// ("cameriere/cameriera") as two labels, so each can match from its start;
// a label without them is itself.
func splitGendered(label string) []string {
	parts := strings.Split(label, "/")
	if len(parts) < 2 {
		return []string{label}
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// foldSearch is s as the type-ahead compares it: lower case, Latin accents
// off (Fold), curly apostrophes straight, Arabic short vowels off and the
// forms of alef as one.
func foldSearch(s string) string {
	s = Fold(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '’' || r == 'ʼ':
			return '\''
		case r >= 0x064B && r <= 0x0652, r == 0x0640: // harakat, tatweel
			return -1
		case r == 'أ' || r == 'إ' || r == 'آ':
			return 'ا'
		case r == 'œ':
			return 'o'
		}
		return r
	}, strings.Join(strings.Fields(s), " "))
}

// Search is the occupation type-ahead: the occupations with a label in
// Italian, English or lang holding every word of query, each once with its
// best label, best first: labels starting with the query, then labels where
// every word of the query starts a word, then the rest; a preferred label
// before an alternative one, a label in lang before Italian before English,
// a shorter label first. Case and accents do not count. At most limit.
func Search(query, lang string, limit int) []OccupationMatch {
	q := foldSearch(query)
	words := strings.Fields(q)
	if len(words) == 0 || limit <= 0 {
		return nil
	}
	t := tables()
	type hit struct {
		entry int
		rank  int
	}
	best := make(map[int32]hit)
	for i := range t.index {
		e := &t.index[i]
		if e.lang != "it" && e.lang != "en" && e.lang != lang {
			continue
		}
		rank, ok := matchRank(e.folded, q, words)
		if !ok {
			continue
		}
		rank = rank*100 + langRank(e.lang, lang)*10
		if !e.preferred {
			rank += 5
		}
		if h, seen := best[e.occ]; !seen || rank < h.rank ||
			(rank == h.rank && len(e.folded) < len(t.index[h.entry].folded)) {
			best[e.occ] = hit{i, rank}
		}
	}
	hits := make([]hit, 0, len(best))
	for _, h := range best {
		hits = append(hits, h)
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := &t.index[hits[i].entry], &t.index[hits[j].entry]
		if hits[i].rank != hits[j].rank {
			return hits[i].rank < hits[j].rank
		}
		if len(a.folded) != len(b.folded) {
			return len(a.folded) < len(b.folded)
		}
		return a.folded < b.folded
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]OccupationMatch, len(hits))
	for i, h := range hits {
		e := &t.index[h.entry]
		out[i] = OccupationMatch{&t.occ[e.occ], e.label, e.lang, e.preferred}
	}
	return out
}

// langRank orders the languages of labels: the person's, Italian, English.
func langRank(l, lang string) int {
	switch l {
	case lang:
		return 0
	case "it":
		return 1
	}
	return 2
}

// matchRank tells whether label holds every word and how well: 0 when it
// starts with the whole query, 1 when every word starts a word of it, 2
// when a word is only inside one.
func matchRank(label, query string, words []string) (int, bool) {
	rank := 0
	if !strings.HasPrefix(label, query) {
		rank = 1
	}
	for _, w := range words {
		switch wordPrefixAt(label, w) {
		case 0:
			return 0, false
		case 2:
			rank = 2
		}
	}
	return rank, true
}

// wordPrefixAt is 1 when w starts a word of s, 2 when it is only inside a
// word, 0 when s does not hold it.
func wordPrefixAt(s, w string) int {
	found := 0
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return found
		}
		p := off + i
		if p == 0 {
			return 1
		}
		r, _ := utf8.DecodeLastRuneInString(s[:p])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return 1
		}
		found = 2
		off = p + 1
	}
}
