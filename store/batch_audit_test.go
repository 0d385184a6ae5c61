package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"sportello/model"
)

// TestBatchKeepsTheAuditTail: inside a Batch each event takes the chain's
// tail the batch kept from its previous event instead of reading it; the
// kept tail is always the one in the database, a write rolled back drops
// it, and the chain verifies after the batch.
func TestBatchKeepsTheAuditTail(t *testing.T) {
	ctx := context.Background()
	d, giulia, _ := chainDesk(t, filepath.Join(t.TempDir(), "sportello.db"))
	p := &model.Person{FamilyName: "Kaur", GivenNames: "Simran"}
	if err := d.CreatePerson(ctx, p, giulia.ID); err != nil {
		t.Fatal(err)
	}
	kept := 0
	check := func(ctx context.Context, when string) {
		got, _, ok := keptTail(ctx)
		if !ok {
			return
		}
		kept++
		want, err := readTail(ctx, batchOf(ctx))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("%s: kept tail %+v, the database's %+v", when, got, want)
		}
	}
	err := d.Batch(ctx, func(ctx context.Context) error {
		for range 4 {
			if err := d.RecordView(ctx, giulia.ID, p.ID); err != nil {
				return err
			}
			check(ctx, "after a view")
		}
		refused := errors.New("refused after its event")
		err := d.update(ctx, func(tx *sql.Tx) error {
			if err := d.audit(ctx, tx, giulia.ID, model.ActionView, "person", p.ID, ""); err != nil {
				return err
			}
			return refused
		})
		if !errors.Is(err, refused) {
			t.Fatalf("the refused write gave %v", err)
		}
		if _, _, ok := keptTail(ctx); ok {
			t.Error("the tail is still kept after a write rolled back with its event")
		}
		for range 3 {
			if err := d.RecordView(ctx, giulia.ID, p.ID); err != nil {
				return err
			}
			check(ctx, "after the rolled back write")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if kept < 6 {
		t.Errorf("the tail was kept after %d events of 7", kept)
	}
	if problem, err := d.VerifyAudit(ctx); err != nil || problem != nil {
		t.Fatalf("the chain after the batch: %+v, %v", problem, err)
	}
}
