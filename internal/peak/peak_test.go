package peak

import (
	"runtime"
	"testing"
)

// TestPeakSeesAnAllocation: a 64 MB buffer touched after Reset shows in
// the peak, and the peak is at least the resident set.
func TestPeakSeesAnAllocation(t *testing.T) {
	if !Reset() {
		t.Skip("this system does not let the peak resident set be reset (not Linux)")
	}
	before := RSS()
	buf := make([]byte, 64<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	after := RSS()
	runtime.KeepAlive(buf)
	if after < before+60<<20 {
		t.Errorf("peak went from %d to %d after touching 64 MB", before, after)
	}
	if now, top := Current(), RSS(); now > top {
		t.Errorf("resident %d above the peak %d", now, top)
	}
}
