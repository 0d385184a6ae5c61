package printouts

import (
	"strings"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// Ident is whom a document concerns, printed in a band at the top of every
// page so that a loose or signed page can be matched to its person.
type Ident struct {
	FamilyName string // as in the person's documents
	GivenNames string // as in the person's documents
	OwnScript  string // the name in the person's own script, any direction
	CaseCode   string
	Birth      model.PartialDate // the day or month may be unknown
}

// IdentOf is the identification of a person.
func IdentOf(p model.Person) *Ident {
	return &Ident{FamilyName: p.FamilyName, GivenNames: p.GivenNames, OwnScript: p.OwnScriptName,
		CaseCode: p.CaseCode, Birth: p.BirthDate}
}

// BirthText is a date as far as it is known, the Italian way: dd/mm/yyyy,
// mm/yyyy or yyyy; empty when unknown.
func BirthText(d model.PartialDate) string { return d.Italian() }

// bandLine is one line of the identification band, with the language
// that sets its direction.
type bandLine struct {
	text, lang string
	style      typeset.Style
}

// Styles of the identification band.
var (
	styleBandName = typeset.Style{Size: 10, Bold: true}
	styleBandData = typeset.Style{Size: 8}
)

// identBand is the identification band's lines for a reader of lang:
// the names as in documents (family name in capitals) with the name in
// the person's own script, then the case code and the birth date, labelled
// in the reader's language and in Italian (label gives the pair).
func identBand(id *Ident, lang string, label func(key string) string) []bandLine {
	if id == nil {
		return nil
	}
	name := strings.TrimSpace(strings.ToUpper(id.FamilyName) + " " + id.GivenNames)
	if id.OwnScript != "" {
		name = typeset.Isolate(name) + "  ·  " + typeset.Isolate(id.OwnScript)
	}
	data := label("doc.common.case_code") + ": " + typeset.IsolateLTR(id.CaseCode)
	if !id.Birth.IsZero() {
		data += "  ·  " + label("doc.common.born") + ": " + dateFor(locales.ForPerson(lang), id.Birth)
	}
	return []bandLine{{name, lang, styleBandName}, {data, lang, styleBandData}}
}

// drawBand draws the identification band at the cursor, between two rules,
// and moves the cursor below it. Every page of a person's document has it:
// doc.newPage calls it.
func (d *doc) drawBand() {
	if len(d.band) == 0 {
		return
	}
	const pad = 4.0
	width := pageW - 2*margin
	top := d.y
	d.line(margin, top, pageW-margin, top, 150)
	y := top + pad
	for _, l := range d.band {
		y += d.text(l.text, l.lang, l.style, margin+pad, y, width-2*pad) + 1
	}
	y += pad - 1
	d.line(margin, y, pageW-margin, y, 150)
	d.y = y + 8
}

// bilingualLabel is a label in the reader's language and in Italian, or
// only Italian for Italian readers.
func bilingualLabel(person, it *locales.Localizer, lang string) func(string) string {
	return func(key string) string {
		if lang == locales.Default {
			return it.T(key)
		}
		return typeset.Isolate(person.T(key)) + " / " + typeset.Isolate(it.T(key))
	}
}
