package store

import (
	"context"
	"strings"
	"testing"

	"sportello/model"
)

func TestOperatorsAndLogin(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	if n, _ := d.CountOperators(ctx); n != 0 {
		t.Fatalf("new database has %d operators", n)
	}
	coord := &model.Operator{Username: "giulia", FullName: "Giulia Neri", Role: model.RoleCoordinator}
	if err := d.CreateOperator(ctx, coord, "correct horse battery", 0); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(coord.PasswordHash, "$argon2id$v=19$") || strings.Contains(coord.PasswordHash, "correct") {
		t.Fatalf("hash %q", coord.PasswordHash)
	}
	cases := []struct {
		user, pass string
		ok         bool
	}{
		{"giulia", "correct horse battery", true},
		{"giulia", "correct horse batterY", false},
		{"giulia", "", false},
		{"nobody", "correct horse battery", false},
	}
	for _, c := range cases {
		o, err := d.Login(ctx, c.user, c.pass)
		if c.ok != (err == nil) {
			t.Errorf("Login(%q, %q) = %v, %v", c.user, c.pass, o, err)
		}
		if !c.ok && model.ErrorCode(err) != model.ErrLogin {
			t.Errorf("failed login gave %v, want code %s", err, model.ErrLogin)
		}
	}
	trail, _ := d.AuditTrail(ctx, "operator", 0)
	if len(trail) != 3 || trail[0].Action != model.ActionLoginFailed {
		t.Errorf("failed logins audited as %+v", trail)
	}
	dup := &model.Operator{Username: "giulia", FullName: "Another", Role: model.RoleOperator}
	if err := d.CreateOperator(ctx, dup, "another long secret", coord.ID); model.ErrorCode(err) != model.ErrUsernameTaken {
		t.Errorf("duplicate username: %v", err)
	}
	short := &model.Operator{Username: "marco", FullName: "Marco", Role: model.RoleOperator}
	if err := d.CreateOperator(ctx, short, "short", coord.ID); model.ErrorCode(err) != model.ErrPasswordShort {
		t.Errorf("short password: %v", err)
	}
	if n, _ := d.CountOperators(ctx); n != 1 {
		t.Errorf("%d operators after two refused", n)
	}
}

func TestPasswordHashRoundTrip(t *testing.T) {
	h, err := hashPassword("pässwörd ünïcode", testKDF)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pw, hash string
		ok       bool
	}{
		{"pässwörd ünïcode", h, true},
		{"passwörd ünïcode", h, false},
		{"pässwörd ünïcode", strings.Replace(h, "argon2id", "argon2i", 1), false},
		{"pässwörd ünïcode", h[:len(h)-4], false},
		{"x", "", false},
	} {
		if got := checkPassword(c.pw, c.hash); got != c.ok {
			t.Errorf("checkPassword(%q, %q) = %v", c.pw, c.hash, got)
		}
	}
}
