package model

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// dedupPair is one row of testdata/dedup_pairs.tsv.
type dedupPair struct {
	a, b DedupPerson
	same bool
	note string
}

// readDedupPairs reads the pair table.
func readDedupPairs(tb testing.TB, name string) []dedupPair {
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []dedupPair
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "a_family") || line == "" {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 16 {
			tb.Fatalf("line %d: %d columns", n+1, len(c))
		}
		out = append(out, dedupPair{a: pairPerson(tb, c[0:7]), b: pairPerson(tb, c[7:14]), same: c[14] == "same", note: c[15]})
	}
	return out
}

// pairPerson is the person of seven columns: family, given, own script, birth, sex, phone, fiscal code.
func pairPerson(tb testing.TB, c []string) DedupPerson {
	d, err := ParsePartialDate(c[3])
	if err != nil {
		tb.Fatalf("date %q: %v", c[3], err)
	}
	return DedupPerson{FamilyName: c[0], GivenNames: c[1], OwnScriptName: c[2], BirthDate: d,
		Sex: Sex(c[4]), Phone: c[5], FiscalCode: c[6]}
}

// TestDedupPairs measures the precision and recall of Likely, and the
// blocking recall of DedupKeys, on the pair table.
func TestDedupPairs(t *testing.T) {
	s := scorePairs(t, readDedupPairs(t, "testdata/dedup_pairs.tsv"))
	if s.pairs < 200 || s.precision < 0.95 || s.recall < 0.90 || s.blocking < 0.95 || s.possibleRecall < 0.97 {
		t.Errorf("precision %.3f (min 0.95), recall %.3f (min 0.90), blocking recall %.3f (min 0.95), recall of possible %.3f (min 0.97) on %d pairs",
			s.precision, s.recall, s.blocking, s.possibleRecall, s.pairs)
	}
}

// TestDedupPairsIndependent scores the table of pairs written by hand by
// someone who had not seen the score's rules
// (testdata/dedup_pairs_independent.tsv): the honest figures, reported in
// the README. It fails only when a change makes them clearly worse.
func TestDedupPairsIndependent(t *testing.T) {
	s := scorePairs(t, readDedupPairs(t, "testdata/dedup_pairs_independent.tsv"))
	if s.pairs < 200 || s.precision < 0.85 || s.recall < 0.65 || s.blocking < 0.95 ||
		s.possiblePrecision < 0.80 || s.possibleRecall < 0.85 {
		t.Errorf("independent table: likely %.3f/%.3f (min 0.85/0.65), possible %.3f/%.3f (min 0.80/0.85), blocking recall %.3f (min 0.95) on %d pairs",
			s.precision, s.recall, s.possiblePrecision, s.possibleRecall, s.blocking, s.pairs)
	}
}

// pairScore is how the score did on a table of pairs.
type pairScore struct {
	pairs                             int
	precision, recall, blocking       float64 // of Likely, and of the keys
	possiblePrecision, possibleRecall float64 // of Possible
}

// scorePairs compares every pair, logs the misses and the figures.
func scorePairs(t *testing.T, pairs []dedupPair) pairScore {
	var tp, fp, fn, same, blocked, ptp, pfp int
	for _, p := range pairs {
		m := CompareDedup(p.a, p.b)
		for _, r := range m.Reasons {
			if !slices.Contains(DedupReasonCodes, r.Code) {
				t.Errorf("reason %q is not in DedupReasonCodes: the window has no message for it", r.Code)
			}
		}
		if m.Possible() && p.same {
			ptp++
		} else if m.Possible() {
			pfp++
		}
		switch {
		case m.Likely() && p.same:
			tp++
		case m.Likely():
			fp++
			t.Logf("false match %.2f %s %s / %s %s (%s) %v", m.Score, p.a.FamilyName, p.a.GivenNames, p.b.FamilyName, p.b.GivenNames, p.note, m.Reasons)
		case p.same:
			fn++
			t.Logf("missed %.2f %s %s %s / %s %s %s (%s) %v", m.Score, p.a.FamilyName, p.a.GivenNames, p.a.OwnScriptName, p.b.FamilyName, p.b.GivenNames, p.b.OwnScriptName, p.note, m.Reasons)
		}
		if p.same {
			same++
			if shareKey(DedupKeys(p.a), DedupKeys(p.b)) {
				blocked++
			} else {
				t.Logf("no shared key: %v / %v (%s)", DedupKeys(p.a), DedupKeys(p.b), p.note)
			}
		}
	}
	s := pairScore{pairs: len(pairs), precision: float64(tp) / float64(max(tp+fp, 1)),
		recall: float64(tp) / float64(max(tp+fn, 1)), blocking: float64(blocked) / float64(max(same, 1)),
		possiblePrecision: float64(ptp) / float64(max(ptp+pfp, 1)), possibleRecall: float64(ptp) / float64(max(same, 1))}
	t.Logf("%d pairs (%d same, %d different): likely: precision %.3f, recall %.3f; possible: precision %.3f, recall %.3f; blocking recall %.3f",
		len(pairs), same, len(pairs)-same, s.precision, s.recall, s.possiblePrecision, s.possibleRecall, s.blocking)
	if testing.Verbose() {
		fmt.Printf("dedup pairs %d (%d same): likely precision %.3f recall %.3f; possible precision %.3f recall %.3f; blocking recall %.3f\n",
			len(pairs), same, s.precision, s.recall, s.possiblePrecision, s.possibleRecall, s.blocking)
	}
	return s
}

func shareKey(a, b []string) bool {
	for _, k := range a {
		if _, ok := slices.BinarySearch(b, k); ok {
			return true
		}
	}
	return false
}
