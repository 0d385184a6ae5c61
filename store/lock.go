package store

import (
	"errors"
	"os"
)

// instanceLock keeps a second Sportello from opening the same database: a
// lock on a small file beside it, held while the database is open and
// released by the system if the process dies. A reader opened with
// Options.Shared (a backup while the window is open) does not take it.
type instanceLock struct{ f *os.File }

// errLocked is what lockFile returns when another process holds the lock.
var errLocked = errors.New("held by another process")

func lockInstance(path string) (*instanceLock, error) {
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, &OpenError{ProblemReadOnly, path, err}
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, &OpenError{ProblemInUse, path, nil}
		}
		return nil, &OpenError{ProblemOther, path, err}
	}
	return &instanceLock{f}, nil
}

func (l *instanceLock) release() {
	if l == nil || l.f == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}
