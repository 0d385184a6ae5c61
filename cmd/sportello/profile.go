package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"
)

// startProfile writes a CPU profile to the file SPORTELLO_CPUPROFILE names
// and a heap profile to SPORTELLO_MEMPROFILE's (when the program ends, and
// every 20 s to the same name with .live added while it runs), for
// the developers measuring a regional-size desk; stop ends them.
func startProfile() (stop func()) {
	cpu, heap := os.Getenv("SPORTELLO_CPUPROFILE"), os.Getenv("SPORTELLO_MEMPROFILE")
	if cpu == "" && heap == "" {
		return func() {}
	}
	var f *os.File
	if cpu != "" {
		var err error
		if f, err = os.Create(cpu); err == nil && pprof.StartCPUProfile(f) != nil {
			f.Close()
			f = nil
		}
	}
	if heap != "" {
		go liveHeap(heap + ".live")
	}
	stop = func() {
		if f != nil {
			pprof.StopCPUProfile()
			f.Close()
		}
		if heap != "" {
			writeHeap(heap)
		}
	}
	// A profiled window is often ended from outside: the profiles are kept.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	var once sync.Once
	end := stop
	stop = func() { once.Do(end) } // the signal and main's return may both end it
	go func() {
		<-sig
		stop()
		os.Exit(1)
	}()
	return stop
}

// liveHeap rewrites the heap profile at path every 20 s: a long job's
// memory as it goes, where the profile at the end shows what is left.
func liveHeap(path string) {
	for range time.Tick(20 * time.Second) {
		if h, err := os.Create(path); err == nil {
			pprof.WriteHeapProfile(h)
			h.Close()
		}
	}
}

// writeHeap writes the live heap after a collection.
func writeHeap(path string) {
	h, err := os.Create(path)
	if err != nil {
		return
	}
	defer h.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(h); err != nil {
		fmt.Fprintln(os.Stderr, "heap profile:", err)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(os.Stderr, "heap: in use %d MB, from the system %d MB, released %d MB; stacks %d MB, other %d MB\n",
		m.HeapInuse>>20, m.HeapSys>>20, m.HeapReleased>>20, m.StackSys>>20, (m.Sys-m.HeapSys-m.StackSys)>>20)
}
