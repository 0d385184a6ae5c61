package main

import (
	"os"
	"testing"

	"sportello/store"
)

// TestMain keeps password hashing and key slots cheap in the command-line
// tests: each command unlocks the desk, and the real argon2id cost (64 MiB,
// three passes) is for people, not for hundreds of test runs. The cost is
// stored with each slot, so the code path is the same.
func TestMain(m *testing.M) {
	storeOptions.KDF = store.KDFParams{Time: 1, MemKiB: 64, Threads: 1}
	os.Exit(m.Run())
}
