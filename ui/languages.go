package ui

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/internal/osmem"
	"sportello/locales"
	"sportello/model"
	"sportello/printouts"
)

// languagesView is Settings > Languages: every language a person may speak,
// with its script, direction, how many texts it has, its review state, and
// a sample sentence drawn by scriptText, so a mediator can say whether it
// reads right.
//
// The languages are a list that makes rows only for those on screen: a
// row draws its language's name and sentence in its script's fonts, and
// all 28 at once parsed every script's faces (27 MB, the Chinese ones
// 15 MB); scrolled past, a row's faces are let go.
type languagesView struct {
	u     *App
	rows  []languageRow
	list  *widget.List
	state *widget.Label // loading, or what went wrong
	still releaseLater  // gives the memory back once the list is still (settled)
}

func newLanguagesView(u *App) *languagesView {
	v := &languagesView{u: u, state: widget.NewLabel(u.t("case.loading"))}
	v.list = widget.NewList(func() int { return len(v.rows) }, v.newItem, v.updateItem)
	v.list.OnSelected = func(widget.ListItemID) { v.list.UnselectAll() } // rows to read, not to choose
	return v
}

// languageRow is what one row shows, read off the UI goroutine.
type languageRow struct {
	lang     model.Language
	review   locales.Review
	coverage map[locales.Area]locales.Count
	sample   string
}

func (v *languagesView) build() fyne.CanvasObject {
	v.reload()
	u := v.u
	intro := widget.NewLabel(u.t("languages.intro"))
	intro.Wrapping = fyne.TextWrapWord
	specimen := widget.NewButtonWithIcon(u.t("languages.print_specimen"), theme.DocumentPrintIcon(), func() {
		langs := model.Languages() // the desk's added languages too
		u.printPDF("campione-lingue.pdf", func(w io.Writer) error { return printouts.RenderSpecimen(w, langs) })
	})
	buttons := container.NewHBox(specimen)
	if u.op != nil && u.op.May(model.PermTexts) && u.home != nil { // mediators and the coordinator own the translations
		buttons.Add(widget.NewButtonWithIcon(u.t("texts.button"), theme.DocumentIcon(), func() {
			u.home.list.list.UnselectAll()
			u.home.show(newTextsReview(u).build())
		}))
	}
	top := container.NewVBox(intro, buttons)
	if u.op != nil && u.op.May(model.PermSettings) { // the coordinator adds a language
		// Folded: open, the form would leave the list no room at 1024×600.
		top.Add(widget.NewAccordion(widget.NewAccordionItem(u.t("languages.add_title"),
			newLanguageAdd(u, v.reload).build())))
	}
	top.Add(v.state)
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, v.list)
}

// reload reads the languages' rows again (after one is added).
func (v *languagesView) reload() {
	load(v.u, languageRows, func(rows []languageRow) {
		v.rows = rows
		v.state.Hide()
		v.list.Refresh()
		// Every language's texts read for a sentence are garbage now:
		// given back, not kept for minutes.
		go osmem.Release()
	}, func(err error) {
		v.state.SetText(v.u.errText(err))
		v.state.Show()
	})
}

// languageRows reads each beneficiary language's review, coverage and
// sample sentence.
func languageRows(context.Context) ([]languageRow, error) {
	var rows []languageRow
	for _, l := range model.Languages() {
		cov, err := locales.Coverage(l.Tag)
		if err != nil {
			return nil, err
		}
		spec := printouts.Specimen(l.Tag)
		rows = append(rows, languageRow{lang: l, review: locales.ReviewOf(l.Tag), coverage: cov, sample: spec.Sentences[2]})
	}
	return rows, nil
}
