package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"sportello/model"
)

// dedupFamilies and dedupGivens are common names of the desks' people:
// a regional desk holds many namesakes, the hard case of duplicates.
var (
	dedupFamilies = []string{"Diallo", "Traoré", "Hossain", "Singh", "Kaur", "Popescu", "Hoxha", "Kovalenko", "Ahmadi",
		"Haile", "Tesfaye", "Rahman", "Khan", "Ali", "Mensah", "Okafor", "Sow", "Ba", "Camara", "Keita", "Coulibaly",
		"Touré", "Islam", "Ahmed", "Hussain", "Iqbal", "Shevchenko", "Bondarenko", "Ivanov", "Petrov", "Gashi",
		"Krasniqi", "Berisha", "Ionescu", "Dumitru", "Mohammadi", "Rezaei", "Kebede", "Tekle", "Osei", "Boateng",
		"Adeyemi", "Eze", "Ndiaye", "Fall", "Gueye", "Barry", "Bah", "Sylla", "Cissé", "Mahmoud", "Hassan",
		"Ibrahim", "Yusuf", "Begum", "Akter", "Chowdhury", "Sharma", "Kumar", "Gill"}
	dedupGivens = []string{"Awa", "Mamadou", "Rahim", "Gurpreet", "Harjit", "Ana", "Arben", "Olena", "Reza",
		"Selam", "Yonas", "Fatema", "Imran", "Youssef", "Kwame", "Chinedu", "Mohammed", "Abdoulaye", "Ousmane",
		"Fatou", "Aminata", "Ibrahima", "Moussa", "Seydou", "Bakary", "Mariam", "Aisha", "Omar", "Karim", "Tariq",
		"Bilal", "Hamza", "Oleksandr", "Serhii", "Iryna", "Natalia", "Dmytro", "Andrii", "Florin", "Ionut",
		"Elena", "Besnik", "Arta", "Dawit", "Tsegay", "Senait", "Kofi", "Ama", "Emeka", "Ngozi", "Sunita",
		"Manpreet", "Jaspreet", "Rajesh", "Sabina", "Nasrin", "Rubel", "Shahid", "Asif", "Zainab"}
)

// fillDedup registers n fictional persons with common names and birth
// dates over 45 years, through SQL, then gives them their keys as
// migration 0013 does.
func fillDedup(b testing.TB, d *DB, n int) {
	r := rand.New(rand.NewPCG(17, 2026))
	err := d.update(context.Background(), func(tx *sql.Tx) error {
		st, err := tx.Prepare(`INSERT INTO persons (uid, case_code, code_year, code_seq, family_name, given_names,
			sex, birth_date, birth_year, phone, created_at, updated_at) VALUES (?, ?, 2026, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')`)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			y, m, day := 1960+r.IntN(45), 1+r.IntN(12), 1+r.IntN(28)
			sex := []string{"F", "M"}[r.IntN(2)]
			if _, err := st.Exec(newUID(), fmt.Sprintf("PUA-2026-%06d", i+1), i+1,
				dedupFamilies[r.IntN(len(dedupFamilies))], dedupGivens[r.IntN(len(dedupGivens))], sex,
				fmt.Sprintf("%04d-%02d-%02d", y, m, day), y, fmt.Sprintf("333%07d", r.IntN(10_000_000))); err != nil {
				return err
			}
		}
		return rebuildPersonKeys(context.Background(), d, tx)
	})
	if err != nil {
		b.Fatal(err)
	}
}

// dedupBenchDesk is a desk of n persons made by fillDedup, closed with b.
func dedupBenchDesk(b *testing.B, n int) *DB {
	d, _, err := Create(filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	fillDedup(b, d, n)
	return d
}

// BenchmarkDuplicateCandidates100k looks for the candidates of one
// registration (a returning person typed under another spelling) among
// 100,000 persons. Aim: under 50 ms.
func BenchmarkDuplicateCandidates100k(b *testing.B) {
	d := dedupBenchDesk(b, 100_000)
	ctx := context.Background()
	drafts := []*model.Person{
		{FamilyName: "Rehman", GivenNames: "Muhammad", BirthDate: model.PartialDate{Year: 1990, Month: 3, Day: 1}},
		{FamilyName: "Diallo", GivenNames: "Mamadou", BirthDate: model.PartialDate{Year: 1985}},
		{FamilyName: "Kovalenko", GivenNames: "Olexandr", BirthDate: model.PartialDate{Year: 1979, Month: 11, Day: 4}},
		{FamilyName: "Singh", GivenNames: "Gurpreet"},
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := d.DuplicateCandidates(ctx, drafts[i%len(drafts)], 5); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDuplicatePairs100k lists the likely duplicate pairs of a desk
// of 100,000 persons. Aim: within a minute.
func BenchmarkDuplicatePairs100k(b *testing.B) {
	d := dedupBenchDesk(b, 100_000)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pairs, err := d.DuplicatePairs(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(pairs)), "pairs")
	}
}
