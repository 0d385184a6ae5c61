package printouts

import (
	"sort"
	"strings"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// The sections of the skills profile, in the order printed. Each writes its
// heading and one line (in both languages) per entry, or that there is none.

// languages: each language, mother tongue or CEFR levels per skill, and a
// certificate.
func (w *profileWriter) languages() {
	w.heading("doc.skills.languages")
	if len(w.p.Languages) == 0 {
		w.none()
	}
	for _, l := range w.p.Languages {
		parts := []pair{w.languageName(l)}
		if l.Mother {
			parts = append(parts, w.txt("doc.skills.mother"))
		}
		if l.Overall != "" {
			parts = append(parts, field(w.txt("doc.skills.overall"), ltr(l.Overall)))
		}
		for _, s := range model.CEFRSkills {
			if lv := l.Levels[s.Code]; lv != "" {
				parts = append(parts, field(w.code(model.CEFRSkills, "cefr", s.Code), ltr(lv)))
			}
		}
		if l.Certificate != "" {
			parts = append(parts, field(w.txt("doc.skills.certificate"),
				join([]pair{w.code(model.ItalianCertificates, "italian_cert", l.Certificate), ltr(l.CertLevel)}, " ")))
		}
		w.write(parts...)
	}
}

// languageName names a language in the reader's language and in Italian,
// by its tag, or as the person named it.
func (w *profileWriter) languageName(l model.LanguageSkill) pair {
	if l.Language == "" {
		return plain(l.Name)
	}
	key := "doc.skills.lang." + l.Language
	name := pair{typeset.Isolate(w.person.T(key)), typeset.Isolate(w.it.T(key))}
	if !w.it.Has(key) {
		name = ltr(l.Language)
		if bl, ok := model.LanguageByTag(l.Language); ok {
			name = plain(bl.Native)
		}
	} else if !w.italianOnly() && !w.person.Has(key) {
		name.own = name.it
	}
	if l.Name != "" {
		name = join([]pair{name, plain("(" + l.Name + ")")}, " ")
	}
	return name
}

// education: each course, its level as the person's country names it, the
// Italian and ISCED levels, the period and its recognition in Italy.
func (w *profileWriter) education() {
	w.heading("doc.skills.education")
	if len(w.p.Education) == 0 {
		w.none()
	}
	for _, e := range w.p.Education {
		done := w.txt("doc.skills.not_completed")
		if e.Completed {
			done = w.txt("doc.skills.completed")
		}
		parts := []pair{plain(strings.TrimSpace(e.Level + " " + e.Field)), w.country(e.Country), w.period(e.From, e.To), done}
		if c, ok := model.EducationLevel(e.ItalianLevel); ok {
			parts = append(parts, pair{typeset.Isolate(c.Label(w.lang)), typeset.Isolate(c.IT)})
		}
		if e.ISCED != "" {
			parts = append(parts, ltr("ISCED "+e.ISCED))
		}
		if e.Recognition != "" {
			parts = append(parts, field(w.txt("doc.skills.recognition"), w.code(model.RecognitionStatuses, "recognition", e.Recognition)))
		}
		w.write(parts...)
	}
}

// experience: each job, the occupation in Italian and in the reader's
// language where ESCO has it, its CP2011 and ISCO-08 codes, the job as the
// person told it, where and when.
func (w *profileWriter) experience() {
	w.heading("doc.skills.experience")
	if len(w.p.Experiences) == 0 {
		w.none()
	}
	for _, e := range w.p.Experiences {
		w.write(w.occupation(e.ESCO, e.CP2011, e.Title))
		var codes []string
		if e.CP2011 != "" {
			codes = append(codes, "CP2011 "+e.CP2011)
		}
		isco := e.ISCO
		if o, ok := model.ESCOOccupation(e.ESCO); ok && isco == "" && e.ESCO != "" {
			isco = o.ISCO
		}
		if isco == "" && e.CP2011 != "" {
			isco = model.CP2011ToISCO08(e.CP2011)
		}
		if isco != "" {
			codes = append(codes, "ISCO-08 "+isco)
		}
		parts := []pair{w.country(e.Country), plain(e.Region), w.period(e.From, e.To)}
		if len(codes) > 0 {
			parts = append(parts, ltr(strings.Join(codes, ", ")))
		}
		if e.Title != "" && (e.ESCO != "" || e.CP2011 != "") && !w.cv {
			parts = append(parts, field(w.txt("doc.skills.as_told"), plain(e.Title)))
		}
		w.bothText(join(parts, " · ").own, join(parts, " · ").it, styleSmall, styleSmall, 3)
		if e.Tasks != "" && !w.cv {
			w.line(typeset.Isolate(e.Tasks), typeset.Isolate(e.Tasks))
		}
		w.y += 3
	}
}

// occupation is an occupation's label: ESCO's in the reader's language
// when ESCO has one, else the job as told; ESCO's Italian label, else
// CP2011's, on the Italian side.
func (w *profileWriter) occupation(esco, cp, title string) pair {
	own, it := title, title
	if c, ok := model.CP2011(cp); ok && cp != "" {
		it = c.Label
	}
	if o, ok := model.ESCOOccupation(esco); ok && esco != "" {
		if l := o.Preferred["it"]; l != "" {
			it = l
		}
		if l := o.Preferred[w.lang]; l != "" {
			own = l
		}
	}
	if w.italianOnly() || own == "" {
		own = it
	}
	if it == "" {
		return pair{}
	}
	return pair{typeset.Isolate(own), typeset.Isolate(it)}
}

// skills: each skill, ESCO's (curated) or in words, with its evidence.
func (w *profileWriter) skills() {
	w.heading("doc.skills.skills")
	if len(w.p.Skills) == 0 {
		w.none()
	}
	for _, s := range w.p.Skills {
		name := plain(s.Label)
		if c, ok := model.CuratedSkillByID(s.ESCO); ok && s.ESCO != "" {
			name = pair{typeset.Isolate(locales.SkillName(w.lang, c.ID, c.EN)), typeset.Isolate(locales.SkillName("it", c.ID, c.EN))}
		}
		parts := []pair{name}
		if len(s.Evidence) > 0 && !w.cv {
			parts = append(parts, field(w.txt("doc.skills.evidence"), w.codes(model.EvidenceKinds, "evidence", s.Evidence)))
		}
		w.write(parts...)
	}
}

// digital: the DigComp self-assessment, area by area.
func (w *profileWriter) digital() {
	if len(w.p.Digital) == 0 {
		return
	}
	w.heading("doc.skills.digital")
	for _, a := range model.DigCompAreas {
		if lv, ok := w.p.Digital[a.Code]; ok {
			w.write(field(w.code(model.DigCompAreas, "digcomp", a.Code), w.code(model.DigCompLevels, "digcomp_level", lv)))
		}
	}
}

// licences: each driving licence, foreign ones with their country.
func (w *profileWriter) licences() {
	w.heading("doc.skills.licences")
	if len(w.p.Licences) == 0 {
		w.none()
	}
	for _, l := range w.p.Licences {
		parts := []pair{w.code(model.LicenceCategories, "licence", l.Category)}
		if l.Foreign {
			parts = append(parts, join([]pair{w.txt("doc.skills.foreign"), w.country(l.Country)}, " "))
		}
		if !l.Expiry.IsZero() {
			parts = append(parts, field(w.txt("doc.skills.expiry"), ltr(l.Expiry.Italian())))
		}
		w.write(parts...)
	}
}

// certificates: each certificate with its detail and dates.
func (w *profileWriter) certificates() {
	w.heading("doc.skills.certificates")
	if len(w.p.Certificates) == 0 {
		w.none()
	}
	for _, c := range w.p.Certificates {
		parts := []pair{w.code(model.CertificateKinds, "certificate", c.Kind), plain(c.Detail)}
		if !c.Date.IsZero() {
			parts = append(parts, join([]pair{w.txt("doc.skills.issued"), ltr(c.Date.Italian())}, " "))
		}
		if !c.Expiry.IsZero() {
			parts = append(parts, field(w.txt("doc.skills.expiry"), ltr(c.Expiry.Italian())))
		}
		w.write(parts...)
	}
}

// availability: from when, which hours, how the person gets to work,
// whether they would move, and the jobs they want.
func (w *profileWriter) availability() {
	a := w.p.Availability
	w.heading("doc.skills.availability")
	if !a.From.IsZero() {
		w.write(field(w.txt("doc.skills.available_from"), ltr(a.From.Italian())))
	}
	if len(a.Hours) > 0 {
		w.write(field(w.txt("doc.skills.hours"), w.codes(model.WorkHours, "hours", a.Hours)))
	}
	if len(a.Transport) > 0 {
		w.write(field(w.txt("doc.skills.transport"), w.codes(model.TransportModes, "transport", a.Transport)))
	}
	if a.WillingToMove != "" {
		w.write(field(w.txt("doc.skills.move"), w.txt("doc.skills."+a.WillingToMove)))
	}
	if len(a.Wanted) > 0 {
		var ps []pair
		for _, o := range a.Wanted {
			ps = append(ps, w.occupation(o, "", ""))
		}
		w.write(field(w.txt("doc.skills.wanted"), join(ps, ", ")))
	}
	if a.WantedNote != "" && !w.cv {
		w.write(plain(a.WantedNote))
	}
}

// validation: each competence on the path of D.Lgs 13/2013, its state,
// date and body.
func (w *profileWriter) validation() {
	if len(w.p.Validation) == 0 {
		return
	}
	w.heading("doc.skills.validation")
	entries := append([]model.ValidationEntry(nil), w.p.Validation...)
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Competence < entries[j].Competence })
	for _, e := range entries {
		name := plain(e.Competence)
		if c, ok := model.CuratedSkillByID(e.Competence); ok {
			name = pair{typeset.Isolate(locales.SkillName(w.lang, c.ID, c.EN)), typeset.Isolate(locales.SkillName("it", c.ID, c.EN))}
		}
		parts := []pair{name, w.code(model.ValidationStates, "validation", e.State), ltr(e.Date.Italian())}
		if e.Body != "" {
			parts = append(parts, field(w.txt("doc.skills.body"), plain(e.Body)))
		}
		w.write(parts...)
	}
}
