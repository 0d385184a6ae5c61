package store

import (
	"encoding/hex"

	"github.com/google/uuid"
)

// newUID makes the stable ID a record keeps on every desk it reaches:
// 128 bits as 32 lowercase hex digits, a UUID of version 7 (RFC 9562): the
// time of its making to the millisecond, then 74 bits of which 62 random.
// Made in time order, the IDs of new records go to the end of each table's
// index of IDs, where wholly random ones went anywhere in it: on a desk of
// 100,000 persons every insert read and wrote back a page of each index
// through the encryption. A pseudonymised export replaces them all.
func newUID() string {
	u, err := uuid.NewV7()
	if err != nil {
		panic("store: no randomness for a record ID: " + err.Error())
	}
	return hex.EncodeToString(u[:])
}
