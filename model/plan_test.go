package model

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestActionMoves(t *testing.T) {
	allowed := map[[2]ActionStatus]bool{
		{ActionPlanned, ActionInProgress}: true, {ActionPlanned, ActionDone}: true, {ActionPlanned, ActionDropped}: true,
		{ActionInProgress, ActionDone}: true, {ActionInProgress, ActionDropped}: true, {ActionDropped, ActionPlanned}: true,
	}
	for _, from := range ActionStatuses {
		for _, to := range ActionStatuses {
			if got := CanMoveAction(from, to); got != allowed[[2]ActionStatus{from, to}] {
				t.Errorf("action %s → %s: %v", from, to, got)
			}
		}
	}
}

func TestReferralMoves(t *testing.T) {
	allowed := map[[2]ReferralStatus]bool{
		{ReferralDraft, ReferralSent}: true, {ReferralSent, ReferralAccepted}: true, {ReferralSent, ReferralRefused}: true,
		{ReferralAccepted, ReferralCompleted}: true,
	}
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, from := range ReferralStatuses {
		for _, to := range ReferralStatuses {
			want := allowed[[2]ReferralStatus{from, to}]
			if got := CanMoveReferral(from, to); got != want {
				t.Errorf("referral %s → %s: %v", from, to, got)
			}
			r := Referral{Status: from}
			err := r.Move(to, at, "feedback")
			if (err == nil) != want {
				t.Errorf("Move %s → %s: %v", from, to, err)
			}
			if want && (r.Status != to || r.Feedback != "feedback") {
				t.Errorf("Move %s → %s left %+v", from, to, r)
			}
			if !want && r.Status != from {
				t.Errorf("a refused move changed the status to %s", r.Status)
			}
		}
	}
}

func TestReferralOverdue(t *testing.T) {
	now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		status   ReferralStatus
		followUp PartialDate
		overdue  bool
	}{
		{ReferralSent, PartialDate{2026, 3, 13}, true},
		{ReferralSent, PartialDate{2026, 3, 14}, false}, // due today: not yet
		{ReferralSent, PartialDate{}, false},
		{ReferralAccepted, PartialDate{2026, 1, 1}, false},
		{ReferralDraft, PartialDate{2026, 1, 1}, false},
		{ReferralSent, PartialDate{2026, 2, 0}, true}, // by February
	}
	for _, c := range cases {
		r := Referral{Status: c.status, FollowUp: c.followUp}
		if got := r.Overdue(now); got != c.overdue {
			t.Errorf("%s by %v: overdue %v", c.status, c.followUp, got)
		}
	}
}

func TestPlanVersions(t *testing.T) {
	at := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	p := &Plan{CaseID: 1, Version: 1, Status: PlanDraft}
	if err := p.Agree(at, "Awa Diallo", 1); ErrorCode(err) != ErrRequired {
		t.Errorf("an empty plan was agreed: %v", err)
	}
	p.Goals = []Goal{{Area: AreaItalian, Text: "Corso A2", Actions: []Action{{What: "Iscrizione al CPIA", Status: ActionPlanned}}}}
	p.Budget = []BudgetLine{{Purpose: BudgetCourseFee, PlannedCents: 12000, SpentCents: 4550}, {Purpose: BudgetTransport, PlannedCents: 3500}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if planned, spent := p.Totals(); planned != 15500 || spent != 4550 {
		t.Errorf("totals %d %d", planned, spent)
	}
	if _, err := p.NextVersion(); err == nil {
		t.Error("a draft was copied into a new version")
	}
	if err := p.Agree(at, "Awa Diallo", 1); err != nil || p.Status != PlanAgreed {
		t.Fatal(err)
	}
	if err := p.Agree(at, "x", 1); err == nil {
		t.Error("agreed twice")
	}
	v2, err := p.NextVersion()
	if err != nil || v2.Version != 2 || v2.Status != PlanDraft || len(v2.Goals) != 1 || v2.Goals[0].Actions[0].What != "Iscrizione al CPIA" {
		t.Fatalf("v2 %+v %v", v2, err)
	}
	v2.Goals[0].Text = "Corso B1"
	if p.Goals[0].Text != "Corso A2" {
		t.Error("changing version 2 changed version 1")
	}
	bad := &Plan{CaseID: 1, Status: PlanDraft, Goals: []Goal{{Area: "space", Text: ""}},
		Budget: []BudgetLine{{Purpose: BudgetRent, PlannedCents: -1}}}
	err = bad.Validate()
	v, _ := err.(ValidationErrors)
	for _, f := range []string{"goals.0.area", "goals.0.text", "budget.0.amount"} {
		if v.Field(f) == nil {
			t.Errorf("no error on %s: %v", f, err)
		}
	}
}

func TestConsentGating(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 10, 0, 0, 0, time.UTC) }
	history := []Consent{
		{ID: 1, Purpose: PurposeNotice, State: ConsentGiven, Date: day(1)},
		{ID: 2, Purpose: PurposeSharing, ServiceID: 7, State: ConsentGiven, Date: day(2)},
		{ID: 3, Purpose: PurposeSharing, ServiceID: 8, State: ConsentGiven, Date: day(2)},
		{ID: 4, Purpose: PurposeSharing, ServiceID: 8, State: ConsentWithdrawn, Date: day(5)},
		{ID: 5, Purpose: PurposeSharing, ServiceID: 9, State: ConsentRefused, Date: day(3)},
	}
	for _, c := range []struct {
		service int64
		ok      bool
		id      int64
	}{{7, true, 2}, {8, false, 4}, {9, false, 5}, {10, false, 0}} {
		got, ok := SharingAllowed(history, c.service)
		if ok != c.ok || got.ID != c.id {
			t.Errorf("service %d: allowed %v on consent %d", c.service, ok, got.ID)
		}
	}
}

func TestSuggestGoals(t *testing.T) {
	got := SuggestGoals(map[string]string{"needs.needs": "housing,italian_course,legal", "needs.work_wanted": "cuoco"},
		Screening{ILO: []Finding{{Ref: "ilo.7"}}})
	var areas []string
	for _, g := range got {
		areas = append(areas, string(g.Area)+"/"+g.From)
	}
	if strings.Join(areas, " ") != "legal/screening housing/housing italian/italian_course work/work_wanted" {
		t.Errorf("suggestions %v", areas)
	}
}

var serviceRows = []Service{
	{Name: "Centro per l'Impiego di Latina", Kind: ServiceCPI, Address: "Via Roma 3, Latina", Phone: "0773 000000",
		Hours: "lun-ven 9-12", Languages: []string{"it", "en"}, Area: "Latina"},
	{Name: "Sportello legale \"Diritti\"", Kind: ServiceLegalAid, Email: "info@example.invalid", Notes: "Su appuntamento, anche in arabo; virgole, \"virgolette\" e\na capo"},
}

func TestServicesCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteServicesCSV(&buf, serviceRows); err != nil {
		t.Fatal(err)
	}
	got, err := ParseServicesCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != serviceRows[0].Name || got[1].Notes != serviceRows[1].Notes ||
		strings.Join(got[0].Languages, " ") != "it en" {
		t.Errorf("round trip %+v", got)
	}
	for _, bad := range []struct{ name, csv, says string }{
		{"no header", "", "header"},
		{"no kind column", "name\nX\n", `"kind"`},
		{"unknown kind", "name,kind\nX,spa\n", "line 2"},
		{"empty name on line 3", "name,kind\nX,cpi\n,cpi\n", "line 3"},
	} {
		if _, err := ParseServicesCSV(strings.NewReader(bad.csv)); err == nil || !strings.Contains(err.Error(), bad.says) {
			t.Errorf("%s: %v", bad.name, err)
		}
	}
}

func FuzzParseServicesCSV(f *testing.F) {
	var buf bytes.Buffer
	WriteServicesCSV(&buf, serviceRows)
	f.Add(buf.String())
	f.Add("name,kind\nX,spa\n")
	f.Add("kind,name\ncpi,\"A\"\"B\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseServicesCSV(strings.NewReader(s))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteServicesCSV(&out, got); err != nil {
			t.Fatal(err)
		}
		again, err := ParseServicesCSV(&out)
		if err != nil || len(again) != len(got) {
			t.Fatalf("what was read does not read back: %v", err)
		}
	})
}

// TestPlanCloneIsDeep: what a save writes into the clone (new IDs) never
// reaches the plan on screen.
func TestPlanCloneIsDeep(t *testing.T) {
	p := &Plan{Goals: []Goal{{Text: "lavoro", Actions: []Action{{What: "CPI"}}}},
		Reviews: []PartialDate{{Year: 2026}}, Budget: []BudgetLine{{Note: "corso"}}}
	c := p.Clone()
	c.Goals[0].ID, c.Goals[0].Actions[0].ID, c.Budget[0].ID = 7, 8, 9
	c.Reviews[0].Year = 2027
	tests := []struct {
		name string
		got  int64
	}{
		{"goal ID", p.Goals[0].ID},
		{"action ID", p.Goals[0].Actions[0].ID},
		{"budget line ID", p.Budget[0].ID},
		{"review year changed", int64(p.Reviews[0].Year - 2026)},
	}
	for _, tt := range tests {
		if tt.got != 0 {
			t.Errorf("%s: the original changed with its clone (%d)", tt.name, tt.got)
		}
	}
}
