package ui

import (
	"context"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/printouts"
)

// NoticeVersion is the version of the privacy notice text now in use.
const NoticeVersion = printouts.NoticeVersion

// consentsView records a person's consents and shows their history. A
// consent is never changed: withdrawing is a new record.
type consentsView struct {
	u        *App
	person   *model.Person
	history  *fyne.Container
	purpose  *choice
	service  *choice
	state    *choice
	language *choice
	mediator *widget.Entry
	scan     []byte
	scanName string
	scanInfo *widget.Label
	status   *widget.Label
}

func newConsentsView(u *App, p *model.Person) *consentsView {
	v := &consentsView{u: u, person: p, history: container.NewVBox(), purpose: enumChoice(u, "purpose", model.ConsentPurposes),
		state: enumChoice(u, "consent_state", model.ConsentStates), language: languageChoice(u), mediator: widget.NewEntry(),
		scanInfo: widget.NewLabel(""), status: widget.NewLabel("")}
	v.status.Wrapping = fyne.TextWrapWord
	v.purpose.setCode(string(model.PurposeNotice))
	v.state.setCode(string(model.ConsentGiven))
	v.language.setCode(p.PreferredLanguage)
	v.service = newChoice(u, nil, nil)
	return v
}

func (v *consentsView) build() fyne.CanvasObject {
	u := v.u
	v.reload()
	attach := widget.NewButton(u.t("consents.attach_scan"), v.onAttach)
	save := widget.NewButton(u.t("consents.record"), v.onRecord)
	save.Importance = widget.HighImportance
	printForm := widget.NewButtonWithIcon(u.t("consents.print"), theme.DocumentPrintIcon(), v.onPrint)
	form := formGrid(
		newField("purpose", u.t("consents.purpose"), v.purpose),
		newField("service", u.t("consents.service"), v.service),
		newField("state", u.t("consents.state"), v.state),
		newField("language", u.t("consents.language"), v.language),
		newField("mediator", u.t("interview.mediator"), v.mediator),
		newField("scan", u.t("consents.scan"), container.NewHBox(attach, v.scanInfo)),
	)
	title := widget.NewLabelWithStyle(u.t("consents.title")+" · "+v.person.DisplayName(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := widget.NewLabel(u.tr.Tf("consents.notice_version", map[string]any{"Version": NoticeVersion}))
	return container.NewVScroll(container.NewPadded(container.NewVBox(title,
		widget.NewCard(u.t("consents.history"), "", v.history),
		widget.NewCard(u.t("consents.new"), "", container.NewVBox(note, form, container.NewHBox(printForm, save), v.status)))))
}

func (v *consentsView) reload() {
	u := v.u
	db, personID := u.db, v.person.ID
	load(u, func(ctx context.Context) (consentsData, error) {
		var d consentsData
		var err error
		if d.services, err = db.Services(ctx); err != nil {
			return d, err
		}
		d.consents, err = db.ConsentsOf(ctx, personID)
		return d, err
	}, v.show, func(err error) { v.status.SetText(u.errText(err)) })
}

// consentsData is what the view reads: the services to share with, and the
// person's consents, newest first.
type consentsData struct {
	services []model.Service
	consents []model.Consent
}

// show offers the services to share with and lists the consents recorded.
func (v *consentsView) show(d consentsData) {
	u := v.u
	codes, labels := []string{""}, []string{"—"}
	names := map[int64]string{}
	for _, s := range d.services {
		codes = append(codes, itoa(s.ID))
		labels = append(labels, s.Name)
		names[s.ID] = s.Name
	}
	v.service.codes, v.service.labels = codes, labels
	v.service.Options = labels
	v.service.Refresh()
	v.history.RemoveAll()
	if len(d.consents) == 0 {
		v.history.Add(widget.NewLabel(u.t("consents.none")))
	}
	for _, c := range d.consents {
		l := widget.NewLabel(v.line(c, names))
		l.Wrapping = fyne.TextWrapWord
		v.history.Add(l)
	}
}

// line is one consent as the history shows it.
func (v *consentsView) line(c model.Consent, services map[int64]string) string {
	u := v.u
	text := day(c.Date) + " · " + u.label("purpose", c.Purpose)
	if c.ServiceID != 0 {
		text += " (" + services[c.ServiceID] + ")"
	}
	text += " · " + u.label("consent_state", c.State) + " · " + u.label("lang", c.Language) + " · " + c.NoticeVersion
	if c.Mediator != "" {
		text += " · " + u.tr.Tf("case.mediator", map[string]any{"Name": c.Mediator})
	}
	if c.HasScan {
		text += " · " + u.t("consents.has_scan")
	}
	return text
}

func (v *consentsView) onAttach() {
	dialog.ShowFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, 20<<20))
		if err != nil {
			v.status.SetText(v.u.errText(err))
			return
		}
		v.scan, v.scanName = data, rc.URI().Name()
		v.scanInfo.SetText(v.scanName)
	}, v.u.win)
}

func (v *consentsView) onRecord() {
	u := v.u
	c := &model.Consent{PersonID: v.person.ID, Purpose: model.ConsentPurpose(v.purpose.code()),
		NoticeVersion: NoticeVersion, Language: v.language.code(), Mediator: strings.TrimSpace(v.mediator.Text),
		State: model.ConsentState(v.state.code()), Date: nowFunc(), ScanName: v.scanName, RecordedBy: u.operatorID()}
	if c.Purpose == model.PurposeSharing {
		c.ServiceID = atoi(v.service.code())
	}
	if err := c.Validate(); err != nil {
		v.status.SetText(u.errText(err))
		return
	}
	db, scan, by := u.db, v.scan, u.operatorID()
	save(u, func(ctx context.Context) error { return db.RecordConsent(ctx, c, scan, by) }, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		v.scan, v.scanName = nil, ""
		v.scanInfo.SetText("")
		v.status.SetText(u.t("consents.recorded"))
		v.reload()
	})
}

// onPrint prints the consent form for the chosen purpose (and service), in
// the chosen language, for the person to sign.
func (v *consentsView) onPrint() {
	req := printouts.Request{Doc: "consent", CaseCode: v.person.CaseCode, Lang: v.language.code(), Purpose: v.purpose.code()}
	if model.ConsentPurpose(req.Purpose) == model.PurposeSharing {
		if i := v.service.SelectedIndex(); i > 0 {
			req.Service = v.service.labels[i]
		}
	}
	v.u.printRequest(req, v.person.ID, v.status.SetText)
}
