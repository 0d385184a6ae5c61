package osmem

import (
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
