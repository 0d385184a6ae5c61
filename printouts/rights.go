package printouts

import (
	"io"
	"time"

	"sportello/typeset"
)

// Rights is the rights leaflet: what Italian law gives a worker, in the
// person's language with the Italian under it.
type Rights struct {
	Lang    string
	Header  Header
	Checked time.Time // when the text was last checked
}

// RightsChecked is when the leaflet's text was last checked.
var RightsChecked = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// rightsSections are the leaflet's sections, title then text.
var rightsSections = []string{"pay", "hours", "safety", "documents", "helpline", "permits"}

// RenderRights writes the rights leaflet.
func RenderRights(w io.Writer, r Rights) error {
	return renderBilingual(w, r.Lang, "doc.rights.title", r.Header, func(b *bilingual) error {
		b.both("doc.rights.intro", nil, styleBody, styleItalian, sectionSpace)
		data := map[string]any{"Phone": typeset.IsolateLTR("800 290 290")}
		for _, s := range rightsSections {
			// a heading stays with its text
			b.ensure(b.height("doc.rights."+s+"_title", nil, styleHeading, styleItalian, 3) +
				b.height("doc.rights."+s, data, styleBody, styleItalian, sectionSpace))
			b.both("doc.rights."+s+"_title", nil, styleHeading, styleItalian, 3)
			b.both("doc.rights."+s, data, styleBody, styleItalian, sectionSpace)
		}
		b.both("doc.rights.checked", map[string]any{"Date": typeset.IsolateLTR(r.Checked.Format("02/01/2006"))},
			styleSmall, styleSmall, 0)
		return nil
	})
}
