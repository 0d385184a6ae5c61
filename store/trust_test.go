package store

import (
	"context"
	"strings"
	"testing"

	"sportello/model"
)

// Only an active coordinator accepts another desk's key, recorded with who
// and when; a merge never makes a desk known by itself.
func TestTrustDesk(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	account := func(username string, role model.Role) *model.Operator {
		o := &model.Operator{Username: username, FullName: username, Role: role}
		if err := d.CreateOperator(ctx, o, "sportello-prova", 0); err != nil {
			t.Fatal(err)
		}
		return o
	}
	coord, operator, former := account("giulia", model.RoleCoordinator), account("marco", model.RoleOperator),
		account("ex", model.RoleCoordinator)
	if err := d.Deactivate(ctx, "ex", coord); err != nil {
		t.Fatal(err)
	}
	const uid, key = "0123456789abcdef0123456789abcdef", "bm90IGEgcmVhbCBrZXkgYnV0IGZvcnR5LWZvdXIgY2g="
	tests := []struct {
		name     string
		uid, key string
		by       int64
		code     string // "" accepted
	}{
		{"by nobody", uid, key, 0, model.ErrPermission},
		{"by an operator", uid, key, operator.ID, model.ErrPermission},
		{"by a deactivated coordinator", uid, key, former.ID, model.ErrPermission},
		{"by an account that does not exist", uid, key, 999, model.ErrPermission},
		{"without a key", uid, "", coord.ID, model.ErrRequired},
		{"by a coordinator", uid, key, coord.ID, ""},
		{"the same key again", uid, key, coord.ID, ""},
		{"another key for the same desk", uid, "YW5vdGhlciBrZXk=", coord.ID, model.ErrConflict},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := d.TrustDesk(ctx, tc.uid, "Sportello di Aprilia", tc.key, tc.by); model.ErrorCode(err) != tc.code {
				t.Fatalf("got %v, want code %q", err, tc.code)
			}
			known, ok, err := d.Desk(ctx, uid)
			if err != nil || ok != (tc.code == "" || tc.code == model.ErrConflict) || ok && known.PublicKey != key {
				t.Fatalf("the desk is known %v as %+v (%v)", ok, known, err)
			}
		})
	}
	known, _, _ := d.Desk(ctx, uid)
	trail, err := d.AuditTrail(ctx, "desk", known.ID)
	if err != nil || len(trail) != 1 || trail[0].Action != model.ActionTrust || trail[0].OperatorID != coord.ID ||
		!trail[0].At.Equal(fixedNow) || !strings.Contains(trail[0].Detail, key) || !known.FirstSeen.Equal(fixedNow) {
		t.Fatalf("acceptance recorded as %+v (%v), desk %+v", trail, err, known)
	}

	// A merge only notes a known desk's new name; it never adds a desk.
	at, _ := d.ChangePosition(ctx)
	err = d.Merge(ctx, at, false, func(m *Merger) error {
		if err := m.SeeDesk("ffffffffffffffffffffffffffffffff", "Sconosciuto", "XX"); err != nil {
			return err
		}
		if _, ok, err := m.DeskKey("ffffffffffffffffffffffffffffffff"); ok || err != nil {
			t.Errorf("a merge made a desk known (%v)", err)
		}
		return m.SeeDesk(uid, "Sportello di Aprilia Nord", "APN")
	})
	if err != nil {
		t.Fatal(err)
	}
	if known, _, _ := d.Desk(ctx, uid); known.Name != "Sportello di Aprilia Nord" || known.PublicKey != key {
		t.Errorf("after a merge the desk is %+v", known)
	}
}
