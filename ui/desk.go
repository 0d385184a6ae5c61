package ui

import (
	"context"

	"sportello/model"
	"sportello/store"
)

// Desk is the database before anyone signs in: sealed, it is read only
// after an operator's password (or the recovery key) unlocks it. The window
// makes it at the first start and seals a plain one of an earlier version.
type Desk interface {
	State() store.DeskState
	Path() string
	// Create makes the desk with its first coordinator; it gives the
	// recovery key to show once.
	Create(first *model.Operator, password string) (Store, string, error)
	// Unlock opens the desk for an operator; recovery is set when the desk
	// was plain and a coordinator has just sealed it.
	Unlock(username, password string) (db Store, op *model.Operator, recovery string, err error)
	// Recover opens the desk with the recovery key and sets a new password
	// for a coordinator's account.
	Recover(recovery, username, password string) (Store, *model.Operator, error)
}

// NewDesk is the sealed desk at path.
func NewDesk(path string, opt store.Options) Desk { return &sealedDesk{path: path, opt: opt} }

type sealedDesk struct {
	path string
	opt  store.Options
}

func (s *sealedDesk) State() store.DeskState { return store.State(s.path) }
func (s *sealedDesk) Path() string           { return s.path }

func (s *sealedDesk) Create(first *model.Operator, password string) (Store, string, error) {
	if err := first.Validate(); err != nil {
		return nil, "", err
	}
	if err := model.CheckPassword(password, password); err != nil {
		return nil, "", err
	}
	d, recovery, err := store.Create(s.path, s.opt)
	if err != nil {
		return nil, "", err
	}
	if err := d.CreateOperator(context.Background(), first, password, 0); err != nil {
		d.Close()
		return nil, "", err
	}
	return d, recovery, nil
}

func (s *sealedDesk) Unlock(username, password string) (Store, *model.Operator, string, error) {
	if s.State() == store.DeskPlaintext {
		d, op, recovery, err := store.Seal(s.path, s.opt, username, password)
		if err != nil {
			return nil, nil, "", err
		}
		return d, op, recovery, nil
	}
	d, op, err := store.Unlock(s.path, s.opt, username, password)
	if err != nil {
		return nil, nil, "", err
	}
	return d, op, "", nil
}

func (s *sealedDesk) Recover(recovery, username, password string) (Store, *model.Operator, error) {
	if err := model.CheckPassword(password, password); err != nil {
		return nil, nil, err
	}
	d, err := store.UnlockRecovery(s.path, s.opt, recovery)
	if err != nil {
		return nil, nil, err
	}
	ctx := context.Background()
	if err := d.ResetPassword(ctx, username, password, nil); err != nil {
		d.Close()
		return nil, nil, err
	}
	d.Close()
	d, op, err := store.Unlock(s.path, s.opt, username, password)
	if err != nil {
		return nil, nil, err
	}
	return d, op, nil
}
