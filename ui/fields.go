package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// field is one labelled input of a form, with its error shown right under it.
type field struct {
	name  string // the model's field name, as in model.Error.Field
	label *widget.Label
	obj   fyne.CanvasObject
	err   *widget.Label
}

func newField(name, label string, obj fyne.CanvasObject) *field {
	e := widget.NewLabel("")
	e.Importance = widget.DangerImportance
	e.Wrapping = fyne.TextWrapWord
	e.Hide()
	return &field{name: name, label: widget.NewLabel(label), obj: obj, err: e}
}

// setError shows msg under the field, or hides the error when msg is "".
func (f *field) setError(msg string) {
	f.err.SetText(msg)
	if entry, ok := f.obj.(*widget.Entry); ok {
		entry.AlwaysShowValidationError = msg != ""
		if msg == "" {
			entry.SetValidationError(nil)
		} else {
			entry.SetValidationError(errors.New(msg))
		}
	}
	if msg == "" {
		f.err.Hide()
	} else {
		f.err.Show()
	}
}

// formGrid lays fields out as label | input, the error under its input.
func formGrid(fields ...*field) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, f := range fields {
		objs = append(objs, f.label, container.NewVBox(f.obj, f.err))
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// showFieldErrors puts each validation error under its field and reports
// whether every error found a field; errors for no field are left to the
// caller.
func (u *App) showFieldErrors(err error, fields ...*field) bool {
	defer u.relayout()
	for _, f := range fields {
		f.setError("")
	}
	var list model.ValidationErrors
	var single *model.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &single):
		list = model.ValidationErrors{single}
	default:
		return false
	}
	all := true
	for _, e := range list {
		placed := false
		for _, f := range fields {
			if f.name == e.Field {
				if f.err.Text == "" {
					f.setError(u.t("error." + e.Code))
				}
				placed = true
				break
			}
		}
		all = all && placed
	}
	return all
}

// chainEntries makes Enter move from each entry to the next, and run last
// on the last one: a form filled by keyboard alone.
func (u *App) chainEntries(last func(), entries ...*widget.Entry) {
	for i := range entries[:len(entries)-1] {
		next := entries[i+1]
		entries[i].OnSubmitted = func(string) { u.win.Canvas().Focus(next) }
	}
	entries[len(entries)-1].OnSubmitted = func(string) { last() }
}

// relayout lays the window out again after messages under fields appeared
// or went: a form's grid grows, and what is below it (the status line, the
// buttons) must move down rather than be drawn over.
func (u *App) relayout() {
	if u.win != nil && u.win.Content() != nil {
		u.win.Content().Refresh()
	}
}
