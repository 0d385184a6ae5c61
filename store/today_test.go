package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"sportello/model"
)

func TestToday(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	on := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }

	// Permits: one expiring within 60 days (month only: by 30 April), others not.
	permit, _ := fixturePerson(t, d, "Permesso", model.Permit{Type: "lavoro", Expiry: pdate(2026, 4, 0), Status: model.PermitValid})
	for _, pm := range []model.Permit{
		{Expiry: pdate(2026, 6, 12), Status: model.PermitValid},  // in 90 days
		{Expiry: pdate(2026, 3, 10), Status: model.PermitValid},  // already expired
		{Expiry: pdate(2026, 0, 0), Status: model.PermitApplied}, // year only: 31 December
		{Expiry: pdate(2026, 4, 1), Status: model.PermitExpired}, // not valid nor applied
		{Expiry: pdate(2026, 4, 1), Status: model.PermitNone},    // idem
		{Status: model.PermitValid},                              // no expiry known
	} {
		fixturePerson(t, d, "Altro", pm)
	}

	// Plans: version 1 agreed, version 2 the newest, a draft.
	planned, caseP := fixturePerson(t, d, "Piano", model.Permit{})
	v1 := &model.Plan{CaseID: caseP, Reviews: []model.PartialDate{pdate(2026, 3, 16)}, Goals: []model.Goal{{
		Area: model.AreaWork, Text: "Work", Actions: []model.Action{{What: "old action", Due: pdate(2026, 2, 1), Status: model.ActionPlanned}}}}}
	if err := d.SavePlan(ctx, v1, 0); err != nil {
		t.Fatal(err)
	}
	if err := d.AgreePlan(ctx, v1.ID, "Piano", 0); err != nil {
		t.Fatal(err)
	}
	v2, err := d.NewPlanVersion(ctx, v1.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	v2.Reviews = []model.PartialDate{pdate(2026, 1, 1), pdate(2026, 3, 18), pdate(2026, 4, 30)}
	v2.Goals = []model.Goal{{Area: model.AreaItalian, Text: "Italian", Actions: []model.Action{
		{What: "Enrol at CPIA", Due: pdate(2026, 3, 1), Status: model.ActionPlanned},
		{What: "Buy the books", Due: pdate(2026, 3, 1), Status: model.ActionDone},
		{What: "Attend lessons", Due: pdate(2026, 3, 20), Status: model.ActionInProgress},
		{What: "Due today", Due: pdate(2026, 3, 14), Status: model.ActionPlanned},
		{What: "No date", Status: model.ActionPlanned},
	}}}
	if err := d.SavePlan(ctx, v2, 0); err != nil {
		t.Fatal(err)
	}

	// Referrals: one sent and overdue, one answered.
	ref, caseR := fixturePerson(t, d, "Invio", model.Permit{})
	legal := fixtureService(t, d, "Sportello legale CGIL", model.ServiceLegalAid)
	fixtureConsent(t, d, ref.ID, model.PurposeSharing, legal, model.ConsentGiven, fixedNow.Add(-time.Hour))
	for _, moves := range [][]model.ReferralStatus{{model.ReferralSent}, {model.ReferralSent, model.ReferralAccepted}} {
		r := newReferral(caseR, legal)
		r.FollowUp = pdate(2026, 3, 10)
		if err := d.CreateReferral(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
		for _, to := range moves {
			if err := d.MoveReferral(ctx, r.ID, to, "", nil); err != nil {
				t.Fatal(err)
			}
		}
	}

	// Closed cases: 6 and 12 months ago, within 14 days; 3 months ago.
	closed := map[string]*model.Person{}
	for name, at := range map[string]time.Time{"Sei": on(2025, 9, 10), "Dodici": on(2025, 3, 20), "Tre": on(2025, 12, 14)} {
		p, _ := fixturePerson(t, d, name, model.Permit{})
		c := &model.Case{PersonID: p.ID, OpenedAt: at.AddDate(0, -2, 0), ClosedAt: at.Add(15 * time.Hour),
			Status: model.CaseClosed, Priority: model.PriorityNormal}
		if err := d.CreateCase(ctx, c, 0); err != nil {
			t.Fatal(err)
		}
		closed[name] = p
		if name == "Tre" { // a review of a closed case's plan does not show
			pl := &model.Plan{CaseID: c.ID, Reviews: []model.PartialDate{pdate(2026, 3, 15)}}
			if err := d.SavePlan(ctx, pl, 0); err != nil {
				t.Fatal(err)
			}
		}
	}

	items, err := d.Today(ctx, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	item := func(kind model.TodayKind, p *model.Person, at time.Time, detail string) model.TodayItem {
		return model.TodayItem{Kind: kind, PersonID: p.ID, CaseCode: p.CaseCode, Name: p.DisplayName(), Date: at, Detail: detail}
	}
	want := []model.TodayItem{
		item(model.TodayReferralOverdue, ref, on(2026, 3, 10), "Sportello legale CGIL"),
		item(model.TodayPermitExpiring, permit, on(2026, 4, 30), "lavoro"),
		item(model.TodayActionOverdue, planned, on(2026, 3, 1), "Enrol at CPIA"),
		item(model.TodayPlanReview, planned, on(2026, 3, 18), "v2"),
		item(model.TodayFollowUp6, closed["Sei"], on(2026, 3, 10), ""),
		item(model.TodayFollowUp12, closed["Dodici"], on(2026, 3, 20), ""),
	}
	if want[0].Name != "INVIO Test" {
		t.Errorf("display name %q", want[0].Name)
	}
	if len(items) != len(want) {
		for _, it := range items {
			t.Logf("%+v", it)
		}
		t.Fatalf("%d items, want %d", len(items), len(want))
	}
	for i := range want {
		if items[i] != want[i] {
			t.Errorf("item %d\n got %+v\nwant %+v", i, items[i], want[i])
		}
	}
}

func TestAddMonthsKeepsToMonthEnd(t *testing.T) {
	on := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		from   time.Time
		months int
		want   time.Time
	}{
		{on(2025, 8, 31), 6, on(2026, 2, 28)},
		{on(2027, 8, 31), 6, on(2028, 2, 29)},
		{on(2025, 3, 20), 12, on(2026, 3, 20)},
		{on(2025, 12, 31), 6, on(2026, 6, 30)},
	} {
		if got := addMonths(c.from, c.months); !got.Equal(c.want) {
			t.Errorf("addMonths(%s, %d) = %s, want %s", c.from.Format(time.DateOnly), c.months, got.Format(time.DateOnly), c.want.Format(time.DateOnly))
		}
	}
}

func TestTodayRetention(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	on := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	for name, at := range map[string]time.Time{"Vecchia": on(2020, 3, 1), "Giusta": on(2021, 3, 14), "Recente": on(2024, 6, 1)} {
		p, _ := fixturePerson(t, d, name, model.Permit{})
		c := &model.Case{PersonID: p.ID, OpenedAt: at.AddDate(0, -2, 0), ClosedAt: at.Add(15 * time.Hour),
			Status: model.CaseClosed, Priority: model.PriorityNormal}
		if err := d.CreateCase(ctx, c, 0); err != nil {
			t.Fatal(err)
		}
	}
	retained := func() []string {
		items, err := d.Today(ctx, fixedNow) // 2026-03-14
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range items {
			if it.Kind == model.TodayRetention {
				out = append(out, it.Name+" "+it.Date.Format("2006-01-02"))
			}
		}
		return out
	}
	if got := retained(); len(got) != 0 {
		t.Errorf("no period set, yet retention items: %v", got)
	}
	if err := d.SaveSettings(ctx, map[string]string{model.SettingRetentionYears: "5"}, 0); err != nil {
		t.Fatal(err)
	}
	want := "VECCHIA Test 2025-03-01 GIUSTA Test 2026-03-14" // closed five years ago or more, oldest first
	if got := strings.Join(retained(), " "); got != want {
		t.Errorf("retention items: %q, want %q", got, want)
	}
}
