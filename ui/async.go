package ui

import (
	"fyne.io/fyne/v2"
)

// background runs work off the UI goroutine, then done on it with work's
// result. Database and file work always goes through here.
func (u *App) background(work func() error, done func(error)) {
	if u.sync {
		done(work())
		return
	}
	go func() {
		err := work()
		fyne.Do(func() { done(err) })
	}()
}
