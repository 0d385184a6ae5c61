package exchange

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
	"time"

	"sportello/model"
)

func accessFixture() *model.PersonFile {
	at := time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)
	return &model.PersonFile{MadeAt: at, MadeBy: model.FileOperator{Name: "Giulia Neri", Role: model.RoleCoordinator},
		Desk:   model.FileDesk{Organisation: "Associazione Ponti (demo)", Controller: "Associazione Ponti (demo)", DPO: "dpo@example.invalid"},
		Person: model.Person{UID: "u1", CaseCode: "PUA-2026-000123", FamilyName: "Haddad", GivenNames: "Karim", BirthDate: model.PartialDate{Year: 1994, Month: 5}, CreatedAt: at},
		Cases: []model.FileCase{{Case: model.Case{OpenedAt: at, Status: model.CaseOpen, OperatorID: 2, Priority: model.PriorityNormal},
			Interviews: []model.FileInterview{{Interview: model.Interview{Date: at, Kind: model.InterviewIntake, OperatorID: 2,
				Answers: []model.Answer{{QuestionID: "documents.id_kept", Value: "yes", UpdatedAt: at}}},
				Screening: &model.ScreeningRecord{ComputedAt: at, Result: model.Screening{ILO: []model.Finding{{Ref: "ilo.7"}}}}}},
			Plans: []model.Plan{{Version: 1, Status: model.PlanDraft, Goals: []model.Goal{{Area: model.AreaLegal, Text: "Permesso",
				Actions: []model.Action{{What: "Appuntamento", ServiceID: 4, Status: model.ActionPlanned}}}}}},
			Referrals: []model.FileReferral{{Referral: model.Referral{ServiceID: 4, Code: "INV-2026-000042", Created: at,
				FollowUp: model.PartialDate{Year: 2026, Month: 4}}, Shared: []string{"name", "consent"}}},
			Proposals: []model.Proposal{{EmployerID: 7, VacancyID: 9, State: model.ProposalHired, ProposedAt: at,
				Contract: "agri_fixed", HiredFrom: at, WeeklyHours: 39, Still4Weeks: "yes"}},
			Internships: []model.Internship{{EmployerID: 7, Tutor: "Paolo Ferri", Start: at, End: at.AddDate(0, 6, 0),
				WeeklyHours: 30, AllowanceCents: 60000, Attendance: []model.Attendance{{Month: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
					Hours: 120, PaidCents: 60000}}}},
			Enterprises: []model.Enterprise{{Idea: "Sartoria", Steps: []model.SupportStep{{What: "Business plan", Date: at, Done: true}},
				Applications: []model.FundingApplication{{Kind: model.FundingMicrocredit, AmountCents: 500000,
					State: model.FundingSubmitted, Date: at}}}}}},
		Consents: []model.FileConsent{{Consent: model.Consent{Purpose: model.PurposeSharing, ServiceID: 4, Date: at,
			State: model.ConsentGiven, RecordedBy: 2}, Scan: []byte("%PDF scan")}},
		Events:    []model.AuditEvent{{At: at, OperatorID: 2, Action: model.ActionView, Entity: "person", EntityID: 1}},
		Operators: map[int64]model.FileOperator{2: {Name: "Marco Albani", Role: model.RoleOperator}},
		Services:  map[int64]string{4: "Sportello legale Diritti (demo)"},
		Employers: map[int64]string{7: "Azienda Agricola Le Querce (demo)"},
		Vacancies: map[int64]string{9: "Raccolta"},
	}
}

var (
	snake    = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	isoStamp = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$`)
	isoDate  = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
)

// walk calls fn on every key and value of a decoded JSON document.
func walk(v any, fn func(key string, value any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			fn(k, x)
			walk(x, fn)
		}
	case []any:
		for _, x := range v {
			walk(x, fn)
		}
	}
}

// The person's JSON: snake_case keys, ISO 8601 times and dates, names
// written out, the scan in base64, lists never null.
func TestAccessJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteAccessJSON(&buf, accessFixture()); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	walk(doc, func(k string, v any) {
		if !snake.MatchString(k) {
			t.Errorf("key %q is not snake_case", k)
		}
		s, _ := v.(string)
		switch {
		case s == "":
		case regexp.MustCompile(`_at$`).MatchString(k) && !isoStamp.MatchString(s):
			t.Errorf("%s = %q is not an RFC 3339 time", k, s)
		case (k == "follow_up" || k == "due" || k == "data_nascita") && !isoDate.MatchString(s):
			t.Errorf("%s = %q is not an ISO 8601 date", k, s)
		}
		if v == nil && k != "screening" && k != "scan" && k != "stato_nascita" {
			t.Errorf("%s is null", k)
		}
	})
	var back AccessFile
	json.Unmarshal(buf.Bytes(), &back)
	c := back.Cases[0]
	if back.Format != AccessFormat || back.Person.Cognome != "Haddad" || back.Person.DataNascita != "1994-05" ||
		c.AssignedOperator != "Marco Albani" || c.Referrals[0].Service != "Sportello legale Diritti (demo)" ||
		c.Referrals[0].FollowUp != "2026-04" || len(c.Referrals[0].Shared) != 2 ||
		c.Plans[0].Goals[0].Actions[0].Responsible != "Sportello legale Diritti (demo)" ||
		c.Interviews[0].Answers[0].QuestionID != "documents.id_kept" || c.Interviews[0].Screening.Result.ILO[0].Ref != "ilo.7" ||
		back.AuditEvents[0].Operator != "Marco Albani" || back.AuditEvents[0].Role != "operator" ||
		back.Consents[0].Service != "Sportello legale Diritti (demo)" || string(back.Consents[0].Scan) != "%PDF scan" {
		t.Errorf("read back %+v", back)
	}
	// The way to work: the right of access covers it too.
	if len(c.Proposals) != 1 || c.Proposals[0].Employer != "Azienda Agricola Le Querce (demo)" || c.Proposals[0].Vacancy != "Raccolta" ||
		c.Proposals[0].Contract != "agri_fixed" || c.Proposals[0].Still4Weeks != "yes" ||
		len(c.Internships) != 1 || c.Internships[0].Attendance[0].Month != "2026-03" || c.Internships[0].AllowanceCents != 60000 ||
		len(c.Enterprises) != 1 || c.Enterprises[0].Steps[0].What != "Business plan" ||
		c.Enterprises[0].Applications[0].Kind != "microcredit" || c.Enterprises[0].Applications[0].AmountCents != 500000 {
		t.Errorf("the way to work read back: %+v %+v %+v", c.Proposals, c.Internships, c.Enterprises)
	}
	if want := `"scan": "` + base64.StdEncoding.EncodeToString([]byte("%PDF scan")) + `"`; !bytes.Contains(buf.Bytes(), []byte(want)) {
		t.Errorf("the scan is not base64 in the file")
	}
}

// WriteAccess writes the PDF and the JSON side by side, private; a failed
// PDF leaves neither.
func TestWriteAccess(t *testing.T) {
	dir := t.TempDir()
	f := accessFixture()
	pdf, js, err := WriteAccess(dir, "ar", f, func(w io.Writer) error { _, err := w.Write([]byte("%PDF-1.4")); return err })
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(pdf) != "access-PUA-2026-000123-ar.pdf" || filepath.Base(js) != "access-PUA-2026-000123.json" {
		t.Errorf("files %s %s", pdf, js)
	}
	for _, p := range []string{pdf, js} {
		fi, err := os.Stat(p)
		if err != nil || fi.Size() == 0 || (runtime.GOOS != "windows" && fi.Mode().Perm() != PrivateMode) {
			t.Errorf("%s: %v %v", p, fi, err)
		}
	}
	other := t.TempDir()
	fail := errors.New("no fonts")
	if _, _, err := WriteAccess(other, "ar", f, func(io.Writer) error { return fail }); !errors.Is(err, fail) {
		t.Errorf("a failed PDF: %v", err)
	}
	if left, _ := os.ReadDir(other); len(left) != 0 {
		t.Errorf("a failed request left %d files", len(left))
	}
}
