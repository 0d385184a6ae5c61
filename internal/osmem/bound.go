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

// jobGCPercent is how far Go's heap may grow past what is alive before a
// job collects (GOGC): far, because the limit stops it first. An export of
// 100,000 persons with their cases spent a fifth of its time collecting at
// the default 100; at 400 it is 1.38 s instead of 1.70 s, at 166 MB.
const jobGCPercent = 400

// BoundJob sets Go's runtime for a job: collect seldom, and never hold
// more than JobLimit (Go collects harder as its heap nears it). A GOGC or
// GOMEMLIMIT set in the environment wins. It gives back a function that
// puts the settings as they were, for a benchmark that runs as the
// command does.
func BoundJob() (restore func()) {
	gc, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(gc)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(JobLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(jobGCPercent)
	}
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}
