package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// languageAdd is "Aggiungi una lingua" in Settings > Languages (issue #18):
// the coordinator adds the language of the person in front of them by its
// BCP 47 tag, its name in itself, its script (one the bundled fonts draw)
// and its direction; its texts start empty and the mediators fill them in
// the review of the texts. Errors come under their fields; nothing is
// saved until every field is right.
type languageAdd struct {
	u                    *App
	tag, native, english *widget.Entry
	script, direction    *widget.Select
	fields               []*field
	status               *widget.Label
	onAdded              func()
}

func newLanguageAdd(u *App, onAdded func()) *languageAdd {
	a := &languageAdd{u: u, tag: widget.NewEntry(), native: widget.NewEntry(), english: widget.NewEntry(),
		status: wrapped(), onAdded: onAdded}
	a.tag.SetPlaceHolder("ha, om, sd-Arab…")
	a.script = widget.NewSelect(model.FontScripts, nil)
	a.script.SetSelected("Latn")
	a.direction = widget.NewSelect([]string{u.t("languages.dir_ltr"), u.t("languages.dir_rtl")}, nil)
	a.direction.SetSelectedIndex(0)
	a.fields = []*field{newField("tag", u.t("languages.add_tag"), a.tag), newField("native", u.t("languages.add_native"), a.native),
		newField("english", u.t("languages.add_english"), a.english), newField("script", u.t("languages.add_script"), a.script),
		newField("direction", u.t("languages.add_direction"), a.direction)}
	return a
}

func (a *languageAdd) build() fyne.CanvasObject {
	u := a.u
	title := widget.NewLabelWithStyle(u.t("languages.add_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	add := widget.NewButton(u.t("languages.add_button"), a.onAdd)
	u.chainEntries(a.onAdd, a.tag, a.native, a.english)
	return container.NewVBox(title, wrappedText(u.t("languages.add_intro")), formGrid(a.fields...),
		container.NewBorder(nil, nil, nil, add, a.status), widget.NewSeparator())
}

// language is the language as typed.
func (a *languageAdd) language() model.Language {
	dir := model.LTR
	if a.direction.SelectedIndex() == 1 {
		dir = model.RTL
	}
	return model.Language{Tag: strings.TrimSpace(a.tag.Text), Native: strings.TrimSpace(a.native.Text),
		English: strings.TrimSpace(a.english.Text), Script: a.script.Selected, Direction: dir}
}

// onAdd checks the language where it was typed, then adds it.
func (a *languageAdd) onAdd() {
	u, db, by, l := a.u, a.u.db, a.u.op.ID, a.language()
	if err := l.Validate(); err != nil {
		u.showFieldErrors(err, a.fields...)
		return
	}
	u.showFieldErrors(nil, a.fields...)
	save(u, func(ctx context.Context) error {
		if err := db.AddLanguage(ctx, l, by); err != nil {
			return err
		}
		return applyTexts(ctx, db)
	}, func(err error) {
		if err != nil {
			if !u.showFieldErrors(err, a.fields...) {
				a.status.Importance = widget.DangerImportance
				say(a.status, u.errText(err))
			}
			return
		}
		a.status.Importance = widget.SuccessImportance
		say(a.status, u.tr.Tf("languages.added", map[string]any{"Name": l.Native}))
		for _, e := range []*widget.Entry{a.tag, a.native, a.english} {
			e.SetText("")
		}
		if a.onAdded != nil {
			a.onAdded()
		}
	})
}
