package store

import (
	"context"
	"testing"
	"time"

	"sportello/model"
)

// erasable is a fictional person with a full file: every piece of it
// recognisable, so a test can look for each anywhere in the database.
type erasable struct {
	person  *model.Person
	caseID  int64
	secrets []string // what must be gone after the erasure
	oldCF   string   // the codice fiscale before a rectification
}

// erasableSecrets are the person's values, written below; the old codice
// fiscale comes first, the current one second.
var erasableSecrets = struct {
	family, given, own, alias, phone, domicile, permit string
	answer, notes, decision, goal, action, outcome     string
	budget, signed, reason, feedback, basis, scan      string
}{
	"Quorrimbaxe", "Ifeyinwaxe", "زرقاءتجريبية", "Zizzaprova", "3209876543", "Contrada Borgo Sferracavallo 77",
	"ZX9988776", "ci pagava tre euro allora fragolabianca", "intervista notetestvalanga", "nota decisione mirtillogrigio",
	"obiettivo castagnaverde", "azione lampionerosso", "esito ciliegiablu", "nota budget pioppoviola",
	"Ifeyinwaxe Quorrimbaxe firmato", "motivo cammellobianco", "riscontro pinguinoverde", "base legale fenicottero",
	"%PDF scansione-firmata-orsopolare",
}

// newErasable registers the person, rectifies their codice fiscale, and
// fills their file: an interview with answers, notes, a screening and a
// decision; an agreed plan; consents, one with a scan; referrals, one on an
// urgent legal basis.
func newErasable(t *testing.T, d *DB, coord *model.Operator) *erasable {
	t.Helper()
	ctx := context.Background()
	s := erasableSecrets
	oldCF, err := model.ComputeFiscalCode(s.family, s.given, model.SexFemale, 1991, 7, 3, "Z335")
	if err != nil {
		t.Fatal(err)
	}
	p := &model.Person{FamilyName: s.family, GivenNames: s.given, OwnScriptName: s.own, Aliases: []string{s.alias},
		Sex: model.SexFemale, BirthDate: pdate(1991, 7, 3), BirthCountry: "NG", Citizenships: []string{"NG"},
		Languages: []string{"en"}, Phone: s.phone, Domicile: s.domicile, DomicileInformal: true, FiscalCode: oldCF,
		Permit:  model.Permit{Type: "art. 18", Number: s.permit, Expiry: pdate(2027, 5, 1), Status: model.PermitValid},
		Channel: model.ChannelOutreach}
	if err := d.CreatePerson(ctx, p, coord.ID); err != nil {
		t.Fatal(err)
	}
	newCF, _ := model.ComputeFiscalCode(s.family, s.given, model.SexFemale, 1991, 7, 4, "Z335")
	p.FiscalCode, p.BirthDate = newCF, pdate(1991, 7, 4) // a rectification: the old values go to the trail
	if err := d.UpdatePerson(ctx, p, coord.ID); err != nil {
		t.Fatal(err)
	}
	cases, _ := d.CasesOf(ctx, p.ID)
	e := &erasable{person: p, caseID: cases[0].ID, oldCF: oldCF,
		secrets: []string{oldCF, newCF, s.family, s.given, s.own, s.alias, s.phone, s.domicile, s.permit, s.answer,
			s.notes, s.decision, s.goal, s.action, s.outcome, s.budget, s.signed, s.reason, s.feedback, s.basis, s.scan}}
	iv := &model.Interview{CaseID: e.caseID, Kind: model.InterviewIntake, Place: model.PlaceDesk, Notes: s.notes}
	if err := d.StartInterview(ctx, iv, coord.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveAnswer(ctx, iv.ID, "work.notes", s.answer); err != nil {
		t.Fatal(err)
	}
	iv.Notes = s.notes
	if err := d.SaveProgress(ctx, iv); err != nil {
		t.Fatal(err)
	}
	sc := model.Screening{ILO: []model.Finding{{Ref: "ilo.8", Reasons: []model.Reason{{AnswerID: "work.notes", Value: s.answer}}}},
		Trafficking: true}
	if err := d.CompleteInterview(ctx, iv, sc, coord.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.RecordDecision(ctx, iv.ID, "not_now", s.decision, coord.ID); err != nil {
		t.Fatal(err)
	}
	plan := &model.Plan{CaseID: e.caseID, Goals: []model.Goal{{Area: model.PlanArea("work"), Text: s.goal,
		Actions: []model.Action{{What: s.action, Status: model.ActionStatus("planned"), Due: pdate(2026, 5, 1), Outcome: s.outcome}}}},
		Budget: []model.BudgetLine{{Purpose: model.BudgetPurpose("transport"), PlannedCents: 12000, Note: s.budget}}}
	if err := d.SavePlan(ctx, plan, coord.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.AgreePlan(ctx, plan.ID, s.signed, coord.ID); err != nil {
		t.Fatal(err)
	}
	legal := fixtureService(t, d, "Sportello legale prova", model.ServiceLegalAid)
	c := &model.Consent{PersonID: p.ID, Purpose: model.PurposeSharing, ServiceID: legal, NoticeVersion: "2026.1",
		Language: "en", State: model.ConsentGiven, Date: fixedNow.Add(-time.Hour), ScanName: "consenso.pdf"}
	if err := d.RecordConsent(ctx, c, []byte(s.scan), coord.ID); err != nil {
		t.Fatal(err)
	}
	r := &model.Referral{CaseID: e.caseID, ServiceID: legal, Reason: s.reason, Urgency: model.UrgencyNormal,
		FollowUp: pdate(2026, 4, 1)}
	if err := d.CreateReferral(ctx, r, coord); err != nil {
		t.Fatal(err)
	}
	if err := d.MoveReferral(ctx, r.ID, model.ReferralSent, "", coord); err != nil {
		t.Fatal(err)
	}
	if err := d.MoveReferral(ctx, r.ID, model.ReferralAccepted, s.feedback, coord); err != nil {
		t.Fatal(err)
	}
	health := fixtureService(t, d, "ASL prova", model.ServiceHealth)
	urgent := &model.Referral{CaseID: e.caseID, ServiceID: health, Reason: s.reason, Urgency: model.UrgencyNormal,
		LegalBasis: s.basis}
	if err := d.CreateReferral(ctx, urgent, coord); err != nil {
		t.Fatal(err)
	}
	return e
}
