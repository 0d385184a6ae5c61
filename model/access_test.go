package model

import (
	"slices"
	"testing"
)

// The matrix says what the issue and the desks asked for: each line is a
// rule a data-protection officer would check, tried against the table.
func TestAccessMatrixPolicy(t *testing.T) {
	who := func(p Part, ok func(Access) bool) []Role {
		var out []Role
		for _, r := range Roles {
			if ok(r.Can(p)) {
				out = append(out, r)
			}
		}
		return out
	}
	reads, writes := Access.Reads, Access.Writes
	for _, c := range []struct {
		rule string
		got  []Role
		want []Role
	}{
		{"health details: social workers and the coordinator", who(PartHealth, reads), []Role{RoleSocialWorker, RoleCoordinator}},
		{"legal notes: legal advisers and the coordinator", who(PartLegal, reads), []Role{RoleLegalAdviser, RoleCoordinator}},
		{"the screening is closed to mediators", who(PartScreening, reads),
			[]Role{RoleOperator, RoleSocialWorker, RoleLegalAdviser, RoleCoordinator}},
		{"mediators fill interviews", who(PartInterview, writes), Roles},
		{"mediators change no identity, plan, referral or consent", who(PartIdentity, writes),
			[]Role{RoleOperator, RoleSocialWorker, RoleLegalAdviser, RoleCoordinator}},
		{"scans are closed to mediators", who(PartScans, reads),
			[]Role{RoleOperator, RoleSocialWorker, RoleLegalAdviser, RoleCoordinator}},
		{"everyone reads the skills profile", who(PartSkills, reads), Roles},
		{"legal advisers only read the skills profile", who(PartSkills, writes),
			[]Role{RoleOperator, RoleMediator, RoleSocialWorker, RoleCoordinator}},
		{"the coordinator writes everything", who(PartLegal, writes), []Role{RoleLegalAdviser, RoleCoordinator}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: %v", c.rule, c.got)
		}
	}
	for _, r := range Roles {
		for _, p := range Parts {
			if _, ok := AccessMatrix[r][p]; !ok {
				t.Errorf("%s × %s is not in the matrix", r, p)
			}
			if RoleCoordinator.Can(p) != WriteAccess {
				t.Errorf("the coordinator cannot write %s", p)
			}
		}
	}
	if !AssignedOnly[RoleMediator] || AssignedOnly[RoleOperator] {
		t.Error("only mediators are limited to their assigned cases")
	}
	if RoleMediator.May(PermExchange) || !RoleOperator.May(PermExchange) {
		t.Error("mediators never export; operators exchange")
	}
}

func TestQuestionPart(t *testing.T) {
	for id, want := range map[string]Part{
		"documents.permit_status": PartDocuments, "exploitation.threats": PartScreening,
		"needs.health_urgent": PartHealth, "needs.work_wanted": PartInterview, "work.jobs.0.employer": PartInterview,
		"migration.debt": PartInterview,
	} {
		if got := QuestionPart(id); got != want {
			t.Errorf("%s: %s, want %s", id, got, want)
		}
	}
}
