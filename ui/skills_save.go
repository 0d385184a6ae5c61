package ui

// Saving the skills profile: every problem on its field at once, nothing
// saved while any remains; the one place the screen writes.

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"sportello/model"
)

// typedCode marks a problem with a text as typed: a date that does not
// read, a name no option has.
const typedCode = "typed"

// onSave checks the whole draft, shows every problem on its field at once,
// and saves the next version only when there is none.
func (v *skillsView) onSave() {
	u := v.u
	var problems model.ValidationErrors
	for path := range v.raw {
		problems = append(problems, &model.Error{Field: path, Code: typedCode})
	}
	p := cloneProfile(v.draft)
	if err := p.Validate(nowFunc()); err != nil {
		var list model.ValidationErrors
		var one *model.Error
		switch {
		case asErr(err, &list):
			problems = append(problems, list...)
		case asErr(err, &one):
			problems = append(problems, one)
		default:
			v.status.SetText(u.errText(err))
			return
		}
	}
	if v.showProblems(problems) {
		return
	}
	db, by, after := u.db, u.operatorID(), v.afterSave
	v.save(func(ctx context.Context) error {
		if err := db.SaveSkillsProfile(ctx, p, by); err != nil {
			return err
		}
		if after != nil {
			return after(ctx, db, p)
		}
		return nil
	}, func() {
		v.status.SetText(u.tr.Tf("skills.saved", map[string]any{"N": p.Version, "Date": itDay(p.Date)}))
		v.load()
	})
}

// save runs a write off the UI goroutine, then done on it.
func (v *skillsView) save(write func(ctx context.Context) error, done func()) {
	u := v.u
	save(u, write, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		done()
	})
}

// showProblems puts each problem on the field it names (or the nearest
// field holding it), all at once; reports whether there was any.
func (v *skillsView) showProblems(problems model.ValidationErrors) bool {
	for _, f := range v.fields {
		f.setError("")
	}
	var lost []string
	for _, e := range problems {
		f := v.fieldFor(e.Field)
		msg := v.u.t("error." + e.Code)
		if id := v.rawMsg[e.Field]; e.Code == typedCode && id != "" {
			msg = v.u.t(id)
		}
		if f == nil {
			lost = append(lost, e.Field+": "+msg)
			continue
		}
		if f.err.Text == "" || !f.err.Visible() {
			f.setError(msg)
		}
	}
	if len(problems) == 0 {
		return false
	}
	text := v.u.N("skills.problems", len(problems))
	if len(lost) > 0 {
		slices.Sort(lost)
		text += " " + joinLines(lost)
	}
	v.status.SetText(text)
	return true
}

// fieldFor is the field of a model path, or of the nearest path above it
// ("languages.0.levels.xx" lands on "languages.0.levels" if that is all
// there is).
func (v *skillsView) fieldFor(path string) *field {
	for p := path; p != ""; p = parentPath(p) {
		if f := v.fields[p]; f != nil {
			return f
		}
	}
	return nil
}

// itDay writes a day as dd/mm/yyyy.
func itDay(t time.Time) string { return dateOf(&t).get().Italian() }

// firstFocusable is o, or the first widget inside it that takes the focus.
func firstFocusable(o fyne.CanvasObject) fyne.Focusable {
	if f, ok := o.(fyne.Focusable); ok {
		return f
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			if f := firstFocusable(x); f != nil {
				return f
			}
		}
	}
	return nil
}
