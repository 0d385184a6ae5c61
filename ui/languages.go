package ui

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
	"sportello/printouts"
)

// languagesView is Settings > Languages: every language a person may speak,
// with its script, direction, how many texts it has, its review state, and
// a sample sentence drawn by scriptText, so a mediator can say whether it
// reads right.
type languagesView struct {
	u    *App
	rows *fyne.Container
}

func newLanguagesView(u *App) *languagesView {
	return &languagesView{u: u, rows: container.NewVBox(widget.NewLabel(u.t("case.loading")))}
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
	intro := widget.NewLabel(v.u.t("languages.intro"))
	intro.Wrapping = fyne.TextWrapWord
	u := v.u
	specimen := widget.NewButtonWithIcon(u.t("languages.print_specimen"), theme.DocumentPrintIcon(), func() {
		langs := model.Languages() // the desk's added languages too
		u.printPDF("campione-lingue.pdf", func(w io.Writer) error { return printouts.RenderSpecimen(w, langs) })
	})
	top := container.NewVBox(intro, container.NewHBox(specimen))
	if u := v.u; u.op != nil && u.op.May(model.PermTexts) && u.home != nil { // mediators and the coordinator own the translations
		top.Add(container.NewHBox(widget.NewButtonWithIcon(u.t("texts.button"), theme.DocumentIcon(), func() {
			u.home.list.list.UnselectAll()
			u.home.show(newTextsReview(u).build())
		})))
	}
	if u := v.u; u.op != nil && u.op.May(model.PermSettings) { // the coordinator adds a language
		top.Add(newLanguageAdd(u, v.reload).build())
	}
	return container.NewVScroll(container.NewPadded(container.NewVBox(top, v.rows)))
}

// reload reads the languages' rows again (after one is added).
func (v *languagesView) reload() {
	load(v.u, languageRows, func(rows []languageRow) {
		v.rows.RemoveAll()
		for _, r := range rows {
			v.rows.Add(v.row(r))
		}
	}, func(err error) {
		v.rows.Objects = []fyne.CanvasObject{widget.NewLabel(v.u.errText(err))}
		v.rows.Refresh()
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

func (v *languagesView) row(r languageRow) fyne.CanvasObject {
	u := v.u
	name := newScriptText(r.lang.Native, r.lang.Tag)
	name.bold = true
	count := func(a locales.Area) string {
		c := r.coverage[a]
		return fmt.Sprintf("%d/%d", c.Translated, c.Total)
	}
	facts := fmt.Sprintf("%s · %s · %s · %s", r.lang.Tag, u.label("lang", r.lang.Tag), r.lang.Script,
		u.t("languages.dir_"+string(r.lang.Direction)))
	texts := u.tr.Tf("languages.coverage", map[string]any{"Interface": count(locales.AreaInterface),
		"Questionnaire": count(locales.AreaQuestionnaire), "Documents": count(locales.AreaDocuments)})
	review := widget.NewLabel(u.t("languages.draft"))
	review.Importance = widget.WarningImportance
	if r.review.State == locales.Reviewed {
		review.SetText(u.tr.Tf("languages.reviewed", map[string]any{"By": r.review.By, "Date": r.review.Date}))
		review.Importance = widget.SuccessImportance
	}
	review.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(facts + "\n" + texts)
	info.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, name, nil, container.NewGridWithColumns(2, info, review))
	return container.NewVBox(head, newScriptParagraph(r.sample, r.lang.Tag), widget.NewSeparator())
}
