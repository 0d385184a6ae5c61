package store

import (
	"context"
	"testing"

	"sportello/model"
)

// The forbidden paths, tried through the store as a window or a script
// would: only a role with the permission changes accounts and settings,
// whatever screen is or is not shown.
func TestPermissionsAreEnforcedWhereWritten(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	ops := map[model.Role]*model.Operator{}
	for _, r := range model.Roles {
		o := &model.Operator{Username: "u_" + string(r), FullName: string(r), Role: r}
		if err := d.CreateOperator(ctx, o, "password-"+string(r), 0); err != nil {
			t.Fatal(err)
		}
		ops[r] = o
	}
	for _, r := range model.Roles {
		by := ops[r]
		want := r.May(model.PermAccounts)
		t.Run(string(r), func(t *testing.T) {
			err := d.CreateOperator(ctx, &model.Operator{Username: "new_by_" + string(r), FullName: "N",
				Role: model.RoleCoordinator}, "a long password", by.ID)
			if (err == nil) != want || (err != nil && model.ErrorCode(err) != model.ErrPermission) {
				t.Errorf("create a coordinator account: %v, allowed %v", err, want)
			}
			err = d.SaveSettings(ctx, map[string]string{model.SettingController: "changed by " + string(r)}, by.ID)
			if (err == nil) != r.May(model.PermSettings) {
				t.Errorf("change the settings: %v", err)
			}
			if err == nil {
				return
			}
			if v, _ := d.Setting(ctx, model.SettingController); v == "changed by "+string(r) {
				t.Error("a refused change was written")
			}
			if err := d.ResetPassword(ctx, "u_coordinator", "taken over", by); model.ErrorCode(err) != model.ErrPermission {
				t.Errorf("reset the coordinator's password: %v", err)
			}
			if err := d.SetRole(ctx, "u_"+string(r), model.RoleCoordinator, by); model.ErrorCode(err) != model.ErrPermission {
				t.Errorf("promote oneself: %v", err)
			}
		})
	}
	// A coordinator deactivated is refused too, even with the right ID.
	second := &model.Operator{Username: "second", FullName: "S", Role: model.RoleCoordinator}
	if err := d.CreateOperator(ctx, second, "another password", ops[model.RoleCoordinator].ID); err != nil {
		t.Fatal(err)
	}
	if err := d.Deactivate(ctx, "second", ops[model.RoleCoordinator]); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveSettings(ctx, map[string]string{model.SettingDPO: "x"}, second.ID); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("a deactivated coordinator changed the settings: %v", err)
	}
	// Anyone keeps their own interface language.
	if err := d.SetOperatorLanguage(ctx, ops[model.RoleMediator].ID, "en"); err != nil {
		t.Errorf("a mediator could not choose their language: %v", err)
	}
}
