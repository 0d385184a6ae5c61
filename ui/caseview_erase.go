package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// eraseButton opens a coordinator's erasure of the person.
func (v *caseView) eraseButton() *widget.Button {
	b := widget.NewButtonWithIcon(v.u.t("erase.action"), theme.DeleteIcon(), func() {
		newEraseDialog(v.u, v.personID, v.person.CaseCode, "", func() {
			v.u.home.list.reload()
			v.load()
		}).show()
	})
	b.Importance = widget.DangerImportance
	return b
}

// showErased shows what is left of a person erased: the case code, when
// and why they were erased, the tally and the cases. Nothing can be added
// to the file any more.
func (v *caseView) showErased() {
	u, p := v.u, v.person
	name := widget.NewLabelWithStyle(u.t("erase.anonymised"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	objs := []fyne.CanvasObject{container.NewVBox(name, widget.NewLabel(p.CaseCode)), erasedBanner(u, v.erasure),
		widget.NewCard(u.t("case.profile"), u.t("erase.tally"), v.profile()),
		widget.NewLabelWithStyle(u.t("case.cases"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, c := range v.cases {
		objs = append(objs, v.caseCard(c))
	}
	if card := v.accessCard(); card != nil {
		objs = append(objs, card)
	}
	v.box.Objects = objs
	v.box.Refresh()
}

// onTodayErase opens the erasure of a person whose retention period is over,
// from the Today list, the reason already chosen.
func (v *today) onErase(it model.TodayItem) {
	newEraseDialog(v.u, it.PersonID, it.CaseCode, model.ErasureRetentionEnded, func() {
		v.u.home.list.reload()
		v.u.home.show(v.build())
	}).show()
}
