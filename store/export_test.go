package store

import "testing"

// HandDesk is a new desk with the hand-counted rows of handDesk, for the
// tests of other packages' output (store_test).
func HandDesk(t testing.TB) *DB {
	d := newTestDB(t)
	handDesk(t, d)
	return d
}
