package store_test

import (
	"context"
	"testing"

	"sportello/internal/benchdesk"
	"sportello/internal/peak"
)

// BenchmarkDuplicatePairsDesk lists the whole desk's possible duplicate
// pairs, as the coordinator's Duplicates screen does, on the demo desks of
// SPORTELLO_BENCH_SIZES (every 50th demo person an earlier one registered
// again under another spelling), with the peak memory it took. Aims: within
// a minute, and the window under 200 MB.
func BenchmarkDuplicatePairsDesk(b *testing.B) {
	for _, n := range benchdesk.Sizes() {
		db := benchdesk.Open(b, n)
		u := coordinatorOf(b, db)
		b.Run(benchdesk.Name(n), func(b *testing.B) {
			var pairs int
			var top uint64
			for range b.N {
				peak.Reset()
				found, err := u.DuplicatePairs(context.Background(), nil)
				if err != nil {
					b.Fatal(err)
				}
				pairs = len(found)
				top = max(top, peak.RSS())
			}
			b.ReportMetric(float64(pairs), "pairs")
			b.ReportMetric(float64(top)/(1<<20), "peak-MB")
		})
	}
}
