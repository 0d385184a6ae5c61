package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"sportello/model"
)

// fill inserts n fictional persons quickly, in one transaction, through the
// same statement shape as CreatePerson (triggers keep the index).
func fill(b testing.TB, d *DB, n int) {
	family := []string{"Diallo", "Traoré", "Hossain", "Singh", "Kaur", "Popescu", "Hoxha", "Kovalenko", "Ahmadi",
		"Haile", "Tesfaye", "Rahman", "Khan", "Ali", "Mensah", "Okafor", "Nguyen", "Zhang", "Ramírez", "Ionescu"}
	given := []string{"Awa", "Mamadou", "Rahim", "Gurpreet", "Harjit", "Ana", "Arben", "Olena", "Reza",
		"Selam", "Yonas", "Fatema", "Imran", "Youssef", "Kwame", "Chinedu", "Linh", "Wei", "Lucía", "Mihai"}
	err := d.update(context.Background(), func(tx *sql.Tx) error {
		st, err := tx.Prepare(`INSERT INTO persons (uid, case_code, code_year, code_seq, family_name, given_names,
			birth_year, created_at, updated_at) VALUES (?, ?, 2026, ?, ?, ?, ?, 'x', 'x')`)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			f := family[i%len(family)] + fmt.Sprint(i%997)
			g := given[(i/len(family))%len(given)]
			if _, err := st.Exec(newUID(), fmt.Sprintf("PUA-2026-%06d", i+1), i+1, f, g, 1960+i%45); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSearch100k measures one search-as-you-type query (a page of 50
// and the count) over 100,000 persons. Aim: under 20 ms per query.
func BenchmarkSearch100k(b *testing.B) {
	d, _, err := Create(filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	fill(b, d, 100_000)
	queries := []string{"dia", "traore", "singh5", "kaur 12 harjit", "PUA-2026-0500", "a", ""}
	ctx := context.Background()
	for _, q := range queries {
		b.Run(fmt.Sprintf("%q", q), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := d.FindPersons(ctx, model.PersonFilter{Query: q, Limit: 50}); err != nil {
					b.Fatal(err)
				}
				if _, err := d.CountPersons(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
