package store

import (
	"context"
	"testing"
	"time"

	"sportello/model"
)

func TestAuditEventsFilters(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	d.Now = func() time.Time { return clock }
	coord := &model.Operator{Username: "giulia", FullName: "Giulia Neri", Role: model.RoleCoordinator}
	if err := d.CreateOperator(ctx, coord, "correct horse battery", 0); err != nil {
		t.Fatal(err)
	}
	marco := &model.Operator{Username: "marco", FullName: "Marco Albani", Role: model.RoleOperator}
	if err := d.CreateOperator(ctx, marco, "marco password 1", coord.ID); err != nil {
		t.Fatal(err)
	}
	a := &model.Person{FamilyName: "Tesfaye", GivenNames: "Yonas"}
	b := &model.Person{FamilyName: "Okafor", GivenNames: "Grace"}
	for _, p := range []*model.Person{a, b} {
		if err := d.CreatePerson(ctx, p, coord.ID); err != nil {
			t.Fatal(err)
		}
	}
	clock = time.Date(2026, 3, 12, 15, 0, 0, 0, time.UTC)
	if err := d.RecordView(ctx, marco.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	clock = time.Date(2026, 3, 14, 8, 0, 0, 0, time.UTC)
	if err := d.RecordPrint(ctx, marco.ID, b.ID, "intake it"); err != nil {
		t.Fatal(err)
	}

	read := func(f AuditFilter) []AuditRow {
		t.Helper()
		rows, err := d.AuditEvents(ctx, f, coord)
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	all := read(AuditFilter{})
	if len(all) < 5 {
		t.Fatalf("%d events, want at least 5", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].ID >= all[i-1].ID || all[i].At.After(all[i-1].At) {
			t.Fatalf("not newest first: %d then %d", all[i-1].ID, all[i].ID)
		}
	}
	if top := all[0]; top.Action != model.ActionPrint || top.OperatorName != "Marco Albani" ||
		top.CaseCode != b.CaseCode || top.Detail != "intake it" {
		t.Errorf("newest event %+v", top)
	}

	byCase := read(AuditFilter{CaseCode: " " + a.CaseCode + " "})
	if len(byCase) != 2 || byCase[0].Action != model.ActionView || byCase[1].Action != model.ActionCreate {
		t.Errorf("events of %s: %+v", a.CaseCode, byCase)
	}
	for _, r := range byCase {
		if r.Entity != "person" || r.EntityID != a.ID || r.CaseCode != a.CaseCode {
			t.Errorf("event of another record: %+v", r)
		}
	}
	if got := read(AuditFilter{CaseCode: "PUA-1999-999999"}); len(got) != 0 {
		t.Errorf("an unknown case code gives %d events", len(got))
	}
	if got := read(AuditFilter{OperatorID: marco.ID}); len(got) != 2 {
		t.Errorf("marco's events: %+v", got)
	}
	if got := read(AuditFilter{Action: model.ActionView}); len(got) != 1 || got[0].EntityID != a.ID {
		t.Errorf("views: %+v", got)
	}
	day := time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)
	if got := read(AuditFilter{From: day, To: day.AddDate(0, 0, 1)}); len(got) != 1 || got[0].Action != model.ActionView {
		t.Errorf("events of 12 March: %+v", got)
	}
	if got := read(AuditFilter{From: day}); len(got) != 2 {
		t.Errorf("events from 12 March: %+v", got)
	}
	if got := read(AuditFilter{To: day}); len(got) != len(all)-2 {
		t.Errorf("events before 12 March: %d of %d", len(got), len(all))
	}
	page := read(AuditFilter{Limit: 2, Offset: 1})
	if len(page) != 2 || page[0].ID != all[1].ID || page[1].ID != all[2].ID {
		t.Errorf("second page: %+v", page)
	}
}

func TestAuditEventsNeedThePermission(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := &model.Operator{Username: "giulia", FullName: "Giulia Neri", Role: model.RoleCoordinator}
	if err := d.CreateOperator(ctx, coord, "correct horse battery", 0); err != nil {
		t.Fatal(err)
	}
	marco := &model.Operator{Username: "marco", FullName: "Marco Albani", Role: model.RoleOperator}
	if err := d.CreateOperator(ctx, marco, "marco password 1", coord.ID); err != nil {
		t.Fatal(err)
	}
	for _, by := range []*model.Operator{marco, nil} {
		rows, err := d.AuditEvents(ctx, AuditFilter{}, by)
		if model.ErrorCode(err) != model.ErrPermission || rows != nil {
			t.Errorf("AuditEvents by %v = %d rows, %v; want a refusal", by, len(rows), err)
		}
	}
	// A coordinator's account deactivated since signing in reads nothing.
	other := &model.Operator{Username: "anna", FullName: "Anna Russo", Role: model.RoleCoordinator}
	if err := d.CreateOperator(ctx, other, "anna password 12", coord.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.Deactivate(ctx, "anna", coord); err != nil {
		t.Fatal(err)
	}
	if _, err := d.AuditEvents(ctx, AuditFilter{}, other); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("a deactivated coordinator: %v", err)
	}
}
