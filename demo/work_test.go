package demo

import (
	"context"
	"path/filepath"
	"testing"

	"sportello/model"
	"sportello/store"
)

// The demo's work side: two flagged employers, held vacancies, a hiring
// whose 4-week check is on Today, an internship and an enterprise; a second
// run adds nothing.
func TestSeedWork(t *testing.T) {
	ctx := context.Background()
	db, _, err := store.Create(filepath.Join(t.TempDir(), "sportello.db"), store.Options{KDF: store.KDFParams{Time: 1, MemKiB: 64, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := Seed(ctx, db, 5); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := SeedWork(ctx, db); err != nil {
			t.Fatal(err)
		}
	}
	employers, err := db.Employers(ctx)
	if err != nil || len(employers) != len(demoEmployers) {
		t.Fatalf("employers %d, %v", len(employers), err)
	}
	flagged := 0
	for _, e := range employers {
		if e.Flag != nil {
			flagged++
		}
	}
	vacancies, _ := db.Vacancies(ctx, 0)
	held := 0
	for _, v := range vacancies {
		if v.Held() {
			held++
		}
	}
	if flagged != 2 || held != 3 || len(vacancies) != len(demoVacancies) {
		t.Errorf("flagged %d, held %d of %d vacancies", flagged, held, len(vacancies))
	}
	items, err := db.Today(ctx, db.Now())
	if err != nil {
		t.Fatal(err)
	}
	due := 0
	for _, it := range items {
		if it.Kind == model.TodayStillEmployed4w {
			due++
		}
	}
	if due != 1 {
		t.Errorf("still-employed checks on Today: %d", due)
	}
}
