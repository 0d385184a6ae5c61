package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
)

// ErrNotDemo refuses to copy a desk's data out in plaintext: only a demo
// desk's data, all fictional, may leave it unencrypted.
var ErrNotDemo = errors.New("only a demo desk's tables may be copied unencrypted")

// CopyDemoTables copies tables (exchanged entities' tables, as persons or
// cases) of a demo desk, rows and columns as they are, into a new plain
// SQLite file at path (which must not exist), so that tools that cannot
// read the encrypted desk can: the benchmarks compare the export with the
// sqlite3 command line dumping the same tables. Refused on any desk that is
// not a demo's (ErrNotDemo).
func (d *DB) CopyDemoTables(ctx context.Context, path string, tables ...string) error {
	if !d.demo {
		return ErrNotDemo
	}
	for _, t := range tables {
		if !slices.Contains(tableNames(), t) {
			return fmt.Errorf("copying demo tables: unknown table %q", t)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("copying demo tables: %w", err)
	}
	f.Close()
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("copying demo tables: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "ATTACH ? AS plain", fileURI(path)+"?"+url.Values{"vfs": {"os"}}.Encode()); err != nil {
		return fmt.Errorf("copying demo tables: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "DETACH plain")
	for _, t := range tables {
		if _, err := conn.ExecContext(ctx, "CREATE TABLE plain."+t+" AS SELECT * FROM main."+t); err != nil {
			return fmt.Errorf("copying demo table %s: %w", t, err)
		}
	}
	return nil
}

// tableNames are the exchanged entities' tables.
func tableNames() []string {
	out := make([]string, 0, len(entityTables))
	for _, t := range entityTables {
		out = append(out, t)
	}
	return out
}
