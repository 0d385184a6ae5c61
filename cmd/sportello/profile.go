package main

import (
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
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
	stop = func() {
		pprof.StopCPUProfile()
		f.Close()
	}
	// A profiled window is often ended from outside: the profile is kept.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-sig
		stop()
		os.Exit(1)
	}()
	return stop
}
