package store

import (
	"bytes"
	"context"
	"testing"
	"time"

	"sportello/model"
)

// fixtureConsent records a consent of the person about the purpose (with
// the service, for sharing), dated at.
func fixtureConsent(t *testing.T, d *DB, personID int64, purpose model.ConsentPurpose, serviceID int64,
	state model.ConsentState, at time.Time) *model.Consent {
	t.Helper()
	c := &model.Consent{PersonID: personID, Purpose: purpose, ServiceID: serviceID, NoticeVersion: "2026.1",
		Language: "bn", Mediator: "Nazrul Islam", State: state, Date: at}
	if err := d.RecordConsent(context.Background(), c, nil, 0); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestConsentsAreAppendOnly(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p, _ := fixturePerson(t, d, "Hossain", model.Permit{})
	c := fixtureConsent(t, d, p.ID, model.PurposeNotice, 0, model.ConsentGiven, fixedNow)
	for _, q := range []string{
		"UPDATE consents SET state = 'withdrawn'",
		"UPDATE consents SET scan = x'00'",
		"DELETE FROM consents",
		"DELETE FROM consents WHERE id = 1",
	} {
		if _, err := d.db.Exec(q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	got, err := d.ConsentsOf(ctx, p.ID)
	if err != nil || len(got) != 1 || got[0].State != model.ConsentGiven || got[0].ID != c.ID {
		t.Fatalf("after refused changes: %+v %v", got, err)
	}
	trail, _ := d.AuditTrail(ctx, "consent", c.ID)
	if len(trail) != 1 || trail[0].Action != model.ActionCreate {
		t.Errorf("audit %+v", trail)
	}
}

func TestConsentHistoryAndScan(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p, _ := fixturePerson(t, d, "Popescu", model.Permit{})
	svc := fixtureService(t, d, "ASL Latina", model.ServiceHealth)
	op := fixtureOperator(t, d, "sara", model.RoleOperator)
	day1, day2 := fixedNow.Add(-48*time.Hour), fixedNow.Add(-24*time.Hour)

	scan := []byte{0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x00, 0x10}
	signed := &model.Consent{PersonID: p.ID, Purpose: model.PurposeSharing, ServiceID: svc, NoticeVersion: "2026.1",
		Language: "ro", State: model.ConsentGiven, Date: day1, ScanName: "consenso.pdf"}
	if err := d.RecordConsent(ctx, signed, scan, op.ID); err != nil {
		t.Fatal(err)
	}
	if !signed.HasScan || signed.RecordedBy != op.ID {
		t.Errorf("recorded %+v", signed)
	}
	notice := fixtureConsent(t, d, p.ID, model.PurposeNotice, 0, model.ConsentGiven, day2)
	withdrawn := fixtureConsent(t, d, p.ID, model.PurposeSharing, svc, model.ConsentWithdrawn, day2)
	older := fixtureConsent(t, d, p.ID, model.PurposeScans, 0, model.ConsentRefused, day1)

	got, err := d.ConsentsOf(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{withdrawn.ID, notice.ID, older.ID, signed.ID} // by date, then the later recorded first
	if len(got) != len(want) {
		t.Fatalf("history %+v", got)
	}
	for i, id := range want {
		if got[i].ID != id {
			t.Errorf("history[%d] = consent %d, want %d", i, got[i].ID, id)
		}
	}
	last := got[3]
	if !last.HasScan || last.ScanName != "consenso.pdf" || last.ServiceID != svc || !last.Date.Equal(day1) ||
		last.Language != "ro" || last.RecordedBy != op.ID || got[0].HasScan {
		t.Errorf("read back %+v / %+v", last, got[0])
	}
	if _, ok := model.SharingAllowed(got, svc); ok {
		t.Error("sharing allowed after the withdrawal")
	}

	data, name, err := d.ConsentScan(ctx, signed.ID)
	if err != nil || !bytes.Equal(data, scan) || name != "consenso.pdf" {
		t.Errorf("scan %x %q %v", data, name, err)
	}
	if _, _, err := d.ConsentScan(ctx, notice.ID); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("scan of a consent without one: %v", err)
	}
	if _, _, err := d.ConsentScan(ctx, 999); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("scan of an absent consent: %v", err)
	}
}

func TestRecordConsentRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p, _ := fixturePerson(t, d, "Singh", model.Permit{})
	ok := model.Consent{PersonID: p.ID, Purpose: model.PurposeNotice, NoticeVersion: "2026.1", Language: "pa",
		State: model.ConsentGiven, Date: fixedNow}
	cases := []struct {
		name   string
		change func(c *model.Consent)
		code   string
		field  string
	}{
		{"no language", func(c *model.Consent) { c.Language = "" }, model.ErrRequired, "language"},
		{"sharing without service", func(c *model.Consent) { c.Purpose = model.PurposeSharing }, model.ErrRequired, "service"},
		{"unknown state", func(c *model.Consent) { c.State = "maybe" }, model.ErrInvalid, "state"},
		{"absent person", func(c *model.Consent) { c.PersonID = 999 }, model.ErrNotFound, "person"},
		{"absent service", func(c *model.Consent) { c.Purpose, c.ServiceID = model.PurposeSharing, 999 }, model.ErrNotFound, "service"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ok
			tc.change(&c)
			wantError(t, d.RecordConsent(ctx, &c, nil, 0), tc.code, tc.field)
		})
	}
	if got, _ := d.ConsentsOf(ctx, p.ID); len(got) != 0 {
		t.Errorf("refused consents were saved: %+v", got)
	}
}
