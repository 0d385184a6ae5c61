package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// workEnterprise is the tab of the person's path to an enterprise of their
// own: the business idea, the steps of support, the applications for
// money, and the enterprise once registered. One per case is the usual; a
// case may have more. Writing needs the work part of the file (the store
// checks).
type workEnterprise struct {
	w      *workView
	u      *App
	db     *store.DB
	screen *fyne.Container
	status *statusLine
	list   []model.Enterprise
	form   *enterpriseForm // the form shown, nil on the list
}

func newWorkEnterprise(w *workView) *workEnterprise {
	return &workEnterprise{w: w, u: w.u, db: w.db, screen: container.NewStack(), status: newStatusLine()}
}

func (v *workEnterprise) build() fyne.CanvasObject {
	v.u.guardWorkLeave(v.unsaved)
	v.load()
	return v.screen
}

// unsaved tells whether a form is shown with changes not saved.
func (v *workEnterprise) unsaved() bool { return v.form != nil && v.form.changed() }

func (v *workEnterprise) load() {
	u, db, caseID := v.u, v.db, v.w.caseID
	v.setScreen(widget.NewLabel(u.t("case.loading")))
	load(u, func(ctx context.Context) ([]model.Enterprise, error) {
		return db.EnterprisesOf(ctx, caseID)
	}, func(list []model.Enterprise) {
		v.list = list
		v.showList()
	}, func(err error) {
		v.status.SetText(u.errText(err))
		v.setScreen(v.status)
	})
}

func (v *workEnterprise) setScreen(o fyne.CanvasObject) {
	v.screen.Objects = []fyne.CanvasObject{container.NewPadded(o)}
	v.screen.Refresh()
}

// showList shows the case's enterprise paths.
func (v *workEnterprise) showList() {
	u := v.u
	v.form = nil
	title := widget.NewLabelWithStyle(u.t("enterprise.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	writes := u.op.Can(model.PartWork).Writes()
	var top fyne.CanvasObject = title
	if writes {
		add := widget.NewButtonWithIcon(u.t("enterprise.new"), theme.ContentAddIcon(), func() { v.showForm(nil) })
		if len(v.list) == 0 {
			add.Importance = widget.HighImportance
		}
		top = container.NewBorder(nil, nil, nil, add, title)
	}
	rows := container.NewVBox(top, v.status)
	if len(v.list) == 0 {
		rows.Add(widget.NewLabel(u.t("enterprise.none")))
	}
	for i := range v.list {
		e := &v.list[i]
		label := widget.NewLabel(v.summary(e))
		label.Wrapping = fyne.TextWrapWord
		rows.Add(label)
		if writes {
			rows.Add(container.NewHBox(widget.NewButtonWithIcon(u.t("enterprise.edit"), theme.DocumentCreateIcon(),
				func() { v.showForm(e) })))
		}
		rows.Add(widget.NewSeparator())
	}
	v.setScreen(container.NewVScroll(rows))
}

// summary says an enterprise path in a few lines: the idea, the steps
// done, the applications, and the registration.
func (v *workEnterprise) summary(e *model.Enterprise) string {
	u := v.u
	idea := strings.TrimSpace(e.Idea)
	if r := []rune(idea); len(r) > 120 {
		idea = string(r[:120]) + "…"
	}
	done := 0
	for _, s := range e.Steps {
		if s.Done {
			done++
		}
	}
	lines := []string{idea, u.tr.Tf("enterprise.steps_done", map[string]any{"Done": done, "All": len(e.Steps)})}
	for _, a := range e.Applications {
		lines = append(lines, u.tr.Tf("enterprise.application_row", map[string]any{"Kind": u.pathLabel("funding_kind", a.Kind),
			"Body": a.Body, "Amount": euroOrZero(a.AmountCents), "State": u.label("funding_state", a.State)}))
	}
	if e.Registered() {
		lines = append(lines, u.tr.Tf("enterprise.registered_row", map[string]any{"Name": e.Name,
			"Date": dayText(e.RegisteredAt), "Form": u.pathLabel("legal_form", e.LegalForm), "VAT": e.VATNumber, "Ateco": v.sector(e.Ateco)}))
	} else {
		lines = append(lines, u.t("enterprise.not_registered"))
	}
	return strings.Join(lines, "\n")
}

// sector is an ATECO code with its section's label in the interface
// language.
func (v *workEnterprise) sector(code string) string {
	s, ok := model.AtecoCodeSection(code)
	if !ok {
		return code
	}
	return code + " (" + s.Code + ": " + s.Label(v.u.tr.Lang()) + ")"
}
