// Package peak measures the most memory a piece of work takes: the
// process's peak resident set (VmHWM), reset before the work starts, so
// that benchmarks report peak memory beside time. Linux only; elsewhere it
// reports nothing.
package peak

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
)

// Reset returns what the heap no longer needs to the system and starts
// the peak anew from the memory the process holds now. It tells whether
// the peak could be reset.
func Reset() bool {
	debug.FreeOSMemory()
	// Writing 5 to clear_refs resets the peak resident set (Linux ≥ 4.0).
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// RSS is the process's peak resident set since the last Reset, in bytes;
// 0 where the system does not tell it.
func RSS() uint64 {
	return status("VmHWM:")
}

// Current is the process's resident set now, in bytes.
func Current() uint64 {
	return status("VmRSS:")
}

func status(field string) uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.HasPrefix(line, []byte(field)) {
			continue
		}
		f := bytes.Fields(line[len(field):])
		if len(f) == 0 {
			return 0
		}
		kb, err := strconv.ParseUint(string(f[0]), 10, 64)
		if err != nil {
			return 0
		}
		return kb * 1024
	}
	return 0
}

// Report adds the peak resident set since Reset to a benchmark's figures,
// in MB ("peak-MB"), beside the time.
func Report(b *testing.B) {
	if rss := RSS(); rss > 0 {
		b.ReportMetric(float64(rss)/(1<<20), "peak-MB")
	}
}

// Heap is the Go heap in use after a collection, in bytes: what the live
// objects hold, for a benchmark reporting the memory a structure keeps.
func Heap() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapInuse)
}
