package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// experienceCard lists the jobs: of the interview's work history and any
// other, each with its occupation coded in ESCO, ISCO-08 and CP2011.
func (v *skillsView) experienceCard(p *model.SkillsProfile) fyne.CanvasObject {
	u := v.u
	var rows []fyne.CanvasObject
	for i := range p.Experiences {
		rows = append(rows, v.experienceRow(p, i))
	}
	n := len(p.Experiences)
	rows = append(rows, v.addButton(u.t("skills.add_job"), fmt.Sprintf("experiences.%d.title", n), func() {
		p.Experiences = append(p.Experiences, model.WorkExperience{})
	}))
	return widget.NewCard(u.t("skills.experience"), u.t("skills.experience_hint"), container.NewVBox(rows...))
}

func (v *skillsView) experienceRow(p *model.SkillsProfile, i int) fyne.CanvasObject {
	u := v.u
	e := &p.Experiences[i]
	f := fmt.Sprintf("experiences.%d", i)
	occ := v.occupationField(f+".esco", u.t("skills.occupation"), &e.ESCO, func(o *model.Occupation) {
		e.ESCO, e.ISCO, e.CP2011 = "", "", ""
		if o != nil {
			e.ESCO, e.ISCO, e.CP2011 = o.ID, o.ISCO, bestCP2011(o)
		}
		v.focusPath = f + ".cp2011"
		v.render() // the codes, and the skills proposed for them
	})
	fields := []*field{v.textField(f+".title", u.t("skills.job_title"), &e.Title, false), occ}
	fields = append(fields, v.codesField(f, e)...)
	var ateco []string
	var atecoLabels []string
	for _, s := range append([]model.Code{{Code: ""}}, model.AtecoSections...) {
		ateco = append(ateco, s.Code)
		atecoLabels = append(atecoLabels, s.Code+" "+s.Label(u.tr.Lang()))
	}
	atecoLabels[0] = "—"
	fields = append(fields, v.stringChoice(f+".ateco", u.t("skills.sector"), ateco, atecoLabels, &e.Ateco),
		v.countryField(f+".country", u.t("skills.country"), &e.Country),
		v.textField(f+".region", u.t("skills.region"), &e.Region, false),
		v.dateField(f+".from", u.t("skills.from"), partial(&e.From)),
		v.dateField(f+".to", u.t("skills.to"), partial(&e.To)),
		v.textField(f+".tasks", u.t("skills.tasks"), &e.Tasks, true),
		v.register(f+".formal", "", v.check(u.t("skills.formal"), &e.Formal)))
	title := u.tr.Tf("skills.job_n", map[string]any{"N": i + 1})
	return v.rowCard(title, func() { p.Experiences = removeAt(p.Experiences, i) }, formGrid(fields...))
}

// codesField shows a job's ISCO-08 group and picks its CP2011 unit among
// those the Italian mapping gives the ESCO occupation.
func (v *skillsView) codesField(f string, e *model.WorkExperience) []*field {
	u := v.u
	lang := u.tr.Lang()
	var out []*field
	if o, ok := model.ESCOOccupation(e.ESCO); ok && len(o.CP2011) > 0 {
		codes, labels := []string{""}, []string{"—"}
		for _, m := range o.CP2011 {
			if c, ok := model.CP2011(m.Code); ok && c.Level() == 5 {
				codes = append(codes, c.Code)
				labels = append(labels, c.Code+" "+c.Label)
			}
		}
		out = append(out, v.stringChoice(f+".cp2011", "CP2011", codes, labels, &e.CP2011))
	} else if e.CP2011 != "" {
		c, _ := model.CP2011(e.CP2011)
		out = append(out, v.register(f+".cp2011", "CP2011", widget.NewLabel(e.CP2011+" "+c.Label)))
	}
	if e.ISCO != "" {
		g, _ := model.ISCO08(e.ISCO)
		label := g.Labels[lang]
		if label == "" {
			label = g.Labels["en"]
		}
		l := widget.NewLabel(e.ISCO + " " + label)
		l.Wrapping = fyne.TextWrapWord
		out = append(out, v.register(f+".isco", "ISCO-08", l))
	}
	return out
}

// bestCP2011 is the CP2011 unit the mapping gives an occupation: an exact
// match first, else the first unit.
func bestCP2011(o *model.Occupation) string {
	first := ""
	for _, m := range o.CP2011 {
		if c, ok := model.CP2011(m.Code); !ok || c.Level() != 5 {
			continue
		}
		if m.Relation == "=" {
			return m.Code
		}
		if first == "" {
			first = m.Code
		}
	}
	return first
}

// occupationPicker finds ESCO occupations by their labels in Italian,
// English or the person's language, as they are typed.
func occupationPicker(u *App, personLang string) *picker {
	p := newPicker(u, nil, "skills.occupation_no_match", "skills.occupation_several")
	p.lookup = func(text string) []pickOption {
		var out []pickOption
		for _, m := range model.Search(text, personLang, 20) {
			out = append(out, occupationOption(u, m.Occupation, m.Label))
		}
		return out
	}
	return p
}

// occupationOption is an occupation labelled in the interface language,
// with the label the typed text matched.
func occupationOption(u *App, o *model.Occupation, matched string) pickOption {
	own := o.Label(u.tr.Lang())
	names := []string{own}
	if matched != "" && matched != own {
		names = append(names, matched)
	}
	return pickOption{code: o.ID, label: own + " (ISCO " + o.ISCO + ")", names: names}
}

// occupationField is an ESCO occupation chosen by type-ahead, with its
// label in the person's language where ESCO has one, for the mediator.
func (v *skillsView) occupationField(path, label string, id *string, chosen func(*model.Occupation)) *field {
	u := v.u
	lang := v.person.PreferredLanguage
	p := occupationPicker(u, lang)
	var box fyne.CanvasObject = p.box
	if o, ok := model.ESCOOccupation(*id); ok {
		p.options = withKeys([]pickOption{occupationOption(u, o, "")})
		p.setCode(o.ID)
		if their := o.Preferred[lang]; their != "" && lang != u.tr.Lang() {
			box = container.NewVBox(p.box, newScriptText(their, lang))
		}
	}
	f := v.register(path, label, box)
	v.bindPicker(f, p, func(code string) {
		if code == "" {
			*id = "" // emptied or typed again: chosen again or said on save
			return
		}
		o, _ := model.ESCOOccupation(code)
		chosen(o)
	})
	return f
}

// countryField picks a country by type-ahead.
func (v *skillsView) countryField(path, label string, iso *string) *field {
	p := countryPicker(v.u)
	p.setCode(*iso)
	f := v.register(path, label, p.box)
	v.bindPicker(f, p, func(code string) { *iso = code })
	return f
}

// bindPicker ties a type-ahead to its field: set hears the chosen code (""
// when the text no longer names one); a text typed and not chosen is kept
// across redraws and refused on save, on the field.
func (v *skillsView) bindPicker(f *field, p *picker, set func(code string)) {
	path := f.name
	v.inputs = append(v.inputs, p)
	v.rawMsg[path] = "skills.choose_from_list"
	if raw, ok := v.raw[path]; ok && v.shown < 0 {
		p.filling = true
		p.SetText(raw)
		p.filling = false
	}
	p.onChosen = func(code string) {
		delete(v.raw, path)
		set(code)
	}
	p.onChanged = func() {
		if p.code != "" {
			return
		}
		if strings.TrimSpace(p.Text) == "" {
			delete(v.raw, path)
		} else {
			v.raw[path] = p.Text
		}
		set("")
	}
	p.onLeft = func(problem string) { f.setError(problem) }
}
