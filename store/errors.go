package store

import (
	"errors"
	"fmt"

	"github.com/ncruces/go-sqlite3"
)

// OpenProblem says why a database file could not be opened.
type OpenProblem string

const (
	ProblemCorrupt     OpenProblem = "corrupt"      // not a database, or damaged
	ProblemReadOnly    OpenProblem = "read_only"    // the file or its folder cannot be written
	ProblemTooNew      OpenProblem = "too_new"      // written by a newer Sportello
	ProblemInUse       OpenProblem = "in_use"       // another running instance holds it
	ProblemOther       OpenProblem = "cannot_open"  //
	ProblemWrongKey    OpenProblem = "wrong_key"    // wrong username, password or recovery key
	ProblemNoKeyFile   OpenProblem = "no_key_file"  // the key file beside the database is missing
	ProblemKeyMismatch OpenProblem = "key_mismatch" // key file and database belong to different desks
	ProblemPlaintext   OpenProblem = "plaintext"    // an unencrypted database of an earlier version
	ProblemNotDemo     OpenProblem = "not_demo"     // demo data refused: this is a real desk
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
		ProblemCorrupt:     "the file is damaged or is not a Sportello database",
		ProblemReadOnly:    "the file or its folder is read-only",
		ProblemTooNew:      "the file was written by a newer version of Sportello",
		ProblemInUse:       "the file is in use by another running Sportello",
		ProblemOther:       "the file cannot be opened",
		ProblemWrongKey:    "wrong username, password or recovery key",
		ProblemNoKeyFile:   "the key file beside the database is missing",
		ProblemKeyMismatch: "the key file does not open this database: they belong to different desks, or the database is damaged",
		ProblemPlaintext:   "the database is not encrypted yet: a coordinator must open it once to seal it",
		ProblemNotDemo:     "this is not a demo database: demo data is never added to a real desk",
	}[e.Problem]
	if e.Err != nil {
		return fmt.Sprintf("%s: %s (%v)", e.Path, msg, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Path, msg)
}

func (e *OpenError) Unwrap() error { return e.Err }

// classify turns an SQLite error met while opening into an OpenError.
func classify(path string, err error) *OpenError {
	switch code, _ := sqliteCode(err); code {
	case sqlite3.BUSY, sqlite3.LOCKED:
		return &OpenError{ProblemInUse, path, err}
	case sqlite3.CORRUPT, sqlite3.NOTADB:
		return &OpenError{ProblemCorrupt, path, err}
	case sqlite3.READONLY, sqlite3.PERM, sqlite3.CANTOPEN:
		return &OpenError{ProblemReadOnly, path, err}
	}
	return &OpenError{ProblemOther, path, err}
}

// sqliteCode finds SQLite's result code in err, in any of the forms the
// driver gives it.
func sqliteCode(err error) (sqlite3.ErrorCode, sqlite3.ExtendedErrorCode) {
	var se *sqlite3.Error
	var ec sqlite3.ErrorCode
	var xc sqlite3.ExtendedErrorCode
	switch {
	case errors.As(err, &se):
		return se.Code(), se.ExtendedCode()
	case errors.As(err, &xc):
		return xc.Code(), xc
	case errors.As(err, &ec):
		return ec, sqlite3.ExtendedErrorCode(ec)
	}
	return 0, 0
}

// IsClash tells a write refused by a uniqueness rule: another record
// already holds that place (a plan version of a case, a code).
func IsClash(err error) bool {
	_, x := sqliteCode(err)
	return x == sqlite3.CONSTRAINT_UNIQUE || x == sqlite3.CONSTRAINT_PRIMARYKEY
}
