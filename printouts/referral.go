package printouts

import (
	"io"

	"sportello/model"
	"sportello/typeset"
)

// ReferralLetter is the scheda di invio: sender desk, receiving service,
// reason, urgency, only the data the consent allows, and a tracking code
// as text and as a QR code.
type ReferralLetter struct {
	Lang        string
	Header      Header
	DeskPhone   string
	Referral    model.Referral
	ServiceName string
	PersonName  string            // only when the consent allows sharing the name
	PersonLang  string            // language name
	ConsentDate model.PartialDate // the day of the consent; none on a legal basis
}

// RenderReferral writes the referral letter.
func RenderReferral(w io.Writer, l ReferralLetter) error {
	r := l.Referral
	return renderBilingual(w, l.Lang, "doc.referral.title", l.Header, func(b *bilingual) error {
		code := typeset.IsolateLTR(r.Code)
		b.both("doc.referral.code", map[string]any{"Code": code}, styleHeading, styleItalian, sectionSpace)
		// The QR code sits where the lines end. Left to right, that is on
		// the right, beside the short lines that follow. Right to left, it
		// is on the left, where the Italian lines run, so it takes its
		// own room below the code.
		if b.rtl() {
			if err := b.drawQR(r.Code, margin, b.y-12, 90); err != nil {
				return err
			}
			b.y += 90 - 12
		} else if err := b.drawQR(r.Code, pageW-margin-90, b.y-60, 90); err != nil {
			return err
		}
		b.both("doc.referral.from", map[string]any{"Desk": typeset.Isolate(l.Header.Desk), "Phone": typeset.IsolateLTR(l.DeskPhone)},
			styleBody, styleItalian, 4)
		b.both("doc.referral.to", map[string]any{"Service": typeset.Isolate(l.ServiceName)}, styleBody, styleItalian, sectionSpace)
		b.both("doc.referral.person", map[string]any{"Name": typeset.Isolate(l.PersonName), "Language": typeset.Isolate(l.PersonLang)},
			styleBody, styleItalian, 4)
		b.both("doc.referral.reason", map[string]any{"Reason": typeset.Isolate(r.Reason)}, styleBody, styleItalian, 4)
		b.both("doc.referral.urgency_"+string(r.Urgency), nil, styleBody, styleItalian, sectionSpace)
		b.both("doc.referral.data_note", nil, styleSmall, styleSmall, 4)
		if r.LegalBasis != "" {
			b.both("doc.referral.basis_legal", nil, styleSmall, styleSmall, 4)
		} else {
			b.bothDated("doc.referral.basis_consent", nil, l.ConsentDate, styleSmall, styleSmall, 4)
		}
		if !r.FollowUp.IsZero() {
			b.bothDated("doc.referral.answer", nil, r.FollowUp, styleBody, styleItalian, sectionSpace)
		}
		b.signatures("doc.common.sign_operator")
		return nil
	})
}
