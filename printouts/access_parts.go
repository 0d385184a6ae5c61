package printouts

// The access document's sections about interviews, screenings, plans,
// consents, referrals and the audit trail.

import (
	"fmt"
	"strings"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// interviews: each interview with every answer, question by question.
func (w *accessWriter) interviews() {
	w.heading("doc.access.interviews")
	n := 0
	for _, c := range w.f.Cases {
		for _, iv := range c.Interviews {
			n++
			w.item("doc.access.interview", map[string]any{"Date": typeset.IsolateLTR(w.day(iv.Date))})
			w.fieldOf("kind", w.enum("kind", string(iv.Kind)))
			w.fieldOf("place", w.enum("place", string(iv.Place)))
			w.field("language", languageName(iv.Language))
			w.field("mediator", iv.Mediator)
			w.field("operator", w.f.OperatorName(iv.OperatorID))
			if iv.Duration > 0 {
				w.field("duration", fmt.Sprint(int(iv.Duration.Minutes())))
			}
			if iv.Status == model.InterviewInProgress {
				w.fieldOf("status", w.label("doc.access.in_progress"))
			}
			w.field("notes", iv.Notes)
			w.answers(iv.Interview)
			w.y += 4
		}
	}
	if n == 0 {
		w.none()
	}
}

// answers writes an interview's answers in the questionnaire's order:
// the question and the answer in the reader's language, then in Italian.
// An answer the questionnaire does not know is written as stored.
func (w *accessWriter) answers(iv model.Interview) {
	values := map[string]string{}
	for _, a := range iv.Answers {
		values[a.QuestionID] = a.Value
	}
	done := map[string]bool{}
	if qn := questionnaire(iv.QuestionnaireVersion); qn != nil {
		for _, s := range qn.Sections {
			titled := false
			say := func(q *model.Question, inst int, id string) {
				v := values[id]
				done[id] = true
				if v == "" {
					return
				}
				if !titled {
					key := model.SectionKey(s.ID)
					w.y += 2
					w.ensure(80) // the section's title stays with its first answer
					w.bothText(w.person.T(key), w.it.T(key), styleItem, styleItalian, 2)
					titled = true
				}
				w.bothText(qa(w.person, q, inst, v), qa(w.it, q, inst, v), styleBody, styleItalian, 3)
			}
			for qi := range s.Questions {
				q := &s.Questions[qi]
				if q.Type != model.QGroup {
					say(q, -1, q.ID)
					continue
				}
				done[q.ID] = true
				for i := 0; i < model.GroupCount(values, q.ID); i++ {
					for fi := range q.Fields {
						say(&q.Fields[fi], i, model.AnswerID(q.Fields[fi].ID, i))
					}
				}
			}
		}
	}
	for _, a := range iv.Answers {
		if !done[a.QuestionID] && a.Value != "" {
			w.line(typeset.IsolateLTR(a.QuestionID)+": "+typeset.Isolate(a.Value), styleBody, 2)
		}
	}
}

// qa is a question and its answer in tr's language; a question of a
// repeated group says which one (job 2).
func qa(tr *locales.Localizer, q *model.Question, inst int, value string) string {
	question := tr.T(q.TextKey())
	if inst >= 0 {
		question += " (" + tr.Tf("doc.access.instance", map[string]any{"N": inst + 1}) + ")"
	}
	return question + " — " + typeset.Isolate(AnswerText(tr, q, value))
}

// screenings: what each screening flagged, never a verdict, and what the
// team decided.
func (w *accessWriter) screenings() {
	w.heading("doc.access.screening")
	n := 0
	for _, c := range w.f.Cases {
		for _, iv := range c.Interviews {
			rec := iv.Screening
			if rec == nil {
				continue
			}
			n++
			s := rec.Result
			w.item("doc.access.screening_of", map[string]any{"Date": typeset.IsolateLTR(w.day(iv.Date))})
			w.both("doc.access.screening_counts", map[string]any{"ILO": len(s.ILO), "Indices": len(s.Indices),
				"Delphi": len(s.Delphi)}, styleBody, styleItalian, 2)
			for _, f := range append(append(append([]model.Finding(nil), s.ILO...), s.Indices...), s.Delphi...) {
				w.lineIn("• "+IndicatorName(w.it, f.Ref), locales.Default, styleSmall, 1)
			}
			if s.Trafficking {
				w.both("doc.access.screening_met", nil, styleBody, styleItalian, 2)
			} else {
				w.both("doc.access.screening_not_met", nil, styleBody, styleItalian, 2)
			}
			if rec.Decision != "" {
				w.both("doc.access.decision_"+rec.Decision, map[string]any{"Note": typeset.Isolate(rec.DecisionNote)},
					styleBody, styleItalian, 2)
			}
			w.y += 4
		}
	}
	if n == 0 {
		w.none()
		return
	}
	w.both("doc.access.screening_note", nil, styleSmall, styleSmall, 4)
}

// plans: every version of every plan, with goals, actions and budget.
func (w *accessWriter) plans() {
	w.heading("doc.access.plans")
	n := 0
	for _, c := range w.f.Cases {
		for _, p := range c.Plans {
			n++
			w.item("doc.access.plan", map[string]any{"N": p.Version})
			w.fieldOf("plan_status", w.enum("plan_status", string(p.Status)))
			w.field("agreed", w.day(p.AgreedAt))
			w.field("signed_by", p.SignedBy)
			for _, g := range p.Goals {
				w.fieldOf("goal", w.label("doc.area."+string(g.Area))+": "+typeset.Isolate(g.Text))
				for _, a := range g.Actions {
					w.action(a)
				}
			}
			var reviews []string
			for _, r := range p.Reviews {
				reviews = append(reviews, r.Italian())
			}
			w.field("reviews", strings.Join(reviews, ", "))
			for _, b := range p.Budget {
				w.fieldOf("budget", w.enum("budget", string(b.Purpose))+": "+typeset.Isolate(w.person.Tf("doc.access.amounts",
					map[string]any{"Planned": euro(b.PlannedCents), "Spent": euro(b.SpentCents)}))+" "+typeset.Isolate(b.Note))
			}
			w.y += 4
		}
	}
	if n == 0 {
		w.none()
	}
}

// action writes one action of a goal on one line.
func (w *accessWriter) action(a model.Action) {
	parts := []string{typeset.Isolate(a.What)}
	who := w.f.OperatorName(a.OperatorID)
	if a.ServiceID != 0 {
		who = w.f.ServiceName(a.ServiceID)
	}
	if who != "" {
		parts = append(parts, typeset.Isolate(who))
	}
	if !a.Due.IsZero() {
		parts = append(parts, typeset.IsolateLTR(a.Due.Italian()))
	}
	parts = append(parts, w.enum("action_status", string(a.Status)))
	if a.Outcome != "" {
		parts = append(parts, typeset.Isolate(a.Outcome))
	}
	w.fieldOf("action", strings.Join(parts, " · "))
}

// euro writes cents as euros, Italian style: € 1.250,00.
func euro(cents int64) string {
	whole, frac := cents/100, cents%100
	digits := fmt.Sprint(whole)
	var groups []string
	for len(digits) > 3 {
		groups = append([]string{digits[len(digits)-3:]}, groups...)
		digits = digits[:len(digits)-3]
	}
	groups = append([]string{digits}, groups...)
	return typeset.IsolateLTR(fmt.Sprintf("€ %s,%02d", strings.Join(groups, "."), frac))
}

// consents: every answer the person gave, newest first.
func (w *accessWriter) consents() {
	w.heading("doc.access.consents")
	if len(w.f.Consents) == 0 {
		w.none()
	}
	for _, c := range w.f.Consents {
		w.item("doc.access.consent", map[string]any{"Date": typeset.IsolateLTR(w.day(c.Date))})
		w.fieldOf("purpose", w.enum("purpose", string(c.Purpose)))
		w.field("service", w.f.ServiceName(c.ServiceID))
		w.fieldOf("state", w.enum("consent_state", string(c.State)))
		w.field("notice_version", c.NoticeVersion)
		w.field("language", languageName(c.Language))
		w.field("mediator", c.Mediator)
		if c.HasScan {
			w.field("scan", firstOf(c.ScanName, "—"))
		}
		w.field("recorded_by", w.f.OperatorName(c.RecordedBy))
		w.y += 4
	}
}

// referrals: every service the person was sent to, and what it received.
func (w *accessWriter) referrals() {
	w.heading("doc.access.referrals")
	n := 0
	for _, c := range w.f.Cases {
		for _, r := range c.Referrals {
			n++
			w.item("doc.access.referral", map[string]any{"Service": typeset.Isolate(w.f.ServiceName(r.ServiceID))})
			w.field("code", r.Code)
			w.field("created", w.day(r.Created))
			w.field("sent", w.day(r.SentAt))
			w.fieldOf("referral_status", w.enum("referral_status", string(r.Status)))
			w.field("reason", r.Reason)
			w.fieldOf("urgency", w.enum("urgency", string(r.Urgency)))
			w.list("shared", "shared", r.Shared)
			w.field("legal_basis", r.LegalBasis)
			w.field("follow_up", r.FollowUp.Italian())
			w.field("feedback", r.Feedback)
			w.y += 4
		}
	}
	if n == 0 {
		w.none()
	}
}

// trail: who opened, printed, changed or gave out the file, and when.
func (w *accessWriter) trail() {
	w.heading("doc.access.trail")
	w.both("doc.access.trail_intro", nil, styleBody, styleItalian, 4)
	for _, e := range w.f.Events {
		who := w.label("doc.access.nobody")
		if o, ok := w.f.Operators[e.OperatorID]; ok {
			who = typeset.Isolate(o.Name) + " (" + w.enum("role", string(o.Role)) + ")"
		}
		when := typeset.IsolateLTR(e.At.In(w.zone).Format("02/01/2006 15:04"))
		w.line(when+" · "+who+" · "+w.enum("action", eventKind(e.Action))+" · "+w.enum("entity", e.Entity),
			styleSmall, 2)
	}
}

// eventKind groups the audit trail's actions into what a person is told:
// opened, printed, gave out, recorded, changed.
func eventKind(action string) string {
	switch action {
	case model.ActionView, model.ActionPrint, model.ActionExport, model.ActionCreate:
		return action
	}
	return "change"
}

func firstOf(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// list writes "label: a, b, c" of coded values, in the reader's language
// then in Italian, so each reads in its own direction and punctuation.
func (w *accessWriter) list(key, group string, values []string) {
	if len(values) == 0 {
		return
	}
	sep := ", "
	if w.rtl() {
		sep = "، "
	}
	own, it := make([]string, len(values)), make([]string, len(values))
	for i, v := range values {
		own[i], it[i] = w.person.T("doc.access."+group+"_"+v), w.it.T("doc.access."+group+"_"+v)
	}
	k := "doc.access." + key
	w.bothText(w.person.T(k)+": "+strings.Join(own, sep), w.it.T(k)+": "+strings.Join(it, ", "), styleBody, styleItalian, 2)
}
