package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
)

// viewRaw is view for the few reads of hundreds of thousands of rows,
// where database/sql's conversion of every value costs more than SQLite's
// own work (the programme indicators): fn first checks what it must
// through tx, then reads through raw, the same connection's SQLite handle,
// inside the same read transaction (the same snapshot). raw is only for
// use inside fn's call to rawRead.
func (d *DB) viewRaw(ctx context.Context, fn func(tx *sql.Tx, raw rawRead) error) error {
	if batchOf(ctx) != nil {
		return errors.New("a raw read inside a batch") // the one connection is the batch's
	}
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	read := func(f func(c *sqlite3.Conn) error) error {
		return conn.Raw(func(dc any) error {
			c, ok := dc.(driver.Conn)
			if !ok {
				return errors.New("the database has no SQLite connection")
			}
			defer c.Raw().SetInterrupt(c.Raw().SetInterrupt(ctx))
			return f(c.Raw())
		})
	}
	return fn(tx, read)
}

// rawRead runs f with the SQLite handle of a viewRaw transaction; tx may
// not be used until it returns.
type rawRead func(f func(c *sqlite3.Conn) error) error

// rawEach runs query on c with its numbered parameters ?1, ?2… bound to
// args (those the query does not use are left out) and calls fn on each
// row. The row's text is SQLite's own memory: fn copies what it keeps.
func rawEach(c *sqlite3.Conn, query string, args []string, fn func(s *sqlite3.Stmt) error) error {
	s, _, err := c.Prepare(query)
	if err != nil {
		return err
	}
	defer s.Close()
	for i := 0; i < min(len(args), s.BindCount()); i++ {
		if err := s.BindText(i+1, args[i]); err != nil {
			return err
		}
	}
	for s.Step() {
		if err := fn(s); err != nil {
			return err
		}
	}
	return s.Err()
}
