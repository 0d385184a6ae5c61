package osmem

import (
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// heapBytes reads Go's heap memory of a class: "free" (free, still
// resident) or "released" (given back to the system).
func heapBytes(class string) uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/" + class + ":bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

var keep [][]byte

// TestReleaseGivesBackGarbage: 64 MB of garbage, once released, is given
// back to the system, not kept free in the heap. Go's own accounting, not
// the resident memory, which the race detector's shadow keeps high.
func TestReleaseGivesBackGarbage(t *testing.T) {
	for range 64 {
		b := make([]byte, 1<<20)
		for i := range b {
			b[i] = 1
		}
		keep = append(keep, b)
	}
	before := heapBytes("released")
	keep = nil
	Release()
	released, free := heapBytes("released")-before, heapBytes("free")
	if released < 48<<20 {
		t.Errorf("Release gave back %d MB of 64 MB of garbage", released>>20)
	}
	if free > 16<<20 {
		t.Errorf("after Release %d MB are free but still held", free>>20)
	}
}

// TestBoundJob: a job collects at the pace it asks under a 192 MiB limit,
// unless the environment says otherwise; restore puts back what was there.
func TestBoundJob(t *testing.T) {
	for _, tc := range []struct {
		gogc, limit string
		wantGC      int
		wantLimit   int64
	}{
		{"", "", ExportGC, JobLimit},
		{"150", "", 150, JobLimit},
		{"", "1GiB", ExportGC, 1 << 30},
	} {
		t.Setenv("GOGC", tc.gogc)
		t.Setenv("GOMEMLIMIT", tc.limit)
		gc0 := debug.SetGCPercent(77) // as the environment would have set them at start
		lim0 := debug.SetMemoryLimit(1 << 30)
		if tc.gogc != "" {
			debug.SetGCPercent(150)
		}
		restore := BoundJob(ExportGC)
		gc := debug.SetGCPercent(-1)
		debug.SetGCPercent(gc)
		if lim := debug.SetMemoryLimit(-1); gc != tc.wantGC || lim != tc.wantLimit {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: GC at %d, limit %d; want %d, %d", tc.gogc, tc.limit, gc, lim, tc.wantGC, tc.wantLimit)
		}
		restore()
		gc = debug.SetGCPercent(-1)
		debug.SetGCPercent(gc)
		if want := map[bool]int{true: 150, false: 77}[tc.gogc != ""]; gc != want || debug.SetMemoryLimit(-1) != 1<<30 {
			t.Errorf("restore: GC at %d, limit %d", gc, debug.SetMemoryLimit(-1))
		}
		debug.SetGCPercent(gc0)
		debug.SetMemoryLimit(lim0)
	}
}
