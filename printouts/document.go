package printouts

import (
	"bytes"
	"fmt"
	"io"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// Header is what heads every document: the organisation and the desk, from
// the settings.
type Header struct {
	Organisation string
	Desk         string
	Logo         []byte // PNG, printed top right when set
	Person       *Ident // whom the document concerns, identified on every page; nil for none
}

// Styles of the documents.
var (
	styleTitle    = typeset.Style{Size: 16, Bold: true}
	styleHeading  = typeset.Style{Size: 12, Bold: true}
	styleBody     = typeset.Style{Size: 11, LineHeight: 1.35}
	styleItalian  = typeset.Style{Size: 9, LineHeight: 1.3} // the Italian under the person's language
	styleSmall    = typeset.Style{Size: 8}
	bottomLimit   = pageH - margin - 20 // below this a new page starts
	sectionSpace  = 10.0
	italianIndent = 0.0
)

// bilingual writes documents in the person's language with the Italian
// under each paragraph (or only Italian, for Italian readers).
type bilingual struct {
	*doc
	lang   string
	person *locales.Localizer
	it     *locales.Localizer
	header Header
	title  string // message ID of the title
	pages  int    // total pages, known on the second pass

	// Keeping a signature block with what comes before it: paragraphs are
	// counted as drawn; when the first pass finds that a block would start
	// a page alone, the paragraph before it is marked, and the second pass
	// starts a page before that paragraph instead.
	seq      int          // paragraphs drawn so far
	seqPage  int          // the page the last paragraph went on
	keepWith map[int]bool // paragraphs that start a page, from the first pass
	top      float64      // the cursor under the title of the page
	inHead   bool         // drawing the title: not counted
}

// renderBilingual runs body twice, first to count pages, then to write them
// with "page N of M" on each; the output is the same bytes every time.
func renderBilingual(w io.Writer, lang, titleKey string, h Header, body func(b *bilingual) error) error {
	tr := locales.ForPerson(lang)
	if lang != locales.Default && (tr.Lang() != lang || !tr.Has(titleKey)) {
		return &model.Error{Code: model.ErrNotFound, Field: "lang",
			Message: fmt.Sprintf("there is no %s text for this document", lang)}
	}
	pages, keep := 0, map[int]bool{}
	for pass := 0; pass < 2; pass++ {
		b := &bilingual{lang: lang, person: tr, it: locales.ForPerson(locales.Default), header: h, title: titleKey, pages: pages,
			keepWith: keep}
		b.doc = newDoc("Sportello: " + b.it.T(titleKey))
		b.doc.footer = b.footer
		b.doc.head = &pageHead{logo: h.Logo, line: h.Organisation + " · " + h.Desk}
		b.doc.band = identBand(h.Person, lang, b.label)
		b.newPage()
		if err := body(b); err != nil {
			return err
		}
		if err := b.pdf.Error(); err != nil {
			return err
		}
		pages = b.pdf.PageNo()
		if pass == 1 {
			if _, ok := w.(*previewSink); ok {
				return b.output(w)
			}
			var buf bytes.Buffer
			if err := b.output(&buf); err != nil {
				return err
			}
			_, err := w.Write(buf.Bytes())
			return err
		}
	}
	return nil
}

// italianOnly reports whether the reader's language is Italian.
func (b *bilingual) italianOnly() bool { return b.lang == locales.Default }

func (b *bilingual) footer(page int) string {
	data := map[string]any{"N": page, "Total": b.pages}
	f := b.it.Tf("doc.common.page", data)
	if !b.italianOnly() {
		f = typeset.Isolate(b.person.Tf("doc.common.page", data)) + " · " + f
	}
	return b.header.Organisation + " · " + b.header.Desk + " · " + f
}

// newPage starts a page with the header, the person's identification
// (doc.newPage draws both) and the title.
func (b *bilingual) newPage() {
	b.doc.newPage()
	// "Draft" in both languages until the document's texts are reviewed:
	// by the project, or by a mediator of the desk (locales.SetAreaReviews).
	if !b.italianOnly() && !locales.DocumentReviewed(b.lang, locales.AreaOf(b.title)) {
		b.para(b.label("doc.common.draft_notice"), b.lang, styleSmall, 4)
	}
	b.inHead = true // the title is not one of the counted paragraphs
	b.both(b.title, nil, styleTitle, styleHeading, sectionSpace)
	b.inHead, b.top = false, b.y
}

// ensure starts a new page when h points do not fit on this one.
func (b *bilingual) ensure(h float64) {
	if b.y+h > bottomLimit {
		b.newPage()
	}
}

// height is what both would take for the same arguments.
func (b *bilingual) height(key string, data map[string]any, style, italian typeset.Style, after float64) float64 {
	first, second, _ := b.pair(key, data, style, italian)
	h := float64(second.Height) + after
	if first != nil {
		h += float64(first.Height) + 2
	}
	return h
}

// pair lays out a text in the person's language (nil for Italian readers)
// and in Italian.
func (b *bilingual) pair(key string, data map[string]any, style, italian typeset.Style) (*typeset.Layout, *typeset.Layout, typeset.Style) {
	return b.pairOf(b.person.Tf(key, data), b.it.Tf(key, data), style, italian)
}

// pairOf lays out a text given in the person's language (left out for
// Italian readers) and in Italian.
func (b *bilingual) pairOf(own, italian string, style, itStyle typeset.Style) (*typeset.Layout, *typeset.Layout, typeset.Style) {
	width := pageW - 2*margin
	var first *typeset.Layout
	if !b.italianOnly() {
		first = b.measure(typeset.IsolateCodes(own), b.lang, style, width)
	} else {
		itStyle = style
	}
	return first, b.measure(typeset.IsolateCodes(italian), "it", itStyle, width), itStyle
}

// both writes a text in the person's language and, under it, in Italian;
// the pair is kept on one page.
func (b *bilingual) both(key string, data map[string]any, style, italian typeset.Style, after float64) {
	first, second, itStyle := b.pair(key, data, style, italian)
	b.drawLayouts(first, second, style, itStyle, after)
}

// bothText is both for a text already in the person's language and in
// Italian.
func (b *bilingual) bothText(own, italian string, style, itStyle typeset.Style, after float64) {
	first, second, itStyle := b.pairOf(own, italian, style, itStyle)
	b.drawLayouts(first, second, style, itStyle, after)
}

// drawLayouts draws a pair laid out by pair or pairOf, kept on one page.
func (b *bilingual) drawLayouts(first, second *typeset.Layout, style, itStyle typeset.Style, after float64) {
	h := float64(second.Height) + after
	if first != nil {
		h += float64(first.Height) + 2
	}
	if !b.inHead {
		b.seq++
		if b.keepWith[b.seq] && b.y > b.top {
			b.newPage()
		}
	}
	b.ensure(h)
	if !b.inHead {
		b.seqPage = b.pdf.PageNo()
	}
	if first != nil {
		b.draw(first, style, margin, b.y)
		b.y += float64(first.Height) + 2
	}
	b.setGray(70)
	if b.italianOnly() {
		b.setGray(0)
	}
	b.draw(second, itStyle, margin+italianIndent, b.y)
	b.setGray(0)
	b.y += float64(second.Height) + after
}

// signatures draws signature boxes, each with its signer's label and a
// line for the place and date, labelled in both languages. The block is
// never split, and never starts a page alone: when it does not fit, the
// paragraph before it goes to the next page with it (see keepWith).
func (b *bilingual) signatures(keys ...string) {
	const boxH = 52.0
	if b.y+signaturesHeight(len(keys)) > bottomLimit {
		if b.seqPage == b.pdf.PageNo() && b.seq > 0 {
			b.keepWith[b.seq] = true
		}
		b.newPage()
	}
	b.y += 6
	sign, date := margin, margin+300 // where the lines start: the signature's where the label is,
	if b.rtl() {                     // on the right in right-to-left languages
		sign, date = pageW-margin-260, margin
	}
	for _, k := range keys {
		b.text(b.label(k), b.lang, styleSmall, margin, b.y, pageW-2*margin)
		b.line(sign, b.y+boxH-8, sign+260, b.y+boxH-8, 120)
		b.line(date, b.y+boxH-8, date+pageW-2*margin-300, b.y+boxH-8, 120)
		b.text(b.label("doc.common.date_place"), b.lang, styleSmall, date, b.y+boxH-6, pageW-2*margin-300)
		b.y += boxH + 8
	}
}

// signaturesHeight is the height of a block of n signature boxes.
func signaturesHeight(n int) float64 { return float64(n)*(52+8) + 10 }

// label is a short text in the person's language and Italian on one line,
// each part isolated so neither reorders the other.
func (b *bilingual) label(key string) string {
	return bilingualLabel(b.person, b.it, b.lang)(key)
}

// rtl reports whether the person's language reads right to left.
func (b *bilingual) rtl() bool { return typeset.LanguageDirection(b.lang) == typeset.RTL }
