package demo

import (
	"context"
	"testing"

	"sportello/model"
)

// The demo's work side: two flagged employers, held vacancies, a hiring
// whose 4-week check is on Today, an internship and an enterprise; a second
// run adds nothing. Its persons have skills profiles the vacancies match.
func TestSeedWork(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t)
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
	// The first vacancy (field hands) has candidates to rank: some ready to
	// be proposed, some waiting for a consent.
	found := false
	for _, v := range vacancies {
		if v.Title != demoVacancies[0].Title {
			continue
		}
		found = true
		m, err := db.CandidatesFor(ctx, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Proposable) == 0 || len(m.NeedsConsent) == 0 {
			t.Errorf("demo candidates for %q: %d proposable, %d needing consent %q", v.Title, len(m.Proposable),
				len(m.NeedsConsent), m.Excluded)
		}
	}
	if !found {
		t.Errorf("no vacancy %q", demoVacancies[0].Title)
	}
}
