package model

import "strings"

// The CSV formula guard: the one rule for every CSV file Sportello writes
// (spreadsheet formula injection, also called CSV injection, OWASP). The
// exchange's CSV tables apply the same rule (exchange.GuardFormula), and a
// test in ui holds the two alike.

// IsFormulaLike reports whether a spreadsheet program opening a CSV file might
// take the cell text s for a formula: text starting with '=', '@', a tab or a
// carriage return, and text starting with '+' or '-' unless it is a plain
// phone number or number made only of digits, spaces and the characters
// ". / ( ) - +", such as "+39 333 123 4567", "-12.5" or a lone "-". Such text
// holds no letter, so no function, cell reference or command can be in it.
func IsFormulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return strings.IndexFunc(s, func(r rune) bool {
			return !(r >= '0' && r <= '9' || strings.ContainsRune(" ./()-+", r))
		}) >= 0
	}
	return false
}

// GuardFormula returns the cell text s as it must be written to a CSV file so
// that no spreadsheet program runs it as a formula: formula-like text gets a
// single quote "'" in front, and so does text that already starts with quotes
// followed by formula-like text, so that UnguardFormula can tell the guard
// from a quote the text itself holds and give back the exact original. All
// other text is returned unchanged.
func GuardFormula(s string) string {
	if needsGuard(s) {
		return "'" + s
	}
	return s
}

// UnguardFormula undoes GuardFormula: it removes the single quote that
// GuardFormula put in front of s, and leaves any other text unchanged.
func UnguardFormula(s string) string {
	if strings.HasPrefix(s, "'") && needsGuard(s[1:]) {
		return s[1:]
	}
	return s
}

// needsGuard reports whether GuardFormula prefixes s: s is formula-like once
// its leading single quotes are removed.
func needsGuard(s string) bool {
	return IsFormulaLike(strings.TrimLeft(s, "'"))
}
