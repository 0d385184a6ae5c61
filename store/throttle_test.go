package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sportello/model"
)

func TestWrongPasswordsAreSlowedAndAudited(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sportello.db")
	d := openTest(t, path)
	op := &model.Operator{Username: "marco", FullName: "Marco", Role: model.RoleOperator}
	if err := d.CreateOperator(ctx, op, "the right password", 0); err != nil {
		t.Fatal(err)
	}
	d.Close()
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	old := clock
	clock = func() time.Time { return now }
	t.Cleanup(func() { clock = old })
	try := func(pw string) error {
		d, _, err := Unlock(path, cheap(), "marco", pw)
		if err == nil {
			d.Close()
		}
		return err
	}
	for i := 0; i < freeAttempts; i++ {
		if err := try("guess"); !isProblem(err, ProblemWrongKey) {
			t.Fatalf("try %d: %v", i+1, err)
		}
	}
	// The right password too must wait now: guessing gets no faster.
	var te *ThrottleError
	if err := try("the right password"); !errors.As(err, &te) || te.Wait != firstPause {
		t.Fatalf("after %d failures: %v, want a wait of %s", freeAttempts, err, firstPause)
	}
	// Each failure doubles the pause.
	now = now.Add(firstPause)
	if err := try("guess"); !isProblem(err, ProblemWrongKey) {
		t.Fatal(err)
	}
	if err := try("guess"); !errors.As(err, &te) || te.Wait != 2*firstPause {
		t.Fatalf("after %d failures: %v, want %s", freeAttempts+1, err, 2*firstPause)
	}
	if st, err := os.Stat(AttemptsPath(path)); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the tries file: %v", err)
	}
	// Another account is not held up by marco's failures.
	if _, err := UnlockRecovery(path, cheap(), "AAAA-BBBB"); !isProblem(err, ProblemWrongKey) {
		t.Errorf("the recovery key was held up: %v", err)
	}
	now = now.Add(2 * firstPause)
	d, got, err := Unlock(path, cheap(), "marco", "the right password")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	trail, _ := d.AuditTrail(ctx, "operator", got.ID)
	n := 0
	for _, e := range trail {
		if e.Action == model.ActionLoginFailed && strings.Contains(e.Detail, "wrong password") {
			n++
		}
	}
	if n != freeAttempts+1 {
		t.Errorf("%d failed tries in the audit trail, want %d", n, freeAttempts+1)
	}
	if f := readAttempts(AttemptsPath(path)); len(f) != 1 { // the recovery try is still counted
		t.Errorf("tries left after a login: %v", f)
	}
}

func TestPauseGrowsAndStops(t *testing.T) {
	cases := []struct {
		n    int
		want time.Duration
	}{{0, 0}, {2, 0}, {3, 5 * time.Second}, {4, 10 * time.Second}, {10, 640 * time.Second}, {11, maxPause}, {200, maxPause}}
	for _, c := range cases {
		if got := pause(c.n); got != c.want {
			t.Errorf("pause(%d) = %s, want %s", c.n, got, c.want)
		}
	}
}

// TestLoginOnTheOpenDeskIsSlowedToo: the window's lock checks the password
// with Login on the open desk; wrong tries there wait as at the unlock, are
// counted with the unlock's, and are audited once each.
func TestLoginOnTheOpenDeskIsSlowedToo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sportello.db")
	d := openTest(t, path)
	op := &model.Operator{Username: "marco", FullName: "Marco", Role: model.RoleOperator}
	if err := d.CreateOperator(ctx, op, "the right password", 0); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	old := clock
	clock = func() time.Time { return now }
	t.Cleanup(func() { clock = old })
	for i := 0; i < freeAttempts; i++ {
		if _, err := d.Login(ctx, "marco", "guess"); model.ErrorCode(err) != model.ErrLogin {
			t.Fatalf("try %d: %v", i+1, err)
		}
	}
	var te *ThrottleError
	if _, err := d.Login(ctx, "marco", "the right password"); !errors.As(err, &te) || te.Wait != firstPause {
		t.Fatalf("after %d failures: %v, want a wait of %s", freeAttempts, err, firstPause)
	}
	// The unlock counts the same tries.
	d.Close()
	if _, _, err := Unlock(path, cheap(), "marco", "the right password"); !errors.As(err, &te) {
		t.Fatalf("the unlock after the lock's failures: %v, want a wait", err)
	}
	now = now.Add(firstPause)
	d, got, err := Unlock(path, cheap(), "marco", "the right password")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Login(ctx, "marco", "the right password"); err != nil {
		t.Fatalf("the right password after the pause: %v", err)
	}
	if f := readAttempts(AttemptsPath(path)); len(f) != 0 {
		t.Errorf("tries left after a login: %v", f)
	}
	n := 0
	for _, id := range []int64{0, got.ID} {
		trail, _ := d.AuditTrail(ctx, "operator", id)
		for _, e := range trail {
			if e.Action == model.ActionLoginFailed {
				n++
			}
		}
	}
	if n != freeAttempts {
		t.Errorf("%d failed tries in the audit trail, want %d (each once)", n, freeAttempts)
	}
}
