package demo

import (
	"context"
	"slices"
	"testing"
)

// TestSeedTellsProgress: Seed tells how far it is every progressPersons
// persons and at the end of each batch, never going back; a second run to
// a larger total makes only the persons missing and goes on counting from
// where the first stopped.
func TestSeedTellsProgress(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t)
	defer func(n int) { progressPersons, Progress = n, nil }(progressPersons)
	progressPersons = 4
	var told []int
	Progress = func(done, total int) { told = append(told, done) }
	if added, err := Seed(ctx, db, 10); err != nil || added != 10 {
		t.Fatalf("first run: %d added, %v", added, err)
	}
	if want := []int{4, 8, 10}; !slices.Equal(told, want) {
		t.Errorf("first run told %v, want %v", told, want)
	}
	told = nil
	if added, err := Seed(ctx, db, 13); err != nil || added != 3 {
		t.Fatalf("second run: %d added, %v", added, err)
	}
	if want := []int{12, 13}; !slices.Equal(told, want) {
		t.Errorf("second run told %v, want %v", told, want)
	}
}
