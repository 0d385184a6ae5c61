package model

import (
	"slices"
	"testing"
)

func dedupCodes(m DedupMatch) []string {
	var out []string
	for _, r := range m.Reasons {
		out = append(out, r.Code)
	}
	return out
}

// TestCompareBirth: the birth-date rules.
func TestCompareBirth(t *testing.T) {
	d := func(y, m, day int) PartialDate { return PartialDate{y, m, day} }
	cases := []struct {
		a, b PartialDate
		code string // "" for no evidence
	}{
		{d(1990, 3, 1), d(1990, 3, 1), DedupReasonSameBirthDate},
		{d(1990, 3, 1), d(1990, 1, 3), DedupReasonBirthDaySwapped},
		{d(1990, 3, 3), d(1990, 3, 4), DedupReasonDifferentBirthDate},
		{d(1990, 0, 0), d(1990, 5, 17), DedupReasonBirthCompatible},
		{d(1990, 5, 0), d(1990, 5, 17), DedupReasonBirthCompatible},
		{d(1990, 6, 0), d(1990, 5, 17), DedupReasonDifferentBirthDate},
		{d(1990, 1, 1), d(1990, 7, 9), DedupReasonBirthCompatible}, // 1 January: a default
		{d(1990, 5, 17), d(1991, 5, 17), DedupReasonBirthYearNear},
		{d(1990, 5, 17), d(1991, 6, 17), DedupReasonDifferentBirthDate},
		{d(1990, 5, 17), d(0, 0, 0), ""},
	}
	for _, c := range cases {
		for _, ab := range [][2]PartialDate{{c.a, c.b}, {c.b, c.a}} {
			ev := compareBirth(ab[0], ab[1])
			got := ""
			if len(ev) > 0 {
				got = ev[0].r.Code
			}
			if got != c.code {
				t.Errorf("%v / %v: %q, want %q", ab[0], ab[1], got, c.code)
			}
		}
	}
}

// TestDedupReasons: the evidence given for some pairs.
func TestDedupReasons(t *testing.T) {
	cases := []struct {
		name   string
		a, b   DedupPerson
		want   []string
		arg    string // the names_across_script argument
		likely bool
	}{
		{"script and swapped day",
			DedupPerson{FamilyName: "Rahman", GivenNames: "Mohammed", BirthDate: PartialDate{1990, 3, 1}},
			DedupPerson{OwnScriptName: "محمد رحمن", BirthDate: PartialDate{1990, 1, 3}},
			[]string{DedupReasonNamesAcrossScript, DedupReasonBirthDaySwapped}, "Arab", true},
		{"swapped names",
			DedupPerson{FamilyName: "Kovalenko", GivenNames: "Oleksandr", BirthDate: PartialDate{1983, 2, 19}},
			DedupPerson{FamilyName: "Oleksandr", GivenNames: "Kovalenko", BirthDate: PartialDate{1983, 2, 19}},
			[]string{DedupReasonNamesSwapped, DedupReasonSameBirthDate}, "", true},
		{"Cyrillic",
			DedupPerson{FamilyName: "Shevchenko", GivenNames: "Serhii", Sex: SexMale},
			DedupPerson{OwnScriptName: "Сергій Шевченко", Sex: SexMale, Phone: "333 000 0001"},
			[]string{DedupReasonNamesAcrossScript}, "Cyrl", false},
		{"fiscal code",
			DedupPerson{FamilyName: "Diallo", GivenNames: "Mamadou", FiscalCode: "DLLMMD96B29Z343K", Phone: "3330001111"},
			DedupPerson{FamilyName: "Jallow", GivenNames: "Mamadu", FiscalCode: "dllmmd96b29z343k", Phone: "+39 333 000 2222"},
			[]string{DedupReasonSameFiscalCode, DedupReasonNamesSpelling, DedupReasonDifferentPhone}, "", true},
		{"siblings",
			DedupPerson{FamilyName: "Rahman", GivenNames: "Karim", BirthDate: PartialDate{2001, 9, 9}, Phone: "3330004020"},
			DedupPerson{FamilyName: "Rahman", GivenNames: "Salim", BirthDate: PartialDate{2003, 2, 9}, Phone: "0039 333 000 4020"},
			[]string{DedupReasonDifferentBirthDate, DedupReasonNamesDiffer, DedupReasonSamePhone}, "", false},
		{"sex",
			DedupPerson{FamilyName: "Popescu", GivenNames: "Ion", Sex: SexMale, BirthDate: PartialDate{1985, 10, 31}},
			DedupPerson{FamilyName: "Popescu", GivenNames: "Ioana", Sex: SexFemale, BirthDate: PartialDate{1985, 10, 31}},
			[]string{DedupReasonDifferentSex}, "", false},
	}
	for _, c := range cases {
		m := CompareDedup(c.a, c.b)
		got := dedupCodes(m)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: no %s in %v", c.name, w, got)
			}
		}
		for _, r := range m.Reasons {
			if r.Code == DedupReasonNamesAcrossScript && r.Arg != c.arg {
				t.Errorf("%s: script %q, want %q", c.name, r.Arg, c.arg)
			}
		}
		if m.Likely() != c.likely {
			t.Errorf("%s: score %.2f, likely %v", c.name, m.Score, !c.likely)
		}
	}
}

// TestDedupKeys: keys of the example in the doc comment.
func TestDedupKeys(t *testing.T) {
	p := DedupPerson{FamilyName: "al-Rehman", GivenNames: "Muhammad", BirthDate: PartialDate{Year: 1990},
		FiscalCode: "rhmmmd90a01z249x", Phone: "+39 333 123 4567", DocumentNumbers: []string{"YA 1234567"}}
	want := []string{"cf:RHMMMD90A01Z249X", "doc:YA1234567", "n:MHMD|RHMN", "ph:3331234567", "y:1990:MHMD", "y:1990:RHMN"}
	if got := DedupKeys(p); !slices.Equal(got, want) {
		t.Errorf("keys %v, want %v", got, want)
	}
	for _, c := range []struct{ in, want string }{
		{"+39 333 123 4567", "3331234567"}, {"0039 333 1234567", "3331234567"}, {"393331234567", "3331234567"},
		{"333-123-4567", "3331234567"}, {"+44 7700 900123", "447700900123"}, {"123", ""},
	} {
		if got := NormalizePhone(c.in); got != c.want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestDedupOf: the permit number becomes a document number.
func TestDedupOf(t *testing.T) {
	p := Person{ID: 4, FamilyName: "Ali", Permit: Permit{Number: "AB123"}}
	if d := DedupOf(&p); d.ID != 4 || !slices.Equal(d.DocumentNumbers, []string{"AB123"}) {
		t.Errorf("%+v", d)
	}
}

// FuzzCompareDedup: no panic, a score in [0,1], symmetric; a person with a
// name and a birth date matches itself (a name alone is deliberately not
// enough: two "Mohammed Ali" without dates are not likely one); keys are
// deterministic.
func FuzzCompareDedup(f *testing.F) {
	for _, p := range readDedupPairs(f, "testdata/dedup_pairs.tsv") {
		a, b := p.a, p.b
		f.Add(a.FamilyName, a.GivenNames, a.OwnScriptName, a.BirthDate.String(), a.Phone, a.FiscalCode,
			b.FamilyName, b.GivenNames, b.OwnScriptName, b.BirthDate.String(), b.Phone, b.FiscalCode)
	}
	f.Fuzz(func(t *testing.T, af, ag, ao, ab, ap, ac, bf, bg, bo, bb, bp, bc string) {
		da, _ := ParsePartialDate(ab)
		db, _ := ParsePartialDate(bb)
		a := DedupPerson{FamilyName: af, GivenNames: ag, OwnScriptName: ao, BirthDate: da, Phone: ap, FiscalCode: ac}
		b := DedupPerson{FamilyName: bf, GivenNames: bg, OwnScriptName: bo, BirthDate: db, Phone: bp, FiscalCode: bc, Aliases: []string{af}}
		ab1, ba := CompareDedup(a, b), CompareDedup(b, a)
		if ab1.Score < 0 || ab1.Score > 1 || ab1.Score != ba.Score {
			t.Fatalf("scores %v / %v", ab1.Score, ba.Score)
		}
		if len(NameSkeleton(af+" "+ag)) > 0 {
			self := a
			self.BirthDate = PartialDate{1990, 5, 17}
			if s := CompareDedup(self, self); !s.Likely() {
				t.Fatalf("self score %v %v", s.Score, s.Reasons)
			}
		}
		if k1, k2 := DedupKeys(a), DedupKeys(a); !slices.Equal(k1, k2) || !slices.IsSorted(k1) {
			t.Fatalf("keys %v / %v", k1, k2)
		}
	})
}

// BenchmarkCompareDedup compares one pair, preparing both persons.
func BenchmarkCompareDedup(b *testing.B) {
	x := DedupPerson{FamilyName: "al-Rehman", GivenNames: "Muhammad Karim", OwnScriptName: "محمد کریم الرحمن",
		BirthDate: PartialDate{1990, 3, 1}, Sex: SexMale, Phone: "333 000 1234"}
	y := DedupPerson{FamilyName: "Rahman", GivenNames: "Mohammed", Aliases: []string{"Karim"},
		BirthDate: PartialDate{1990, 1, 3}, Sex: SexMale, Phone: "333 000 9999"}
	for b.Loop() {
		CompareDedup(x, y)
	}
}

// BenchmarkComparePrepared compares one pair of prepared persons, as the
// whole-desk list does.
func BenchmarkComparePrepared(b *testing.B) {
	x := PrepareDedup(DedupPerson{FamilyName: "al-Rehman", GivenNames: "Muhammad Karim", OwnScriptName: "محمد کریم الرحمن",
		BirthDate: PartialDate{1990, 3, 1}, Sex: SexMale, Phone: "333 000 1234"})
	y := PrepareDedup(DedupPerson{FamilyName: "Rahman", GivenNames: "Mohammed", Aliases: []string{"Karim"},
		BirthDate: PartialDate{1990, 1, 3}, Sex: SexMale, Phone: "333 000 9999"})
	for b.Loop() {
		ComparePrepared(&x, &y)
	}
}

// BenchmarkDedupKeys computes the keys of one person.
func BenchmarkDedupKeys(b *testing.B) {
	x := DedupPerson{FamilyName: "al-Rehman", GivenNames: "Muhammad Karim", OwnScriptName: "محمد کریم الرحمن",
		BirthDate: PartialDate{1990, 3, 1}, FiscalCode: "RHMMMD90C01Z249X", Phone: "333 000 1234"}
	for b.Loop() {
		DedupKeys(x)
	}
}
