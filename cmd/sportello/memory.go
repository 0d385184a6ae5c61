package main

import (
	"os"
	"runtime/debug"
)

// goMemoryLimit bounds the memory Go's runtime holds. A job streams record
// by record and keeps only tens of MB alive (an import of 100,000 fully
// documented persons about 70 MB), but Go lets its heap grow to twice
// what is alive before it collects: with the program, SQLite's pages and
// a batch in flight, that went past 300 MB. The limit makes Go collect
// sooner only when its heap comes near it; a limit set in GOMEMLIMIT wins.
const goMemoryLimit = 192 << 20

func boundMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(goMemoryLimit)
	}
}
