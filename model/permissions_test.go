package model

import "testing"

// Every role against every permission: only the coordinator runs the desk
// as a whole; operators also run the exchanges; operators and social
// workers keep the employers; all but mediators read why one was flagged;
// mediators (with the coordinator) correct the translations.
func TestPermissionMatrix(t *testing.T) {
	for _, r := range Roles {
		if _, ok := Permissions[r]; !ok {
			t.Errorf("role %s is not in the table", r)
		}
		for _, p := range AllPermissions {
			want := r == RoleCoordinator || (r == RoleOperator && p == PermExchange) ||
				(p == PermEmployers && (r == RoleOperator || r == RoleSocialWorker)) ||
				(p == PermFlagDetails && r != RoleMediator) || (p == PermTexts && r == RoleMediator)
			if got := r.May(p); got != want {
				t.Errorf("%s may %s: %v, want %v", r, p, got, want)
			}
			if o := (&Operator{Role: r, Active: true}); o.May(p) != want {
				t.Errorf("an operator with role %s may %s: %v, want %v", r, p, o.May(p), want)
			}
		}
	}
	var nobody *Operator
	if nobody.May(PermSettings) {
		t.Error("no operator may change settings")
	}
	if ErrorCode(Refusal(PermAccounts)) != ErrPermission {
		t.Error("a refusal is not a permission error")
	}
}
