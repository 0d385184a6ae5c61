package printouts

import (
	"io"

	"sportello/model"
	"sportello/typeset"
)

// PlanDoc is an agreed action plan printed for signature, and a copy for
// the person. Goals and actions are written as the operator typed them;
// the labels are in the person's language and Italian.
type PlanDoc struct {
	Lang        string
	Header      Header
	Plan        model.Plan
	Responsible map[int64]string // by operator ID (positive) and service ID (negative)
}

// RenderPlan writes the action plan.
func RenderPlan(w io.Writer, d PlanDoc) error {
	p := d.Plan
	if p.Status != model.PlanAgreed {
		return &model.Error{Code: model.ErrConflict, Field: "plan", Message: "only an agreed plan is printed for signature"}
	}
	return renderBilingual(w, d.Lang, "doc.plan.title", d.Header, func(b *bilingual) error {
		b.bothDated("doc.plan.version", map[string]any{"N": p.Version}, dayOf(p.AgreedAt), styleHeading, styleItalian, 4)
		b.both("doc.plan.intro", nil, styleBody, styleItalian, sectionSpace)
		for _, g := range p.Goals {
			b.ensure(b.height("doc.area."+string(g.Area), nil, styleHeading, styleItalian, 2) + 40)
			b.both("doc.area."+string(g.Area), nil, styleHeading, styleItalian, 2)
			b.y += b.text(g.Text, "", styleBody, margin, b.y, pageW-2*margin) + 4
			for _, a := range g.Actions {
				b.both("doc.plan.action", map[string]any{"What": typeset.Isolate(a.What)}, styleBody, styleItalian, 2)
				who := d.Responsible[a.OperatorID]
				if a.ServiceID != 0 {
					who = d.Responsible[-a.ServiceID]
				}
				if who != "" {
					b.both("doc.plan.responsible", map[string]any{"Who": typeset.Isolate(who)}, styleSmall, styleSmall, 2)
				}
				if !a.Due.IsZero() {
					b.bothDated("doc.plan.due", nil, a.Due, styleSmall, styleSmall, 6)
				}
			}
			b.y += 6
		}
		for _, r := range p.Reviews {
			b.bothDated("doc.plan.review", nil, r, styleBody, styleItalian, 4)
		}
		b.signatures("doc.common.sign_person", "doc.common.sign_mediator", "doc.common.sign_operator")
		return nil
	})
}
