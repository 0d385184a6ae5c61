package ui

// Background work, as Jacalz/rymdport's bridge does it: a screen asks for
// work with one typed helper, the work runs off the UI goroutine and hands
// back only its result, and the screen shows that result inside fyne.Do.
// A work function never writes a screen's fields nor a variable the screen
// reads: what it found is its return value, a small struct when a screen
// loads several things.
//
// Starting work counts as input for the idle lock; while the window is
// locked, the result waits for the unlock (it may show personal data), and
// after a sign-out it is dropped. The context of a read (load) is
// cancelled when the operator signs out or the window closes; a write the
// operator asked for (write, save) is never cut halfway by that.

import (
	"context"
)

// load runs work off the UI goroutine, then, on the UI goroutine (inside
// fyne.Do), show with its result or failed with its error. work's context
// is cancelled when the operator signs out or the window closes.
func load[T any](u *App, work func(ctx context.Context) (T, error), show func(T), failed func(error)) {
	held(u, u.idle.ctx, work, show, failed)
}

// write is load for work that writes: its context is not cancelled by a
// sign-out or the closing of the window, so a save the operator asked for
// is finished, never rolled back halfway; only show or failed is dropped.
// What the write changed comes back as its result: work saves a copy of
// the record the screen holds, never the screen's own.
func write[T any](u *App, work func(ctx context.Context) (T, error), show func(T), failed func(error)) {
	held(u, context.WithoutCancel(u.idle.ctx), work, show, failed)
}

// save is write for work with no result: done gets its error, nil when it
// went well.
func save(u *App, work func(ctx context.Context) error, done func(error)) {
	write(u, func(ctx context.Context) (struct{}, error) { return struct{}{}, work(ctx) },
		func(struct{}) { done(nil) }, done)
}

// held starts work in ctx; its result waits for the unlock, and is dropped
// after a sign-out. Starting it is input.
func held[T any](u *App, ctx context.Context, work func(context.Context) (T, error), show func(T), failed func(error)) {
	u.idle.poke()
	session := u.idle.session
	spawn(u, ctx, work, func(v T, err error) {
		u.idle.whenShown(session, func() {
			if err != nil {
				failed(err)
				return
			}
			show(v)
		})
	})
}

// unheld runs work as save does, for the idle lock's own work and the
// sign-out: its result is not held by the lock nor dropped, and starting it
// is not input.
func unheld(u *App, work func(ctx context.Context) error, done func(error)) {
	spawn(u, context.Background(), func(ctx context.Context) (struct{}, error) { return struct{}{}, work(ctx) },
		func(_ struct{}, err error) { done(err) })
}

// spawn runs work on its own goroutine and done with its result through
// u.do (fyne.Do); with u.sync (the tests), both inline.
func spawn[T any](u *App, ctx context.Context, work func(context.Context) (T, error), done func(T, error)) {
	if u.sync {
		done(work(ctx))
		return
	}
	u.pending.Add(1)
	do := u.do
	go func() {
		v, err := work(ctx)
		do(func() {
			defer u.pending.Add(-1)
			done(v, err)
		})
	}()
}
