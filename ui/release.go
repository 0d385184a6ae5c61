package ui

import (
	"time"

	"sportello/internal/osmem"
)

// releaseLater gives the window's free memory back to the system
// (osmem.Release) once it has been left alone for a moment: after a
// screen is left or a list scrolled, what they made is garbage Go and
// glibc keep for minutes (ten edits of a person in a row left the window
// at 188 MB from 166). Used from the UI goroutine.
type releaseLater struct {
	timer   *time.Timer
	release func()        // osmem.Release, or a test's
	wait    time.Duration // stillFor, or a test's
}

// soon (re)starts the wait: the memory is given back a moment (stillFor)
// after the last call.
func (r *releaseLater) soon() {
	wait, release := r.wait, r.release
	if wait == 0 {
		wait = stillFor
	}
	if release == nil {
		release = osmem.Release
	}
	if r.timer == nil {
		r.timer = time.AfterFunc(wait, release)
		return
	}
	r.timer.Reset(wait)
}

// stillFor is how long the window is left alone before its garbage is given back.
const stillFor = 2 * time.Second
