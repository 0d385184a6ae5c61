package main

import (
	"context"
	"fmt"

	"sportello/demo"
	"sportello/model"
	"sportello/store"
)

func (c *cli) demo(args []string) int {
	fs, db := c.flags("demo")
	persons := fs.Int("persons", 60, c.tr.T("cli.flag_persons"))
	prefix := fs.String("prefix", "", c.tr.T("cli.flag_prefix"))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if *persons < 0 {
		fmt.Fprintln(c.errw, c.tr.T("cli.demo_bad_count"))
		return 2
	}
	if *db == "" {
		// Never the window's database: demo data never enters a real desk.
		fmt.Fprintln(c.errw, c.tr.T("cli.demo_needs_db"))
		return 2
	}
	if *prefix != "" {
		if err := model.CheckCasePrefix(*prefix); err != nil {
			c.fail(err)
			return 2
		}
	}
	d, ok := c.openDemo(*db)
	if !ok {
		return 1
	}
	defer d.Close()
	return c.seedDemo(d, *persons, *prefix)
}

// demoCacheMiB is the page cache of `sportello demo`, which writes every
// record through the program's own saving code: with the window's 8 MiB,
// a 100,000-person desk read most pages back through the encryption.
var demoCacheMiB = 64

// openDemo creates a demo desk at path, or opens the demo desk already
// there; anything else (a real desk, a plain or foreign file) is refused
// and left untouched.
func (c *cli) openDemo(path string) (*store.DB, bool) {
	opt := storeOptions
	opt.Demo = true
	opt.CacheMiB = demoCacheMiB
	opt.Alone = true
	switch {
	case store.State(path) == store.DeskAbsent:
		d, _, err := store.Create(path, opt)
		if err != nil {
			c.fail(err)
			return nil, false
		}
		return d, true
	case store.IsDemoDesk(path):
		d, _, err := store.Unlock(path, opt, demo.Coordinator, demo.Password)
		if err != nil {
			c.fail(err)
			return nil, false
		}
		return d, true
	}
	c.fail(&store.OpenError{Problem: store.ProblemNotDemo, Path: path})
	return nil, false
}

func (c *cli) seedDemo(d *store.DB, persons int, prefix string) int {
	ctx := context.Background()
	if prefix != "" {
		if err := d.SaveSettings(ctx, map[string]string{model.SettingCasePrefix: prefix}, 0); err != nil {
			c.fail(err)
			return 1
		}
	}
	bar := newProgress(c.errw, isTerminal(c.errw), persons, c.tr.T("cli.demo_bar"), func(done, total int) string {
		return c.tr.Tf("cli.demo_progress", map[string]any{"Done": c.tr.Number(done), "Total": c.tr.Number(total)})
	})
	demo.Progress = bar.set
	added, err := demo.Make(ctx, d, persons)
	if err == nil && prefix != "" && added > 0 {
		// A second desk of the demo association has a name of its own.
		err = d.SaveSettings(ctx, map[string]string{store.SettingDesk: "Sportello " + prefix + " (demo)"}, 0)
	}
	if err != nil {
		c.fail(err)
		return 1
	}
	fmt.Fprintln(c.out, c.tr.Tf("cli.demo_done", map[string]any{"Added": added, "Path": d.Path(),
		"Password": demo.Password}))
	return 0
}
