package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// fillSkills draws the skills card: the ESCO skills proposed from the
// jobs' occupations and the transversal ones, as checks; the person's
// skills with the evidence of each; a type-ahead and words for others; the
// DigComp self-assessment.
func (v *skillsView) fillSkills(p *model.SkillsProfile) {
	u := v.u
	lang := u.tr.Lang()
	var isco []string
	for _, e := range p.Experiences {
		isco = append(isco, e.ISCO)
	}
	proposed := model.ProposedSkills(isco...)
	for _, s := range model.CuratedSkills {
		if s.Kind == model.SkillTransversal && !slices.ContainsFunc(proposed, func(x model.CuratedSkill) bool { return x.ID == s.ID }) {
			proposed = append(proposed, s)
		}
	}
	checks := map[string]*widget.Check{}
	grid := container.NewGridWithColumns(2)
	for _, s := range proposed {
		id := s.ID
		c := widget.NewCheck(locales.SkillName(lang, s.ID, s.EN), nil)
		c.SetChecked(hasSkill(p, id))
		c.OnChanged = func(on bool) {
			v.setSkill(p, id, on)
			v.refillSkills(p, func(checks map[string]*widget.Check) fyne.Focusable { return checks[id] })
		}
		v.inputs = append(v.inputs, c)
		checks[id] = c
		grid.Add(c)
	}
	objs := []fyne.CanvasObject{v.note(u.t("skills.proposed"), widget.MediumImportance), grid}
	if len(p.Skills) > 0 {
		objs = append(objs, widget.NewLabelWithStyle(u.t("skills.chosen"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for i := range p.Skills {
		objs = append(objs, v.skillRow(p, i))
	}
	if v.editable() {
		objs = append(objs, v.otherSkill(p))
	}
	var digital []*field
	if p.Digital == nil {
		p.Digital = map[string]string{}
	}
	for _, a := range model.DigCompAreas {
		level := p.Digital[a.Code]
		f := v.codeChoice("digital."+a.Code, a.Label(lang), model.DigCompLevels, &level)
		c, area := f.obj.(*choice), a.Code
		c.OnChanged = func(string) {
			if c.code() == "" {
				delete(p.Digital, area)
			} else {
				p.Digital[area] = c.code()
			}
		}
		digital = append(digital, f)
	}
	objs = append(objs, widget.NewLabelWithStyle(u.t("skills.digital"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		formGrid(digital...))
	v.skillsBox.Objects = objs
	v.skillsBox.Refresh()
	v.lastChecks = checks
}

// refillSkills draws the skills card again and gives the focus back.
func (v *skillsView) refillSkills(p *model.SkillsProfile, focus func(map[string]*widget.Check) fyne.Focusable) {
	v.fillSkills(p)
	if f := focus(v.lastChecks); f != nil {
		v.u.win.Canvas().Focus(f)
	}
}

func hasSkill(p *model.SkillsProfile, id string) bool {
	return slices.ContainsFunc(p.Skills, func(s model.ProfileSkill) bool { return s.ESCO == id })
}

// setSkill ticks a curated skill on or off.
func (v *skillsView) setSkill(p *model.SkillsProfile, id string, on bool) {
	p.Skills = slices.DeleteFunc(p.Skills, func(s model.ProfileSkill) bool { return s.ESCO == id })
	if on {
		p.Skills = append(p.Skills, model.ProfileSkill{ESCO: id})
	}
}

// skillRow is one of the person's skills and the evidence of it.
func (v *skillsView) skillRow(p *model.SkillsProfile, i int) fyne.CanvasObject {
	u := v.u
	s := &p.Skills[i]
	name := s.Label
	if c, ok := model.CuratedSkillByID(s.ESCO); ok {
		name = locales.SkillName(u.tr.Lang(), c.ID, c.EN)
	}
	f := fmt.Sprintf("skills.%d", i)
	ev := v.codeChecks(f+".evidence", u.t("skills.evidence"), model.EvidenceKinds, &s.Evidence)
	v.fields[f] = ev // "a skill needs words" lands here too
	remove := func() { p.Skills = removeAt(p.Skills, i) }
	return v.rowCard(name, remove, formGrid(ev))
}

// otherSkill adds a skill not proposed: a curated one found by typing, or
// one in words.
func (v *skillsView) otherSkill(p *model.SkillsProfile) fyne.CanvasObject {
	u := v.u
	lang := u.tr.Lang()
	pick := newPicker(u, nil, "skills.skill_no_match", "skills.skill_several")
	pick.lookup = func(text string) []pickOption {
		var out []pickOption
		for _, s := range model.SearchSkills(text, 20) {
			name := locales.SkillName(lang, s.ID, s.EN)
			out = append(out, pickOption{code: s.ID, label: name, names: []string{name}})
		}
		return out
	}
	pick.onChosen = func(id string) {
		if !hasSkill(p, id) {
			v.setSkill(p, id, true)
		}
		v.refillSkills(p, func(map[string]*widget.Check) fyne.Focusable { return v.otherPick })
	}
	v.otherPick = pick
	words := widget.NewEntry()
	words.SetPlaceHolder(u.t("skills.skill_words_hint"))
	addWords := func() {
		if t := strings.TrimSpace(words.Text); t != "" {
			p.Skills = append(p.Skills, model.ProfileSkill{Label: t})
			v.refillSkills(p, func(map[string]*widget.Check) fyne.Focusable { return v.wordsEntry })
		}
	}
	words.OnSubmitted = func(string) { addWords() }
	v.wordsEntry = words
	add := widget.NewButtonWithIcon(u.t("skills.add_skill"), theme.ContentAddIcon(), addWords)
	return formGrid(newField("", u.t("skills.other_skill"), pick.box),
		newField("", u.t("skills.skill_words"), container.NewBorder(nil, nil, nil, add, words)))
}
