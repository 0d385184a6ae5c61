package printouts

import (
	"io"
	"strings"

	"sportello/model"
	"sportello/typeset"
)

// CandidateSheet is the sheet an employer receives when the desk puts a
// person forward (a proposal). It rests on the person's consent to share
// their data with that employer and carries only what CandidateShares
// lists: the name, the job offer it answers, languages, skills, work
// experience, education, driving licences, availability and the desk's
// contact. It knows no birth date, nationality, address, phone, permit,
// screening or plan. It is printed in the person's language (to show them
// what will be sent) with the Italian, or in Italian for the employer.
type CandidateSheet struct {
	Lang      string
	Header    Header // Header.Person is ignored: an employer's copy names no case
	Name      string
	Employer  string         // the recipient
	Vacancy   *model.Vacancy // nil for a spontaneous proposal
	Profile   model.SkillsProfile
	DeskPhone string
	Consent   model.Consent // the consent to share with this employer
	// EmployerID is the recipient's ID: the consent must name it.
	EmployerID int64
}

// CandidateShares are what a candidate sheet holds, in the order it prints
// them; the consent form for sharing with an employer lists the same
// (doc.work.share_*).
var CandidateShares = []string{"name", "vacancy", "languages", "skills", "experience", "education", "licences",
	"availability", "contact"}

// errNoProposalConsent is why a candidate sheet is refused.
func errNoProposalConsent() error {
	return &model.Error{Code: model.ErrNoConsent, Field: "consent",
		Message: "the person's consent to share their data with this employer is missing or withdrawn: " +
			"the candidate sheet cannot be printed"}
}

// RenderCandidate writes the candidate sheet, or refuses without the
// person's given consent to share with this employer.
func RenderCandidate(w io.Writer, s CandidateSheet) error {
	c := s.Consent
	if c.Purpose != model.PurposeSharing || c.State != model.ConsentGiven || c.Date.IsZero() ||
		c.EmployerID == 0 || c.EmployerID != s.EmployerID {
		return errNoProposalConsent()
	}
	h := s.Header
	h.Person = nil
	return renderBilingual(w, s.Lang, "doc.candidate.title", h, func(b *bilingual) error {
		cw := &candidateWriter{profileWriter: &profileWriter{bilingual: b, p: &s.Profile, cv: true}, s: &s}
		if !b.italianOnly() {
			b.both("doc.candidate.shown", nil, styleSmall, styleSmall, 6)
		}
		b.both("doc.candidate.for", map[string]any{"Employer": typeset.Isolate(s.Employer)}, styleBody, styleItalian, 4)
		b.para(typeset.Isolate(s.Name), "it", styleTitle, 4)
		// What the sheet rests on, under the name: the employer reads it
		// first, and it never ends up alone on a last page.
		b.bothDated("doc.candidate.basis", map[string]any{"Employer": typeset.Isolate(s.Employer),
			"Profile": typeset.IsolateLTR(s.Profile.Date.Format("02/01/2006"))}, dayOf(c.Date.Local()), styleSmall, styleSmall,
			sectionSpace)
		for _, section := range []func(){cw.vacancy, cw.languages, cw.skills, cw.jobs, cw.studies, cw.driving,
			cw.availability, cw.contact} {
			section()
		}
		return nil
	})
}

// candidateWriter writes the sheet's sections: the profile's own where
// they hold nothing more than the agreed data, shorter ones where the
// profile says more (the country of a job or a course, a licence's).
type candidateWriter struct {
	*profileWriter
	s *CandidateSheet
}

// heading starts one of the sheet's own sections, kept with its first
// entry in both languages (a heading never ends a page).
func (w *candidateWriter) heading(key string) {
	w.ensure(w.height(key, nil, styleHeading, styleItalian, 4) + 40) // and a line or two of its first entry
	w.profileWriter.heading(key)
}

// vacancy: the job offer as the employer words it, its occupation and
// place, or a spontaneous proposal.
func (w *candidateWriter) vacancy() {
	w.heading("doc.candidate.vacancy")
	v := w.s.Vacancy
	if v == nil {
		w.write(w.txt("doc.candidate.spontaneous"))
		return
	}
	w.write(plain(v.Title), w.occupation(v.ESCO, v.CP2011, ""), plain(v.Place))
}

// jobs: each job's occupation, region and period; no country, no tasks.
func (w *candidateWriter) jobs() {
	w.heading("doc.skills.experience")
	if len(w.p.Experiences) == 0 {
		w.none()
	}
	for _, e := range w.p.Experiences {
		w.write(w.occupation(e.ESCO, e.CP2011, e.Title), plain(e.Region), w.period(e.From, e.To))
	}
}

// studies: each course's level (the Italian equivalent when known) and
// field, completed or not; no country, no school.
func (w *candidateWriter) studies() {
	w.heading("doc.skills.education")
	if len(w.p.Education) == 0 {
		w.none()
	}
	for _, e := range w.p.Education {
		level := plain(strings.TrimSpace(e.Level + " " + e.Field))
		if c, ok := model.EducationLevel(e.ItalianLevel); ok {
			level = join([]pair{{typeset.Isolate(c.Label(w.lang)), typeset.Isolate(c.IT)}, plain(e.Field)}, " · ")
		}
		done := w.txt("doc.skills.not_completed")
		if e.Completed {
			done = w.txt("doc.skills.completed")
		}
		w.write(level, done)
	}
}

// driving: each driving licence's category and expiry; no country.
func (w *candidateWriter) driving() {
	w.heading("doc.skills.licences")
	if len(w.p.Licences) == 0 {
		w.none()
	}
	for _, l := range w.p.Licences {
		parts := []pair{w.code(model.LicenceCategories, "licence", l.Category)}
		if !l.Expiry.IsZero() {
			parts = append(parts, field(w.txt("doc.skills.expiry"), ltr(l.Expiry.Italian())))
		}
		w.write(parts...)
	}
}

// contact: only through the desk, with its phone.
func (w *candidateWriter) contact() {
	w.heading("doc.candidate.contact")
	h := w.header
	w.write(w.labelf("doc.candidate.via_desk", map[string]any{"Desk": typeset.Isolate(h.Desk),
		"Organisation": typeset.Isolate(h.Organisation)}))
	if w.s.DeskPhone != "" {
		w.write(field(w.txt("doc.cv.phone"), ltr(w.s.DeskPhone)))
	}
}

// employerShares writes, on the consent form for sharing with an employer,
// the employer and the list of what the candidate sheet holds.
func employerShares(b *bilingual, employer string) {
	b.both("doc.work.consent_purpose", map[string]any{"Employer": typeset.Isolate(employer)}, styleHeading, styleItalian, 6)
	for _, s := range CandidateShares {
		own, it := "· "+b.person.T("doc.work.share_"+s), "· "+b.it.T("doc.work.share_"+s)
		b.bothText(own, it, styleBody, styleItalian, 3)
	}
	b.y += 4
	b.both("doc.work.consent_never", nil, styleBody, styleItalian, 4)
	b.both("doc.work.consent_withdraw", nil, styleBody, styleItalian, sectionSpace)
}
