package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// texts moves a language's corrections between desks (issue #18):
// "texts export --lang L --out FILE" writes them as a go-i18n TOML file;
// "texts import --lang L FILE" shows what the file would change and, with
// --apply, keeps it. Mediators and the coordinator.
func (c *cli) texts(args []string) int {
	if len(args) == 0 || (args[0] != "export" && args[0] != "import") {
		fmt.Fprintln(c.errw, c.tr.T("cli.help_texts"))
		return 2
	}
	action := args[0]
	fs, db := c.flags("texts")
	lang := fs.String("lang", "", c.tr.T("cli.flag_texts_lang"))
	out := fs.String("out", "", c.tr.T("cli.flag_out"))
	apply := fs.Bool("apply", false, c.tr.T("cli.flag_texts_apply"))
	user := c.userFlag(fs)
	if code, ok := c.parse(fs, args[1:]); !ok {
		return code
	}
	if _, ok := model.LanguageByTag(*lang); !ok || *lang == locales.Default ||
		action == "export" && *out == "" || action == "import" && fs.NArg() != 1 {
		fmt.Fprintln(c.errw, c.tr.T("cli.help_texts"))
		return 2
	}
	access := deskAccess{what: "texts " + action + " " + *lang}
	return c.withDesk(*db, *user, access, func(d *store.DB, op *model.Operator) int {
		if action == "export" {
			return c.exportTexts(d, *lang, *out)
		}
		return c.importTexts(d, op, *lang, fs.Arg(0), *apply)
	})
}

// exportTexts writes the desk's corrections of lang.
func (c *cli) exportTexts(d *store.DB, lang, path string) int {
	layer, err := d.TextLayer(context.Background())
	if err != nil {
		c.fail(err)
		return 1
	}
	texts, header := layer.Export(lang)
	code := c.writeFile(path, func(f *os.File) error { return locales.WriteCorrections(f, header, texts) })
	if code == 0 {
		fmt.Fprintln(c.out, c.tr.Tf("cli.texts_exported", map[string]any{"N": len(texts), "Path": path}))
	}
	return code
}

// importTexts shows what the file would change and keeps it with apply.
func (c *cli) importTexts(d *store.DB, op *model.Operator, lang, path string, apply bool) int {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.cannot_read", map[string]any{"Path": path, "Detail": err.Error()}))
		return 1
	}
	defer f.Close()
	incoming, err := locales.ReadCorrections(f)
	if err != nil {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.texts_refused", map[string]any{"Path": path, "Detail": err.Error()}))
		return 1
	}
	ctx := context.Background()
	layer, err := d.TextLayer(ctx)
	if err != nil {
		c.fail(err)
		return 1
	}
	layer.Apply()
	changes := locales.Changes(lang, incoming)
	for _, ch := range changes {
		fmt.Fprintf(c.out, "%s\n  - %s\n  + %s\n", ch.ID, ch.Before, ch.After)
	}
	if !apply || len(changes) == 0 {
		fmt.Fprintln(c.out, c.tr.Tf("cli.texts_would_change", map[string]any{"N": len(changes)}))
		return 0
	}
	texts := map[string]string{}
	for _, ch := range changes {
		texts[ch.ID] = ch.After
	}
	if err := d.ImportCorrections(ctx, lang, texts, filepath.Base(path), op.ID); err != nil {
		c.fail(err)
		return 1
	}
	fmt.Fprintln(c.out, c.tr.Tf("cli.texts_imported", map[string]any{"N": len(changes)}))
	return 0
}
