package ui

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// check reads the form and returns every problem at once, by field: what
// could not be read, then what the model refuses in the fields that could.
func (f *personForm) check() (*model.Person, map[string]string) {
	p, msgs := f.person()
	if v, ok := p.Validate(nowFunc()).(model.ValidationErrors); ok {
		for _, e := range v {
			if _, seen := msgs[e.Field]; !seen {
				msgs[e.Field] = f.u.t("error." + e.Code)
			}
		}
	}
	return p, msgs
}

// showProblems puts each message beside its field. With onlyShown, it
// touches only the fields already showing one: a message goes as soon as its
// field is right, or changes with the field, but a field being typed into
// for the first time is not scolded before Register is pressed.
func (f *personForm) showProblems(msgs map[string]string, onlyShown bool) {
	left := 0
	for _, fl := range f.fields {
		if onlyShown && fl.err.Text == "" {
			continue
		}
		fl.setError(msgs[fl.name])
		if msgs[fl.name] != "" {
			left++
		}
	}
	if left == 0 {
		f.status.SetText("")
	}
}

// recheck runs after every change, so that a message goes when its field
// is fixed.
func (f *personForm) recheck() {
	_, msgs := f.check()
	f.showProblems(msgs, true)
}

// fieldNamed is the form field with the model's name.
func (f *personForm) fieldNamed(name string) *field {
	for _, fl := range f.fields {
		if fl.name == name {
			return fl
		}
	}
	return nil
}

// watch wires every input to recheck, each picker to show its own problem
// when left, and the birth country to propose the citizenship.
func (f *personForm) watch() {
	for _, e := range []*widget.Entry{f.family, f.given, f.own, f.aliases, f.birth, f.phone, f.domicile, f.fiscal,
		f.permitType, f.permitNumber, f.permitExpiry} {
		then := e.OnChanged // the own-script name's font follows what is typed
		e.OnChanged = func(s string) {
			if then != nil {
				then(s)
			}
			f.recheck()
		}
	}
	for _, c := range []*choice{f.sex, f.permitStatus, f.channel} {
		c.OnChanged = func(string) { f.recheck() }
	}
	f.informal.OnChanged = func(bool) { f.recheck() }
	for name, pk := range map[string]*picker{"birth_country": f.country, "citizenships": f.citizenship,
		"preferred_language": f.language} {
		fl := f.fieldNamed(name)
		pk.onChanged = f.recheck
		pk.onLeft = func(problem string) {
			fl.setError(problem)
			if problem == "" {
				f.recheck()
			}
		}
	}
	// The birth country proposes the citizenship, never replacing one.
	f.country.onChosen = func(code string) {
		if f.citizenship.code == "" && strings.TrimSpace(f.citizenship.Text) == "" {
			f.citizenship.setCode(code)
			f.recheck()
		}
	}
}
