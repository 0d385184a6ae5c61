package printouts

import (
	"fmt"
	"io"
	"time"

	"sportello/model"
	"sportello/typeset"
)

// ConsentForm is a consent form for one purpose (and recipient, for sharing).
type ConsentForm struct {
	Lang          string
	Header        Header
	Purpose       model.ConsentPurpose
	Service       string // the recipient, for sharing with a service
	Employer      string // the recipient, for sharing with an employer (a proposal): replaces Service
	NoticeVersion string
	PersonName    string
	CaseCode      string
	Date          time.Time
}

// RenderConsent writes the consent form: the purpose in the person's
// language and Italian, tick boxes, and signature blocks for the person,
// the mediator (confirming the translation) and the operator.
func RenderConsent(w io.Writer, c ConsentForm) error {
	found := false
	for _, p := range model.ConsentPurposes {
		found = found || p == c.Purpose
	}
	if !found {
		return &model.Error{Code: model.ErrInvalid, Field: "purpose", Message: fmt.Sprintf("unknown purpose %q", c.Purpose)}
	}
	if c.Purpose == model.PurposeSharing && c.Service == "" && c.Employer == "" {
		return &model.Error{Code: model.ErrRequired, Field: "service", Message: "sharing needs the service it is with"}
	}
	return renderBilingual(w, c.Lang, "doc.consent.title", c.Header, func(b *bilingual) error {
		b.both("doc.consent.person", map[string]any{"Name": typeset.Isolate(c.PersonName), "Code": typeset.IsolateLTR(c.CaseCode)},
			styleBody, styleItalian, sectionSpace)
		b.both("doc.consent.intro", map[string]any{"Version": typeset.IsolateLTR(c.NoticeVersion)}, styleBody, styleItalian, sectionSpace)
		if c.Purpose == model.PurposeSharing && c.Employer != "" {
			employerShares(b, c.Employer)
		} else {
			b.both("doc.consent.purpose_"+string(c.Purpose), map[string]any{"Service": typeset.Isolate(c.Service)},
				styleHeading, styleItalian, sectionSpace)
		}
		if c.Purpose != model.PurposeNotice {
			for _, k := range []string{"doc.consent.yes", "doc.consent.no"} {
				b.ensure(30)
				box, textX := margin, margin+18 // the box where the line starts:
				if b.rtl() {                    // on the right in right-to-left languages
					box, textX = pageW-margin-10, margin
				}
				b.strokeRect(box, b.y+2, 10, 10, 0)
				b.y += b.text(b.label(k), b.lang, styleBody, textX, b.y, pageW-2*margin-18) + 6
			}
			b.y += 4
			b.both("doc.consent.withdraw", nil, styleBody, styleItalian, sectionSpace)
		}
		b.signatures("doc.common.sign_person", "doc.common.sign_mediator", "doc.common.sign_operator")
		return nil
	})
}
