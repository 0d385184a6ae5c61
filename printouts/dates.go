package printouts

import (
	"strconv"
	"time"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// Dates on paper: always the Italian way (20/12/2026), and on the lines
// the person reads, beside it in brackets, the usual form of the person's
// language with the month named (20 December 2026, 20 ديسمبر 2026,
// 2026年12月20日). The forms and the month names are the doc.date texts
// of each language (locales/doc-dates.*.toml); the digits stay Western,
// as in the rest of the documents.

// longDate is d written out the usual way of tr's language ("" for a date
// with no month, or a language without month names of its own).
func longDate(tr *locales.Localizer, d model.PartialDate) string {
	if d.Month == 0 || !tr.Has("doc.date.long") {
		return ""
	}
	m := strconv.Itoa(d.Month)
	name := tr.T("doc.date.month_" + m)
	data := map[string]any{"Day": d.Day, "Month": name, "M": d.Month, "Year": d.Year}
	if d.Day == 0 {
		if tr.Has("doc.date.month_alone_" + m) { // the month without a day, where grammar says so
			data["Month"] = tr.T("doc.date.month_alone_" + m)
		}
		return tr.Tf("doc.date.month_year", data)
	}
	return tr.Tf("doc.date.long", data)
}

// dateFor is d for a reader of tr's language: the Italian form, with the
// reader's own form beside it unless the reader is Italian. The Italian
// form is isolated left to right, the reader's own in its direction, so
// that neither turns the other round in a right-to-left line.
func dateFor(tr *locales.Localizer, d model.PartialDate) string {
	it := typeset.IsolateLTR(d.Italian())
	if tr.Lang() == locales.Default {
		return it
	}
	if own := longDate(tr, d); own != "" {
		return it + " (" + typeset.Isolate(own) + ")"
	}
	return it
}

// dayOf is the calendar day of t, as a date.
func dayOf(t time.Time) model.PartialDate {
	if t.IsZero() {
		return model.PartialDate{}
	}
	return model.PartialDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// bothDated is both for a text with a date in it ({{.Date}}): in the
// person's language the date comes in both forms, in Italian in its own.
func (b *bilingual) bothDated(key string, data map[string]any, d model.PartialDate, style, italian typeset.Style, after float64) {
	own, it := map[string]any{}, map[string]any{}
	for k, v := range data {
		own[k], it[k] = v, v
	}
	own["Date"], it["Date"] = dateFor(b.person, d), dateFor(b.it, d)
	first, second, itStyle := b.pairOf(b.person.Tf(key, own), b.it.Tf(key, it), style, italian)
	b.drawLayouts(first, second, style, itStyle, after)
}
