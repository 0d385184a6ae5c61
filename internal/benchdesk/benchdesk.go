// Package benchdesk gives benchmarks a demo desk of a regional size: made
// once by the demo generator (as `sportello demo --persons N` makes it)
// and kept between runs in SPORTELLO_BENCH_DIR, or the system's temporary
// folder, since 100,000 fully documented persons take minutes to make.
// Every person in it is fictional.
package benchdesk

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sportello/demo"
	"sportello/store"
)

// Options are those of a benchmark desk: a cheap password derivation.
var Options = store.Options{KDF: store.KDFParams{Time: 1, MemKiB: 64, Threads: 1}, Demo: true}

// Sizes are the desk sizes the benchmarks run at: SPORTELLO_BENCH_SIZES
// (persons, separated by commas, e.g. "10000,50000,100000"), or 10,000.
func Sizes() []int {
	var out []int
	for _, f := range strings.Split(os.Getenv("SPORTELLO_BENCH_SIZES"), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		out = []int{10000}
	}
	return out
}

// Name is a size as a benchmark names it: "10k", "100k".
func Name(persons int) string {
	if persons%1000 == 0 {
		return fmt.Sprintf("%dk", persons/1000)
	}
	return strconv.Itoa(persons)
}

// Path is the kept demo desk of persons persons, made now if it is not
// there yet. Its accounts are the demo's (demo.Coordinator, demo.Password).
// Benchmarks that write to a desk copy it first (Copy).
func Path(tb testing.TB, persons int) string {
	tb.Helper()
	dir := os.Getenv("SPORTELLO_BENCH_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	// Made by an earlier schema, the desk is brought up to date when opened.
	path := filepath.Join(dir, fmt.Sprintf("sportello-bench-%d.db", persons))
	if store.State(path) != store.DeskAbsent {
		return path
	}
	tmp := path + ".making"
	removeDesk(tmp)
	tb.Logf("making a demo desk of %d persons in %s (once; kept for the next runs)", persons, path)
	db, _, err := store.Create(tmp, Options)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := demo.Make(context.Background(), db, persons); err != nil {
		db.Close()
		tb.Fatal(err)
	}
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	for _, suffix := range []string{".keys", ""} {
		if err := os.Rename(tmp+suffix, path+suffix); err != nil {
			tb.Fatal(err)
		}
	}
	return path
}

// Open unlocks the kept desk of persons persons as the demo coordinator.
func Open(tb testing.TB, persons int) *store.DB {
	tb.Helper()
	db, _, err := store.Unlock(Path(tb, persons), Options, demo.Coordinator, demo.Password)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// Copy copies the kept desk of persons persons (database and key file)
// into a temporary folder of the benchmark's and unlocks the copy.
func Copy(tb testing.TB, persons int) *store.DB {
	tb.Helper()
	src := Path(tb, persons)
	dst := filepath.Join(tb.TempDir(), "sportello.db")
	for _, suffix := range []string{"", ".keys"} {
		if err := copyFile(src+suffix, dst+suffix); err != nil {
			tb.Fatal(err)
		}
	}
	db, _, err := store.Unlock(dst, Options, demo.Coordinator, demo.Password)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func removeDesk(path string) {
	for _, suffix := range []string{"", ".keys", ".lock", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
