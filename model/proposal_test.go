package model

import (
	"testing"
	"time"
)

func TestProposalMoves(t *testing.T) {
	at := dateUTC(2026, 3, 2)
	hire := func(p *Proposal) { p.Contract, p.HiredFrom, p.WeeklyHours = "agri_fixed", at, 39 }
	for _, c := range []struct {
		name     string
		from, to ProposalState
		prepare  func(p *Proposal)
		code     string
	}{
		{"to an interview", ProposalProposed, ProposalInterview, nil, ""},
		{"hired after the interview", ProposalInterview, ProposalHired, hire, ""},
		{"hired without the contract", ProposalInterview, ProposalHired, nil, ErrRequired},
		{"not hired, with the reason", ProposalInterview, ProposalNotHired, func(p *Proposal) { p.Reason = "conditions" }, ""},
		{"not hired, no reason", ProposalProposed, ProposalNotHired, nil, ErrRequired},
		{"back from hired", ProposalHired, ProposalProposed, hire, ErrInvalid},
		{"hired again", ProposalNotHired, ProposalHired, hire, ErrInvalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &Proposal{CaseID: 1, EmployerID: 2, State: c.from, Reason: "other"}
			if c.from != ProposalNotHired {
				p.Reason = ""
			}
			if c.prepare != nil {
				c.prepare(p)
			}
			if err := p.Move(c.to, at); ErrorCode(err) != c.code {
				t.Errorf("%s -> %s: %v, want %q", c.from, c.to, err, c.code)
			}
		})
	}
}

func TestProposalCheckDue(t *testing.T) {
	for _, c := range []struct {
		start        time.Time
		weeks4, mon6 time.Time
	}{
		{dateUTC(2026, 3, 2), dateUTC(2026, 3, 30), dateUTC(2026, 9, 2)},
		{dateUTC(2025, 8, 31), dateUTC(2025, 9, 28), dateUTC(2026, 2, 28)},
		{time.Date(2026, 1, 15, 18, 0, 0, 0, time.UTC), dateUTC(2026, 2, 12), dateUTC(2026, 7, 15)},
	} {
		p := Proposal{HiredFrom: c.start}
		if got := p.CheckDue(Check4Weeks); !got.Equal(c.weeks4) {
			t.Errorf("%s + 4 weeks = %s, want %s", c.start, got, c.weeks4)
		}
		if got := p.CheckDue(Check6Months); !got.Equal(c.mon6) {
			t.Errorf("%s + 6 months = %s, want %s", c.start, got, c.mon6)
		}
	}
}

func TestInternshipAndEnterpriseValidate(t *testing.T) {
	in := Internship{CaseID: 1, EmployerID: 2, Tutor: "Tutor aziendale", Start: dateUTC(2026, 4, 1),
		End: dateUTC(2026, 9, 30), WeeklyHours: 30, AllowanceCents: 60000, PlannedCents: 360000,
		Attendance: []Attendance{{Month: dateUTC(2026, 4, 1), Hours: 120, PaidCents: 60000},
			{Month: dateUTC(2026, 5, 1), Hours: 110, PaidCents: 60000}}}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if in.Paid() != 120000 {
		t.Errorf("paid %d", in.Paid())
	}
	in.Attendance = append(in.Attendance, Attendance{Month: dateUTC(2026, 5, 1), Hours: 1})
	if err := in.Validate(); ErrorCode(err) != ErrConflict {
		t.Errorf("a month twice: %v", err)
	}
	e := Enterprise{CaseID: 1, Idea: "Sartoria di riparazioni", Applications: []FundingApplication{{Kind: FundingMicrocredit,
		AmountCents: 1500000, State: FundingSubmitted}}}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	e.RegisteredAt = dateUTC(2026, 5, 1)
	if err := e.Validate(); ErrorCode(err) != ErrRequired {
		t.Errorf("registered without form and ATECO: %v", err)
	}
	e.LegalForm, e.Ateco = "ditta_individuale", "95.29"
	if err := e.Validate(); err != nil || !e.Registered() {
		t.Errorf("registered: %v", err)
	}
}

func TestEmployerProposalAllowed(t *testing.T) {
	at := dateUTC(2026, 3, 1)
	history := []Consent{
		{ID: 1, Purpose: PurposeSharing, EmployerID: 7, State: ConsentGiven, Date: at},
		{ID: 2, Purpose: PurposeSharing, EmployerID: 8, State: ConsentGiven, Date: at},
		{ID: 3, Purpose: PurposeSharing, EmployerID: 8, State: ConsentWithdrawn, Date: at.Add(time.Hour)},
		{ID: 4, Purpose: PurposeSharing, ServiceID: 9, State: ConsentGiven, Date: at},
	}
	if c, ok := EmployerProposalAllowed(history, 7); !ok || c.ID != 1 {
		t.Errorf("employer 7: %v %v", c.ID, ok)
	}
	if _, ok := EmployerProposalAllowed(history, 8); ok {
		t.Error("withdrawn consent allowed a proposal")
	}
	if _, ok := EmployerProposalAllowed(history, 9); ok {
		t.Error("a consent for service 9 allowed employer 9")
	}
	if _, ok := SharingAllowed(history, 0); ok {
		t.Error("an employer's consent counted as a service's")
	}
}
