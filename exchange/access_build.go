package exchange

import "sportello/model"

// BuildAccess turns a person's file into the portable document: every
// list present (empty rather than null), names written out.
func BuildAccess(f *model.PersonFile) *AccessFile {
	a := &AccessFile{Format: AccessFormat, FormatVersion: AccessFormatVersion, GeneratedAt: stamp(f.MadeAt),
		GeneratedBy: AccessOperator{Name: f.MadeBy.Name, Role: string(f.MadeBy.Role)},
		Controller: AccessDesk{Organisation: f.Desk.Organisation, Desk: f.Desk.Desk, Phone: f.Desk.Phone,
			Controller: f.Desk.Controller, DPO: f.Desk.DPO},
		Person: personRecord(&f.Person), Cases: []AccessCase{}, Consents: []AccessConsent{}, AuditEvents: []AccessEvent{}}
	for _, c := range f.Cases {
		a.Cases = append(a.Cases, accessCase(f, c))
	}
	for _, c := range f.Consents {
		a.Consents = append(a.Consents, AccessConsent{Date: stamp(c.Date), Purpose: string(c.Purpose),
			Service: f.ServiceName(c.ServiceID), State: string(c.State), NoticeVersion: c.NoticeVersion, Language: c.Language,
			Mediator: c.Mediator, RecordedBy: f.OperatorName(c.RecordedBy), ScanName: c.ScanName, Scan: c.Scan})
	}
	for _, e := range f.Events {
		o := f.Operators[e.OperatorID]
		a.AuditEvents = append(a.AuditEvents, AccessEvent{At: stamp(e.At), Operator: o.Name, Role: string(o.Role),
			Action: e.Action, Record: e.Entity, Detail: e.Detail})
	}
	return a
}

func accessCase(f *model.PersonFile, c model.FileCase) AccessCase {
	out := AccessCase{OpenedAt: stamp(c.OpenedAt), ClosedAt: stamp(c.ClosedAt), Status: string(c.Status),
		Priority: string(c.Priority), AssignedOperator: f.OperatorName(c.OperatorID), Team: []string{},
		Interviews: []AccessInterview{}, Plans: []AccessPlan{}, Referrals: []AccessReferral{}}
	for _, id := range c.Team {
		out.Team = append(out.Team, f.OperatorName(id))
	}
	for _, iv := range c.Interviews {
		out.Interviews = append(out.Interviews, accessInterview(f, iv))
	}
	for _, p := range c.Plans {
		out.Plans = append(out.Plans, accessPlan(f, p))
	}
	accessWork(f, c, &out)
	for _, r := range c.Referrals {
		out.Referrals = append(out.Referrals, AccessReferral{Code: r.Code, Service: f.ServiceName(r.ServiceID),
			Reason: r.Reason, Urgency: string(r.Urgency), Status: string(r.Status), CreatedAt: stamp(r.Created),
			SentAt: stamp(r.SentAt), AnsweredAt: stamp(r.AnsweredAt), CompletedAt: stamp(r.CompletedAt),
			FollowUp: r.FollowUp.String(), Feedback: r.Feedback, LegalBasis: r.LegalBasis, Shared: list(r.Shared)})
	}
	return out
}

func accessInterview(f *model.PersonFile, iv model.FileInterview) AccessInterview {
	out := AccessInterview{Date: stamp(iv.Date), Kind: string(iv.Kind), Place: string(iv.Place), Language: iv.Language,
		Mediator: iv.Mediator, Operator: f.OperatorName(iv.OperatorID), DurationMinutes: int(iv.Duration.Minutes()),
		Status: string(iv.Status), QuestionnaireVersion: iv.QuestionnaireVersion, Notes: iv.Notes, Answers: []Answer{}}
	for _, a := range iv.Answers {
		out.Answers = append(out.Answers, Answer{QuestionID: a.QuestionID, Value: a.Value, UpdatedAt: stamp(a.UpdatedAt)})
	}
	if s := iv.Screening; s != nil {
		out.Screening = &AccessScreening{ComputedAt: stamp(s.ComputedAt), Result: noNullLists(s.Result), Decision: s.Decision,
			DecisionNote: s.DecisionNote, DecidedBy: f.OperatorName(s.DecidedBy), DecidedAt: stamp(s.DecidedAt)}
	}
	return out
}

func accessPlan(f *model.PersonFile, p model.Plan) AccessPlan {
	out := AccessPlan{Version: p.Version, Status: string(p.Status), AgreedAt: stamp(p.AgreedAt),
		AgreedBy: f.OperatorName(p.AgreedBy), SignedBy: p.SignedBy, Reviews: []string{}, Goals: []AccessGoal{},
		Budget: []AccessBudget{}}
	for _, r := range p.Reviews {
		out.Reviews = append(out.Reviews, r.String())
	}
	for _, g := range p.Goals {
		goal := AccessGoal{Area: string(g.Area), Text: g.Text, Actions: []AccessAction{}}
		for _, a := range g.Actions {
			who := f.OperatorName(a.OperatorID)
			if a.ServiceID != 0 {
				who = f.ServiceName(a.ServiceID)
			}
			goal.Actions = append(goal.Actions, AccessAction{What: a.What, Responsible: who, Due: a.Due.String(),
				Status: string(a.Status), Outcome: a.Outcome})
		}
		out.Goals = append(out.Goals, goal)
	}
	for _, b := range p.Budget {
		out.Budget = append(out.Budget, AccessBudget{Purpose: string(b.Purpose), PlannedCents: b.PlannedCents,
			SpentCents: b.SpentCents, Note: b.Note})
	}
	return out
}

// noNullLists gives a screening's lists as empty rather than null.
func noNullLists(s model.Screening) model.Screening {
	fill := func(fs []model.Finding) []model.Finding {
		out := []model.Finding{}
		for _, f := range fs {
			if f.Reasons == nil {
				f.Reasons = []model.Reason{}
			}
			out = append(out, f)
		}
		return out
	}
	s.ILO, s.Indices, s.Delphi, s.Dimensions = fill(s.ILO), fill(s.Indices), fill(s.Delphi), list(s.Dimensions)
	return s
}
