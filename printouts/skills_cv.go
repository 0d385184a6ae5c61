package printouts

import (
	"io"
	"strings"

	"sportello/model"
	"sportello/typeset"
)

// SkillsCV is the curriculum given to employers, in Italian, drawn from a
// version of the person's skills profile. It rests on the person's consent
// to share with employers and carries only what that is for: the name, the
// contact the person chose (the desk's unless they gave their own phone),
// languages, education, experience, skills, licences, certificates and
// availability. No case code, birth date, nationality, permit, screening,
// health or legal data, evidence or desk notes: the document knows none of
// them.
type SkillsCV struct {
	Header    Header // Header.Person is ignored: an employer's copy names no case
	Name      string
	Phone     string // the person's own, only when they chose to give it
	DeskPhone string
	Profile   model.SkillsProfile
	Consent   model.Consent // the share_employer consent it rests on
}

// errNoEmployerConsent is why a curriculum is refused: the person has no
// current consent to share with employers.
func errNoEmployerConsent() error {
	return &model.Error{Code: model.ErrNoConsent, Field: "consent",
		Message: "the consent to share with employers (" + string(model.PurposeEmployer) +
			") is missing or withdrawn: the curriculum cannot be printed"}
}

// RenderSkillsCV writes the curriculum, or refuses without a given consent
// to share with employers.
func RenderSkillsCV(w io.Writer, cv SkillsCV) error {
	c := cv.Consent
	if c.Purpose != model.PurposeEmployer || c.State != model.ConsentGiven || c.Date.IsZero() {
		return errNoEmployerConsent()
	}
	h := cv.Header
	h.Person = nil
	return renderBilingual(w, "it", "doc.cv.title", h, func(b *bilingual) error {
		pw := &profileWriter{bilingual: b, p: &cv.Profile, cv: true}
		b.para(typeset.Isolate(cv.Name), "it", styleTitle, sectionSpace)
		pw.heading("doc.cv.contacts")
		if cv.Phone != "" {
			pw.write(field(pw.txt("doc.cv.phone"), ltr(cv.Phone)))
		} else {
			pw.write(pw.labelf("doc.cv.via_desk", map[string]any{"Desk": typeset.Isolate(h.Desk),
				"Organisation": typeset.Isolate(h.Organisation)}))
			if cv.DeskPhone != "" {
				pw.write(field(pw.txt("doc.cv.phone"), ltr(cv.DeskPhone)))
			}
		}
		for _, section := range []func(){pw.languages, pw.education, pw.experience, pw.skills, pw.digital,
			pw.licences, pw.certificates, pw.availability} {
			section()
		}
		b.y += sectionSpace
		b.both("doc.cv.note", map[string]any{"Date": typeset.IsolateLTR(c.Date.Format("02/01/2006")),
			"Profile": typeset.IsolateLTR(cv.Profile.Date.Format("02/01/2006"))}, styleSmall, styleSmall, 4)
		return nil
	})
}

// cvName is the name as an employer reads it: given names, then the family
// name.
func cvName(p *model.Person) string { return strings.TrimSpace(p.GivenNames + " " + p.FamilyName) }
