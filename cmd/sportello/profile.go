package main

import (
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile to the file SPORTELLO_CPUPROFILE names,
// for the developers measuring a regional-size desk; stop ends it.
func startProfile() (stop func()) {
	path := os.Getenv("SPORTELLO_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
