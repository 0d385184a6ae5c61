package ui

// The rows of an enterprise path: its support steps and its funding
// applications, each row with its message under it.

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// partRows is a list of rows that can be added and removed.
type partRows struct {
	u     *App
	box   *fyne.Container
	lines *fyne.Container
	errs  []*widget.Label
	objs  []fyne.CanvasObject
}

func newPartRows(u *App, addLabel string, add func()) *partRows {
	r := &partRows{u: u, lines: container.NewVBox()}
	r.box = container.NewVBox(r.lines, widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), add))
	return r
}

// addRow adds a row of inputs; gone is called with its index when removed.
func (r *partRows) addRow(inputs fyne.CanvasObject, gone func(i int)) {
	errLabel := errorLabel()
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	obj := container.NewVBox(container.NewBorder(nil, nil, nil, remove, inputs), errLabel)
	remove.OnTapped = func() {
		for i, o := range r.objs {
			if o == obj {
				r.objs = append(r.objs[:i:i], r.objs[i+1:]...)
				r.errs = append(r.errs[:i:i], r.errs[i+1:]...)
				gone(i)
			}
		}
		r.lines.Remove(obj)
	}
	r.objs, r.errs = append(r.objs, obj), append(r.errs, errLabel)
	r.lines.Add(obj)
}

// showErrors puts the model's errors for the rows (prefix.N, prefix.N.x)
// under them.
func (r *partRows) showErrors(prefix string, err error) {
	for _, l := range r.errs {
		sayOn(l, "")
	}
	var list model.ValidationErrors
	var single *model.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &single):
		list = model.ValidationErrors{single}
	}
	for _, e := range list {
		var i int
		if _, scan := fmt.Sscanf(strings.TrimPrefix(e.Field, prefix+"."), "%d", &i); scan == nil &&
			strings.HasPrefix(e.Field, prefix+".") && i < len(r.errs) && r.errs[i].Text == "" {
			sayOn(r.errs[i], r.u.t("error."+e.Code))
		}
	}
}

// stepRows edits the support steps: what, when, done.
type stepRows struct {
	*partRows
	what, date []*widget.Entry
	done       []*widget.Check
}

func newStepRows(u *App, steps []model.SupportStep) *stepRows {
	s := &stepRows{}
	s.partRows = newPartRows(u, u.t("enterprise.add_step"), func() { s.add(model.SupportStep{}) })
	for _, st := range steps {
		s.add(st)
	}
	return s
}

func (s *stepRows) add(st model.SupportStep) {
	u := s.u
	what, date, done := widget.NewEntry(), u.dateEntry(), widget.NewCheck(u.t("enterprise.step_done"), nil)
	what.SetPlaceHolder(u.t("enterprise.step_hint"))
	what.SetText(st.What)
	date.SetText(dayText(st.Date))
	done.SetChecked(st.Done)
	s.what, s.date, s.done = append(s.what, what), append(s.date, date), append(s.done, done)
	s.addRow(container.NewBorder(nil, nil, nil, container.NewHBox(container.NewGridWrap(fyne.NewSize(170, date.MinSize().Height), date), done), what),
		func(i int) {
			s.what = append(s.what[:i:i], s.what[i+1:]...)
			s.date = append(s.date[:i:i], s.date[i+1:]...)
			s.done = append(s.done[:i:i], s.done[i+1:]...)
		})
}

// read takes the steps, saying under a row a date that does not read.
func (s *stepRows) read() ([]model.SupportStep, bool) {
	var out []model.SupportStep
	ok := true
	for i := range s.what {
		st := model.SupportStep{What: strings.TrimSpace(s.what[i].Text), Done: s.done[i].Checked}
		var bad string
		st.Date, bad = readWorkDay(s.date[i].Text)
		if bad != "" {
			ok = false
			sayOn(s.errs[i], s.u.t(bad))
		} else {
			sayOn(s.errs[i], "")
		}
		out = append(out, st)
	}
	return out, ok
}

func (s *stepRows) showErrors(err error) { s.partRows.showErrors("steps", err) }

func (s *stepRows) state() string {
	var objs []fyne.CanvasObject
	for i := range s.what {
		objs = append(objs, s.what[i], s.date[i], s.done[i])
	}
	return formState(objs...)
}

// applicationRows edits the funding applications: kind, body, amount,
// state, date.
type applicationRows struct {
	*partRows
	kind, states []*choice
	body, amount []*widget.Entry
	date         []*widget.Entry
}

func newApplicationRows(u *App, apps []model.FundingApplication) *applicationRows {
	a := &applicationRows{}
	a.partRows = newPartRows(u, u.t("enterprise.add_application"), func() {
		a.add(model.FundingApplication{Kind: model.FundingMicrocredit, State: model.FundingPreparing})
	})
	for _, app := range apps {
		a.add(app)
	}
	return a
}

func (a *applicationRows) add(app model.FundingApplication) {
	u := a.u
	kind, state := pathChoice(u, "funding_kind", model.FundingKinds), pathChoice(u, "funding_state", model.FundingStates)
	kind.setCode(string(app.Kind))
	state.setCode(string(app.State))
	body, amount, date := widget.NewEntry(), widget.NewEntry(), u.dateEntry()
	body.SetPlaceHolder(u.t("enterprise.body_hint"))
	amount.SetPlaceHolder(u.t("enterprise.amount_hint"))
	body.SetText(app.Body)
	amount.SetText(euroThousands(app.AmountCents))
	date.SetText(dayText(app.Date))
	a.kind, a.states = append(a.kind, kind), append(a.states, state)
	a.body, a.amount, a.date = append(a.body, body), append(a.amount, amount), append(a.date, date)
	a.addRow(container.NewGridWithColumns(5, kind, body, amount, state, date), func(i int) {
		a.kind, a.states = append(a.kind[:i:i], a.kind[i+1:]...), append(a.states[:i:i], a.states[i+1:]...)
		a.body, a.amount = append(a.body[:i:i], a.body[i+1:]...), append(a.amount[:i:i], a.amount[i+1:]...)
		a.date = append(a.date[:i:i], a.date[i+1:]...)
	})
}

// read takes the applications, saying under a row what does not read.
func (a *applicationRows) read() ([]model.FundingApplication, bool) {
	var out []model.FundingApplication
	ok := true
	for i := range a.kind {
		app := model.FundingApplication{Kind: model.FundingKind(a.kind[i].code()), Body: strings.TrimSpace(a.body[i].Text),
			State: model.FundingState(a.states[i].code())}
		var bad, id string
		app.AmountCents, bad = readMoney(a.amount[i].Text)
		if app.Date, id = readWorkDay(a.date[i].Text); bad == "" {
			bad = id
		}
		if bad == "" && (app.Kind == "" || app.State == "") {
			bad = "enterprise.kind_state_needed"
		}
		if bad != "" {
			ok = false
			sayOn(a.errs[i], a.u.t(bad))
		} else {
			sayOn(a.errs[i], "")
		}
		out = append(out, app)
	}
	return out, ok
}

func (a *applicationRows) showErrors(err error) { a.partRows.showErrors("applications", err) }

func (a *applicationRows) state() string {
	var objs []fyne.CanvasObject
	for i := range a.kind {
		objs = append(objs, a.kind[i], a.body[i], a.amount[i], a.states[i], a.date[i])
	}
	return formState(objs...)
}
