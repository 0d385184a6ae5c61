package store

import (
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// OpenProblem says why a database file could not be opened.
type OpenProblem string

const (
	ProblemCorrupt  OpenProblem = "corrupt"   // not a database, or damaged
	ProblemReadOnly OpenProblem = "read_only" // the file or its folder cannot be written
	ProblemTooNew   OpenProblem = "too_new"   // written by a newer Sportello
	ProblemInUse    OpenProblem = "in_use"    // another running instance holds it
	ProblemOther    OpenProblem = "cannot_open"
)

// OpenError is returned by Open when the file cannot be used. The file is
// left untouched.
type OpenError struct {
	Problem OpenProblem
	Path    string
	Err     error
}

func (e *OpenError) Error() string {
	msg := map[OpenProblem]string{
		ProblemCorrupt:  "the file is damaged or is not a Sportello database",
		ProblemReadOnly: "the file or its folder is read-only",
		ProblemTooNew:   "the file was written by a newer version of Sportello",
		ProblemInUse:    "the file is in use by another running Sportello",
		ProblemOther:    "the file cannot be opened",
	}[e.Problem]
	if e.Err != nil {
		return fmt.Sprintf("%s: %s (%v)", e.Path, msg, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Path, msg)
}

func (e *OpenError) Unwrap() error { return e.Err }

// classify turns an SQLite error met while opening into an OpenError.
func classify(path string, err error) *OpenError {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return &OpenError{ProblemInUse, path, err}
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return &OpenError{ProblemCorrupt, path, err}
		case sqlite3.ErrReadonly, sqlite3.ErrPerm:
			return &OpenError{ProblemReadOnly, path, err}
		}
	}
	return &OpenError{ProblemOther, path, err}
}

// IsClash tells a write refused by a uniqueness rule: another record
// already holds that place (a plan version of a case, a code).
func IsClash(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrConstraint &&
		(se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey)
}
