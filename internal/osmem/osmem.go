// Package osmem keeps the program's memory within what a desk laptop can
// give: it bounds Go's runtime for a job (BoundJob), and gives memory no
// longer used back to the system: Go's heap (debug.FreeOSMemory) and, on
// Linux with glibc, the C heap the window's libraries use (malloc_trim).
// Go's scavenger and glibc give it back only slowly or never, and a window
// that has just computed the indicators of a regional desk would otherwise
// keep its peak for minutes.
package osmem

import "runtime/debug"

// Release collects Go's garbage and returns the free pages of both heaps to
// the system, and lets go of the program's clean pages as SmallPages does
// (the font files a window parsed in place are tables of the binary,
// never read again once parsed). It takes a few milliseconds: call it off
// the UI goroutine, after a heavy piece of work, not in a loop.
func Release() { release() }

// release is Release, telling how many bytes of the program's mappings it
// let go of.
func release() int {
	debug.FreeOSMemory()
	trimC()
	dropped, _ := dropProgramPages()
	return dropped
}
