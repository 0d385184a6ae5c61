package model

import "fmt"

// DefaultCasePrefix starts case codes on a desk that has not chosen its own.
const DefaultCasePrefix = "PUA"

// CheckCasePrefix accepts a desk's case-code prefix: 2 to 8 capital letters
// or digits, starting with a letter. Desks of one association that merge
// their work need different prefixes, or their case codes collide.
func CheckCasePrefix(s string) error {
	ok := len(s) >= 2 && len(s) <= 8 && s[0] >= 'A' && s[0] <= 'Z'
	for _, r := range s {
		ok = ok && (r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}
	if !ok {
		return &Error{Code: ErrInvalid, Field: SettingCasePrefix,
			Message: fmt.Sprintf("the case code prefix %q must be 2 to 8 capital letters or digits, starting with a letter", s)}
	}
	return nil
}
