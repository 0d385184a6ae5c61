package ui

import (
	"bytes"
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
)

// A language's corrections go to another desk as one file (go-i18n TOML,
// locales.WriteCorrections) and come from one with their differences
// shown before they are kept (the review screen's export and import).

// onExport writes the desk's corrections of the language on screen.
func (v *textsReview) onExport() {
	lang, _, ok := v.chosen()
	if !ok {
		return
	}
	u, db := v.u, v.u.db
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		write(u, func(ctx context.Context) (int, error) {
			layer, err := db.TextLayer(ctx)
			if err != nil {
				return 0, err
			}
			texts, header := layer.Export(lang.Tag)
			var buf bytes.Buffer
			if err := locales.WriteCorrections(&buf, header, texts); err != nil {
				return 0, err
			}
			_, err = wc.Write(buf.Bytes())
			if cerr := wc.Close(); err == nil {
				err = cerr
			}
			return len(texts), err
		}, func(n int) {
			v.state.Importance = widget.SuccessImportance
			say(v.state, u.tr.Tf("texts.exported", map[string]any{"N": n, "Path": wc.URI().Path()}))
		}, v.fail)
	}, u.win)
	d.SetFileName("sportello-texts-" + lang.Tag + ".toml")
	d.Show()
}

// onImport reads a file of corrections for the language on screen.
func (v *textsReview) onImport() {
	v.u.openFile([]string{".toml"}, v.importData, v.fail)
}

// openFile asks for a file with one of the extensions and hands its bytes
// and name to read, or why it could not be read to failed.
func (u *App) openFile(exts []string, read func(data []byte, name string), failed func(error)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			failed(err)
			return
		}
		read(data, rc.URI().Name())
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}

// importData shows what the file would change and keeps it when the
// mediator says so; a file with a text that does not fit is refused whole.
func (v *textsReview) importData(data []byte, name string) {
	lang, _, ok := v.chosen()
	if !ok {
		return
	}
	u := v.u
	incoming, err := locales.ReadCorrections(bytes.NewReader(data))
	if err != nil {
		v.state.Importance = widget.DangerImportance
		say(v.state, u.tr.Tf("texts.import_refused", map[string]any{"Detail": err.Error()}))
		return
	}
	changes := locales.Changes(lang.Tag, incoming)
	if len(changes) == 0 {
		v.state.Importance = widget.MediumImportance
		say(v.state, u.t("texts.import_nothing"))
		return
	}
	list := container.NewVBox()
	for _, c := range changes {
		list.Add(widget.NewLabelWithStyle(c.ID, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		list.Add(wrappedText(u.t("texts.before") + ": " + c.Before))
		list.Add(newScriptParagraph(c.After, lang.Tag))
	}
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(600, 360))
	body := container.NewBorder(wrappedText(u.tr.Tf("texts.import_changes", map[string]any{"N": len(changes), "File": name})), nil, nil, nil, scroll)
	dialog.ShowCustomConfirm(u.t("texts.import_title"), u.t("texts.import_apply"), u.t("form.cancel"), body, func(yes bool) {
		if yes {
			v.applyImport(lang.Tag, changes, name)
		}
	}, u.win)
	v.pending = changes
}

// applyImport keeps the changes and shows the texts again.
func (v *textsReview) applyImport(lang string, changes []locales.Change, name string) {
	u, db, by := v.u, v.u.db, v.u.op.ID
	texts := map[string]string{}
	for _, c := range changes {
		texts[c.ID] = c.After
	}
	save(u, func(ctx context.Context) error {
		if err := db.ImportCorrections(ctx, lang, texts, name, by); err != nil {
			return err
		}
		return applyTexts(ctx, db)
	}, func(err error) {
		if err != nil {
			v.fail(err)
			return
		}
		v.show()
		v.state.Importance = widget.SuccessImportance
		say(v.state, u.tr.Tf("texts.imported", map[string]any{"N": len(changes)}))
	})
}
