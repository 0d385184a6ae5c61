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
	services []model.Service
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
	var list []model.Consent
	u.background(func() (err error) {
		if v.services, err = u.db.Services(context.Background()); err != nil {
			return err
		}
		list, err = u.db.ConsentsOf(context.Background(), v.person.ID)
		return err
	}, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		codes, labels := []string{""}, []string{"—"}
		names := map[int64]string{}
		for _, s := range v.services {
			codes = append(codes, itoa(s.ID))
			labels = append(labels, s.Name)
			names[s.ID] = s.Name
		}
		v.service.codes, v.service.labels = codes, labels
		v.service.Options = labels
		v.service.Refresh()
		v.history.RemoveAll()
		if len(list) == 0 {
			v.history.Add(widget.NewLabel(u.t("consents.none")))
		}
		for _, c := range list {
			text := day(c.Date) + " · " + u.label("purpose", c.Purpose)
			if c.ServiceID != 0 {
				text += " (" + names[c.ServiceID] + ")"
			}
			text += " · " + u.label("consent_state", c.State) + " · " + u.label("lang", c.Language) + " · " + c.NoticeVersion
			if c.Mediator != "" {
				text += " · " + u.tr.Tf("case.mediator", map[string]any{"Name": c.Mediator})
			}
			if c.HasScan {
				text += " · " + u.t("consents.has_scan")
			}
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			v.history.Add(l)
		}
	})
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
	scan := v.scan
	u.background(func() error { return u.db.RecordConsent(context.Background(), c, scan, u.operatorID()) }, func(err error) {
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
