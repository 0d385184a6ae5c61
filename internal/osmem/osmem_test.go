package osmem

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// rss reads this process's resident memory in kB (Linux only).
func rss(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status on %s: resident memory is not read here", runtime.GOOS)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	t.Fatal("no VmRSS")
	return 0
}

var keep [][]byte

// TestReleaseGivesBackGarbage: 64 MB of garbage, once released, is no
// longer resident.
func TestReleaseGivesBackGarbage(t *testing.T) {
	before := rss(t)
	for range 64 {
		b := make([]byte, 1<<20)
		for i := range b {
			b[i] = 1
		}
		keep = append(keep, b)
	}
	grown := rss(t)
	keep = nil
	Release()
	after := rss(t)
	if grown-before < 48<<10 {
		t.Fatalf("the garbage did not grow the process: %d → %d kB", before, grown)
	}
	if after > before+16<<10 {
		t.Errorf("after Release %d kB resident, %d before the garbage, %d with it", after, before, grown)
	}
}
