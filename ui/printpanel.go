package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/printouts"
)

// printPanel prints a person's documents: the document, the language
// (the person's by default), and what some documents need.
type printPanel struct {
	u       *App
	person  *model.Person
	doc     *choice
	lang    *choice
	purpose *choice
	service *widget.Entry
	date    *widget.Entry
	dateFd  *field // the slip's date, for its message
	clock   *widget.Entry
	place   *widget.Entry
	bring   *widget.CheckGroup
	status  *widget.Label
}

func newPrintPanel(u *App, p *model.Person) *printPanel {
	v := &printPanel{u: u, person: p, doc: enumChoice(u, "document", printouts.Documents), lang: languageChoice(u),
		purpose: enumChoice(u, "purpose", model.ConsentPurposes), service: widget.NewEntry(), date: u.dateEntry(),
		clock: widget.NewEntry(), place: widget.NewEntry(), status: widget.NewLabel("")}
	v.status.Wrapping = fyne.TextWrapWord
	v.doc.setCode("rights")
	v.lang.setCode(p.PreferredLanguage)
	if v.lang.code() == "" {
		v.lang.setCode("it")
	}
	v.purpose.setCode(string(model.PurposeNotice))
	v.dateFd = newField("date", u.t("print.date"), v.date)
	v.clock.SetPlaceHolder("10:30")
	var labels []string
	for _, item := range printouts.SlipItems {
		labels = append(labels, u.t("slip_item."+item))
	}
	v.bring = widget.NewCheckGroup(labels, nil)
	return v
}

func (v *printPanel) build() fyne.CanvasObject {
	u := v.u
	title := widget.NewLabelWithStyle(u.t("print.title")+" · "+v.person.DisplayName(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	form := formGrid(
		newField("doc", u.t("print.document"), v.doc),
		newField("lang", u.t("print.language"), v.lang),
		newField("purpose", u.t("print.purpose"), v.purpose),
		newField("service", u.t("print.service"), v.service),
		v.dateFd,
		newField("time", u.t("print.time"), v.clock),
		newField("place", u.t("print.place"), v.place),
		newField("bring", u.t("print.bring"), v.bring),
	)
	hint := widget.NewLabel(u.t("print.hint"))
	hint.Wrapping = fyne.TextWrapWord
	print := widget.NewButton(u.t("print.print"), v.onPrint)
	print.Importance = widget.HighImportance
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, hint, form, print, v.status)))
}

// request is what the form asks for, or false when the slip's date does
// not read as a day (said on its field). The date goes on as dd/mm/yyyy.
func (v *printPanel) request() (printouts.Request, bool) {
	r := printouts.Request{Doc: v.doc.code(), CaseCode: v.person.CaseCode, Lang: v.lang.code(), Purpose: v.purpose.code(),
		Service: strings.TrimSpace(v.service.Text), Time: strings.TrimSpace(v.clock.Text),
		Place: strings.TrimSpace(v.place.Text)}
	v.dateFd.setError("")
	if r.Doc == "slip" {
		d, err := model.ReadDate(v.date.Text)
		if err != nil || (d.Day == 0 && !d.IsZero()) {
			v.dateFd.setError(v.u.t("error.date_typed"))
			return r, false
		}
		r.Date = d.Italian()
	}
	for i, item := range printouts.SlipItems {
		for _, sel := range v.bring.Selected {
			if sel == v.bring.Options[i] {
				r.Bring = append(r.Bring, item)
			}
		}
	}
	return r, true
}

func (v *printPanel) onPrint() {
	v.status.SetText("")
	r, ok := v.request()
	if !ok {
		v.status.SetText(v.u.t("form.fix_errors"))
		return
	}
	v.u.printRequest(r, v.person.ID, v.status.SetText)
}
