package printouts

import (
	"io"
	"strings"
	"time"

	"sportello/assets"
	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// Access is the answer to a person's access request (GDPR art. 15): every
// piece of data the desk holds about them, in their language with the
// Italian. Labels are translated; what the desk typed (names, notes,
// reasons) is printed as typed.
type Access struct {
	Lang string
	File *model.PersonFile
	Zone *time.Location // the desk's time zone for times of day; UTC when nil
}

// AccessLanguage is the language the access document is written in for a
// reader of lang: lang itself when the document has its text, English
// otherwise (always with the Italian), and whether it is lang.
func AccessLanguage(lang string) (string, bool) {
	if lang == "" || lang == locales.Default {
		return locales.Default, true
	}
	tr := locales.ForPerson(lang)
	if tr.Lang() == lang && tr.Has("doc.access.title") {
		return lang, true
	}
	return "en", false
}

// styleItem heads one record (a case, an interview, a consent).
var styleItem = typeset.Style{Size: 11, Bold: true, LineHeight: 1.35}

// accessWriter writes the document's sections.
type accessWriter struct {
	*bilingual
	f    *model.PersonFile
	zone *time.Location
}

// RenderAccess writes the access document.
func RenderAccess(w io.Writer, a Access) error {
	f := a.File
	if f == nil {
		return &model.Error{Code: model.ErrRequired, Field: "person", Message: "no person's file to print"}
	}
	lang, own := AccessLanguage(a.Lang)
	zone := a.Zone
	if zone == nil {
		zone = time.UTC
	}
	h := Header{Organisation: f.Desk.Organisation, Desk: f.Desk.Desk, Logo: f.Desk.Logo, Person: IdentOf(f.Person)}
	return renderBilingual(w, lang, "doc.access.title", h, func(b *bilingual) error {
		aw := &accessWriter{bilingual: b, f: f, zone: zone}
		if !own {
			name := a.Lang
			if l, ok := model.LanguageByTag(a.Lang); ok {
				name = l.Native
			}
			b.both("doc.access.fallback", map[string]any{"Language": typeset.Isolate(name)}, styleSmall, styleSmall, 6)
		}
		aw.opening()
		for _, section := range []func(){aw.identity, aw.permit, aw.cases, aw.interviews, aw.screenings, aw.plans, aw.skills,
			aw.consents, aw.referrals, aw.proposals, aw.internships, aw.enterprises, aw.trail, aw.rights} {
			section()
		}
		return nil
	})
}

// opening says whose data these are, when and by whom they were gathered.
func (w *accessWriter) opening() {
	p, f := w.f.Person, w.f
	w.both("doc.consent.person", map[string]any{"Name": typeset.Isolate(fullName(p)), "Code": typeset.IsolateLTR(p.CaseCode)},
		styleHeading, styleItalian, sectionSpace)
	w.both("doc.access.intro", map[string]any{"Date": typeset.IsolateLTR(w.day(f.MadeAt))}, styleBody, styleItalian, 4)
	w.fieldOf("made_by", typeset.Isolate(f.MadeBy.Name)+" ("+w.enum("role", string(f.MadeBy.Role))+")")
	w.y += 4
	w.both("doc.access.as_typed", nil, styleSmall, styleSmall, sectionSpace)
}

// fullName is the person's name as in their documents, with their name in
// their own script.
func fullName(p model.Person) string {
	name := strings.TrimSpace(p.GivenNames + " " + p.FamilyName)
	if p.OwnScriptName != "" {
		name += " (" + typeset.Isolate(p.OwnScriptName) + ")"
	}
	return name
}

// heading starts a section, kept with the start of what follows.
func (w *accessWriter) heading(key string) {
	w.y += 6
	w.ensure(w.height(key, nil, styleHeading, styleItalian, 4) + 70)
	w.both(key, nil, styleHeading, styleItalian, 4)
}

// item heads one record of a section, in both languages.
func (w *accessWriter) item(key string, data map[string]any) {
	w.ensure(w.height(key, data, styleItem, styleItalian, 2) + 60)
	w.both(key, data, styleItem, styleItalian, 2)
}

// none says a section holds nothing.
func (w *accessWriter) none() { w.both("doc.access.none", nil, styleBody, styleItalian, 4) }

// field writes "label: value", the label in both languages; nothing when
// the value is empty. The value is isolated: a name or a note in any
// script keeps its own direction.
func (w *accessWriter) field(key, value string) {
	if strings.TrimSpace(value) != "" {
		w.fieldOf(key, typeset.Isolate(value))
	}
}

// fieldOf is field for a value made of isolated parts (labels in both
// languages, lists): it takes the line's direction, so a right-to-left
// reader meets the part in their language first.
func (w *accessWriter) fieldOf(key, value string) {
	if strings.TrimSpace(typeset.StripControls(value)) == "" {
		return
	}
	w.line(w.label("doc.access."+key)+": "+value, styleBody, 2)
}

// isolated joins values, each isolated.
func isolated(values []string) string {
	var out []string
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			out = append(out, typeset.Isolate(v))
		}
	}
	return strings.Join(out, ", ")
}

// enum is the label of a coded value in both languages, "" for no value.
func (w *accessWriter) enum(group, value string) string {
	if value == "" {
		return ""
	}
	return w.label("doc.access." + group + "_" + value)
}

// line writes one paragraph in the reader's language, on one page.
func (w *accessWriter) line(text string, style typeset.Style, after float64) {
	w.lineIn(text, w.lang, style, after)
}

// lineIn writes one paragraph in lang, on one page.
func (w *accessWriter) lineIn(text, lang string, style typeset.Style, after float64) {
	l := w.measure(text, lang, style, pageW-2*margin)
	w.ensure(float64(l.Height) + after)
	w.draw(l, style, margin, w.y)
	w.y += float64(l.Height) + after
}

// day is a time's calendar day in the desk's zone, "" when unknown.
func (w *accessWriter) day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(w.zone).Format("02/01/2006")
}

// identity: names, birth, nationality, languages, contacts.
func (w *accessWriter) identity() {
	p := w.f.Person
	w.heading("doc.access.identity")
	w.field("family_name", p.FamilyName)
	w.field("given_names", p.GivenNames)
	w.field("own_name", p.OwnScriptName)
	w.fieldOf("aliases", isolated(p.Aliases))
	w.fieldOf("sex", w.enum("sex", string(p.Sex)))
	w.field("birth_date", p.BirthDate.Italian())
	w.field("birth_country", country(p.BirthCountry))
	var cits, langs []string
	for _, c := range p.Citizenships {
		cits = append(cits, country(c))
	}
	for _, l := range p.Languages {
		langs = append(langs, languageName(l))
	}
	w.fieldOf("citizenship", isolated(cits))
	w.fieldOf("languages", isolated(langs))
	w.field("preferred_language", languageName(p.PreferredLanguage))
	w.field("phone", p.Phone)
	dom := isolated([]string{p.Domicile})
	if p.DomicileInformal {
		dom = strings.TrimSpace(dom + " (" + w.label("doc.access.domicile_informal") + ")")
	}
	w.fieldOf("domicile", dom)
	w.field("fiscal_code", p.FiscalCode)
	w.fieldOf("vulnerabilities", isolated(p.Vulnerabilities))
	w.fieldOf("channel", w.enum("channel", string(p.Channel)))
	w.field("registered", w.day(p.CreatedAt))
	w.field("updated", w.day(p.UpdatedAt))
}

// permit: the residence permit.
func (w *accessWriter) permit() {
	p := w.f.Person.Permit
	w.heading("doc.access.permit")
	if p == (model.Permit{}) {
		w.none()
		return
	}
	w.field("permit_type", p.Type)
	w.field("permit_number", p.Number)
	w.field("permit_expiry", p.Expiry.Italian())
	w.fieldOf("permit_status", w.enum("permit_status", string(p.Status)))
}

// cases: each path with the desk, and who follows it.
func (w *accessWriter) cases() {
	w.heading("doc.access.cases")
	if len(w.f.Cases) == 0 {
		w.none()
	}
	for _, c := range w.f.Cases {
		w.item("doc.access.case", map[string]any{"Date": typeset.IsolateLTR(w.day(c.OpenedAt))})
		w.fieldOf("status", w.enum("case_status", string(c.Status)))
		w.field("closed", w.day(c.ClosedAt))
		w.fieldOf("priority", w.enum("priority", string(c.Priority)))
		w.field("operator", w.f.OperatorName(c.OperatorID))
		var team []string
		for _, id := range c.Team {
			team = append(team, w.f.OperatorName(id))
		}
		w.fieldOf("team", isolated(team))
		w.y += 4
	}
}

// rights: the controller, the DPO, the person's rights and the Garante.
func (w *accessWriter) rights() {
	d := w.f.Desk
	w.heading("doc.access.rights")
	if d.Controller != "" {
		w.both("doc.notice.controller", map[string]any{"Controller": typeset.Isolate(d.Controller)}, styleBody, styleItalian, 4)
	}
	if d.DPO != "" {
		w.both("doc.notice.dpo", map[string]any{"DPO": typeset.Isolate(d.DPO)}, styleBody, styleItalian, 4)
	}
	w.both("doc.notice.rights", nil, styleBody, styleItalian, 4)
	w.both("doc.access.ask", nil, styleBody, styleItalian, 4)
	w.both("doc.notice.complaint", nil, styleBody, styleItalian, 4)
}

// country is a country's Italian name, as Italian documents write it.
func country(code string) string {
	if c, ok := model.CountryByISO2(code); ok {
		return c.NameIT
	}
	return code
}

// languageName is a language's name in itself.
func languageName(tag string) string {
	if l, ok := model.LanguageByTag(tag); ok {
		return l.Native
	}
	return tag
}

// questionnaire is the questionnaire of a version, nil when unknown.
func questionnaire(version string) *model.Questionnaire {
	data, ok := assets.Questionnaire(version)
	if !ok {
		return nil
	}
	qn, err := model.ParseQuestionnaire(data)
	if err != nil {
		return nil
	}
	return qn
}
