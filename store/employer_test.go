package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"sportello/model"
)

// fixtureEmployer creates an employer (as the program) with the agreement.
func fixtureEmployer(t *testing.T, d *DB, name, ccnl string) *model.Employer {
	t.Helper()
	e := &model.Employer{Name: name, VATNumber: "12345670017", Ateco: "01.13", CCNL: ccnl}
	must(t, d.SaveEmployer(context.Background(), e))
	return e
}

// employerConsent records the person's answer about sharing with the employer.
func employerConsent(t *testing.T, d *DB, personID, employerID int64, state model.ConsentState, at time.Time) {
	t.Helper()
	c := &model.Consent{PersonID: personID, Purpose: model.PurposeSharing, EmployerID: employerID, NoticeVersion: "2026.1",
		Language: "bn", State: state, Date: at}
	must(t, d.RecordConsent(context.Background(), c, nil, 0))
}

func opsOfEveryRole(t *testing.T, d *DB) map[model.Role]*model.Operator {
	ops := map[model.Role]*model.Operator{}
	for _, r := range model.Roles {
		ops[r] = fixtureOperator(t, d, "u_"+string(r), r)
	}
	return ops
}

// Every role, through its own handle: all read the employers and their
// vacancies; writing them, flagging, clearing and updating the CCNL table
// is what model.Permissions says, and a refused write leaves nothing.
func TestEmployerPermissionsForEveryRole(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	ops := opsOfEveryRole(t, d)
	flagged := fixtureEmployer(t, d, "Serre Fittizie srl", "agri")
	must(t, d.FlagEmployer(ctx, flagged.ID, model.EmployerFlag{Reason: "reported by the labour inspectorate",
		Date: fixedNow.AddDate(0, -1, 0)}))
	for _, r := range model.Roles {
		t.Run(string(r), func(t *testing.T) {
			h := d.As(ops[r])
			list, err := h.Employers(ctx)
			if err != nil || len(list) == 0 {
				t.Fatalf("an active %s cannot read the employers: %v", r, err)
			}
			i := slices.IndexFunc(list, func(e model.Employer) bool { return e.ID == flagged.ID })
			f := list[i].Flag
			if f == nil {
				t.Fatal("the flag is not shown")
			}
			if details := r.May(model.PermFlagDetails); details != (f.Reason != "") || details == f.Withheld {
				t.Errorf("flag reason %q withheld %v, may read details %v", f.Reason, f.Withheld, details)
			}
			e := &model.Employer{Name: "Nuova ditta di " + string(r), FiscalCode: "RSSMRA85T10A562S"}
			if err := h.SaveEmployer(ctx, e); (err == nil) != r.May(model.PermEmployers) || err != nil && !refused(t, err) {
				t.Errorf("create an employer: %v", err)
			}
			v := &model.Vacancy{EmployerID: flagged.ID, Title: "Raccolta", Posts: 1}
			if err := h.SaveVacancy(ctx, v); (err == nil) != r.May(model.PermEmployers) || err != nil && !refused(t, err) {
				t.Errorf("create a vacancy: %v", err)
			}
			mayFlag := r.May(model.PermFlags)
			if err := h.UnflagEmployer(ctx, flagged.ID, "checked"); (err == nil) != mayFlag || err != nil && !refused(t, err) {
				t.Errorf("unflag: %v", err)
			}
			if mayFlag {
				must(t, h.FlagEmployer(ctx, flagged.ID, model.EmployerFlag{Reason: "again", Date: fixedNow}))
			}
			err = h.SaveCCNLLevel(ctx, "agri", model.CCNLLevel{Code: "area_3", MinCents: 820}, fixedNow, "signed table")
			if (err == nil) != mayFlag || err != nil && !refused(t, err) {
				t.Errorf("update the CCNL table: %v", err)
			}
		})
	}
	// A deactivated account reads nothing.
	must(t, d.Deactivate(ctx, ops[model.RoleOperator].Username, ops[model.RoleCoordinator]))
	if _, err := d.As(ops[model.RoleOperator]).Employers(ctx); !refused(t, err) {
		t.Error("a deactivated account read the employers")
	}
}

func TestEmployerRoundTripAndFlag(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	e := &model.Employer{Name: " Azienda Agricola Demo ", VATNumber: "IT 1234567 0017", FiscalCode: "12345670017",
		Ateco: "01.13.10", Address: "Via dei Campi 1, Latina", Phone: "0773 000000", Email: "info@example.org",
		ContactPerson: "Maria Demo", ContactRole: "titolare", CCNL: "agri", QualityNet: true, Notes: "serre"}
	must(t, d.SaveEmployer(ctx, e))
	got, err := d.Employer(ctx, e.ID)
	must(t, err)
	if got.Name != "Azienda Agricola Demo" || got.VATNumber != "12345670017" || !got.QualityNet || got.CCNL != "agri" ||
		got.UID == "" || got.Flag != nil || got.ContactPerson != "Maria Demo" {
		t.Errorf("round trip: %+v", got)
	}
	got.Notes = "serre e campo aperto"
	must(t, d.SaveEmployer(ctx, got))
	if again, _ := d.Employer(ctx, e.ID); again.Notes != got.Notes || again.UID != e.UID {
		t.Errorf("update: %+v", again)
	}
	bad := *got
	bad.VATNumber = "12345670018"
	if err := d.SaveEmployer(ctx, &bad); model.ErrorCode(err) != model.ErrVATCheck {
		t.Errorf("a wrong partita IVA: %v", err)
	}
	if err := d.FlagEmployer(ctx, e.ID, model.EmployerFlag{Reason: "", Date: fixedNow}); model.ErrorCode(err) != model.ErrRequired {
		t.Errorf("a flag without a reason: %v", err)
	}
	must(t, d.FlagEmployer(ctx, e.ID, model.EmployerFlag{Reason: "paid in cash, 12 hours a day", Date: fixedNow}))
	if err := d.FlagEmployer(ctx, e.ID, model.EmployerFlag{Reason: "twice", Date: fixedNow}); model.ErrorCode(err) != model.ErrConflict {
		t.Errorf("flagged twice: %v", err)
	}
	if f, _ := d.Employer(ctx, e.ID); f.Flag == nil || f.Flag.Reason != "paid in cash, 12 hours a day" {
		t.Errorf("flag: %+v", f.Flag)
	}
	must(t, d.UnflagEmployer(ctx, e.ID, "the inspectorate found nothing"))
	if f, _ := d.Employer(ctx, e.ID); f.Flag != nil {
		t.Errorf("still flagged: %+v", f.Flag)
	}
}

// A vacancy paying clearly below the agreement is held until a coordinator
// clears it; a change that breaks anything else holds it again; the
// coordinator's figures replace the program's.
func TestVacancyHeldUntilCleared(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	ops := opsOfEveryRole(t, d)
	e := fixtureEmployer(t, d, "Campi Fittizi", "agri")
	v := &model.Vacancy{EmployerID: e.ID, Title: "Raccolta angurie", CCNLLevel: "area_3", CCNL: "agri", PayCents: 500,
		PayUnit: model.PayHour, WeeklyHours: 39, ContractType: "agri_fixed", Posts: 3, Languages: []string{"it:A1"},
		Licences: []string{"B"}, Start: fixedNow, Seasonal: true}
	must(t, d.As(ops[model.RoleOperator]).SaveVacancy(ctx, v))
	if !v.Held() || len(v.Breaches) != 1 || v.Breaches[0].Index != "i603.1" {
		t.Fatalf("below the CCNL, not held: %+v", v.Breaches)
	}
	got, err := d.Vacancy(ctx, v.ID)
	must(t, err)
	if !got.Held() || !slices.Equal(got.Breaches, v.Breaches) || got.Licences[0] != "B" || !got.Seasonal ||
		!got.Start.Equal(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("round trip: %+v", got)
	}
	for _, r := range model.Roles {
		if r.May(model.PermFlags) {
			continue
		}
		if err := d.As(ops[r]).ClearVacancy(ctx, v.ID, "fine"); !refused(t, err) {
			t.Errorf("a %s cleared a held vacancy: %v", r, err)
		}
	}
	must(t, d.As(ops[model.RoleCoordinator]).ClearVacancy(ctx, v.ID, "piece rate: the employer showed the pay slips"))
	got, _ = d.Vacancy(ctx, v.ID)
	if got.Held() || got.ClearedBy != ops[model.RoleCoordinator].ID {
		t.Errorf("cleared: %+v", got)
	}
	got.Place = "Sabaudia"
	must(t, d.SaveVacancy(ctx, got))
	if got.Held() {
		t.Error("a change breaking nothing new held the vacancy again")
	}
	got.WeeklyHours = 60
	must(t, d.SaveVacancy(ctx, got))
	if !got.Held() || len(got.Breaches) != 2 {
		t.Errorf("60 hours a week, not held again: %+v", got.Breaches)
	}
	// The employer's agreement applies when the vacancy names none; the
	// coordinator's figure replaces the program's.
	fine := &model.Vacancy{EmployerID: e.ID, Title: "Potatura", CCNLLevel: "", PayCents: 900, PayUnit: model.PayHour, Posts: 1}
	must(t, d.SaveVacancy(ctx, fine))
	if fine.Held() {
		t.Errorf("a fair vacancy held: %+v", fine.Breaches)
	}
	must(t, d.SaveCCNLLevel(ctx, "agri", model.CCNLLevel{Code: "area_3", MinCents: 1200}, fixedNow, "provincial table 2026"))
	fine.CCNL, fine.CCNLLevel = "agri", "area_3"
	must(t, d.SaveVacancy(ctx, fine))
	if !fine.Held() || fine.Breaches[0].Limit != 1200 {
		t.Errorf("against the coordinator's figure: %+v", fine.Breaches)
	}
	table, err := d.CCNLTable(ctx)
	must(t, err)
	if c, _ := model.FindCCNL(table, "agri"); c.Source != "provincial table 2026" || !c.ValidFrom.Equal(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("table: %s %s", c.Source, c.ValidFrom)
	}
	if open, _ := d.Vacancies(ctx, e.ID, model.VacancyOpen); len(open) != 2 {
		t.Errorf("open vacancies: %d", len(open))
	}
}
