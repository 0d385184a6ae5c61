package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// languagesCard lists the languages the person speaks: mother tongues, and
// the others with a CEFR self-assessment per skill, each level explained
// in plain words in the interface language and in the person's.
func (v *skillsView) languagesCard(p *model.SkillsProfile) fyne.CanvasObject {
	u := v.u
	var rows []fyne.CanvasObject
	for i := range p.Languages {
		rows = append(rows, v.languageRow(p, i))
	}
	n := len(p.Languages)
	rows = append(rows, v.addButton(u.t("skills.add_language"), fmt.Sprintf("languages.%d.language", n), func() {
		p.Languages = append(p.Languages, model.LanguageSkill{})
	}))
	return widget.NewCard(u.t("skills.languages"), u.t("skills.languages_hint"), container.NewVBox(rows...))
}

func (v *skillsView) languageRow(p *model.SkillsProfile, i int) fyne.CanvasObject {
	u := v.u
	l := &p.Languages[i]
	f := fmt.Sprintf("languages.%d", i)
	lang := languagePicker(u)
	lang.setCode(l.Language)
	langField := v.register(f+".language", u.t("skills.language"), lang.box)
	wasItalian := l.Language == "it"
	v.bindPicker(langField, lang, func(code string) {
		l.Language = code
		if code != "" && (code == "it") != wasItalian {
			v.focusPath = f + ".name"
			v.render() // the Italian certificate comes or goes
		}
	})
	fields := []*field{langField, v.textField(f+".name", u.t("skills.language_name"), &l.Name, false),
		v.register(f+".mother", "", v.check(u.t("skills.mother"), &l.Mother))}
	fields = append(fields, v.levelChoice(f+".overall", u.t("skills.overall"), &l.Overall))
	if l.Levels == nil {
		l.Levels = map[string]string{}
	}
	for _, s := range model.CEFRSkills {
		fields = append(fields, v.cefrField(f+".levels."+s.Code, s, l.Levels))
	}
	if l.Language == "it" {
		fields = append(fields, v.codeChoice(f+".certificate", u.t("skills.certificate"), model.ItalianCertificates, &l.Certificate),
			v.levelChoice(f+".cert_level", u.t("skills.cert_level"), &l.CertLevel))
	}
	title := u.tr.Tf("skills.language_n", map[string]any{"N": i + 1})
	return v.rowCard(title, func() { p.Languages = removeAt(p.Languages, i) }, formGrid(fields...))
}

// cefrField is the level of one CEFR skill, with what the level means, in
// plain words, in the interface language and (for the mediator to read
// out) in the person's.
func (v *skillsView) cefrField(path string, skill model.Code, levels map[string]string) *field {
	u := v.u
	level := levels[skill.Code]
	f := v.levelChoice(path, skill.Label(u.tr.Lang()), &level)
	c := f.obj.(*choice)
	mine := widget.NewLabel("")
	mine.Wrapping = fyne.TextWrapWord
	mine.TextStyle = fyne.TextStyle{Italic: true} // read out to the person: as legible as the rest
	theirs := newScriptParagraph("", v.person.PreferredLanguage)
	pl := locales.ForPerson(v.person.PreferredLanguage)
	show := func() {
		mine.Hide()
		theirs.Hide()
		if level == "" {
			return
		}
		key := "doc.cefr." + skill.Code + "." + level
		mine.SetText(locales.ForPerson(u.tr.Lang()).T(key))
		mine.Show()
		// Only a text the person's language has: not the Italian fallback.
		if pl.Lang() != u.tr.Lang() && pl.T(key) != locales.ForPerson(locales.Default).T(key) {
			theirs.SetText(pl.T(key), pl.Lang())
			theirs.Show()
		}
	}
	c.OnChanged = func(string) {
		level = c.code()
		if level == "" {
			delete(levels, skill.Code)
		} else {
			levels[skill.Code] = level
		}
		show()
	}
	show()
	f.obj = container.NewVBox(c, mine, theirs)
	return f
}
