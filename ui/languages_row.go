package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/printouts"
)

// languageItem is one row of Settings > Languages, made for the rows on
// screen and given each language in turn as the list scrolls.
type languageItem struct {
	name, sample *scriptText
	info, review *widget.Label
	box          *fyne.Container
}

func (v *languagesView) newItem() fyne.CanvasObject {
	it := &languageItem{name: newScriptText("", "it"), sample: newScriptParagraph("", "it"),
		info: widget.NewLabel(""), review: widget.NewLabel("")}
	it.name.bold = true
	// As tall as most rows (facts on two lines, a sentence): the list takes
	// a row not yet shown to be as tall as this one, and a scroll to the
	// bottom goes that far.
	it.info.SetText(" \n ")
	it.sample.SetText(printouts.Specimen(locales.Default).Sentences[2], locales.Default)
	it.info.Wrapping = fyne.TextWrapWord
	it.review.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, it.name, nil, container.NewGridWithColumns(2, it.info, it.review))
	// The list's scroll bar is drawn over the rows' right edge: a right-to-
	// left sentence starts there, so the row keeps clear of it.
	bar := canvas.NewRectangle(color.Transparent)
	bar.SetMinSize(fyne.NewSize(theme.Size(theme.SizeNameScrollBar), 0))
	it.box = container.NewBorder(nil, nil, nil, bar, container.NewVBox(head, it.sample, widget.NewSeparator()))
	c := &languageCell{item: it}
	c.ExtendBaseWidget(c)
	return c
}

// languageCell holds a languageItem in the list.
type languageCell struct {
	widget.BaseWidget
	item *languageItem
}

func (c *languageCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.item.box)
}

// updateItem shows row id in o, and tells the list the row's height at
// the list's width: the sentence and the facts wrap.
func (v *languagesView) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(v.rows) {
		return
	}
	c := o.(*languageCell)
	v.fill(c.item, v.rows[id])
	v.settled()
	c.Resize(fyne.NewSize(v.list.Size().Width, c.MinSize().Height))
	v.list.SetItemHeight(id, c.MinSize().Height)
}

// fill sets the row's texts for r.
func (v *languagesView) fill(it *languageItem, r languageRow) {
	u := v.u
	count := func(a locales.Area) string {
		c := r.coverage[a]
		return fmt.Sprintf("%d/%d", c.Translated, c.Total)
	}
	facts := fmt.Sprintf("%s · %s · %s · %s", r.lang.Tag, u.label("lang", r.lang.Tag), r.lang.Script,
		u.t("languages.dir_"+string(r.lang.Direction)))
	texts := u.tr.Tf("languages.coverage", map[string]any{"Interface": count(locales.AreaInterface),
		"Questionnaire": count(locales.AreaQuestionnaire), "Documents": count(locales.AreaDocuments)})
	it.name.SetText(r.lang.Native, r.lang.Tag)
	it.info.SetText(facts + "\n" + texts)
	it.review.Importance = widget.WarningImportance
	it.review.SetText(u.t("languages.draft"))
	if r.review.State == locales.Reviewed {
		it.review.Importance = widget.SuccessImportance
		it.review.SetText(u.tr.Tf("languages.reviewed", map[string]any{"By": r.review.By, "Date": r.review.Date}))
	}
	it.sample.SetText(r.sample, r.lang.Tag)
}

// settled gives the memory of the rows scrolled past back to the system
// once the list has been still for a moment: scrolled through, the 28
// languages' rows parse every script's faces and leave them, with Fyne's
// rows let go, as garbage Go keeps for minutes.
func (v *languagesView) settled() { v.still.soon() }
