package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Only a demo desk's tables may be copied out unencrypted; the copy is a
// plain SQLite file with the desk's rows.
func TestCopyDemoTables(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	plain := filepath.Join(t.TempDir(), "plain.db")
	if err := d.CopyDemoTables(ctx, plain, "persons"); !errors.Is(err, ErrNotDemo) {
		t.Fatalf("a real desk's tables: %v", err)
	}
	if _, err := os.Stat(plain); !os.IsNotExist(err) {
		t.Fatalf("a refused copy left a file: %v", err)
	}
	d.demo = true
	if err := d.CopyDemoTables(ctx, plain, "settings"); err == nil {
		t.Fatal("a table that is not an exchanged entity's was copied")
	}
	if err := d.CopyDemoTables(ctx, plain, "persons", "cases"); err != nil {
		t.Fatal(err)
	}
	var want, got int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM persons").Scan(&want); err != nil {
		t.Fatal(err)
	}
	c, err := sql.Open("sqlite3", "file:"+plain+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.QueryRowContext(ctx, "SELECT count(*) FROM persons").Scan(&got); err != nil || got != want {
		t.Fatalf("the copy has %d persons (%v), the desk %d", got, err, want)
	}
}
