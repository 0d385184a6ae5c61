package main

import "sportello/internal/osmem"

// boundMemory sets Go's runtime for the commands' jobs (osmem.BoundJob:
// collect seldom, never hold past 192 MiB); the window sets its own
// collection pace after it (windowMemory).
func boundMemory() { osmem.BoundJob() }
