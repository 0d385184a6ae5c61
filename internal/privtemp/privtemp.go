// Package privtemp makes the private temporary directories that hold, for
// the length of one job, what the program writes encrypted under a key it
// keeps only in memory (the scratch store of the indicators over exports,
// the tables of a tabular export). A job that ends removes its own; one
// that was killed cannot, so the next one removes those older than a day,
// which no job still running can have made.
package privtemp

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Stale is how old a directory left behind must be to be removed.
const Stale = 24 * time.Hour

// Make makes a new directory in the system's temporary one, named from
// prefix and readable by this user only, after removing the directories
// of the same prefix left there more than Stale ago.
func Make(prefix string) (string, error) {
	removeStale(os.TempDir(), prefix, time.Now().Add(-Stale))
	return os.MkdirTemp("", prefix)
}

// removeStale removes the directories in dir named from prefix that were
// last changed before cutoff; what cannot be removed is left.
func removeStale(dir, prefix string, cutoff time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}
