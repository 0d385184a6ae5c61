package printouts

import (
	"sort"
	"strings"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// skills writes every version of the person's skills profile: what they
// said of their languages, studies, work, skills, licences and
// certificates, version by version (the JSON beside the document holds each
// field).
func (w *accessWriter) skills() {
	w.heading("doc.access.skills")
	if len(w.f.Skills) == 0 {
		w.none()
	}
	for _, p := range w.f.Skills {
		w.item("doc.access.skills_version", map[string]any{"N": p.Version, "Date": typeset.IsolateLTR(w.day(p.Date))})
		w.fieldOf("skills_languages", isolated(profileLanguages(p.Languages)))
		var studies []string
		for _, e := range p.Education {
			studies = append(studies, strings.TrimSpace(e.Level+" "+e.Field))
		}
		w.fieldOf("skills_education", isolated(studies))
		var jobs []string
		for _, e := range p.Experiences {
			jobs = append(jobs, firstOf(e.Title, occupationName(e.ESCO, w.lang)))
		}
		w.fieldOf("skills_jobs", isolated(jobs))
		var skills []string
		for _, s := range p.Skills {
			if c, ok := model.CuratedSkillByID(s.ESCO); ok && s.ESCO != "" {
				skills = append(skills, locales.SkillName(w.lang, c.ID, c.EN))
			} else {
				skills = append(skills, s.Label)
			}
		}
		w.fieldOf("skills_skills", isolated(skills))
		var licences []string
		for _, l := range p.Licences {
			licences = append(licences, l.Category)
		}
		w.fieldOf("skills_licences", isolated(licences))
		var certs []string
		for _, c := range p.Certificates {
			name := c.Kind
			if k, ok := model.CodeOf(model.CertificateKinds, c.Kind); ok {
				name = k.Label(w.lang)
			}
			certs = append(certs, strings.TrimSpace(name+" "+c.Detail))
		}
		w.fieldOf("skills_certificates", isolated(certs))
		w.field("skills_notes", p.Notes)
		w.y += 4
	}
}

// profileLanguages names each language with its levels: "العربية (madre)",
// "italiano A2".
func profileLanguages(list []model.LanguageSkill) []string {
	var out []string
	for _, l := range list {
		name := firstOf(l.Name, languageName(l.Language))
		var levels []string
		if l.Overall != "" {
			levels = append(levels, l.Overall)
		}
		keys := make([]string, 0, len(l.Levels))
		for k := range l.Levels {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			levels = append(levels, k+" "+l.Levels[k])
		}
		if l.Mother {
			levels = append([]string{"L1"}, levels...)
		}
		out = append(out, strings.TrimSpace(name+" "+strings.Join(levels, ", ")))
	}
	return out
}

// occupationName is an ESCO occupation's label in lang (Italian or English).
func occupationName(id, lang string) string {
	if o, ok := model.ESCOOccupation(id); ok {
		return o.Label(lang)
	}
	return id
}
