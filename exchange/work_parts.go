package exchange

import "fmt"

// workIDs lists the work records of a document by kind and stable ID.
func (d *Document) workIDs() [][2]string {
	var out [][2]string
	for _, r := range d.Employers {
		out = append(out, [2]string{"employer", r.ID})
	}
	for _, r := range d.Vacancies {
		out = append(out, [2]string{"vacancy", r.ID})
	}
	for _, r := range d.Proposals {
		out = append(out, [2]string{"proposal", r.ID})
	}
	for _, r := range d.Internships {
		out = append(out, [2]string{"internship", r.ID})
	}
	for _, r := range d.Enterprises {
		out = append(out, [2]string{"enterprise", r.ID})
	}
	return out
}

// singleWork makes doc hold one work record from its JSON.
func singleWork(doc *Document, entity string, b []byte) error {
	switch entity {
	case "employer":
		doc.Employers = make([]Employer, 1)
		return strictJSON(b, &doc.Employers[0])
	case "vacancy":
		doc.Vacancies = make([]Vacancy, 1)
		return strictJSON(b, &doc.Vacancies[0])
	case "proposal":
		doc.Proposals = make([]Proposal, 1)
		return strictJSON(b, &doc.Proposals[0])
	case "internship":
		doc.Internships = make([]Internship, 1)
		return strictJSON(b, &doc.Internships[0])
	case "enterprise":
		doc.Enterprises = make([]Enterprise, 1)
		return strictJSON(b, &doc.Enterprises[0])
	}
	return fmt.Errorf("unknown kind of record %q", entity)
}

// anonymiseWork blanks, in the bundle, what an erasure removes from a work
// record of the person: the same rules as store.workErasures.
func anonymiseWork(doc *Document, r record) {
	i := r.index
	switch r.entity {
	case "proposal":
		doc.Proposals[i].Outcome = ""
	case "internship":
		in := &doc.Internships[i]
		in.OutcomeNote = ""
		for j := range in.Attendance {
			in.Attendance[j].Note = ""
		}
	case "enterprise":
		e := &doc.Enterprises[i]
		e.Idea, e.Name, e.PartitaIVA = "", "", ""
		for j := range e.Steps {
			e.Steps[j].What = ""
		}
	}
}

// pseudonymiseWork replaces the work records' IDs and drops what names or
// reaches a person, and all free text.
//
// The rule for employers: a legal entity's codice fiscale (11 digits) and
// partita IVA are not personal data (GDPR recital 14) and stay, so the
// region can count hirings by company. A codice fiscale of 16 characters
// is a natural person's (a ditta individuale, a household employing a
// domestic worker): it goes, and the partita IVA with it, which the public
// register ties to its owner. An employer known only by its partita IVA
// cannot be told apart from a sole trader, so it loses it too. Names go
// for every employer (a company's name often names its owner: "Rossi
// Mario & C. snc"), and so do addresses, contacts, notes, flag reasons
// and lift notes. The enterprise of a person is that person's: its name
// and partita IVA go, its legal form, ATECO code and dates stay.
func (p *pseudonymiser) pseudonymiseWork(d *Document) {
	for i := range d.Employers {
		e := &d.Employers[i]
		keep := *e
		*e = Employer{ID: p.id("employer", e.ID), PersonaGiur: keep.PersonaGiur, SettoreAteco: keep.SettoreAteco,
			CCNL: keep.CCNL, QualityNet: keep.QualityNet, Flags: []EmployerFlag{}, CreatedAt: keep.CreatedAt,
			UpdatedAt: keep.UpdatedAt}
		if keep.PersonaGiur {
			e.CodiceFiscale, e.PartitaIVA = keep.CodiceFiscale, keep.PartitaIVA
		}
		for _, f := range keep.Flags {
			e.Flags = append(e.Flags, EmployerFlag{Date: f.Date, FlaggedBy: p.id("operator", f.FlaggedBy),
				FlaggedAt: f.FlaggedAt, LiftedAt: f.LiftedAt, LiftedBy: p.id("operator", f.LiftedBy)})
		}
	}
	for i := range d.Vacancies {
		v := &d.Vacancies[i]
		v.ID, v.EmployerID, v.ClearedBy = p.id("vacancy", v.ID), p.id("employer", v.EmployerID), p.id("operator", v.ClearedBy)
		v.Title, v.Place, v.ClearNote = "", "", ""
	}
	for i := range d.Proposals {
		r := &d.Proposals[i]
		r.ID, r.CaseID, r.EmployerID = p.id("proposal", r.ID), p.id("case", r.CaseID), p.id("employer", r.EmployerID)
		r.VacancyID, r.ConsentID = p.id("vacancy", r.VacancyID), p.id("consent", r.ConsentID)
		r.CreatedBy, r.Outcome = p.id("operator", r.CreatedBy), ""
	}
	for i := range d.Internships {
		in := &d.Internships[i]
		in.ID, in.CaseID, in.EmployerID = p.id("internship", in.ID), p.id("case", in.CaseID), p.id("employer", in.EmployerID)
		in.Tutor, in.DeskTutor, in.OutcomeNote = "", "", ""
		for j := range in.Attendance {
			in.Attendance[j].Note = ""
		}
	}
	for i := range d.Enterprises {
		e := &d.Enterprises[i]
		e.ID, e.CaseID, e.Idea, e.Name, e.PartitaIVA = p.id("enterprise", e.ID), p.id("case", e.CaseID), "", "", ""
		for j := range e.Steps {
			e.Steps[j].What = ""
		}
		for j := range e.Funding {
			e.Funding[j].Body = ""
		}
	}
}
