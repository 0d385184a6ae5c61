package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"sportello/model"
)

// KnownDesk is another desk of the association whose signing key a
// coordinator of this desk accepted (or, before that was asked, that this
// desk met in an earlier bundle). Who accepted it, and when, is in the
// audit trail under entity "desk" and ID.
type KnownDesk struct {
	ID        int64
	UID       string
	Name      string
	PublicKey string // ed25519, base64
	FirstSeen time.Time
	LastSeen  time.Time
}

// Desk reads a known desk by its stable ID; false when this desk has not
// accepted it.
func (d *DB) Desk(ctx context.Context, uid string) (KnownDesk, bool, error) {
	var k KnownDesk
	var first, last string
	err := d.q(ctx).QueryRowContext(ctx, `SELECT rowid, uid, name, public_key, first_seen, last_seen FROM desks
		WHERE uid = ?`, uid).Scan(&k.ID, &k.UID, &k.Name, &k.PublicKey, &first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return KnownDesk{}, false, nil
	}
	if err != nil {
		return KnownDesk{}, false, err
	}
	k.FirstSeen, k.LastSeen = parseTime(first), parseTime(last)
	return k, true, nil
}

// TrustDesk records another desk's signing key as accepted by the
// coordinator by, who compared its fingerprint with that desk's
// coordinator: bundles signed with it merge from then on. Only an active
// account with model.PermDesks (a coordinator) may, never the program
// itself (by 0); it is audited with who and when. Accepting the key
// already accepted changes nothing; a desk already known with another key
// keeps that one (its bundles signed otherwise stay refused).
func (d *DB) TrustDesk(ctx context.Context, uid, name, publicKey string, by int64) error {
	if uid == "" || publicKey == "" {
		return &model.Error{Code: model.ErrRequired, Field: "desk", Message: "a desk is accepted by its ID and its key"}
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if by == 0 {
			return model.Refusal(model.PermDesks) // a person compared the fingerprints, not the program
		}
		if err := actorMay(ctx, tx, by, model.PermDesks); err != nil {
			return err
		}
		var known string
		err := tx.QueryRowContext(ctx, "SELECT public_key FROM desks WHERE uid = ?", uid).Scan(&known)
		switch {
		case err == nil && known == publicKey:
			return nil
		case err == nil:
			return &model.Error{Code: model.ErrConflict, Field: "desk",
				Message: fmt.Sprintf("desk %q is already known with another key: bundles signed with a different key stay refused", name)}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		now := formatTime(d.Now())
		res, err := tx.ExecContext(ctx, `INSERT INTO desks (uid, name, public_key, first_seen, last_seen)
			VALUES (?, ?, ?, ?, ?)`, uid, name, publicKey, now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		return d.audit(ctx, tx, by, model.ActionTrust, "desk", id,
			fmt.Sprintf("%s (%s): signing key %s accepted", name, uid, publicKey))
	})
}

// ImportedOnlyFrom tells whether every bundle merged here came from the
// desk uid (or none was merged yet): then every sync base this desk holds
// is a version that desk sent, or chose in a conflict with it.
func (d *DB) ImportedOnlyFrom(ctx context.Context, uid string) (bool, error) {
	var others int
	err := d.q(ctx).QueryRowContext(ctx, "SELECT count(*) FROM imports WHERE desk_uid <> ?", uid).Scan(&others)
	return others == 0, err
}
