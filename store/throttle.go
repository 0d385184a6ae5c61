package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"sportello/model"
)

// Wrong passwords are slowed down per account: after freeAttempts failures
// in a row, each new try waits a pause that doubles with every failure, up
// to maxPause. The failures are kept beside the database (the account only
// as the hash its key slot has), since a failed try never opens it; the
// next login records them in the audit trail.
const (
	freeAttempts = 3
	firstPause   = 5 * time.Second
	maxPause     = 15 * time.Minute
)

// AttemptsPath is the file of failed tries beside the database at dbPath.
func AttemptsPath(dbPath string) string { return dbPath + ".attempts" }

// failures are the failed tries of one account.
type failures struct {
	Count int         `json:"count"`
	Times []time.Time `json:"times"` // the last ones, for the audit trail
	// Last is the latest failure, audited or not (a wrong password at the
	// open window's lock is audited at once, so it is not in Times).
	Last time.Time `json:"last,omitzero"`
}

// last is the time of the latest failure.
func (f failures) last() time.Time {
	if n := len(f.Times); n > 0 && f.Times[n-1].After(f.Last) {
		return f.Times[n-1]
	}
	return f.Last
}

// ThrottleError says how long to wait before the next try.
type ThrottleError struct{ Wait time.Duration }

func (e *ThrottleError) Error() string {
	return fmt.Sprintf("too many wrong passwords: wait %s before trying again", e.Wait.Round(time.Second))
}

var attemptsMu sync.Mutex

// clock tells the time of tries; tests move it.
var clock = time.Now

// pause is the wait after n failures in a row.
func pause(n int) time.Duration {
	if n < freeAttempts {
		return 0
	}
	p := firstPause << (n - freeAttempts)
	if p > maxPause || p <= 0 {
		return maxPause
	}
	return p
}

func readAttempts(path string) map[string]failures {
	m := map[string]failures{}
	if b, err := os.ReadFile(path); err == nil {
		json.Unmarshal(b, &m)
	}
	return m
}

// throttled refuses a try that comes before the pause since the last
// failure of this account is over.
func throttled(dbPath, id string, now time.Time) error {
	attemptsMu.Lock()
	defer attemptsMu.Unlock()
	f := readAttempts(AttemptsPath(dbPath))[id]
	if f.last().IsZero() {
		return nil
	}
	if wait := f.last().Add(pause(f.Count)).Sub(now); wait > 0 {
		return &ThrottleError{Wait: wait}
	}
	return nil
}

// failed records a wrong password for the account, to be audited at the
// next login.
func failed(dbPath, id string, now time.Time) { addFailure(dbPath, id, now, true) }

// addFailure counts a wrong password for the account; keep keeps its time
// for the audit trail (false when it is audited already).
func addFailure(dbPath, id string, now time.Time, keep bool) {
	attemptsMu.Lock()
	defer attemptsMu.Unlock()
	m := readAttempts(AttemptsPath(dbPath))
	f := m[id]
	f.Count++
	f.Last = now
	if keep {
		f.Times = append(f.Times, now)
	}
	if len(f.Times) > 50 {
		f.Times = f.Times[len(f.Times)-50:]
	}
	m[id] = f
	if b, err := json.Marshal(m); err == nil {
		writePrivateFile(AttemptsPath(dbPath), b)
	}
}

// succeeded forgets the account's failures and gives them, to be audited.
func succeeded(dbPath, id string) []time.Time {
	attemptsMu.Lock()
	defer attemptsMu.Unlock()
	m := readAttempts(AttemptsPath(dbPath))
	f, ok := m[id]
	if !ok {
		return nil
	}
	delete(m, id)
	if b, err := json.Marshal(m); err == nil {
		if err := writePrivateFile(AttemptsPath(dbPath), b); err != nil && !errors.Is(err, os.ErrNotExist) {
			return f.Times
		}
	}
	return f.Times
}

// recordFailures leaves in the audit trail the wrong passwords tried for
// op's account before this login, with their times.
func (d *DB) recordFailures(ctx context.Context, op *model.Operator, times []time.Time) error {
	if len(times) == 0 {
		return nil
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		for _, t := range times {
			detail := fmt.Sprintf("%s: wrong password at %s (before the login that followed)", op.Username, formatTime(t))
			if err := d.audit(ctx, tx, 0, model.ActionLoginFailed, "operator", op.ID, detail); err != nil {
				return err
			}
		}
		return nil
	})
}
