package printouts

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// RecoverySheet is what the recovery-key sheet shows. Key is the recovery
// key as the store gives it: groups of 4 characters joined by '-' (e.g.
// "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567").
type RecoverySheet struct {
	Header  Header    // organisation and desk, as on every document
	DeskID  string    // the sealed store's identifier, hex (printed small, so a sheet can be matched to its desk)
	Key     string    // capital letters A-Z and digits 2-7, in groups of 4 joined by '-'
	Created time.Time // when the key was made (printed as dd/mm/yyyy and hh:mm, in its own time zone)
	Lang    string    // "it" or "en": the interface language of the coordinator; empty is Italian
}

// The key's boxes: one per character, in rows of recoveryRowGroups groups.
const (
	recoveryMaxGroups = 12 // three rows fit the page
	recoveryRowGroups = 4
	keyCellW          = 26.0
	keyCellH          = 34.0
	keyGroupGap       = 14.0
	keyNumberH        = 11.0 // the group's number above its boxes
	keyRowGap         = 8.0
	recoveryQR        = 156.0 // 5.5 cm with its quiet zone: the code itself is over 4 cm wide
)

var (
	styleKey       = typeset.Style{Size: 22, Bold: true}
	styleKeyNumber = typeset.Style{Size: 7}
	styleWarning   = typeset.Style{Size: 11, Bold: true, LineHeight: 1.35}
	styleDeskID    = typeset.Style{Size: 9}
)

// RenderRecoverySheet writes the recovery-key sheet as one A4 page, for
// the organisation's safe: what the key is for and why it must be kept
// apart from the laptop, the key in boxes, one character each, its QR
// code, the desk's ID and the date it was made, and lines to fill in by
// hand. A malformed key, a missing desk ID or date, or a language other
// than Italian or English is an error, and nothing is written.
func RenderRecoverySheet(w io.Writer, s RecoverySheet) error {
	groups, err := recoveryGroups(s.Key)
	if err != nil {
		return err
	}
	if s.DeskID == "" {
		return &model.Error{Code: model.ErrRequired, Field: "desk_id", Message: "the recovery sheet needs the desk's ID"}
	}
	if strings.Trim(strings.ToLower(s.DeskID), "0123456789abcdef") != "" {
		return &model.Error{Code: model.ErrInvalid, Field: "desk_id", Message: "the desk's ID is not hexadecimal"}
	}
	if s.Created.IsZero() {
		return &model.Error{Code: model.ErrRequired, Field: "created", Message: "the recovery sheet needs the date the key was made"}
	}
	lang := s.Lang
	if lang == "" {
		lang = locales.Default
	}
	tr := locales.New(lang)
	if tr.Lang() != lang {
		return &model.Error{Code: model.ErrNotFound, Field: "lang",
			Message: fmt.Sprintf("the recovery sheet is in Italian or English, not %q", s.Lang)}
	}

	d := newDoc("Sportello: " + tr.T("recovery.title"))
	// The footer is short, so it stays on one line whatever the
	// organisation's name; the header names the organisation and the desk.
	d.footer = func(n int) string {
		return tr.T("recovery.title") + " · " + tr.Tf("doc.common.page", map[string]any{"N": n, "Total": 1})
	}
	d.newPage()
	d.logo(s.Header.Logo)
	headW := pageW - 2*margin
	if len(s.Header.Logo) > 0 {
		headW -= 150 // the logo's room: at most 140 points wide
	}
	if head := joinNonEmpty(" · ", s.Header.Organisation, s.Header.Desk); head != "" {
		d.y += d.text(head, lang, styleSmall, margin, d.y, headW) + 4
	}
	d.y = max(d.y, margin/2+40+4) // below the logo
	d.para(tr.T("recovery.confidential"), lang, typeset.Style{Size: 9, Bold: true}, 8)
	d.para(tr.T("recovery.title"), lang, styleTitle, sectionSpace)
	d.para(tr.T("recovery.what"), lang, styleBody, 6)
	d.para(tr.T("recovery.danger"), lang, styleWarning, 6)
	d.para(tr.T("recovery.rekey"), lang, styleBody, 16)

	d.drawKey(groups)
	d.para(tr.T("recovery.alphabet"), lang, typeset.Style{Size: 9, LineHeight: 1.3}, 16)

	// The facts on the left, the QR code on the right.
	top, colW := d.y, pageW-2*margin-recoveryQR-16
	if err := d.drawQR(s.Key, pageW-margin-recoveryQR, top, recoveryQR); err != nil {
		return err
	}
	d.y = top + 16 // level with the code, inside its quiet zone
	d.y += d.text(tr.Tf("recovery.created", map[string]any{"Date": s.Created.Format("02/01/2006"),
		"Time": s.Created.Format("15:04")}), lang, styleBody, margin, d.y, colW) + 6
	d.y += d.text(tr.Tf("recovery.desk_id", map[string]any{"ID": s.DeskID}), lang, styleDeskID, margin, d.y, colW) + 6
	d.y += d.text(tr.T("recovery.qr"), lang, styleDeskID, margin, d.y, colW)
	d.y = max(d.y, top+recoveryQR) + 12

	// Lines to fill in by hand, two by two.
	const fieldH, gap = 56.0, 24.0
	colW = (pageW - 2*margin - gap) / 2
	for i, k := range []string{"recovery.stored_by", "recovery.place", "recovery.date", "recovery.signature"} {
		x := margin + float64(i%2)*(colW+gap)
		y := d.y + float64(i/2)*fieldH
		d.text(tr.T(k), lang, styleSmall, x, y, colW)
		d.line(x, y+fieldH-10, x+colW, y+fieldH-10, 120)
	}
	d.y += 2 * fieldH

	if err := d.pdf.Error(); err != nil {
		return err
	}
	if d.y > bottomLimit || d.pdf.PageNo() != 1 {
		return fmt.Errorf("printouts: the recovery sheet does not fit one page (%.0f points)", d.y)
	}
	if _, ok := w.(*previewSink); ok {
		return d.output(w)
	}
	var buf bytes.Buffer
	if err := d.output(&buf); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// recoveryGroups splits a recovery key into its groups and checks them:
// 1 to recoveryMaxGroups groups of 4 characters, capital letters A-Z and
// digits 2-7 (base32), joined by '-'.
func recoveryGroups(key string) ([]string, error) {
	bad := func(msg string) error { return &model.Error{Code: model.ErrInvalid, Field: "key", Message: msg} }
	if key == "" {
		return nil, &model.Error{Code: model.ErrRequired, Field: "key", Message: "the recovery sheet needs the key"}
	}
	groups := strings.Split(key, "-")
	if len(groups) > recoveryMaxGroups {
		return nil, bad(fmt.Sprintf("a recovery key has at most %d groups, this one %d", recoveryMaxGroups, len(groups)))
	}
	for _, g := range groups {
		if len(g) != 4 {
			return nil, bad(fmt.Sprintf("the group %q does not have 4 characters", g))
		}
		for _, r := range g {
			if !(r >= 'A' && r <= 'Z' || r >= '2' && r <= '7') {
				return nil, bad(fmt.Sprintf("%q is not a capital letter A-Z or a digit 2-7", r))
			}
		}
	}
	return groups, nil
}

// drawKey draws the key centred on the page, one box per character,
// rows of four groups with each group's number above it, and moves the
// cursor below. Every character is centred in its box, so the key reads
// like monospace type; each group's text is laid under its boxes as one
// word, so a reader (and pdftotext) gets "ABCD", not "A B C D".
func (d *doc) drawKey(groups []string) {
	groupW := 4 * keyCellW
	capH := 0.714 * float64(styleKey.Size) // Noto Sans's capital height
	for row := 0; row*recoveryRowGroups < len(groups); row++ {
		rowGroups := groups[row*recoveryRowGroups : min(len(groups), (row+1)*recoveryRowGroups)]
		n := float64(len(rowGroups))
		x := (pageW - n*groupW - (n-1)*keyGroupGap) / 2
		top := d.y + keyNumberH
		for i, g := range rowGroups {
			gx := x + float64(i)*(groupW+keyGroupGap)
			d.setGray(110)
			d.text(fmt.Sprint(row*recoveryRowGroups+i+1), "en", styleKeyNumber, gx, d.y, groupW)
			d.setGray(0)
			base := top + keyCellH/2 + capH/2
			for j, c := range g {
				cx := gx + float64(j)*keyCellW
				d.strokeRect(cx, top, keyCellW, keyCellH, 150)
				l := d.measure(string(c), "en", styleKey, 0)
				ln := l.Lines[0]
				d.fillOutline(l, styleKey, cx+(keyCellW-float64(ln.Width))/2, base-float64(ln.Baseline))
			}
			d.pdf.SetTextRenderingMode(3)
			d.pdf.SetFont(textFont, "", float64(styleKey.Size))
			d.hiddenPiece(g, gx, base, groupW)
			d.pdf.SetTextRenderingMode(0)
		}
		d.y = top + keyCellH + keyRowGap
	}
	d.y += 4
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
