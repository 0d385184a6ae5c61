package printouts

import (
	"io"
	"strings"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// SkillsDoc is a version of a person's skills profile (bilancio di
// competenze) printed for them: every section in their language with the
// Italian, codes labelled in both, what the desk typed printed as typed.
type SkillsDoc struct {
	Lang    string
	Header  Header // with the person, identified on every page
	Profile model.SkillsProfile
}

// SkillsLanguage is the language the skills profile is written in for a
// reader of lang: lang itself when the document has its text, English
// otherwise (always with the Italian), and whether it is lang.
func SkillsLanguage(lang string) (string, bool) {
	if lang == "" || lang == locales.Default {
		return locales.Default, true
	}
	tr := locales.ForPerson(lang)
	if tr.Lang() == lang && tr.Has("doc.skills.title") {
		return lang, true
	}
	return "en", false
}

// RenderSkillsProfile writes the skills profile, with signature blocks for
// the person, the mediator and the operator.
func RenderSkillsProfile(w io.Writer, d SkillsDoc) error {
	if d.Profile.PersonID == 0 && d.Profile.Version == 0 {
		return &model.Error{Code: model.ErrRequired, Field: "profile", Message: "no skills profile to print"}
	}
	lang, own := SkillsLanguage(d.Lang)
	return renderBilingual(w, lang, "doc.skills.title", d.Header, func(b *bilingual) error {
		pw := &profileWriter{bilingual: b, p: &d.Profile}
		if !own {
			name := d.Lang
			if l, ok := model.LanguageByTag(d.Lang); ok {
				name = l.Native
			}
			b.both("doc.skills.fallback", map[string]any{"Language": typeset.Isolate(name)}, styleSmall, styleSmall, 6)
		}
		p := &d.Profile
		b.both("doc.skills.version", map[string]any{"N": p.Version, "Date": typeset.IsolateLTR(p.Date.Format("02/01/2006"))},
			styleHeading, styleItalian, 4)
		b.both("doc.skills.intro", nil, styleBody, styleItalian, sectionSpace)
		for _, section := range []func(){pw.languages, pw.education, pw.experience, pw.skills, pw.digital,
			pw.licences, pw.certificates, pw.availability, pw.validation} {
			section()
		}
		b.signatures("doc.common.sign_person", "doc.common.sign_mediator", "doc.common.sign_operator")
		return nil
	})
}

// profileWriter writes the profile's sections; the curriculum uses it too,
// in Italian only.
type profileWriter struct {
	*bilingual
	p  *model.SkillsProfile
	cv bool // for employers: no evidence, no free notes of the desk
}

// heading starts a section, kept with at least a line of what follows.
func (w *profileWriter) heading(key string) {
	w.ensure(w.height(key, nil, styleHeading, styleItalian, 4) + 36)
	w.y += 4
	w.both(key, nil, styleHeading, styleItalian, 4)
}

// line writes one entry: in the reader's language, then in Italian.
func (w *profileWriter) line(own, it string) { w.bothText(own, it, styleBody, styleItalian, 5) }

// none writes that a section has nothing.
func (w *profileWriter) none() { w.both("doc.skills.none", nil, styleSmall, styleSmall, 4) }

// pair is a label in the reader's language and in Italian.
type pair struct{ own, it string }

// join joins pairs with a separator, each side apart.
func join(ps []pair, sep string) pair {
	var own, it []string
	for _, p := range ps {
		if p.it == "" {
			continue
		}
		own, it = append(own, p.own), append(it, p.it)
	}
	return pair{strings.Join(own, sep), strings.Join(it, sep)}
}

// plain is a text that reads the same in both: a name, a code, a date.
func plain(s string) pair {
	if strings.TrimSpace(s) == "" {
		return pair{}
	}
	return pair{typeset.Isolate(s), typeset.Isolate(s)}
}

// ltr is a left-to-right text that reads the same in both: dates, codes.
func ltr(s string) pair {
	if strings.TrimSpace(s) == "" {
		return pair{}
	}
	return pair{typeset.IsolateLTR(s), typeset.IsolateLTR(s)}
}

// txt is a document text in both languages.
func (w *profileWriter) txt(key string) pair { return w.labelf(key, nil) }

func (w *profileWriter) labelf(key string, data map[string]any) pair {
	return pair{typeset.Isolate(w.person.Tf(key, data)), typeset.Isolate(w.it.Tf(key, data))}
}

// code labels a code of a list: the document's own text for the reader's
// language when it has one (doc.skills.code.KIND.CODE), the list's English
// label otherwise; the list's Italian label on the Italian side.
func (w *profileWriter) code(list []model.Code, kind, code string) pair {
	c, ok := model.CodeOf(list, code)
	if !ok {
		return plain(code)
	}
	own := c.EN
	if key := "doc.skills.code." + kind + "." + code; w.italianOnly() {
		own = c.IT
	} else if w.person.Has(key) {
		own = w.person.T(key)
	}
	return pair{typeset.Isolate(own), typeset.Isolate(c.IT)}
}

// codes labels several codes of a list, joined.
func (w *profileWriter) codes(list []model.Code, kind string, codes []string) pair {
	var ps []pair
	for _, c := range codes {
		ps = append(ps, w.code(list, kind, c))
	}
	return join(ps, ", ")
}

// field is "label: value" in both languages.
func field(label, value pair) pair {
	return pair{label.own + ": " + value.own, label.it + ": " + value.it}
}

// period is a time span, dd/mm/yyyy as far as each end is known.
func (w *profileWriter) period(from, to model.PartialDate) pair {
	switch {
	case from.IsZero() && to.IsZero():
		return pair{}
	case to.IsZero():
		return w.labelf("doc.skills.since", map[string]any{"From": typeset.IsolateLTR(from.Italian())})
	}
	f := from.Italian()
	if f == "" {
		f = "…"
	}
	return w.labelf("doc.skills.period", map[string]any{"From": typeset.IsolateLTR(f), "To": typeset.IsolateLTR(to.Italian())})
}

// country names a country in Italian, and in English for other readers.
func (w *profileWriter) country(iso string) pair {
	c, ok := model.CountryByISO2(iso)
	if !ok {
		return pair{}
	}
	if w.italianOnly() {
		return plain(c.NameIT)
	}
	return pair{typeset.Isolate(c.NameEN), typeset.Isolate(c.NameIT)}
}

// write draws the non-empty pairs of an entry on one line each side.
func (w *profileWriter) write(parts ...pair) {
	if p := join(parts, " · "); p.it != "" {
		w.line(p.own, p.it)
	}
}
