package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"strings"

	"github.com/ncruces/go-sqlite3"
	sqlitedriver "github.com/ncruces/go-sqlite3/driver"
)

// maxCachedStmts bounds the prepared statements kept on the connection:
// the store's queries are a few hundred texts, and one kept statement is
// a few kilobytes of SQLite's memory.
const maxCachedStmts = 400

// cachingConnector opens the driver's connections, runs init on each, and
// keeps the statements prepared on it for the next use of the same SQL:
// database/sql prepares, runs and closes a statement for every query with
// arguments, and SQLite's parsing and planning was half of the cost of a
// write (the demo desk, a person's file saved).
type cachingConnector struct {
	inner driver.Connector
	init  func(c *sqlite3.Conn) error
}

func (c *cachingConnector) Driver() driver.Driver { return c.inner.Driver() }

func (c *cachingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	dc, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	sc, ok := dc.(sqlitedriver.Conn)
	if !ok {
		dc.Close()
		return nil, errors.New("the driver's connection is not SQLite's")
	}
	if c.init != nil {
		if err := c.init(sc.Raw()); err != nil {
			dc.Close()
			return nil, err
		}
	}
	return &cachingConn{Conn: sc, stmts: map[string]*cachedStmt{}}, nil
}

// cachingConn is a driver connection with its statements kept. It is used
// by one goroutine at a time (database/sql's rule for a connection).
type cachingConn struct {
	sqlitedriver.Conn
	stmts map[string]*cachedStmt
	trace func(query string) // when set, told every query prepared (RecordQueries)
}

// ExecContext runs a text of several statements (a migration) at once;
// one statement, with arguments or without (a savepoint, taken and let go
// for every write in a batch), is answered ErrSkip so that database/sql
// prepares it, here from the cache, instead of SQLite parsing it again
// each time.
func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) == 0 && strings.Contains(query, ";") {
		if e, ok := c.Conn.(driver.ExecerContext); ok {
			return e.ExecContext(ctx, query, args)
		}
	}
	return nil, driver.ErrSkip
}

func (c *cachingConn) CheckNamedValue(arg *driver.NamedValue) error {
	if v, ok := c.Conn.(driver.NamedValueChecker); ok {
		return v.CheckNamedValue(arg)
	}
	return driver.ErrSkip
}

// PrepareContext gives the kept statement for query when it is idle; a
// statement still in use (rows being read while the same query runs
// again) gets a fresh one, closed after use as usual.
func (c *cachingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if c.trace != nil {
		c.trace(query)
	}
	if s, ok := c.stmts[query]; ok && !s.busy {
		s.busy = true
		return s, nil
	}
	st, err := c.Conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if _, ok := c.stmts[query]; ok {
		return st, nil
	}
	if len(c.stmts) >= maxCachedStmts {
		c.dropIdle()
	}
	s := &cachedStmt{Stmt: st, busy: true}
	c.stmts[query] = s
	return s, nil
}

// dropIdle finalizes the kept statements not in use.
func (c *cachingConn) dropIdle() {
	for q, s := range c.stmts {
		if !s.busy {
			s.Stmt.Close()
			delete(c.stmts, q)
		}
	}
}

// Close finalizes every kept statement, then closes the connection.
func (c *cachingConn) Close() error {
	for q, s := range c.stmts {
		s.Stmt.Close()
		delete(c.stmts, q)
	}
	return c.Conn.Close()
}

// cachedStmt is a kept statement: closing it resets it for the next use.
type cachedStmt struct {
	driver.Stmt
	busy bool
}

// resetter is what the driver's statement has of SQLite's.
type resetter interface {
	Reset() error
	ClearBindings() error
}

func (s *cachedStmt) Close() error {
	var err error
	if r, ok := s.Stmt.(resetter); ok {
		err = errors.Join(r.Reset(), r.ClearBindings())
	}
	s.busy = false
	return err
}

func (s *cachedStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s *cachedStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
}

func (s *cachedStmt) CheckNamedValue(arg *driver.NamedValue) error {
	if v, ok := s.Stmt.(driver.NamedValueChecker); ok {
		return v.CheckNamedValue(arg)
	}
	return driver.ErrSkip
}
