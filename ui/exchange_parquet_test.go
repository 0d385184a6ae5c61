package ui

import (
	"testing"
	"time"

	"sportello/exchange"
)

// TestSuggestedNameByFormat: every export format the screen offers has a
// label and a file name of its own; Parquet is a ZIP of Parquet files.
func TestSuggestedNameByFormat(t *testing.T) {
	was := nowFunc
	nowFunc = func() time.Time { return time.Date(2026, 3, 14, 10, 0, 0, 0, time.Local) }
	t.Cleanup(func() { nowFunc = was })
	for _, tc := range []struct {
		format string
		want   string
	}{
		{exchange.FormatCSV, "sportello-2026-03-14-pseudo-csv.zip"},
		{exchange.FormatParquet, "sportello-2026-03-14-pseudo-parquet.zip"},
		{exchange.FormatXLSX, "sportello-2026-03-14-pseudo.xlsx"},
	} {
		if got := suggestedName(exchange.Options{Format: tc.format, Pseudonymised: true}); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.format, got, tc.want)
		}
	}
	for _, f := range exchange.Formats {
		if formatKeys[f] == "" {
			t.Errorf("format %s has no label", f)
		}
	}
}
