package osmem

import (
	"os"
	"runtime/debug"
)

// JobLimit bounds the memory Go's runtime holds during a job. A job
// streams record by record and keeps only tens of MB alive (an import of
// 100,000 fully documented persons about 70 MB), but by default Go lets
// its heap grow to twice what is alive before it collects: with the
// program, SQLite's pages and a batch in flight, that went past 300 MB.
const JobLimit = 192 << 20

// How far Go's heap may grow past what is alive before it collects (GOGC)
// in a job. JobGC is Go's default: an import keeps some 70 MB alive, and
// letting it grow further would only bring it to JobLimit sooner.
// ExportGC is an export's: it keeps little alive and made most of its
// garbage, so it collects seldom (the limit still bounds it): the persons
// of 100,000 with their cases spent a fifth of their time collecting at
// 100; at 400 1.38 s instead of 1.70 s, at 170 MB.
const (
	JobGC    = 100
	ExportGC = 400
)

// BoundJob sets Go's runtime for a job: collect when the heap has grown by
// gcPercent past what is alive, and never hold more than JobLimit (Go
// collects harder as its heap nears it). A GOGC or GOMEMLIMIT set in the
// environment wins. It gives back a function that puts the settings as
// they were, for a benchmark that runs as the command does.
func BoundJob(gcPercent int) (restore func()) {
	gc, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(gc)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(JobLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}
