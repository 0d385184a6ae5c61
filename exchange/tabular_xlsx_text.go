package exchange

import (
	"bufio"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The text of a workbook's cells and names, as its XML holds it.

func isXMLSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// columnName is a column's letters: 1 is A, 27 AA.
func columnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// writeCellText writes a cell's text as XML: & < > escaped, a carriage
// return as a reference (XML would read it as a line feed), characters
// XML cannot hold (NUL and other controls, bytes that are not UTF-8) as
// U+FFFD, and a literal "_xHHHH_", which spreadsheets read as the
// character HHHH, with its underscore escaped ("_x005F_"), as Excel does.
func writeCellText(w *bufio.Writer, s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\r':
			esc = "&#xD;"
		case c == '_' && isEscapeLike(s[i:]):
			esc = "_x005F_"
		case c < 0x20 && c != '\t' && c != '\n':
			esc = "\uFFFD"
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				esc = "\uFFFD"
			}
		}
		if esc == "" {
			i += size
			continue
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		i += size
		start = i
	}
	w.WriteString(s[start:])
}

// isEscapeLike tells text starting with "_xHHHH_", four hexadecimal digits.
func isEscapeLike(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// xmlText is s escaped for XML text or an attribute's value.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// unescapeCellText undoes the "_xHHHH_" escapes of a spreadsheet's text.
func unescapeCellText(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '_' && isEscapeLike(s[i:]) {
			n, _ := strconv.ParseUint(s[i+2:i+6], 16, 16)
			b.WriteRune(rune(n))
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// attr is an element's attribute of that local name.
func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// cellRef reads a cell's name such as "AB12" into its column and row.
func cellRef(ref string) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref) && 'A' <= ref[i]&^0x20 && ref[i]&^0x20 <= 'Z'; i++ {
		col = col*26 + int(ref[i]&^0x20-'A'+1)
		if col > 1<<14 {
			return 0, 0, false
		}
	}
	row, err := strconv.Atoi(ref[i:])
	return col, row, i > 0 && (err == nil || i == len(ref))
}
