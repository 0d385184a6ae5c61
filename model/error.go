package model

import (
	"errors"
	"strings"
)

// Error codes. The user interface translates a code into a message with the
// locale key "error.<code>"; the Message field is for logs and the command line.
const (
	ErrRequired          = "required"           // a required field is empty
	ErrTooLong           = "too_long"           // a text is longer than allowed
	ErrTooManyRows       = "too_many_rows"      // a table longer than a spreadsheet's sheet
	ErrInvalid           = "invalid"            // a value outside its list or format
	ErrFutureDate        = "future_date"        // a date after today
	ErrDateInvalid       = "date_invalid"       // a date that does not exist
	ErrFiscalCodeFormat  = "fiscal_code_format" // codice fiscale: wrong length or characters
	ErrFiscalCodeCheck   = "fiscal_code_check"  // codice fiscale: wrong check character/digit
	ErrFiscalCodeMatch   = "fiscal_code_match"  // codice fiscale: disagrees with birth date or sex
	ErrFiscalCodeCountry = "fiscal_code_country"
	ErrPasswordShort     = "password_short"
	ErrPasswordMismatch  = "password_mismatch"
	ErrUsernameTaken     = "username_taken"
	ErrNotFound          = "not_found"
	ErrConflict          = "conflict"
	ErrPermission        = "permission"
	ErrNotAssigned       = "not_assigned" // a case not assigned to a role that sees only its own
	ErrNoConsent         = "no_consent"   // no current consent to share with the service
	ErrErased            = "erased"       // a change to the file of a person erased
	ErrLogin             = "login_failed"
	ErrVATFormat         = "vat_format" // partita IVA: not 11 digits, or an office that gives none
	ErrVATCheck          = "vat_check"  // partita IVA: wrong check digit
	ErrFlagged           = "flagged"    // an employer or vacancy flagged: a coordinator decides
)

// Error is a domain error: a code the interface can translate, the field it
// concerns (empty when it concerns the whole record) and an English message
// for logs and the command line.
type Error struct {
	Code    string
	Field   string
	Message string
}

func (e *Error) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// Errorf-free constructor, to keep call sites short.
func newError(field, code, msg string) *Error { return &Error{Code: code, Field: field, Message: msg} }

// ValidationErrors collects every field error of one record, so a form can
// show all of them at once.
type ValidationErrors []*Error

func (v ValidationErrors) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Field returns the first error for field, or nil.
func (v ValidationErrors) Field(field string) *Error {
	for _, e := range v {
		if e.Field == field {
			return e
		}
	}
	return nil
}

// add appends e when it is not nil.
func (v *ValidationErrors) add(e *Error) {
	if e != nil {
		*v = append(*v, e)
	}
}

// err returns v as an error, or nil when it is empty.
func (v ValidationErrors) err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// ErrorCode returns the code of a model error inside err, or "" when err is
// not a model error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var v ValidationErrors
	if errors.As(err, &v) && len(v) > 0 {
		return v[0].Code
	}
	return ""
}
