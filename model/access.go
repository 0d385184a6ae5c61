package model

import "strings"

// Part is a part of a person's file. Who may read or write each part is
// data: the table Access, enforced by the store where the part is read and
// written.
type Part string

const (
	PartIdentity  Part = "identity"  // names, birth, nationality, languages, phone, domicile, channel; the cases
	PartDocuments Part = "documents" // codice fiscale, residence permit, the interview's documents section
	PartInterview Part = "interview" // the interview's other answers: migration, work, skills, needs
	PartScreening Part = "screening" // the exploitation answers, the screening result and the decision on it
	PartHealth    Part = "health"    // health answers, vulnerabilities, what health services answered
	PartLegal     Part = "legal"     // what legal aid and anti-trafficking bodies answered: the legal notes
	PartPlan      Part = "plan"      // the individual plan
	PartReferrals Part = "referrals" // referrals to services
	PartConsents  Part = "consents"  // consents given and withdrawn
	PartScans     Part = "scans"     // the scanned signed forms
	PartSkills    Part = "skills"    // the skills profile (bilancio di competenze), every version
)

// Parts lists the parts of a file in the order tables show them.
var Parts = []Part{PartIdentity, PartDocuments, PartInterview, PartScreening, PartHealth, PartLegal,
	PartPlan, PartReferrals, PartConsents, PartScans, PartSkills}

// Access is what a role may do with a part: nothing, read it, or read and
// write it.
type Access uint8

const (
	NoAccess Access = iota
	ReadAccess
	WriteAccess
)

// Reads and Writes tell what the access allows.
func (a Access) Reads() bool  { return a >= ReadAccess }
func (a Access) Writes() bool { return a >= WriteAccess }

const (
	_n = NoAccess
	_r = ReadAccess
	_w = WriteAccess
)

// AccessMatrix says, for each role, what it may do with each part of a
// file. Operators, social workers and legal advisers work all the desk's
// cases; health details are for social workers, legal notes for legal
// advisers; the coordinator has everything. Legal advisers read the skills
// profile, the others write it. A mediator works only the cases they are
// assigned to (AssignedOnly), helps fill the interview and the skills
// profile and explains the plan and the consents; the exploitation screening, health
// and legal details stay closed to them once the interview is over.
var AccessMatrix = map[Role]map[Part]Access{
	RoleCoordinator: {PartIdentity: _w, PartDocuments: _w, PartInterview: _w, PartScreening: _w, PartHealth: _w,
		PartLegal: _w, PartPlan: _w, PartReferrals: _w, PartConsents: _w, PartScans: _w, PartSkills: _w},
	RoleOperator: {PartIdentity: _w, PartDocuments: _w, PartInterview: _w, PartScreening: _w, PartHealth: _n,
		PartLegal: _n, PartPlan: _w, PartReferrals: _w, PartConsents: _w, PartScans: _w, PartSkills: _w},
	RoleSocialWorker: {PartIdentity: _w, PartDocuments: _w, PartInterview: _w, PartScreening: _w, PartHealth: _w,
		PartLegal: _n, PartPlan: _w, PartReferrals: _w, PartConsents: _w, PartScans: _w, PartSkills: _w},
	RoleLegalAdviser: {PartIdentity: _w, PartDocuments: _w, PartInterview: _w, PartScreening: _w, PartHealth: _n,
		PartLegal: _w, PartPlan: _w, PartReferrals: _w, PartConsents: _w, PartScans: _w, PartSkills: _r},
	RoleMediator: {PartIdentity: _r, PartDocuments: _r, PartInterview: _w, PartScreening: _n, PartHealth: _n,
		PartLegal: _n, PartPlan: _r, PartReferrals: _r, PartConsents: _r, PartScans: _n, PartSkills: _w},
}

// AssignedOnly names the roles that see only the cases they are assigned
// to (as the case's operator or in its team); the others see every case
// of the desk.
var AssignedOnly = map[Role]bool{RoleMediator: true}

// Can tells what the role may do with the part.
func (r Role) Can(p Part) Access { return AccessMatrix[r][p] }

// Can tells what the operator may do with the part; nobody signed in may
// do nothing.
func (o *Operator) Can(p Part) Access {
	if o == nil {
		return NoAccess
	}
	return o.Role.Can(p)
}

// questionParts places interview answers in the parts of a file: a whole
// section by "section:" and its ID, or a single question by its ID. The
// rest of the interview is PartInterview.
var questionParts = map[string]Part{
	"section:documents":    PartDocuments,
	"section:exploitation": PartScreening,
	"needs.health_urgent":  PartHealth,
}

// QuestionPart is the part of the file an answer belongs to. A field of a
// repeatable group ("work.jobs.0.employer") belongs where its group does.
func QuestionPart(id string) Part {
	for q := id; q != ""; q = parentOf(q) {
		if p, ok := questionParts[q]; ok {
			return p
		}
	}
	section, _, _ := strings.Cut(id, ".")
	if p, ok := questionParts["section:"+section]; ok {
		return p
	}
	return PartInterview
}

func parentOf(id string) string {
	i := strings.LastIndexByte(id, '.')
	if i < 0 {
		return ""
	}
	return id[:i]
}

// ServicePart is the part of the file a service's answer to a referral
// belongs to: what health services say is a health detail, what legal aid
// and anti-trafficking bodies say is a legal note, the rest is the
// referral's.
func ServicePart(k ServiceKind) Part {
	switch k {
	case ServiceHealth:
		return PartHealth
	case ServiceLegalAid, ServiceAntiTrafficking:
		return PartLegal
	}
	return PartReferrals
}

// DeniedPart is the error for an operator whose role may not read or
// write a part of a file.
func DeniedPart(p Part, write bool) error {
	what := "read"
	if write {
		what = "change"
	}
	return &Error{Code: ErrPermission, Field: string(p), Message: "this role may not " + what + " the " + string(p) +
		" part of a file"}
}

// NotAssigned is the error for a role that sees only its assigned cases,
// reaching for another.
func NotAssigned() error {
	return &Error{Code: ErrNotAssigned, Field: "case", Message: "this case is not assigned to you"}
}

// Redact empties the parts of the person's record that can does not allow
// reading, and names them in Withheld.
func (p *Person) Redact(can func(Part) Access) {
	p.Withheld = nil
	if !can(PartDocuments).Reads() {
		p.FiscalCode, p.Permit = "", Permit{}
		p.Withheld = append(p.Withheld, PartDocuments)
	}
	if !can(PartHealth).Reads() {
		p.Vulnerabilities = nil
		p.Withheld = append(p.Withheld, PartHealth)
	}
}

// KeepWithheld puts back into p, before it is saved, the parts that can
// does not allow reading, from old as stored: a field its editor never saw
// is not theirs to blank. It refuses a change to a part that can allows
// reading but not writing.
func (p *Person) KeepWithheld(old *Person, can func(Part) Access) error {
	if !can(PartDocuments).Reads() {
		p.FiscalCode, p.Permit = old.FiscalCode, old.Permit
	} else if !can(PartDocuments).Writes() && (p.FiscalCode != old.FiscalCode || p.Permit != old.Permit) {
		return DeniedPart(PartDocuments, true)
	}
	if !can(PartHealth).Reads() {
		p.Vulnerabilities = old.Vulnerabilities
	} else if !can(PartHealth).Writes() && strings.Join(p.Vulnerabilities, "\n") != strings.Join(old.Vulnerabilities, "\n") {
		return DeniedPart(PartHealth, true)
	}
	return nil
}
