package demo

import (
	"context"
	"fmt"
	"time"

	"sportello/model"
	"sportello/store"
)

// settingDemoWork marks the demo's work side as made, so a second run adds
// nothing.
const settingDemoWork = "demo.work"

// demoEmployers are fictional employers; their partite IVA are made up,
// with a valid check digit. The flagged ones carry their flag's reason.
var demoEmployers = []struct {
	model.Employer
	flag string
}{
	{model.Employer{Name: "Azienda Agricola Le Serre (demo)", VATNumber: "00000010587", Ateco: "01.13.10",
		Address: "Strada dei Campi 5, Sabaudia", ContactPerson: "Giovanna Verdi (demo)", ContactRole: "titolare",
		Phone: "0773 555 0201", CCNL: "agri", QualityNet: true}, ""},
	{model.Employer{Name: "Vivai del Circeo (demo)", VATNumber: "12345670017", Ateco: "01.30", Address: "Via Pontina km 90, Terracina",
		CCNL: "agri"}, "Segnalata da tre lavoratori: paga a giornata di 25 euro, 12 ore nelle serre, documenti trattenuti (demo)"},
	{model.Employer{Name: "Cooperativa Logistica Pontina (demo)", VATNumber: "76543211205", Ateco: "52.10",
		Address: "Zona industriale, Latina", Email: "lavoro@example.invalid", CCNL: "logistics"}, ""},
	{model.Employer{Name: "Edil Fittizia srl (demo)", VATNumber: "31415920995", Ateco: "41.20", Address: "Via del Cantiere 9, Aprilia",
		CCNL: "construction"}, "Ispettorato del lavoro: lavoratori senza contratto in cantiere (demo)"},
	{model.Employer{Name: "Trattoria Il Ponte (demo)", VATNumber: "27182818883", Ateco: "56.10.11",
		Address: "Lungomare 3, Sperlonga", ContactPerson: "Marco Neri (demo)", CCNL: "tourism", EthicalLabel: "Caporalato free (demo)"}, ""},
}

// demoVacancies are offers of the demo employers (by index); the ones
// paying clearly below the agreement come out held.
var demoVacancies = []struct {
	employer int
	model.Vacancy
}{
	{0, model.Vacancy{Title: "Raccolta ortaggi in serra", ISCO: "9211", Place: "Sabaudia", Seasonal: true, WeeklyHours: 39,
		DailyHours: 6.5, DaysPerWeek: 6, ContractType: "agri_fixed", PayCents: 880, PayUnit: model.PayHour, CCNLLevel: "area_3",
		Languages: []string{"it:A1"}, Posts: 4, Transport: true}},
	{0, model.Vacancy{Title: "Potatura e innesti", ISCO: "6111", Place: "Sabaudia", WeeklyHours: 39, ContractType: "agri_permanent",
		PayCents: 3200, PayUnit: model.PayDay, DailyHours: 10, CCNLLevel: "area_2", Posts: 1}}, // 3.20 an hour: held
	{1, model.Vacancy{Title: "Confezionamento piante", ISCO: "9211", Place: "Terracina", WeeklyHours: 66, DailyHours: 11,
		DaysPerWeek: 6, ContractType: "agri_fixed", PayCents: 2500, PayUnit: model.PayDay, CCNLLevel: "area_3", Posts: 6}},
	{2, model.Vacancy{Title: "Magazziniere", ISCO: "9333", Place: "Latina", WeeklyHours: 39, ContractType: "fixed_term",
		PayCents: 190000, PayUnit: model.PayMonth, CCNLLevel: "5", Languages: []string{"it:A2"}, Licences: []string{"muletto"}, Posts: 2}},
	{4, model.Vacancy{Title: "Aiuto cuoco", ISCO: "9412", Place: "Sperlonga", Seasonal: true, WeeklyHours: 40, ContractType: "seasonal",
		PayCents: 95000, PayUnit: model.PayMonth, CCNLLevel: "6", Posts: 1, Housing: true}}, // 950 a month for 40 hours: held
}

// SeedWork adds the work side of the demo once: employers (two flagged),
// their vacancies (some held below the agreement), a hiring with its
// still-employed checks due, an internship with attendance and allowance,
// and an enterprise on its way. It uses the first persons Seed made.
func SeedWork(ctx context.Context, db *store.DB) error {
	if done, err := db.Setting(ctx, settingDemoWork); err != nil || done != "" {
		return err
	}
	employers := make([]int64, len(demoEmployers))
	for i, de := range demoEmployers {
		e := de.Employer
		if err := db.SaveEmployer(ctx, &e); err != nil {
			return fmt.Errorf("demo employer %d: %w", i, err)
		}
		employers[i] = e.ID
		if de.flag != "" {
			if err := db.FlagEmployer(ctx, e.ID, model.EmployerFlag{Reason: de.flag, Date: db.Now().AddDate(0, -2, 0)}); err != nil {
				return err
			}
		}
	}
	var vacancies []int64
	for i, dv := range demoVacancies {
		v := dv.Vacancy
		v.EmployerID, v.Start = employers[dv.employer], db.Now().AddDate(0, 1, 0)
		if err := db.SaveVacancy(ctx, &v); err != nil {
			return fmt.Errorf("demo vacancy %d: %w", i, err)
		}
		vacancies = append(vacancies, v.ID)
	}
	people, err := db.FindPersons(ctx, model.PersonFilter{Limit: 12})
	if err != nil || len(people) < 3 {
		return err
	}
	if err := seedProfiles(ctx, db, people, employers[0]); err != nil {
		return err
	}
	var cases [3]int64
	for i := range cases {
		list, err := db.CasesOf(ctx, people[i].ID)
		if err != nil || len(list) == 0 {
			return err
		}
		cases[i] = list[0].ID
	}
	if err := demoHiring(ctx, db, people[0].ID, cases[0], employers[0], vacancies[0]); err != nil {
		return err
	}
	if err := demoInternship(ctx, db, cases[1], employers[4]); err != nil {
		return err
	}
	if err := demoEnterprise(ctx, db, cases[2]); err != nil {
		return err
	}
	return db.SaveSettings(ctx, map[string]string{settingDemoWork: "1"}, 0)
}

// demoHiring: a consent to share with the employer, a proposal, an
// interview, a hiring five weeks ago (the 4-week check is on Today).
func demoHiring(ctx context.Context, db *store.DB, personID, caseID, employerID, vacancyID int64) error {
	now := db.Now().UTC()
	c := &model.Consent{PersonID: personID, Purpose: model.PurposeSharing, EmployerID: employerID, NoticeVersion: "2026.1",
		Language: "it", State: model.ConsentGiven, Date: now.AddDate(0, 0, -50)}
	if err := db.RecordConsent(ctx, c, nil, 0); err != nil {
		return err
	}
	p := &model.Proposal{CaseID: caseID, EmployerID: employerID, VacancyID: vacancyID}
	clock := db.Now // the store stamps the proposal: made seven weeks ago, before its interview
	db.Now = func() time.Time { return now.AddDate(0, 0, -49) }
	err := db.CreateProposal(ctx, p)
	db.Now = clock
	if err != nil {
		return fmt.Errorf("demo proposal: %w", err)
	}
	if err := db.MoveProposal(ctx, p.ID, store.ProposalMove{To: model.ProposalInterview, At: now.AddDate(0, 0, -42)}); err != nil {
		return err
	}
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, -35)
	return db.MoveProposal(ctx, p.ID, store.ProposalMove{To: model.ProposalHired, At: start.AddDate(0, 0, -3),
		Contract: "agri_fixed", HiredFrom: start, WeeklyHours: 39, Outcome: "Contratto stagionale, trasporto aziendale (demo)"})
}

// demoInternship: six months at the trattoria, two months attended and paid.
func demoInternship(ctx context.Context, db *store.DB, caseID, employerID int64) error {
	now := db.Now().UTC()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -2, 0)
	in := &model.Internship{CaseID: caseID, EmployerID: employerID, Tutor: "Marco Neri (demo)", DeskTutor: "Operatrice dello sportello",
		Start: first, End: first.AddDate(0, 6, -1), WeeklyHours: 30, AllowanceCents: 60000, PlannedCents: 360000,
		Attendance: []model.Attendance{{Month: first, Hours: 124, PaidCents: 60000},
			{Month: first.AddDate(0, 1, 0), Hours: 118, PaidCents: 60000, Note: "due giorni di malattia (demo)"}}}
	if err := db.SaveInternship(ctx, in); err != nil {
		return err
	}
	return budgetInternship(ctx, db, caseID, in.PlannedCents, in.Paid())
}

// budgetInternship puts the internship's allowance in the case's plan: a
// new version of the plan agreed, with its budget line planned and spent.
func budgetInternship(ctx context.Context, db *store.DB, caseID, planned, spent int64) error {
	plans, err := db.PlansOf(ctx, caseID)
	if err != nil || len(plans) == 0 {
		return err
	}
	p := &plans[0]
	if p.Status != model.PlanDraft {
		if p, err = db.NewPlanVersion(ctx, p.ID, 0); err != nil {
			return fmt.Errorf("demo plan version: %w", err)
		}
	}
	p.Budget = append(p.Budget, model.BudgetLine{Purpose: model.BudgetInternship, PlannedCents: planned, SpentCents: spent,
		Note: "Tirocinio alla trattoria (demo)"})
	if err := db.SavePlan(ctx, p, 0); err != nil {
		return fmt.Errorf("demo plan budget: %w", err)
	}
	return db.AgreePlan(ctx, p.ID, "la persona (demo)", 0)
}

// demoEnterprise: a tailoring business on its way, microcredit applied for.
func demoEnterprise(ctx context.Context, db *store.DB, caseID int64) error {
	now := db.Now().UTC()
	e := &model.Enterprise{CaseID: caseID, Idea: "Sartoria di riparazioni e abiti su misura (demo)",
		Steps: []model.SupportStep{{What: "Corso di avvio d'impresa", Date: now.AddDate(0, -3, 0), Done: true},
			{What: "Business plan con il tutor", Date: now.AddDate(0, -1, 0), Done: true}, {What: "Apertura partita IVA"}},
		Applications: []model.FundingApplication{{Kind: model.FundingMicrocredit, Body: "Ente di microcredito (demo)",
			AmountCents: 1500000, State: model.FundingSubmitted, Date: now.AddDate(0, 0, -20)}}}
	return db.SaveEnterprise(ctx, e)
}
