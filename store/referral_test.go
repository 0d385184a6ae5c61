package store

import (
	"context"
	"testing"
	"time"

	"sportello/model"
)

func newReferral(caseID, serviceID int64) *model.Referral {
	return &model.Referral{CaseID: caseID, ServiceID: serviceID, Reason: "legal advice on wages owed",
		Urgency: model.UrgencyNormal, FollowUp: pdate(2026, 3, 28)}
}

func TestReferralConsentGating(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	op := fixtureOperator(t, d, "anna", model.RoleOperator)
	p, caseID := fixturePerson(t, d, "Singh", model.Permit{})
	legal := fixtureService(t, d, "Sportello legale CGIL", model.ServiceLegalAid)
	health := fixtureService(t, d, "ASL Latina", model.ServiceHealth)
	day := 24 * time.Hour

	// No consent at all, then a consent for another service only.
	wantError(t, d.CreateReferral(ctx, newReferral(caseID, legal), op), model.ErrNoConsent, "consent")
	fixtureConsent(t, d, p.ID, model.PurposeSharing, health, model.ConsentGiven, fixedNow.Add(-3*day))
	wantError(t, d.CreateReferral(ctx, newReferral(caseID, legal), op), model.ErrNoConsent, "consent")

	// A legal basis instead of consent: only a coordinator's, audited.
	r := newReferral(caseID, legal)
	r.LegalBasis = "imminent danger: art. 18 D.Lgs. 286/1998"
	wantError(t, d.CreateReferral(ctx, r, op), model.ErrPermission, "legal_basis")
	forged := *op
	forged.Role = model.RoleCoordinator // the role in the database counts
	wantError(t, d.CreateReferral(ctx, r, &forged), model.ErrPermission, "legal_basis")
	if err := d.CreateReferral(ctx, r, coord); err != nil {
		t.Fatal(err)
	}
	if r.ConsentID != 0 || r.Code != "INV-2026-000001" || r.Status != model.ReferralDraft || !r.Created.Equal(fixedNow) {
		t.Errorf("urgent referral %+v", r)
	}
	trail, _ := d.AuditTrail(ctx, "referral", r.ID)
	if len(trail) != 2 || trail[1].Action != ActionUrgentLegalBasis || trail[1].Detail != r.LegalBasis ||
		trail[1].OperatorID != coord.ID {
		t.Errorf("audit %+v", trail)
	}

	// With the person's consent to share with the service.
	given := fixtureConsent(t, d, p.ID, model.PurposeSharing, legal, model.ConsentGiven, fixedNow.Add(-2*day))
	r2 := newReferral(caseID, legal)
	if err := d.CreateReferral(ctx, r2, op); err != nil {
		t.Fatal(err)
	}
	if r2.ConsentID != given.ID || r2.Code != "INV-2026-000002" {
		t.Errorf("referral with consent %+v", r2)
	}

	// Withdrawn since.
	fixtureConsent(t, d, p.ID, model.PurposeSharing, legal, model.ConsentWithdrawn, fixedNow.Add(-day))
	wantError(t, d.CreateReferral(ctx, newReferral(caseID, legal), coord), model.ErrNoConsent, "consent")

	// Bad input.
	wantError(t, d.CreateReferral(ctx, &model.Referral{CaseID: caseID, ServiceID: legal, Urgency: model.UrgencyNormal}, op),
		model.ErrRequired, "reason")
	wantError(t, d.CreateReferral(ctx, newReferral(999, legal), op), model.ErrNotFound, "case")
	wantError(t, d.CreateReferral(ctx, newReferral(caseID, 999), op), model.ErrNotFound, "service")

	got, err := d.ReferralsOf(ctx, caseID)
	if err != nil || len(got) != 2 || got[0].ID != r2.ID || got[1].ID != r.ID || got[1].LegalBasis != r.LegalBasis ||
		got[0].ConsentID != given.ID || got[0].FollowUp != pdate(2026, 3, 28) {
		t.Errorf("referrals of the case %+v %v", got, err)
	}
}

func TestMoveReferral(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	op := fixtureOperator(t, d, "anna", model.RoleOperator)
	coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	p, caseID := fixturePerson(t, d, "Diallo", model.Permit{})
	legal := fixtureService(t, d, "Sportello legale CGIL", model.ServiceLegalAid)
	fixtureConsent(t, d, p.ID, model.PurposeSharing, legal, model.ConsentGiven, fixedNow.Add(-time.Hour))

	clock := fixedNow
	d.Now = func() time.Time { return clock }
	a, b := newReferral(caseID, legal), newReferral(caseID, legal)
	for _, r := range []*model.Referral{a, b} {
		if err := d.CreateReferral(ctx, r, op); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name     string
		r        *model.Referral
		to       model.ReferralStatus
		feedback string
		code     string
	}{
		{"draft to accepted", a, model.ReferralAccepted, "", model.ErrConflict},
		{"send", a, model.ReferralSent, "", ""},
		{"send again", a, model.ReferralSent, "", model.ErrConflict},
		{"accept", a, model.ReferralAccepted, "appointment on 20 March", ""},
		{"complete", a, model.ReferralCompleted, "", ""},
		{"completed is final", a, model.ReferralSent, "", model.ErrConflict},
		{"send b", b, model.ReferralSent, "", ""},
		{"refuse b", b, model.ReferralRefused, "outside our area", ""},
		{"refused is final", b, model.ReferralAccepted, "", model.ErrConflict},
		{"unknown status", b, "lost", "", model.ErrConflict},
	}
	for i, s := range steps {
		clock = fixedNow.Add(time.Duration(i+1) * time.Hour)
		err := d.MoveReferral(ctx, s.r.ID, s.to, s.feedback, op)
		if model.ErrorCode(err) != s.code || (s.code == "" && err != nil) {
			t.Fatalf("%s: %v, want code %q", s.name, err, s.code)
		}
	}
	if err := d.MoveReferral(ctx, 999, model.ReferralSent, "", op); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("moving an absent referral: %v", err)
	}
	got, _ := d.ReferralsOf(ctx, caseID)
	ga, gb := got[1], got[0]
	if ga.Status != model.ReferralCompleted || !ga.SentAt.Equal(fixedNow.Add(2*time.Hour)) ||
		!ga.AnsweredAt.Equal(fixedNow.Add(4*time.Hour)) || !ga.CompletedAt.Equal(fixedNow.Add(5*time.Hour)) ||
		ga.Feedback != "appointment on 20 March" {
		t.Errorf("a after its moves %+v", ga)
	}
	if gb.Status != model.ReferralRefused || gb.Feedback != "outside our area" || !gb.CompletedAt.IsZero() {
		t.Errorf("b after its moves %+v", gb)
	}
	trail, _ := d.AuditTrail(ctx, "referral", a.ID)
	if len(trail) != 4 || trail[1].Action != "move" || trail[1].Detail != "draft -> sent" {
		t.Errorf("audit %+v", trail)
	}

	// Consent withdrawn after the draft was made: sending is refused.
	c := newReferral(caseID, legal)
	if err := d.CreateReferral(ctx, c, op); err != nil {
		t.Fatal(err)
	}
	fixtureConsent(t, d, p.ID, model.PurposeSharing, legal, model.ConsentWithdrawn, clock)
	wantError(t, d.MoveReferral(ctx, c.ID, model.ReferralSent, "", op), model.ErrNoConsent, "consent")
	got, _ = d.ReferralsOf(ctx, caseID)
	if got[0].ID != c.ID || got[0].Status != model.ReferralDraft || !got[0].SentAt.IsZero() {
		t.Errorf("refused send changed the referral %+v", got[0])
	}
	if !got[0].NoConsent {
		t.Error("the draft resting on a withdrawn consent is not flagged")
	}
	for _, r := range got[1:] {
		if r.NoConsent {
			t.Errorf("referral %s (%s) flagged: only drafts are", r.Code, r.Status)
		}
	}
	open, _ := d.OpenReferrals(ctx)
	for _, r := range open {
		if r.ID == c.ID && !r.NoConsent {
			t.Error("Open referrals does not flag the draft")
		}
	}
	// One resting on a coordinator's legal basis is sent all the same.
	u := newReferral(caseID, legal)
	u.LegalBasis = "imminent danger"
	if err := d.CreateReferral(ctx, u, coord); err != nil {
		t.Fatal(err)
	}
	if err := d.MoveReferral(ctx, u.ID, model.ReferralSent, "", op); err != nil {
		t.Errorf("sending on a legal basis: %v", err)
	}
}

func TestOpenReferrals(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p1, case1 := fixturePerson(t, d, "Hossain", model.Permit{})
	p2, case2 := fixturePerson(t, d, "Popescu", model.Permit{})
	legal := fixtureService(t, d, "Sportello legale CGIL", model.ServiceLegalAid)
	for _, id := range []int64{p1.ID, p2.ID} {
		fixtureConsent(t, d, id, model.PurposeSharing, legal, model.ConsentGiven, fixedNow.Add(-time.Hour))
	}
	mk := func(caseID int64, follow model.PartialDate, moves ...model.ReferralStatus) int64 {
		t.Helper()
		r := newReferral(caseID, legal)
		r.FollowUp = follow
		if err := d.CreateReferral(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
		for _, to := range moves {
			if err := d.MoveReferral(ctx, r.ID, to, "", nil); err != nil {
				t.Fatal(err)
			}
		}
		return r.ID
	}
	draft := mk(case1, model.PartialDate{})
	later := mk(case2, pdate(2026, 3, 20), model.ReferralSent)
	overdue := mk(case1, pdate(2026, 3, 1), model.ReferralSent)
	accepted := mk(case2, pdate(2026, 3, 16), model.ReferralSent, model.ReferralAccepted)
	thisMonth := mk(case1, pdate(2026, 3, 0), model.ReferralSent) // month only: due by 31 March
	mk(case2, pdate(2026, 3, 1), model.ReferralSent, model.ReferralRefused)
	mk(case1, pdate(2026, 3, 1), model.ReferralSent, model.ReferralAccepted, model.ReferralCompleted)

	rows, err := d.OpenReferrals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{overdue, accepted, later, thisMonth, draft}
	if len(rows) != len(want) {
		t.Fatalf("open referrals %+v", rows)
	}
	for i, id := range want {
		if rows[i].ID != id {
			t.Errorf("row %d is referral %d, want %d", i, rows[i].ID, id)
		}
	}
	r0, r1 := rows[0], rows[1]
	if r0.PersonID != p1.ID || r0.CaseCode != p1.CaseCode || r0.PersonName != "HOSSAIN Test" ||
		r0.ServiceName != "Sportello legale CGIL" || !r0.Overdue(fixedNow) {
		t.Errorf("first row %+v", r0)
	}
	if r1.PersonID != p2.ID || r1.CaseCode != p2.CaseCode || r1.Status != model.ReferralAccepted {
		t.Errorf("second row %+v", r1)
	}
}
