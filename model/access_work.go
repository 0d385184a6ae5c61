package model

// PartWork is the work side of a person's file: proposals to employers and
// their outcome, internships with attendance and allowance, the enterprise
// the person is starting. It is kept apart from access.go so that parts
// added in parallel merge without touching the same lines.
const PartWork Part = "work"

// workAccess is what each role may do with PartWork: the roles that work
// the cases write it; a mediator reads it, to explain a proposal or an
// internship to the person, on the cases assigned to them.
var workAccess = map[Role]Access{RoleCoordinator: _w, RoleOperator: _w, RoleSocialWorker: _w, RoleLegalAdviser: _w,
	RoleMediator: _r}

func init() {
	Parts = append(Parts, PartWork)
	for r, a := range workAccess {
		AccessMatrix[r][PartWork] = a
	}
}
