package store

import (
	"context"
	"database/sql"
	"errors"
)

// Batch runs fn with a context under which every write of the store (and
// every read) joins one transaction, committed when fn returns nil and
// rolled back whole otherwise. Each write inside keeps its own all or
// nothing through a savepoint, so a refused write leaves the batch as it
// was. It is for making many records at once (the demo desk): one commit,
// and one encryption of each page, for hundreds of persons instead of one
// per record. Batches do not nest: an inner Batch joins the outer one.
func (d *DB) Batch(ctx context.Context, fn func(ctx context.Context) error) error {
	if batchOf(ctx) != nil {
		return fn(ctx)
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(context.WithValue(ctx, batchKey{}, &batchState{tx: tx, keepsTail: true})); err != nil {
		return err
	}
	return tx.Commit()
}

// batchKey keys a batchState in a context.
type batchKey struct{}

// batchState is the transaction a context's reads and writes join, and,
// in a Batch, the audit chain's tail after its last event: the batch's
// writes are its only writer, so each event needs not read it again.
type batchState struct {
	tx        *sql.Tx
	keepsTail bool       // a Batch's: the tail may be kept
	tail      *chainTail // after the batch's last event, once read
	salted    bool       // the schema's events have salts (with tail)
}

func batchOf(ctx context.Context) *sql.Tx {
	if b := batchStateOf(ctx); b != nil {
		return b.tx
	}
	return nil
}

func batchStateOf(ctx context.Context) *batchState {
	b, _ := ctx.Value(batchKey{}).(*batchState)
	return b
}

// keptTail is the batch's audit tail, if it keeps one.
func keptTail(ctx context.Context) (chainTail, bool, bool) {
	if b := batchStateOf(ctx); b != nil && b.tail != nil {
		return *b.tail, b.salted, true
	}
	return chainTail{}, false, false
}

// keepTail keeps t, the tail after an event just written, for the batch's
// next event.
func keepTail(ctx context.Context, t chainTail, salted bool) {
	if b := batchStateOf(ctx); b != nil && b.keepsTail {
		b.tail, b.salted = &t, salted
	}
}

// forgetTail drops the kept tail: a write rolled back may have taken its
// events with it.
func forgetTail(ctx context.Context) {
	if b := batchStateOf(ctx); b != nil {
		b.tail = nil
	}
}

// inBatch runs fn in the batch's transaction between a savepoint and its
// release; an error rolls back to the savepoint.
func inBatch(ctx context.Context, tx *sql.Tx, fn func(tx *sql.Tx) error) error {
	if _, err := tx.ExecContext(ctx, "SAVEPOINT batch_write"); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		forgetTail(ctx)
		if _, rerr := tx.ExecContext(ctx, "ROLLBACK TO batch_write; RELEASE batch_write"); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	_, err := tx.ExecContext(ctx, "RELEASE batch_write")
	return err
}

// q is where a single-statement read runs.
func (d *DB) q(ctx context.Context) querier {
	if tx := batchOf(ctx); tx != nil {
		return tx
	}
	return d.db
}

// withTx is a context under which the store's reads (view, q) join tx, an
// open transaction, as they join a batch's: a method reading inside its
// own transaction calls others that read.
func withTx(ctx context.Context, tx *sql.Tx) context.Context {
	if b := batchStateOf(ctx); b != nil && b.tx == tx {
		return ctx // the batch's own: one tail for all its writes
	}
	return context.WithValue(ctx, batchKey{}, &batchState{tx: tx})
}
