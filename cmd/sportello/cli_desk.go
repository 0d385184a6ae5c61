package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"sportello/model"
	"sportello/store"
)

// stdin is read one line per secret, so a script can give several.
var stdin = bufio.NewReader(os.Stdin)

// secret gives a secret: the environment variable env when set, or the
// next line of standard input.
func secret(env string) (string, error) {
	if v := os.Getenv(env); v != "" {
		return v, nil
	}
	line, err := stdin.ReadString('\n')
	if err != nil && line == "" {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// readPassword gives the operator's password: SPORTELLO_PASSWORD, or the
// first line of standard input.
var readPassword = func() (string, error) { return secret("SPORTELLO_PASSWORD") }

// storeOptions are the options every command opens a desk with.
var storeOptions = store.Options{BusyTimeout: time.Second}

// deskAccess says how a command opens the desk.
type deskAccess struct {
	shared bool             // beside a running window: a reader (backup)
	need   model.Permission // a permission the operator needs, "" for none
	what   string
}

// withDesk unlocks the --db desk for --user, with the password from
// SPORTELLO_PASSWORD or standard input, records the command in the audit
// trail with that operator, runs fn and closes the desk. A plain database
// of an earlier version is sealed first when the user is a coordinator.
func (c *cli) withDesk(flagValue, user string, a deskAccess, fn func(*store.DB, *model.Operator) int) int {
	password, code := c.passwordOf(user)
	if code != 0 {
		return code
	}
	d, op, code := c.unlock(dbPath(flagValue), user, password, a.shared)
	if d == nil {
		return code
	}
	defer d.Close()
	if a.need != "" && !op.May(a.need) {
		fmt.Fprintln(c.errw, c.tr.T("cli.needs_coordinator"))
		return 1
	}
	if err := d.RecordCommand(context.Background(), op.ID, a.what); err != nil {
		c.fail(err)
		return 1
	}
	// What the command reads and writes of people's files is checked in
	// the store against the operator's role, as in the window.
	return fn(d.As(op), op)
}

// passwordOf reads the password of --user; a missing user or password is
// said, with exit code 2.
func (c *cli) passwordOf(user string) (string, int) {
	if user == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.needs_user"))
		return "", 2
	}
	password, err := readPassword()
	if err != nil || password == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.needs_password"))
		return "", 2
	}
	return password, 0
}

// unlock opens the desk at path; a plain one is sealed on the way.
func (c *cli) unlock(path, user, password string, shared bool) (*store.DB, *model.Operator, int) {
	opt := storeOptions
	opt.Shared = shared
	if store.State(path) == store.DeskPlaintext {
		d, op, recovery, err := store.Seal(path, storeOptions, user, password)
		if err != nil {
			c.fail(err)
			return nil, nil, 1
		}
		fmt.Fprintln(c.errw, c.tr.Tf("cli.sealed", map[string]any{"Path": path, "Key": recovery}))
		c.tellAccountsWithoutKey(d)
		if shared {
			d.Close()
			return c.unlock(path, user, password, shared)
		}
		return d, op, 0
	}
	d, op, err := store.Unlock(path, opt, user, password)
	if err != nil {
		c.fail(err)
		return nil, nil, 1
	}
	return d, op, 0
}

// tellAccountsWithoutKey names the accounts a coordinator must set a
// password for again, after a seal or a rekey.
func (c *cli) tellAccountsWithoutKey(d *store.DB) {
	if names, err := d.AccountsWithoutKey(context.Background()); err == nil && len(names) > 0 {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.accounts_without_key", map[string]any{"Names": strings.Join(names, ", ")}))
	}
}

// userFlag adds --user to a command's flags.
func (c *cli) userFlag(fs interface {
	String(name, value, usage string) *string
}) *string {
	return fs.String("user", "", c.tr.T("cli.flag_user"))
}
