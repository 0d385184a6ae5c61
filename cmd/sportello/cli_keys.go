package main

import (
	"context"
	"fmt"

	"sportello/model"
	"sportello/store"
)

// restore replaces the desk with a backup, after checking it.
func (c *cli) restore(args []string) int {
	fs, db := c.flags("restore")
	from := fs.String("from", "", c.tr.T("cli.flag_from"))
	user := c.userFlag(fs)
	withRecovery := fs.Bool("recovery-key", false, c.tr.T("cli.flag_recovery_key"))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if *from == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.restore_needs_from"))
		return 2
	}
	cred := store.Credentials{Username: *user}
	var err error
	switch {
	case *withRecovery:
		cred.Username = ""
		cred.Recovery, err = secret("SPORTELLO_RECOVERY_KEY")
	case *user == "":
		fmt.Fprintln(c.errw, c.tr.T("cli.needs_user"))
		return 2
	default:
		cred.Password, err = readPassword()
	}
	if err != nil {
		fmt.Fprintln(c.errw, c.tr.T("cli.needs_password"))
		return 2
	}
	path := dbPath(*db)
	ctx := context.Background()
	res, err := store.Restore(ctx, path, *from, storeOptions, cred)
	if err != nil {
		c.fail(err)
		return 1
	}
	var d *store.DB
	var op *model.Operator
	if cred.Username != "" {
		d, op, err = store.Unlock(path, storeOptions, cred.Username, cred.Password)
	} else {
		d, err = store.UnlockRecovery(path, storeOptions, cred.Recovery)
	}
	if err == nil {
		by := int64(0)
		if op != nil {
			by = op.ID
		}
		err = d.RecordRestore(ctx, by, *from)
		d.Close()
	}
	if err != nil {
		c.fail(err)
		return 1
	}
	fmt.Fprintln(c.out, c.tr.Tf("cli.restore_done", map[string]any{"From": *from, "Path": path}))
	if res.Replaced != "" {
		fmt.Fprintln(c.out, c.tr.Tf("cli.restore_replaced", map[string]any{"Path": res.Replaced}))
	}
	for _, t := range res.Counts {
		fmt.Fprintf(c.out, "%s\t%d\n", t.Table, t.Rows)
	}
	return 0
}

// rekey replaces the data key; the new recovery key is printed once.
func (c *cli) rekey(args []string) int {
	fs, db := c.flags("rekey")
	user := c.userFlag(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	password, code := c.passwordOf(*user)
	if code != 0 {
		return code
	}
	path := dbPath(*db)
	recovery, err := store.Rekey(path, storeOptions, *user, password)
	if err != nil {
		c.fail(err)
		return 1
	}
	fmt.Fprintln(c.out, c.tr.Tf("cli.rekey_done", map[string]any{"Key": recovery}))
	if d, _, err := store.Unlock(path, storeOptions, *user, password); err == nil {
		c.tellAccountsWithoutKey(d)
		d.Close()
	}
	return 0
}

// password changes the user's own password, or with --reset NAME (a
// coordinator) sets another account's.
func (c *cli) password(args []string) int {
	fs, db := c.flags("password")
	user := c.userFlag(fs)
	reset := fs.String("reset", "", c.tr.T("cli.flag_reset"))
	deactivate := fs.String("deactivate", "", c.tr.T("cli.flag_deactivate"))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	what := "password"
	if *deactivate != "" {
		what = "deactivate " + *deactivate
	}
	return c.withDesk(*db, *user, deskAccess{what: what}, func(d *store.DB, op *model.Operator) int {
		ctx := context.Background()
		var err error
		switch {
		case *deactivate != "":
			err = d.Deactivate(ctx, *deactivate, op)
		case *reset != "":
			var pw string
			if pw, err = secret("SPORTELLO_NEW_PASSWORD"); err == nil {
				err = d.ResetPassword(ctx, *reset, pw, op)
			}
		default:
			var pw string
			current, _ := readPassword()
			if pw, err = secret("SPORTELLO_NEW_PASSWORD"); err == nil {
				err = d.ChangePassword(ctx, op.Username, current, pw)
			}
		}
		if err != nil {
			c.fail(err)
			return 1
		}
		fmt.Fprintln(c.out, c.tr.T("cli.password_done"))
		return 0
	})
}

// recover opens the desk with the recovery key and sets a new password
// for a coordinator's account.
func (c *cli) recover(args []string) int {
	fs, db := c.flags("recover")
	user := fs.String("user", "", c.tr.T("cli.flag_recover_user"))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if *user == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.needs_user"))
		return 2
	}
	key, err := secret("SPORTELLO_RECOVERY_KEY")
	if err != nil {
		fmt.Fprintln(c.errw, c.tr.T("cli.needs_password"))
		return 2
	}
	pw, err := secret("SPORTELLO_NEW_PASSWORD")
	if err != nil {
		fmt.Fprintln(c.errw, c.tr.T("cli.needs_password"))
		return 2
	}
	d, err := store.UnlockRecovery(dbPath(*db), storeOptions, key)
	if err != nil {
		c.fail(err)
		return 1
	}
	defer d.Close()
	if err := d.ResetPassword(context.Background(), *user, pw, nil); err != nil {
		c.fail(err)
		return 1
	}
	fmt.Fprintln(c.out, c.tr.T("cli.password_done"))
	return 0
}
