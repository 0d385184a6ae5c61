package ui

import (
	"fyne.io/fyne/v2"
)

// background runs work off the UI goroutine, then done on it with work's
// result. Database and file work always goes through here. Starting work
// counts as input for the idle lock; while the window is locked, done
// waits for the unlock (it may show personal data), and after a sign-out
// it is dropped.
func (u *App) background(work func() error, done func(error)) {
	u.idle.poke()
	session := u.idle.session
	u.run(work, func(err error) {
		u.idle.whenShown(session, func() { done(err) })
	})
}

// run is background without the idle lock's hold, for the lock's own work.
func (u *App) run(work func() error, done func(error)) {
	if u.sync {
		done(work())
		return
	}
	go func() {
		err := work()
		fyne.Do(func() { done(err) })
	}()
}
