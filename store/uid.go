package store

import (
	"crypto/rand"
	"encoding/hex"
)

// newUID makes the stable ID a record keeps on every desk it reaches:
// 128 random bits, as 32 lowercase hex digits.
func newUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("store: no randomness for a record ID: " + err.Error())
	}
	return hex.EncodeToString(b[:])
}
