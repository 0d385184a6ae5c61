package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// textsReview is "Testi per le persone" (issue #18, from Settings >
// Languages): a mediator (or the
// coordinator, model.PermTexts; the store refuses anyone else) chooses a
// language and an area — the questionnaire or one document — and sees
// every text beside its Italian source and the English, corrects it
// where it is (texts_review_row.go), with the rendering as it will print,
// and marks the area reviewed with their name and the date. A correction
// takes effect at once on screen and in the next printout; until an area
// and the shared texts are reviewed its document prints "draft".
type textsReview struct {
	u          *App
	lang, area *widget.Select
	state      *widget.Label
	mark       *widget.Button
	rows       *fyne.Container
	items      []*textRow       // the texts shown, in rows' order
	langs      []model.Language // the languages offered, in the Select's order
	pending    []locales.Change // the changes of the file being imported, shown for a yes (texts_share.go)
	reviewed   bool             // the area shown is marked reviewed on this desk
}

func newTextsReview(u *App) *textsReview {
	v := &textsReview{u: u, state: wrapped(), rows: container.NewVBox()}
	var langNames, areaNames []string
	for _, l := range model.Languages() {
		if locales.ReviewOf(l.Tag).State == locales.Reviewed {
			continue // a reference text (Italian, English): the project's, not the desk's
		}
		v.langs = append(v.langs, l)
		name := u.label("lang", l.Tag)
		if !strings.EqualFold(l.Native, name) { // Wolof is "wolof" in Italian too
			name = l.Native + " · " + name
		}
		langNames = append(langNames, name)
	}
	for _, a := range locales.ReviewAreas {
		areaNames = append(areaNames, u.t("texts.area_"+a.ID))
	}
	v.lang = widget.NewSelect(langNames, func(string) { v.show() })
	v.area = widget.NewSelect(areaNames, func(string) { v.show() })
	v.mark = widget.NewButton(u.t("texts.mark_reviewed"), v.onMark)
	return v
}

func (v *textsReview) build() fyne.CanvasObject {
	u := v.u
	title := widget.NewLabelWithStyle(u.t("texts.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	choose := container.NewGridWithColumns(2, v.lang, v.area)
	share := container.NewHBox(widget.NewButton(u.t("texts.export"), v.onExport), widget.NewButton(u.t("texts.import"), v.onImport))
	top := container.NewVBox(title, wrappedText(u.t("texts.intro")), choose, share,
		container.NewBorder(nil, nil, nil, v.mark, v.state), widget.NewSeparator())
	v.lang.SetSelectedIndex(0)
	v.area.SetSelectedIndex(0)
	return container.NewBorder(top, nil, nil, nil, u.followFocus(container.NewVScroll(v.rows)))
}

// chosen is the language and the review area on screen.
func (v *textsReview) chosen() (model.Language, locales.ReviewArea, bool) {
	li, ai := v.lang.SelectedIndex(), v.area.SelectedIndex()
	if li < 0 || ai < 0 {
		return model.Language{}, locales.ReviewArea{}, false
	}
	return v.langs[li], locales.ReviewAreas[ai], true
}

// show lists the area's texts in the language, and its review state.
func (v *textsReview) show() {
	lang, area, ok := v.chosen()
	if !ok {
		return
	}
	keys, err := locales.AreaKeys(area.ID)
	v.rows.RemoveAll()
	v.items = v.items[:0]
	if err != nil {
		v.rows.Add(wrappedText(err.Error()))
		return
	}
	for _, k := range keys {
		r := newTextRow(v, lang, k)
		v.items = append(v.items, r)
		v.rows.Add(r.build())
	}
	v.rows.Refresh()
	v.showState(lang.Tag, area.ID)
}

// showState says whether the area is reviewed, by whom and when.
func (v *textsReview) showState(lang, area string) {
	u := v.u
	r := locales.ReviewOfArea(lang, area)
	v.reviewed = r.State == locales.Reviewed && locales.ReviewOf(lang).State != locales.Reviewed
	switch {
	case r.State != locales.Reviewed:
		v.state.Importance = widget.WarningImportance
		say(v.state, u.t("texts.state_draft"))
		v.mark.SetText(u.t("texts.mark_reviewed"))
	default:
		v.state.Importance = widget.SuccessImportance
		say(v.state, u.tr.Tf("texts.state_reviewed", map[string]any{"By": r.By, "Date": italianDate(r.Date)}))
		v.mark.SetText(u.t("texts.unmark_reviewed"))
	}
	v.mark.Enable()
	if locales.ReviewOf(lang).State == locales.Reviewed {
		v.mark.Disable() // reviewed by the project: nothing for the desk to mark
	}
}

// onMark marks the area reviewed by the operator today, or takes the mark
// away, and reads the desk's texts again.
func (v *textsReview) onMark() {
	lang, area, ok := v.chosen()
	if !ok {
		return
	}
	u, db, by, mark := v.u, v.u.db, v.u.op.ID, !v.reviewed
	v.mark.Disable()
	save(u, func(ctx context.Context) error {
		if err := db.MarkReviewed(ctx, lang.Tag, area.ID, mark, by); err != nil {
			return err
		}
		return applyTexts(ctx, db)
	}, func(err error) {
		if err != nil {
			v.fail(err)
			v.mark.Enable()
			return
		}
		v.showState(lang.Tag, area.ID)
	})
}

// applyTexts reads the desk's corrections and reviews and hands them to
// locales: every person's text on screen and on paper reads them.
func applyTexts(ctx context.Context, db Store) error {
	layer, err := db.TextLayer(ctx)
	if err != nil {
		return fmt.Errorf("texts: %w", err)
	}
	layer.Apply()
	return nil
}

// loadTexts applies the desk's corrections after a sign-in.
func (u *App) loadTexts() {
	db := u.db
	load(u, func(ctx context.Context) (*store.TextLayer, error) {
		err := applyTexts(ctx, db)
		return nil, err
	}, func(*store.TextLayer) {}, func(error) {})
}

// fail says, on the state line, why something was not done.
func (v *textsReview) fail(err error) {
	v.state.Importance = widget.DangerImportance
	say(v.state, v.u.errText(err))
}

// italianDate is YYYY-MM-DD as dd/mm/yyyy.
func italianDate(iso string) string {
	if len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
}
