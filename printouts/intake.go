package printouts

import (
	"fmt"
	"io"
	"strings"

	"sportello/locales"
	"sportello/model"
)

// Intake is the internal intake summary: the person, the interview, the
// answers by section and the screening with its reasons. In Italian.
type Intake struct {
	Header        Header
	Person        model.Person
	Interview     model.Interview
	Questionnaire *model.Questionnaire
	Screening     *model.ScreeningRecord
}

// RenderIntake writes the intake summary.
func RenderIntake(w io.Writer, in Intake) error {
	tr := locales.New(locales.Default)
	d := newDoc("Sportello: " + tr.T("intake.title"))
	pages := 0
	for pass := 0; pass < 2; pass++ {
		d = newDoc("Sportello: " + tr.T("intake.title"))
		total := pages
		d.footer = func(n int) string {
			return fmt.Sprintf("%s · %s · %s", in.Header.Organisation, tr.T("intake.internal"),
				tr.Tf("intake.page", map[string]any{"N": n, "Total": total}))
		}
		d.head = &pageHead{logo: in.Header.Logo, line: in.Header.Organisation + " · " + in.Header.Desk}
		id := in.Header.Person
		if id == nil {
			id = IdentOf(in.Person)
		}
		d.band = identBand(id, locales.Default, locales.ForPerson(locales.Default).T)
		d.newPage()
		writeIntake(d, tr, in)
		if err := d.pdf.Error(); err != nil {
			return err
		}
		pages = d.pdf.PageNo()
	}
	return d.output(w)
}

func writeIntake(d *doc, tr *locales.Localizer, in Intake) {
	p, iv, qn := in.Person, in.Interview, in.Questionnaire
	line := func(text string, style styleKind) {
		st := styleBody
		switch style {
		case heading:
			st = styleHeading
		case title:
			st = styleTitle
		case small:
			st = styleSmall
		}
		l := d.measure(text, "it", st, pageW-2*margin)
		if d.y+float64(l.Height) > bottomLimit {
			d.newPage()
		}
		d.draw(l, st, margin, d.y)
		d.y += float64(l.Height) + 4
	}
	line(tr.T("intake.title"), title)
	line(p.DisplayName()+" · "+p.CaseCode, heading)
	facts := []string{}
	if !p.BirthDate.IsZero() {
		facts = append(facts, tr.T("person.birth_date")+": "+p.BirthDate.Italian())
	}
	if c, ok := model.CountryByISO2(p.BirthCountry); ok {
		facts = append(facts, tr.T("person.birth_country")+": "+c.NameIT)
	}
	if p.Permit.Status != "" {
		facts = append(facts, tr.T("case.permit")+": "+tr.T("permit."+string(p.Permit.Status)))
	}
	line(strings.Join(facts, " · "), body)
	line(fmt.Sprintf("%s %s · %s · %s: %s · %s", tr.T("interview_kind."+string(iv.Kind)), iv.Date.Format("02/01/2006"),
		tr.T("lang."+iv.Language), tr.T("interview.mediator"), iv.Mediator, tr.Tf("case.minutes", map[string]any{"Minutes": int(iv.Duration.Minutes())})), body)
	answers := map[string]string{}
	for _, a := range iv.Answers {
		answers[a.QuestionID] = a.Value
	}
	for _, s := range qn.Sections {
		line(tr.T(model.SectionKey(s.ID)), heading)
		for qi := range s.Questions {
			q := &s.Questions[qi]
			if q.Type == model.QGroup {
				for i := 0; i < model.GroupCount(answers, q.ID); i++ {
					line(tr.Tf(q.InstanceKey(), map[string]any{"N": i + 1}), body)
					for fi := range q.Fields {
						f := &q.Fields[fi]
						if v := answers[model.AnswerID(f.ID, i)]; v != "" {
							line("  "+tr.T(f.TextKey())+" → "+AnswerText(tr, f, v), body)
						}
					}
				}
				continue
			}
			if v := answers[q.ID]; v != "" {
				line(tr.T(q.TextKey())+" → "+AnswerText(tr, q, v), body)
			}
		}
	}
	line(tr.T("screening.title"), heading)
	line(tr.T("screening.not_a_verdict"), small)
	if in.Screening == nil || in.Screening.Result.Empty() {
		line(tr.T("screening.none"), body)
		return
	}
	sc := in.Screening.Result
	for _, group := range []struct {
		key string
		fs  []model.Finding
	}{{"screening.ilo", sc.ILO}, {"screening.indices", sc.Indices}, {"screening.delphi", sc.Delphi}} {
		if len(group.fs) == 0 {
			continue
		}
		line(tr.N(group.key, len(group.fs)), heading)
		for _, f := range group.fs {
			line("• "+IndicatorName(tr, f.Ref)+" — "+tr.T("screening.because")+" "+Reasons(tr, qn, f.Reasons), body)
		}
	}
	if sc.Trafficking {
		line(tr.T("screening.rule_met"), heading)
		if in.Screening.Decision != "" {
			line(tr.T("screening.decided_"+in.Screening.Decision)+" "+in.Screening.DecisionNote, body)
		}
	} else {
		line(tr.T("screening.rule_not_met"), body)
	}
}

type styleKind int

const (
	body styleKind = iota
	heading
	title
	small
)
