package report

import (
	"io"
	"testing"
)

// BenchmarkWriteXLSX and BenchmarkWritePDF write the hand desk's report of
// every indicator: the time does not grow with the persons, only with the
// indicators, breakdowns and months (ComputeIndicators is the store's,
// benchmarked there at 100,000 persons).
func BenchmarkWriteXLSX(b *testing.B) {
	in := handInput("it")
	for b.Loop() {
		if err := WriteXLSX(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWritePDF(b *testing.B) {
	in := handInput("it")
	for b.Loop() {
		if err := WritePDF(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}
