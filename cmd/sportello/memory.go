package main

import "sportello/internal/osmem"

// boundMemory sets Go's runtime for the commands' jobs (osmem.BoundJob:
// never hold past 192 MiB); export collects more seldom (osmem.ExportGC),
// the window more often (windowMemory).
func boundMemory() { osmem.BoundJob(osmem.JobGC) }
