package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// availabilityCard is when and how the person can work, and the work they
// want.
func (v *skillsView) availabilityCard(p *model.SkillsProfile) fyne.CanvasObject {
	u := v.u
	a := &p.Availability
	var wanted []fyne.CanvasObject
	for i, id := range a.Wanted {
		name := id
		if o, ok := model.ESCOOccupation(id); ok {
			name = o.Label(u.tr.Lang())
		}
		wanted = append(wanted, container.NewBorder(nil, nil, nil,
			v.removeButton(func() { a.Wanted = removeAt(a.Wanted, i) }), widget.NewLabel(name)))
	}
	if v.editable() {
		add := occupationPicker(u, v.person.PreferredLanguage)
		add.onChosen = func(id string) {
			if !containsString(a.Wanted, id) {
				a.Wanted = append(a.Wanted, id)
			}
			v.focusPath = "availability.wanted"
			v.render()
		}
		v.inputs = append(v.inputs, add)
		wanted = append(wanted, add.box)
	}
	grid := formGrid(
		v.dateField("availability.from", u.t("skills.available_from"), partial(&a.From)),
		v.codeChecks("availability.hours", u.t("skills.hours"), model.WorkHours, &a.Hours),
		v.codeChecks("availability.transport", u.t("skills.transport"), model.TransportModes, &a.Transport),
		v.yesNoChoice("availability.willing_to_move", u.t("skills.willing_to_move"), &a.WillingToMove),
		v.register("availability.wanted", u.t("skills.wanted"), container.NewVBox(wanted...)),
		v.textField("availability.wanted_note", u.t("skills.wanted_note"), &a.WantedNote, true),
		v.textField("notes", u.t("skills.notes"), &p.Notes, true))
	return widget.NewCard(u.t("skills.availability"), "", grid)
}

// validationCard is the path of each competence under D.Lgs 13/2013: the
// evidence collected, its state and date, and the body it was sent to.
func (v *skillsView) validationCard(p *model.SkillsProfile) fyne.CanvasObject {
	u := v.u
	var rows []fyne.CanvasObject
	for i := range p.Validation {
		rows = append(rows, v.validationRow(p, i))
	}
	rows = append(rows, v.addButton(u.t("skills.add_validation"), fmt.Sprintf("validation.%d.competence", len(p.Validation)), func() {
		p.Validation = append(p.Validation, model.ValidationEntry{State: "transparency"})
	}))
	return widget.NewCard(u.t("skills.validation"), u.t("skills.validation_hint"), container.NewVBox(rows...))
}

func (v *skillsView) validationRow(p *model.SkillsProfile, i int) fyne.CanvasObject {
	u := v.u
	e := &p.Validation[i]
	f := fmt.Sprintf("validation.%d", i)
	codes, labels := []string{""}, []string{"—"}
	for _, s := range p.Skills {
		code, label := s.ESCO, s.Label
		if c, ok := model.CuratedSkillByID(s.ESCO); ok {
			label = locales.SkillName(u.tr.Lang(), c.ID, c.EN)
		} else {
			code = s.Label
		}
		codes, labels = append(codes, code), append(labels, label)
	}
	if e.Competence != "" && !containsString(codes, e.Competence) {
		codes, labels = append(codes, e.Competence), append(labels, e.Competence)
	}
	fields := []*field{
		v.stringChoice(f+".competence", u.t("skills.competence"), codes, labels, &e.Competence),
		v.codeChoice(f+".state", u.t("skills.state"), model.ValidationStates, &e.State),
		v.dateField(f+".date", u.t("skills.state_date"), partial(&e.Date)),
		v.textField(f+".body", u.t("skills.body"), &e.Body, false),
	}
	for j := range e.Evidence {
		ev := &e.Evidence[j]
		g := fmt.Sprintf("%s.evidence.%d", f, j)
		fields = append(fields,
			v.codeChoice(g+".kind", u.tr.Tf("skills.evidence_n", map[string]any{"N": j + 1}), model.EvidenceKinds, &ev.Kind),
			v.textField(g+".note", u.t("skills.evidence_note"), &ev.Note, false),
			v.dateField(g+".date", u.t("skills.evidence_date"), partial(&ev.Date)))
	}
	objs := []fyne.CanvasObject{formGrid(fields...),
		v.addButton(u.t("skills.add_evidence"), fmt.Sprintf("%s.evidence.%d.kind", f, len(e.Evidence)), func() {
			e.Evidence = append(e.Evidence, model.Evidence{Kind: "self_declaration"})
		})}
	if steps := e.NextSteps(); len(steps) > 0 {
		var names []string
		for _, s := range steps {
			names = append(names, u.t(stepKeys[s]))
		}
		objs = append(objs, v.note(u.t("skills.next_steps")+" "+strings.Join(names, "; "), widget.WarningImportance))
	}
	title := u.tr.Tf("skills.validation_n", map[string]any{"N": i + 1})
	return v.rowCard(title, func() { p.Validation = removeAt(p.Validation, i) }, objs...)
}

// stepKeys name the next steps of ValidationEntry.NextSteps.
var stepKeys = map[string]string{
	"collect_evidence":      "skills.step_collect_evidence",
	"employer_statement":    "skills.step_employer_statement",
	"request_validation":    "skills.step_request_validation",
	"request_certification": "skills.step_request_certification",
}
