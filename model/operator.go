package model

import (
	"fmt"
	"regexp"
	"time"
	"unicode/utf8"
)

// Operator is a user of the workstation.
type Operator struct {
	ID           int64
	UID          string // stable across desks
	Username     string
	FullName     string
	Role         Role
	PasswordHash string // argon2id, encoded; never shown
	Active       bool
	CreatedAt    time.Time
}

// MinPasswordLen is the shortest password accepted: the laptop may be lost.
const MinPasswordLen = 10

var usernameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,31}$`)

// Validate checks the operator's fields (not the password: see CheckPassword).
func (o *Operator) Validate() error {
	var v ValidationErrors
	if o.Username == "" {
		v.add(newError("username", ErrRequired, "required"))
	} else if !usernameRE.MatchString(o.Username) {
		v.add(newError("username", ErrInvalid, "2-32 lower-case letters, digits, dot, dash or underscore"))
	}
	v.add(requiredText("full_name", o.FullName, MaxNameLen))
	if !oneOf(o.Role, Roles) {
		v.add(newError("role", ErrInvalid, fmt.Sprintf("unknown role %q", o.Role)))
	}
	return v.err()
}

// CheckPassword checks a new password and its confirmation.
func CheckPassword(password, confirm string) error {
	if utf8.RuneCountInString(password) < MinPasswordLen {
		return newError("password", ErrPasswordShort, fmt.Sprintf("at least %d characters", MinPasswordLen))
	}
	if password != confirm {
		return newError("confirm", ErrPasswordMismatch, "the two passwords differ")
	}
	return nil
}

// IsCoordinator reports whether the operator administers the workstation.
func (o *Operator) IsCoordinator() bool { return o.Role == RoleCoordinator }
