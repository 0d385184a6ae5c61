package printouts

import "io"

// Notice is the privacy notice (GDPR art. 13); controller, DPO and
// retention come from the settings.
type Notice struct {
	Lang       string
	Header     Header
	Controller string
	DPO        string
	Retention  string
}

// noticeItems are the notice's items, in the article's order.
var noticeItems = []string{"intro", "controller", "dpo", "purposes", "legal_basis", "special", "recipients",
	"transfers", "retention", "rights", "withdraw", "complaint", "required", "automated"}

// RenderNotice writes the privacy notice, every item art. 13 requires.
func RenderNotice(w io.Writer, n Notice) error {
	data := map[string]any{"Controller": n.Controller, "DPO": n.DPO, "Retention": n.Retention}
	return renderBilingual(w, n.Lang, "doc.notice.title", n.Header, func(b *bilingual) error {
		for _, item := range noticeItems {
			b.both("doc.notice."+item, data, styleBody, styleItalian, sectionSpace)
		}
		b.signatures("doc.common.sign_person", "doc.common.sign_mediator", "doc.common.sign_operator")
		return nil
	})
}
