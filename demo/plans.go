package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"sportello/model"
	"sportello/store"
)

// demoServices is a small fictional map of local services.
var demoServices = []model.Service{
	{Name: "Centro per l'Impiego di Latina (demo)", Kind: model.ServiceCPI, Address: "Via dei Campi 1, Latina",
		Phone: "0773 555 0101", Hours: "lun-ven 9-12", Languages: []string{"it", "en"}, Area: "Latina"},
	{Name: "Sportello legale Diritti (demo)", Kind: model.ServiceLegalAid, Address: "Piazza del Mercato 4, Latina",
		Phone: "0773 555 0102", Email: "diritti@example.invalid", Hours: "mar e gio 15-18", Languages: []string{"it", "fr", "ar"}, Area: "Provincia di Latina"},
	{Name: "Consultorio ASL migranti (demo)", Kind: model.ServiceHealth, Address: "Viale della Salute 12, Latina",
		Phone: "0773 555 0103", Hours: "lun-sab 8-13", Languages: []string{"it", "en", "bn"}, Area: "Latina"},
	{Name: "CPIA 9 Latina, corsi di italiano (demo)", Kind: model.ServiceCPIA, Address: "Via della Scuola 7, Latina",
		Phone: "0773 555 0104", Hours: "corsi serali", Languages: []string{"it"}, Area: "Latina"},
	{Name: "Casa accoglienza Il Ponte (demo)", Kind: model.ServiceHousing, Address: "Via del Ponte 2, Sabaudia",
		Phone: "0773 555 0105", Languages: []string{"it", "en", "fr"}, Area: "Sud pontino"},
	{Name: "Camera del lavoro, ufficio migranti (demo)", Kind: model.ServiceUnion, Address: "Corso Matteotti 30, Latina",
		Phone: "0773 555 0106", Languages: []string{"it", "pa", "hi"}, Area: "Latina"},
}

// seedServices adds the demo map once (by name).
func seedServices(ctx context.Context, db *store.DB, by int64) ([]model.Service, error) {
	list := append([]model.Service(nil), demoServices...)
	if _, _, err := db.ImportServices(ctx, list, by); err != nil {
		return nil, err
	}
	return db.Services(ctx)
}

// demoPlanAndReferrals gives person i's case consents, a plan and
// referrals, varied by i so every state shows somewhere.
func demoPlanAndReferrals(ctx context.Context, db *store.DB, r *rand.Rand, i int, p *model.Person, op *model.Operator,
	coordinator *model.Operator, services []model.Service) error {
	cases, err := db.CasesOf(ctx, p.ID)
	if err != nil || len(cases) == 0 {
		return err
	}
	caseID := cases[0].ID
	lang := p.PreferredLanguage
	if lang == "" {
		lang = "it"
	}
	consent := func(purpose model.ConsentPurpose, service int64, state model.ConsentState) error {
		return db.RecordConsent(ctx, &model.Consent{PersonID: p.ID, Purpose: purpose, ServiceID: service,
			NoticeVersion: "2026-1", Language: lang, Mediator: demoMediators[lang], State: state, Date: db.Now(),
			RecordedBy: op.ID}, nil, op.ID)
	}
	if err := consent(model.PurposeNotice, 0, model.ConsentGiven); err != nil {
		return err
	}
	legal, cpi, health := services[serviceIndex(services, model.ServiceLegalAid)], services[serviceIndex(services, model.ServiceCPI)],
		services[serviceIndex(services, model.ServiceHealth)]
	for _, s := range []model.Service{legal, cpi} {
		if err := consent(model.PurposeSharing, s.ID, model.ConsentGiven); err != nil {
			return err
		}
	}
	if i%7 == 3 { // a withdrawn consent: the health service cannot be referred to
		consent(model.PurposeSharing, health.ID, model.ConsentGiven)
		consent(model.PurposeSharing, health.ID, model.ConsentWithdrawn)
	}

	// The plan: agreed for most, a second version in review for some, a draft for a few.
	plan := &model.Plan{CaseID: caseID, Status: model.PlanDraft,
		Goals: []model.Goal{
			{Area: model.AreaItalian, Text: "Corso di italiano A2", Actions: []model.Action{
				{What: "Iscrizione al CPIA", ServiceID: services[serviceIndex(services, model.ServiceCPIA)].ID,
					Due: dateIn(db.Now(), 20+r.IntN(40)), Status: model.ActionPlanned}}},
			{Area: model.AreaLegal, Text: "Rinnovo del permesso di soggiorno", Actions: []model.Action{
				{What: "Appuntamento con lo sportello legale", ServiceID: legal.ID, Due: dateIn(db.Now(), -10+r.IntN(30)),
					Status: model.ActionInProgress},
				{What: "Raccolta dei documenti", OperatorID: op.ID, Due: dateIn(db.Now(), 10), Status: model.ActionPlanned}}},
			{Area: model.AreaWork, Text: "Un lavoro con contratto regolare", Actions: []model.Action{
				{What: "Iscrizione al Centro per l'Impiego", ServiceID: cpi.ID, Due: dateIn(db.Now(), 30), Status: model.ActionPlanned}}},
		},
		Reviews: []model.PartialDate{dateIn(db.Now(), 90)},
		Budget: []model.BudgetLine{{Purpose: model.BudgetCourseFee, PlannedCents: 15000, SpentCents: int64(r.IntN(3)) * 5000},
			{Purpose: model.BudgetTransport, PlannedCents: 6000, SpentCents: 1250}},
	}
	if err := db.SavePlan(ctx, plan, op.ID); err != nil {
		return err
	}
	if i%5 != 4 {
		if err := db.AgreePlan(ctx, plan.ID, p.GivenNames+" "+p.FamilyName, op.ID); err != nil {
			return err
		}
		if i%5 == 2 {
			v2, err := db.NewPlanVersion(ctx, plan.ID, op.ID)
			if err != nil {
				return err
			}
			v2.Goals = append(v2.Goals, model.Goal{Area: model.AreaHousing, Text: "Una casa in affitto regolare"})
			if err := db.SavePlan(ctx, v2, op.ID); err != nil {
				return err
			}
		}
	}

	// Referrals in every status across the demo.
	target := []model.ReferralStatus{model.ReferralDraft, model.ReferralSent, model.ReferralAccepted, model.ReferralRefused,
		model.ReferralCompleted}[i%5]
	// To the services of every kind the indicators break referrals down by.
	to, reason := legal, "Consulenza sul rinnovo del permesso di soggiorno"
	switch i % 4 {
	case 1:
		to, reason = cpi, "Iscrizione al Centro per l'impiego e DID"
	case 3:
		to, reason = services[serviceIndex(services, model.ServiceCPIA)], "Corso di italiano al CPIA"
		if err := consent(model.PurposeSharing, to.ID, model.ConsentGiven); err != nil {
			return err
		}
	}
	ref := &model.Referral{CaseID: caseID, ServiceID: to.ID, Reason: reason,
		Urgency: model.UrgencyNormal, Status: model.ReferralDraft, FollowUp: dateIn(db.Now(), 14-r.IntN(40))}
	if err := db.CreateReferral(ctx, ref, op); err != nil {
		return err
	}
	path := map[model.ReferralStatus][]model.ReferralStatus{
		model.ReferralSent: {model.ReferralSent}, model.ReferralAccepted: {model.ReferralSent, model.ReferralAccepted},
		model.ReferralRefused:   {model.ReferralSent, model.ReferralRefused},
		model.ReferralCompleted: {model.ReferralSent, model.ReferralAccepted, model.ReferralCompleted}}[target]
	for _, to := range path {
		feedback := ""
		if to == model.ReferralRefused {
			feedback = "Fictional demo answer: no appointments this month, try the other office."
		}
		if err := db.MoveReferral(ctx, ref.ID, to, feedback, op); err != nil {
			return err
		}
	}
	if i%9 == 5 { // an urgent referral on a coordinator's legal basis
		urgent := &model.Referral{CaseID: caseID, ServiceID: services[serviceIndex(services, model.ServiceAntiTrafficking)].ID,
			Reason: "Fictional demo: signs of trafficking, the person is in danger tonight", Urgency: model.UrgencyUrgent,
			Status: model.ReferralDraft, LegalBasis: "Fictional demo: art. 18 d.lgs. 286/1998, pericolo attuale per la persona"}
		if err := db.CreateReferral(ctx, urgent, coordinator); err != nil {
			return err
		}
		if i%18 == 5 { // half of them sent at once
			return db.MoveReferral(ctx, urgent.ID, model.ReferralSent, "", coordinator)
		}
	}
	return nil
}

func serviceIndex(list []model.Service, kind model.ServiceKind) int {
	for i, s := range list {
		if s.Kind == kind {
			return i
		}
	}
	return 0
}

// dateIn is the date days from t.
func dateIn(t time.Time, days int) model.PartialDate {
	d := t.AddDate(0, 0, days)
	return model.PartialDate{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}
}
