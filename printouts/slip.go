package printouts

import (
	"io"

	"sportello/model"
	"sportello/typeset"
)

// Slip is an appointment slip for the person: when, where, what to bring,
// whom to call.
type Slip struct {
	Lang   string
	Header Header
	Date   model.PartialDate // a whole day
	Time   string
	Place  string
	Phone  string
	Bring  []string // among SlipItems
}

// SlipItems are the things a slip can ask the person to bring.
var SlipItems = []string{"documents", "permit", "payslips", "contract", "health_card", "this_paper"}

// RenderSlip writes the appointment slip.
func RenderSlip(w io.Writer, s Slip) error {
	return renderBilingual(w, s.Lang, "doc.slip.title", s.Header, func(b *bilingual) error {
		b.bothDated("doc.slip.when", map[string]any{"Time": typeset.IsolateLTR(s.Time)}, s.Date, styleHeading, styleItalian, 4)
		b.both("doc.slip.where", map[string]any{"Place": typeset.Isolate(s.Place)}, styleBody, styleItalian, sectionSpace)
		if len(s.Bring) > 0 {
			b.both("doc.slip.bring", nil, styleBody, styleItalian, 4)
			for _, item := range s.Bring {
				b.both("doc.slip.bring_"+item, nil, styleBody, styleItalian, 4)
			}
			b.y += 6
		}
		b.both("doc.slip.phone", map[string]any{"Phone": typeset.IsolateLTR(s.Phone)}, styleBody, styleItalian, 0)
		return nil
	})
}
