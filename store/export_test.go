package store

import "testing"

// HandDesk is a new desk with the hand-counted rows of handDesk, for the
// tests of other packages' output (store_test).
func HandDesk(t testing.TB) *DB {
	d := newTestDB(t)
	handDesk(t, d)
	return d
}

// BenchIndicatorDesk is benchIndicatorDesk: n persons with what every
// indicator reads, for the report's benchmark (store_test).
func BenchIndicatorDesk(b *testing.B, n int) *DB { return benchIndicatorDesk(b, n) }
