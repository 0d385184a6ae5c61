package demo

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"

	"sportello/model"
)

// The demo's persons come back, as real ones do (issue #17): on one desk,
// every 50th person is someone registered earlier, registered again under
// another spelling; a second demo desk (another case prefix) has persons
// of its own, and every 8th is one of the first desk's persons registered
// there under another spelling. So the coordinator's list of likely
// duplicates has pairs on a fresh demo desk, and more after a merge of two
// demo desks' bundles.

// returningEvery and sharedEvery say which demo persons come back.
const (
	returningEvery = 50
	returningFrom  = 7 // the earlier person is this many places back
	sharedEvery    = 8
)

// demoPersonAt makes demo person number i of the desk with that case
// prefix, from r (seeded with i and deskSeed) unless it is someone who
// comes back: first gives the first desk's person number i.
func demoPersonAt(prefix string, i int, r *rand.Rand, first func(i int) *model.Person) *model.Person {
	switch {
	case deskSeed(prefix) != 2026 && i%sharedEvery == sharedEvery-3:
		return otherSpelling(first(i), rand.New(rand.NewPCG(uint64(i), deskSeed(prefix)+1)))
	case deskSeed(prefix) == 2026 && i%returningEvery == returningEvery-1 && i >= returningFrom:
		return otherSpelling(first(i-returningFrom), rand.New(rand.NewPCG(uint64(i), 7)))
	}
	return demoPerson(r, i)
}

// deskSeed is the random seed of a desk's demo persons: the first desk's
// (the default case prefix) is 2026, another desk's its own.
func deskSeed(prefix string) uint64 {
	if prefix == "" || prefix == model.DefaultCasePrefix {
		return 2026
	}
	h := fnv.New64a()
	h.Write([]byte(prefix))
	return h.Sum64()
}

// demoSpellings are other spellings of the demo's names, as another
// operator or a document might write them.
var demoSpellings = map[string]string{
	"Hossain": "Hussain", "Rahman": "Rehman", "Akter": "Akhter", "Fatema": "Fatima", "Rahim": "Raheem",
	"Sohel": "Sohail", "Chaudhry": "Choudhary", "Ayesha": "Aisha", "Imran": "Emran", "Singh": "Sing",
	"Kaur": "Kour", "Gurpreet": "Gurprit", "Jaspal": "Jaspaul", "El Amrani": "Amrani", "Benali": "Ben Ali",
	"Youssef": "Yusuf", "Khadija": "Khadidja", "Ahmadi": "Ahmady", "Rahimi": "Rahimy", "Farid": "Fareed",
	"Maryam": "Mariam", "Tesfaye": "Tesfay", "Haile": "Hayle", "Gebre": "Gebreh", "Kovalenko": "Kowalenko",
	"Andrii": "Andriy", "Iryna": "Irina", "Shevchuk": "Shevchouk", "Traoré": "Traore", "Keïta": "Keita",
	"Coulibaly": "Kulibali", "Moussa": "Musa", "Mamadou": "Mamadu", "Ndiaye": "N'Diaye", "Ștefan": "Stefan",
	"Popescu": "Popesku", "Gëzim": "Gezim", "Dervishi": "Dervishaj", "Adeyemi": "Adeyemy", "Sharma": "Sharmah",
	"Sanjay": "Sanjai", "Zhang": "Chang",
}

// otherSpelling is p as registered again: its names spelt otherwise, or
// given and family names swapped, or day and month of birth swapped; a new
// phone, no codice fiscale nor permit number, sometimes no own-script name.
func otherSpelling(p *model.Person, r *rand.Rand) *model.Person {
	q := *p
	respell := func(name string) string {
		words := strings.Fields(name)
		for i, w := range words {
			if s, ok := demoSpellings[w]; ok {
				words[i] = s
			}
		}
		if s, ok := demoSpellings[name]; ok {
			return s
		}
		return strings.Join(words, " ")
	}
	q.FamilyName, q.GivenNames = respell(p.FamilyName), respell(p.GivenNames)
	switch r.IntN(3) {
	case 0:
		q.FamilyName, q.GivenNames = q.GivenNames, q.FamilyName
	case 1:
		if b := q.BirthDate; b.Day != 0 && b.Day <= 12 && b.Day != b.Month {
			q.BirthDate.Day, q.BirthDate.Month = b.Month, b.Day
		}
	}
	if r.IntN(2) == 0 {
		q.OwnScriptName = ""
	}
	q.Aliases = nil
	q.Phone = fmt.Sprintf("+39 3%02d 444 %04d", r.IntN(100), r.IntN(10000))
	q.FiscalCode, q.Permit.Number = "", ""
	return &q
}
