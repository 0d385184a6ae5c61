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
	if *prefix != "" {
		if err := model.CheckCasePrefix(*prefix); err != nil {
			c.fail(err)
			return 2
		}
	}
	return c.withDB(*db, func(d *store.DB) int {
		if *prefix != "" {
			if err := d.SaveSettings(context.Background(), map[string]string{model.SettingCasePrefix: *prefix}, 0); err != nil {
				c.fail(err)
				return 1
			}
		}
		demo.Progress = func(done, total int) {
			fmt.Fprintln(c.errw, c.tr.Tf("cli.demo_progress", map[string]any{"Done": done, "Total": total}))
		}
		added, err := demo.Seed(context.Background(), d, *persons)
		if err == nil && *prefix != "" && added > 0 {
			// A second desk of the demo association has a name of its own.
			err = d.SaveSettings(context.Background(), map[string]string{store.SettingDesk: "Sportello " + *prefix + " (demo)"}, 0)
		}
		if err != nil {
			c.fail(err)
			return 1
		}
		fmt.Fprintln(c.out, c.tr.Tf("cli.demo_done", map[string]any{"Added": added, "Path": d.Path(),
			"Password": demo.Password}))
		return 0
	})
}
