package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// textRow is one text of the review (texts_review.go): its Italian source
// and the English, the language's text to correct, the rendering as it
// will print, and what became of the last save, on the field.
type textRow struct {
	v       *textsReview
	lang    model.Language
	key     string
	entry   *widget.Entry
	preview *scriptText
	status  *widget.Label
	saveBtn *widget.Button
}

func newTextRow(v *textsReview, lang model.Language, key string) *textRow {
	r := &textRow{v: v, lang: lang, key: key, entry: widget.NewMultiLineEntry(), status: wrapped()}
	r.entry.Wrapping = fyne.TextWrapWord
	r.entry.SetMinRowsVisible(2)
	r.entry.SetText(r.current())
	if r.entry.Text == "" {
		r.entry.SetPlaceHolder(v.u.t("texts.missing"))
	}
	r.preview = newScriptParagraph(r.entry.Text, lang.Tag)
	r.entry.OnChanged = func(s string) { r.preview.SetText(s, lang.Tag) }
	r.saveBtn = widget.NewButtonWithIcon(v.u.t("texts.save"), theme.DocumentSaveIcon(), r.onSave)
	r.showOrigin()
	return r
}

// current is the language's text as a person reads it now: the desk's
// correction, else the embedded draft, else nothing (Italian is printed).
func (r *textRow) current() string {
	l := locales.ForPerson(r.lang.Tag)
	if !l.Has(r.key) {
		return ""
	}
	if locales.Corrected(r.lang.Tag, r.key) {
		return locales.CorrectionText(r.lang.Tag, r.key)
	}
	return locales.Source(r.lang.Tag, r.key)
}

func (r *textRow) build() fyne.CanvasObject {
	u := r.v.u
	key := widget.NewLabel(r.key)
	key.SizeName = theme.SizeNameCaptionText
	it := wrappedText(u.t("texts.italian") + ": " + locales.Source(locales.Default, r.key))
	en := wrappedText(u.t("texts.english") + ": " + locales.Source("en", r.key))
	return container.NewVBox(key, it, en, r.entry, r.preview,
		container.NewBorder(nil, nil, nil, r.saveBtn, r.status), widget.NewSeparator())
}

// showOrigin says whether the text is a correction of this desk.
func (r *textRow) showOrigin() {
	r.status.Importance = widget.MediumImportance
	switch {
	case locales.Corrected(r.lang.Tag, r.key):
		say(r.status, r.v.u.t("texts.corrected_here"))
	case r.entry.Text == "":
		r.status.Importance = widget.WarningImportance
		say(r.status, r.v.u.t("texts.missing"))
	default:
		say(r.status, "")
	}
}

// onSave keeps the correction, checked first as the store checks it so
// that the message comes on the field, in the operator's language.
func (r *textRow) onSave() {
	u, db, by := r.v.u, r.v.u.db, r.v.u.op.ID
	text := strings.TrimSpace(r.entry.Text)
	if text == strings.TrimSpace(locales.Source(r.lang.Tag, r.key)) && !locales.Corrected(r.lang.Tag, r.key) {
		return // the draft as it is: nothing to keep
	}
	if err := locales.CheckCorrection(r.key, text); text != "" && err != nil {
		r.fail(err)
		return
	}
	lang, key := r.lang.Tag, r.key
	r.saveBtn.Disable()
	save(u, func(ctx context.Context) error {
		if err := db.SaveCorrection(ctx, lang, key, text, by); err != nil {
			return err
		}
		return applyTexts(ctx, db)
	}, func(err error) {
		r.saveBtn.Enable()
		if err != nil {
			r.fail(err)
			return
		}
		if text == "" {
			r.entry.SetText(r.current()) // the draft back
		}
		r.showOrigin()
		r.status.Importance = widget.SuccessImportance
		say(r.status, u.t("texts.saved"))
	})
}

// fail shows why the text was not kept, under it.
func (r *textRow) fail(err error) {
	u := r.v.u
	r.status.Importance = widget.DangerImportance
	var ce *locales.CorrectionError
	if errors.As(err, &ce) {
		say(r.status, u.tr.Tf("texts.error_"+ce.Kind, map[string]any{"Want": strings.Join(ce.Want, " "),
			"Got": strings.Join(ce.Got, " ")}))
		return
	}
	say(r.status, u.errText(err))
}
