package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"sportello/model"
)

// accessFixture is a desk with one account of each role and a person whose
// file has something in every part: the mediator in the team of the case,
// a completed interview with exploitation and health answers and its
// screening, a plan, a consent with its scan, and referrals to a health
// service and to legal aid, each with the service's feedback.
type accessFixture struct {
	d                   *DB
	ops                 map[model.Role]*model.Operator
	person              *model.Person
	caseID, interview   int64
	consent             int64
	health, legal       int64 // services
	healthRef, legalRef int64 // referrals
	other               int64 // a person whose case nobody but its operator is assigned to
}

func newAccessFixture(t *testing.T) *accessFixture {
	t.Helper()
	ctx := context.Background()
	f := &accessFixture{d: newTestDB(t), ops: map[model.Role]*model.Operator{}}
	d := f.d
	for _, r := range model.Roles {
		f.ops[r] = fixtureOperator(t, d, "u_"+string(r), r)
	}
	f.person = &model.Person{FamilyName: "Rahman", GivenNames: "Sohel", Permit: model.Permit{Number: "ZA1234567"},
		Vulnerabilities: []string{"chronic illness"}}
	must(t, d.CreatePerson(ctx, f.person, f.ops[model.RoleOperator].ID))
	cases, err := d.CasesOf(ctx, f.person.ID)
	must(t, err)
	f.caseID = cases[0].ID
	must(t, d.SetCaseTeam(ctx, f.caseID, []int64{f.ops[model.RoleMediator].ID}, 0))
	other, otherCase := fixturePerson(t, d, "Hossain", model.Permit{})
	f.other = other.ID
	_ = otherCase

	iv := &model.Interview{CaseID: f.caseID, Date: fixedNow, Kind: model.InterviewKinds[0], Place: model.Places[0],
		Answers: []model.Answer{{QuestionID: "migration.arrival_year", Value: "2019"},
			{QuestionID: "exploitation.threats", Value: "yes"}, {QuestionID: "needs.health_urgent", Value: "yes"}}}
	must(t, d.StartInterview(ctx, iv, 0))
	for _, a := range iv.Answers {
		must(t, d.SaveAnswer(ctx, iv.ID, a.QuestionID, a.Value))
	}
	must(t, d.CompleteInterview(ctx, iv, model.Screening{Trafficking: true}, 0))
	f.interview = iv.ID
	must(t, d.SavePlan(ctx, &model.Plan{CaseID: f.caseID}, 0))
	must(t, d.SaveSkillsProfile(ctx, &model.SkillsProfile{PersonID: f.person.ID, Date: fixedNow,
		Licences: []model.DrivingLicence{{Category: "B"}}}, 0))

	f.health = fixtureService(t, d, "ASL Latina", model.ServiceHealth)
	f.legal = fixtureService(t, d, "Sportello legale", model.ServiceLegalAid)
	for _, s := range []int64{f.health, f.legal} {
		fixtureConsent(t, d, f.person.ID, model.PurposeSharing, s, model.ConsentGiven, fixedNow.Add(-time.Hour))
	}
	c := &model.Consent{PersonID: f.person.ID, Purpose: model.PurposeNotice, NoticeVersion: "2026.1", Language: "bn",
		State: model.ConsentGiven, Date: fixedNow, ScanName: "notice.pdf"}
	must(t, d.RecordConsent(ctx, c, []byte("%PDF scan"), 0))
	f.consent = c.ID
	for _, s := range []struct {
		service int64
		id      *int64
		says    string
	}{{f.health, &f.healthRef, "seen by the doctor: diabetes"}, {f.legal, &f.legalRef, "claim filed for wages"}} {
		r := newReferral(f.caseID, s.service)
		must(t, d.CreateReferral(ctx, r, nil))
		must(t, d.MoveReferral(ctx, r.ID, model.ReferralSent, "", nil))
		must(t, d.MoveReferral(ctx, r.ID, model.ReferralAccepted, s.says, nil))
		*s.id = r.ID
	}
	return f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// probe tries one access to one part of the file through a handle bound
// to an operator; it tells whether the access was granted (the data came
// back, or the change was stored) and fails on anything but a refusal.
type probe func(t *testing.T, f *accessFixture, d *DB) bool

// refused tells whether err is the store's refusal; other errors fail.
func refused(t *testing.T, err error) bool {
	t.Helper()
	if err == nil {
		return false
	}
	if c := model.ErrorCode(err); c != model.ErrPermission && c != model.ErrNotAssigned {
		t.Fatalf("not a refusal: %v", err)
	}
	return true
}

var readProbes = map[model.Part]probe{
	model.PartIdentity: func(t *testing.T, f *accessFixture, d *DB) bool {
		p, err := d.Person(context.Background(), f.person.ID)
		return !refused(t, err) && p.FamilyName == "Rahman"
	},
	model.PartDocuments: func(t *testing.T, f *accessFixture, d *DB) bool {
		p, err := d.Person(context.Background(), f.person.ID)
		return !refused(t, err) && p.Permit.Number == "ZA1234567"
	},
	model.PartInterview: func(t *testing.T, f *accessFixture, d *DB) bool {
		ivs, err := d.InterviewsOf(context.Background(), f.caseID)
		return !refused(t, err) && hasAnswer(ivs, "migration.arrival_year")
	},
	model.PartScreening: func(t *testing.T, f *accessFixture, d *DB) bool {
		s, err := d.ScreeningOf(context.Background(), f.interview)
		if refused(t, err) {
			return false
		}
		ivs, err := d.InterviewsOf(context.Background(), f.caseID)
		if err != nil || !hasAnswer(ivs, "exploitation.threats") || s == nil {
			t.Errorf("screening readable, but the exploitation answers are not (%v)", err)
		}
		return true
	},
	model.PartHealth: func(t *testing.T, f *accessFixture, d *DB) bool {
		p, err := d.Person(context.Background(), f.person.ID)
		if refused(t, err) {
			return false
		}
		ivs, _ := d.InterviewsOf(context.Background(), f.caseID)
		return len(p.Vulnerabilities) == 1 && hasAnswer(ivs, "needs.health_urgent") && feedback(t, d, f, f.healthRef) != ""
	},
	model.PartLegal: func(t *testing.T, f *accessFixture, d *DB) bool {
		return feedback(t, d, f, f.legalRef) != ""
	},
	model.PartPlan: func(t *testing.T, f *accessFixture, d *DB) bool {
		plans, err := d.PlansOf(context.Background(), f.caseID)
		return !refused(t, err) && len(plans) == 1
	},
	model.PartReferrals: func(t *testing.T, f *accessFixture, d *DB) bool {
		rs, err := d.ReferralsOf(context.Background(), f.caseID)
		return !refused(t, err) && len(rs) == 2
	},
	model.PartConsents: func(t *testing.T, f *accessFixture, d *DB) bool {
		cs, err := d.ConsentsOf(context.Background(), f.person.ID)
		return !refused(t, err) && len(cs) == 3
	},
	model.PartScans: func(t *testing.T, f *accessFixture, d *DB) bool {
		data, _, err := d.ConsentScan(context.Background(), f.consent)
		return !refused(t, err) && len(data) > 0
	},
	model.PartSkills: func(t *testing.T, f *accessFixture, d *DB) bool {
		ps, err := d.SkillsProfiles(context.Background(), f.person.ID)
		latest, err2 := d.LatestSkillsProfile(context.Background(), f.person.ID)
		if refused(t, err) != refused(t, err2) {
			t.Errorf("the versions and the latest disagree: %v, %v", err, err2)
		}
		return !refused(t, err) && len(ps) >= 1 && latest != nil && latest.Licences[0].Category == "B"
	},
}

func hasAnswer(ivs []model.Interview, id string) bool {
	for _, iv := range ivs {
		if slices.ContainsFunc(iv.Answers, func(a model.Answer) bool { return a.QuestionID == id }) {
			return true
		}
	}
	return false
}

// feedback is what the reader sees of a referral's feedback ("" when the
// referrals cannot be read at all).
func feedback(t *testing.T, d *DB, f *accessFixture, id int64) string {
	rs, err := d.ReferralsOf(context.Background(), f.caseID)
	if refused(t, err) {
		return ""
	}
	for _, r := range rs {
		if r.ID == id {
			if r.Withheld != (r.Feedback == "") {
				t.Errorf("referral %d: withheld %v with feedback %q", id, r.Withheld, r.Feedback)
			}
			return r.Feedback
		}
	}
	return ""
}

// stored reads the person as the program (no operator bound).
func stored(t *testing.T, f *accessFixture) *model.Person {
	p, err := f.d.Person(context.Background(), f.person.ID)
	must(t, err)
	return p
}

var writeProbes = map[model.Part]probe{
	model.PartIdentity: func(t *testing.T, f *accessFixture, d *DB) bool {
		p := stored(t, f)
		p.Phone = "+39 333 000 1111"
		return !refused(t, d.UpdatePerson(context.Background(), p, 0)) && stored(t, f).Phone == p.Phone
	},
	model.PartDocuments: func(t *testing.T, f *accessFixture, d *DB) bool {
		p := stored(t, f)
		p.Permit.Number = "ZB7654321"
		return !refused(t, d.UpdatePerson(context.Background(), p, 0)) && stored(t, f).Permit.Number == "ZB7654321"
	},
	model.PartInterview: func(t *testing.T, f *accessFixture, d *DB) bool {
		iv := &model.Interview{CaseID: f.caseID, Kind: model.InterviewKinds[0], Place: model.Places[0]}
		if refused(t, d.StartInterview(context.Background(), iv, 0)) {
			return false
		}
		return !refused(t, d.SaveAnswer(context.Background(), iv.ID, "migration.route", "sea"))
	},
	model.PartScreening: func(t *testing.T, f *accessFixture, d *DB) bool {
		return !refused(t, d.RecordDecision(context.Background(), f.interview, model.DecisionRefer, "", 0))
	},
	model.PartHealth: func(t *testing.T, f *accessFixture, d *DB) bool {
		p := stored(t, f)
		p.Vulnerabilities = []string{"pregnant"}
		err := d.UpdatePerson(context.Background(), p, 0)
		if !refused(t, err) && stored(t, f).Vulnerabilities[0] == "chronic illness" {
			return false // kept: a field its editor never saw is not theirs to change
		}
		return err == nil && stored(t, f).Vulnerabilities[0] == "pregnant"
	},
	model.PartLegal: func(t *testing.T, f *accessFixture, d *DB) bool {
		return !refused(t, d.MoveReferral(context.Background(), f.legalRef, model.ReferralCompleted, "won", nil))
	},
	model.PartPlan: func(t *testing.T, f *accessFixture, d *DB) bool {
		plans, err := f.d.PlansOf(context.Background(), f.caseID)
		must(t, err)
		p := plans[0]
		p.Goals = []model.Goal{{Area: model.AreaWork, Text: "a regular contract"}}
		return !refused(t, d.SavePlan(context.Background(), &p, 0))
	},
	model.PartReferrals: func(t *testing.T, f *accessFixture, d *DB) bool {
		return !refused(t, d.CreateReferral(context.Background(), newReferral(f.caseID, f.health), nil))
	},
	model.PartConsents: func(t *testing.T, f *accessFixture, d *DB) bool {
		c := &model.Consent{PersonID: f.person.ID, Purpose: model.PurposeNotice, NoticeVersion: "2026.1",
			Language: "bn", State: model.ConsentGiven, Date: fixedNow}
		return !refused(t, d.RecordConsent(context.Background(), c, nil, 0))
	},
	model.PartScans: func(t *testing.T, f *accessFixture, d *DB) bool {
		c := &model.Consent{PersonID: f.person.ID, Purpose: model.PurposeNotice, NoticeVersion: "2026.1",
			Language: "bn", State: model.ConsentGiven, Date: fixedNow, ScanName: "again.pdf"}
		return !refused(t, d.RecordConsent(context.Background(), c, []byte("%PDF"), 0))
	},
	model.PartSkills: func(t *testing.T, f *accessFixture, d *DB) bool {
		p := &model.SkillsProfile{PersonID: f.person.ID, Date: fixedNow, Notes: "potatura"}
		return !refused(t, d.SaveSkillsProfile(context.Background(), p, 0)) && p.Version == 2
	},
}

// The role matrix, tried pair by pair where the data is read and written:
// each role, through its own handle, reads and writes each part of a file
// of a case it is assigned to, and gets exactly what model.AccessMatrix
// says. Writing a part needs writing the file's identity too where the
// change goes through the person's record.
func TestRoleMatrixIsEnforcedWhereReadAndWritten(t *testing.T) {
	for _, r := range model.Roles {
		t.Run(string(r), func(t *testing.T) {
			f := newAccessFixture(t)
			d := f.d.As(f.ops[r])
			for _, p := range model.Parts {
				if got, want := readProbes[p](t, f, d), r.Can(p).Reads(); got != want {
					t.Errorf("read %s: granted %v, the matrix says %v", p, got, want)
				}
			}
			for _, p := range model.Parts {
				want := r.Can(p).Writes()
				if p == model.PartDocuments || p == model.PartHealth {
					want = want && r.Can(model.PartIdentity).Writes()
				}
				if got := writeProbes[p](t, f, d); got != want {
					t.Errorf("write %s: granted %v, the matrix says %v", p, got, want)
				}
			}
		})
	}
}

// A mediator sees only the cases whose team she is in: another person's
// file is refused part by part, and the search does not find them; once
// put in that case's team, she does.
func TestMediatorSeesOnlyAssignedCases(t *testing.T) {
	ctx := context.Background()
	f := newAccessFixture(t)
	d := f.d.As(f.ops[model.RoleMediator])
	if _, err := d.Person(ctx, f.other); model.ErrorCode(err) != model.ErrNotAssigned {
		t.Errorf("another person's file: %v", err)
	}
	cases, err := f.d.CasesOf(ctx, f.other)
	must(t, err)
	if _, err := d.InterviewsOf(ctx, cases[0].ID); model.ErrorCode(err) != model.ErrNotAssigned {
		t.Errorf("another case's interviews: %v", err)
	}
	if _, err := d.SkillsProfiles(ctx, f.other); model.ErrorCode(err) != model.ErrNotAssigned {
		t.Errorf("another person's skills profile: %v", err)
	}
	err = d.SaveSkillsProfile(ctx, &model.SkillsProfile{PersonID: f.other, Date: fixedNow}, 0)
	if model.ErrorCode(err) != model.ErrNotAssigned {
		t.Errorf("a skills profile for another person: %v", err)
	}
	found := func(q string) []string {
		list, err := d.FindPersons(ctx, model.PersonFilter{Query: q})
		must(t, err)
		var names []string
		for _, s := range list {
			names = append(names, s.FamilyName)
		}
		return names
	}
	for _, q := range []string{"", "h", "ho", "hossain", "PUA-"} {
		if names := found(q); slices.Contains(names, "Hossain") {
			t.Errorf("search %q found a person not assigned: %v", q, names)
		}
	}
	if n, _ := d.CountPersons(ctx, ""); n != 1 {
		t.Errorf("count %d, want 1", n)
	}
	must(t, f.d.SetCaseTeam(ctx, cases[0].ID, []int64{f.ops[model.RoleMediator].ID}, 0))
	if names := found("hossain"); !slices.Contains(names, "Hossain") {
		t.Errorf("assigned since, still not found: %v", names)
	}
	// She may not assign herself, nor anyone else.
	if err := d.SetCaseTeam(ctx, f.caseID, nil, f.ops[model.RoleMediator].ID); !refused(t, err) {
		t.Error("a mediator changed a case's team")
	}
}

// A deactivated account's handle, still held by a window, reads nothing.
func TestDeactivatedHandleReadsNothing(t *testing.T) {
	ctx := context.Background()
	f := newAccessFixture(t)
	op := f.ops[model.RoleOperator]
	d := f.d.As(op)
	must(t, f.d.Deactivate(ctx, op.Username, f.ops[model.RoleCoordinator]))
	if _, err := d.Person(ctx, f.person.ID); !refused(t, err) {
		t.Error("a deactivated operator read a file")
	}
	if _, err := d.FindPersons(ctx, model.PersonFilter{}); !refused(t, err) {
		t.Error("a deactivated operator searched")
	}
}
