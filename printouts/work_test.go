package printouts

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"sportello/locales"
	"sportello/model"
)

// workPerson is a fictional person with every private field filled in: a
// candidate sheet must show none of them.
var workPerson = model.Person{ID: 1, CaseCode: "PUA-2026-000123", FamilyName: "Rahimi", GivenNames: "Amina",
	OwnScriptName: "آمنه رحیمی", BirthDate: model.PartialDate{Year: 1990, Month: 5, Day: 10}, BirthCountry: "AF",
	Citizenships: []string{"AF"}, PreferredLanguage: "fa", Phone: "+39 333 123 4567", Domicile: "Via delle Serre 12, Sabaudia",
	FiscalCode: "RHMMNA90E50Z200X", Permit: model.Permit{Type: "protezione speciale", Number: "I12345678",
		Expiry: model.PartialDate{Year: 2027, Month: 1, Day: 31}}}

// testEmployer is a fictional host employer.
var testEmployer = model.Employer{ID: 5, Name: "Azienda Agricola Le Querce (demo)", VATNumber: "01234567897",
	Address: "Via Appia 100, Latina", WorkAddress: "Strada della Bonifica 3, Pontinia", Phone: "0773 000 111"}

// testVacancy is a fictional job offer of testEmployer.
var testVacancy = model.Vacancy{ID: 3, EmployerID: 5, Title: "Addetto alla raccolta", CP2011: "8.3.1.1.0",
	Place: "Pontinia (LT)"}

// proposalConsent is a given consent to share with testEmployer.
var proposalConsent = model.Consent{ID: 11, PersonID: 1, Purpose: model.PurposeSharing, EmployerID: 5, State: model.ConsentGiven,
	Date: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC), NoticeVersion: "2026-1", Language: "fa"}

// testInternship is a fictional internship with testEmployer.
var testInternship = model.Internship{ID: 4, CaseID: 1, EmployerID: 5, Tutor: "Paolo Ferri", DeskTutor: "Elena Rinaldi",
	Start: time.Date(2027, 1, 11, 0, 0, 0, 0, time.UTC), End: time.Date(2027, 7, 10, 0, 0, 0, 0, time.UTC),
	WeeklyHours: 37.5, AllowanceCents: 80000}

func testCandidate(lang string) CandidateSheet {
	return CandidateSheet{Lang: lang, Header: personHeader, Name: "Amina Rahimi", Employer: testEmployer.Name,
		Vacancy: &testVacancy, Profile: testProfile, DeskPhone: "0773 555 0100", Consent: proposalConsent, EmployerID: 5}
}

func renderCandidate(w io.Writer, lang string) error { return RenderCandidate(w, testCandidate(lang)) }

func renderInternship(w io.Writer, lang string) error {
	return RenderInternship(w, InternshipDoc{Lang: lang, Header: personHeader, Internship: testInternship, Host: testEmployer,
		DeskPhone: "0773 555 0100"})
}

// workTexts are the texts the work documents must show in lang.
func workTexts(doc, lang string) []string {
	tr := locales.ForPerson(lang)
	switch doc {
	case "candidate":
		return []string{tr.T("doc.candidate.title"), tr.T("doc.candidate.vacancy"), tr.T("doc.skills.languages"),
			tr.T("doc.candidate.contact"), "Amina Rahimi", "Addetto alla raccolta", "Pontinia (LT)", "0773 555 0100",
			"22/11/2026"}
	case "internship":
		return []string{tr.T("doc.internship.title"), tr.T("doc.internship.training"), tr.T("doc.internship.insurance"),
			"Azienda Agricola Le Querce (demo)", "Paolo Ferri", "Elena Rinaldi", "11/01/2027", "10/07/2027", "37,5",
			"800,00", "0773 555 0100"}
	}
	return nil
}

// workSource is a database with workPerson, two cases, a proposal on the
// second, an internship, the employer, its vacancy and consents.
type workSource struct {
	emptySource
	consents []model.Consent
}

func (s *workSource) PersonByCaseCode(context.Context, string) (*model.Person, error) {
	p := workPerson
	return &p, nil
}
func (s *workSource) CasesOf(context.Context, int64) ([]model.Case, error) {
	return []model.Case{{ID: 1, PersonID: 1}, {ID: 2, PersonID: 1}}, nil
}
func (s *workSource) ConsentsOf(context.Context, int64) ([]model.Consent, error) {
	return s.consents, nil
}
func (s *workSource) LatestSkillsProfile(context.Context, int64) (*model.SkillsProfile, error) {
	p := testProfile
	return &p, nil
}
func (s *workSource) ProposalsOf(_ context.Context, caseID int64) ([]model.Proposal, error) {
	if caseID != 2 {
		return nil, nil
	}
	return []model.Proposal{{ID: 8, CaseID: 2, EmployerID: 5, VacancyID: 3, ConsentID: 11, State: model.ProposalProposed}}, nil
}
func (s *workSource) InternshipsOf(_ context.Context, caseID int64) ([]model.Internship, error) {
	if caseID != 1 {
		return nil, nil
	}
	return []model.Internship{testInternship}, nil
}
func (s *workSource) Employer(_ context.Context, id int64) (*model.Employer, error) {
	e := testEmployer
	return &e, nil
}
func (s *workSource) Vacancy(_ context.Context, id int64) (*model.Vacancy, error) {
	v := testVacancy
	return &v, nil
}
func (s *workSource) Setting(_ context.Context, key string) (string, error) {
	return map[string]string{model.SettingDeskPhone: "0773 555 0100", model.SettingDesk: "Sportello di Latina",
		model.SettingOrganisation: "Associazione Ponti (demo)"}[key], nil
}

// TestCandidateSheetHoldsOnlyTheAgreedData prepares the sheet of a person
// whose file has everything, in Italian and in Persian, and reads it back:
// the name, the job offer and the desk's phone are there; the birth date,
// nationality, address, phone, tax code, permit and case code are not.
func TestCandidateSheetHoldsOnlyTheAgreedData(t *testing.T) {
	src := &workSource{consents: []model.Consent{proposalConsent}}
	for _, lang := range []string{"it", "fa"} {
		render, err := Prepare(context.Background(), src, Request{Doc: "candidate", CaseCode: workPerson.CaseCode, Lang: lang, ProposalID: 8})
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(pdfText(t, "candidate-"+lang, buf.Bytes()), "\n")
		flat := strings.Join(strings.Fields(text), " ")
		for _, want := range []string{"Amina Rahimi", "Addetto alla raccolta", "Pontinia (LT)", "0773 555 0100", "Scheda candidato"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: %q missing", lang, want)
			}
		}
		for _, private := range []string{"10/05/1990", "1990", "Afghanistan", "AF", "Via delle Serre", "Sabaudia", "333 123 4567",
			"RHMMNA90E50Z200X", "I12345678", "protezione speciale", "2027", "PUA-2026", "آمنه", "Marocco", "Morocco",
			"Nota riservata", "non di notte", "Raccolta e cassette", "Via Appia"} {
			if strings.Contains(flat, private) {
				t.Errorf("%s: the candidate sheet shows %q", lang, private)
			}
		}
	}
}

// TestCandidateSheetNeedsTheConsent: no consent, a withdrawn one, or one
// for another employer refuse the sheet, in Prepare and in the renderer.
func TestCandidateSheetNeedsTheConsent(t *testing.T) {
	withdrawn := proposalConsent
	withdrawn.ID, withdrawn.State, withdrawn.Date = 12, model.ConsentWithdrawn, withdrawn.Date.Add(time.Hour)
	other := proposalConsent
	other.EmployerID = 6
	service := proposalConsent
	service.EmployerID, service.ServiceID = 0, 5
	for name, history := range map[string][]model.Consent{"none": nil, "withdrawn": {proposalConsent, withdrawn},
		"another employer": {other}, "a service": {service}} {
		src := &workSource{consents: history}
		_, err := Prepare(context.Background(), src, Request{Doc: "candidate", CaseCode: workPerson.CaseCode, ProposalID: 8})
		if model.ErrorCode(err) != model.ErrNoConsent {
			t.Errorf("%s: %v", name, err)
		}
	}
	for name, c := range map[string]model.Consent{"withdrawn": withdrawn, "another employer": other, "none": {}} {
		s := testCandidate("it")
		s.Consent = c
		var buf bytes.Buffer
		if err := RenderCandidate(&buf, s); model.ErrorCode(err) != model.ErrNoConsent || buf.Len() != 0 {
			t.Errorf("render with %s: %v, %d bytes", name, err, buf.Len())
		}
	}
	src := &workSource{consents: []model.Consent{proposalConsent}}
	if _, err := Prepare(context.Background(), src, Request{Doc: "candidate", CaseCode: workPerson.CaseCode, ProposalID: 99}); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("an unknown proposal: %v", err)
	}
}

// TestInternshipAndEmployerConsentPrepare: the internship summary and the
// consent form for an employer come out of Prepare with the employer's
// name and the list of what is shared.
func TestInternshipAndEmployerConsentPrepare(t *testing.T) {
	src := &workSource{}
	ctx := context.Background()
	for _, r := range []Request{{Doc: "internship", CaseCode: workPerson.CaseCode, Lang: "ar"},
		{Doc: "internship", CaseCode: workPerson.CaseCode, Lang: "it", InternshipID: 4},
		{Doc: "consent", CaseCode: workPerson.CaseCode, Lang: "it", Purpose: string(model.PurposeSharing), EmployerID: 5}} {
		render, err := Prepare(ctx, src, r)
		if err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(strings.Join(pdfText(t, r.Doc, buf.Bytes()), " ")), " ")
		it := locales.ForPerson("it")
		want := []string{"Azienda Agricola Le Querce (demo)"}
		if r.Doc == "consent" {
			for _, s := range CandidateShares {
				want = append(want, it.T("doc.work.share_"+s))
			}
			want = append(want, it.T("doc.work.consent_withdraw"))
		} else {
			want = append(want, "€ 800,00", "11/01/2027", "Paolo Ferri")
		}
		for _, s := range want {
			if !strings.Contains(flat, strings.Join(strings.Fields(s), " ")) {
				t.Errorf("%s %s: %q missing", r.Doc, r.Lang, s)
			}
		}
	}
	if _, err := Prepare(ctx, src, Request{Doc: "internship", CaseCode: workPerson.CaseCode, InternshipID: 99}); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("an unknown internship: %v", err)
	}
}

// TestAccessListsTheWayToWork: the access document, in Italian and in
// Arabic, lists the person's proposals (employer, job offer, hiring),
// internships (host, tutors, allowance month by month) and enterprise
// paths (idea, steps, applications).
func TestAccessListsTheWayToWork(t *testing.T) {
	for _, lang := range []string{"it", "ar"} {
		var buf bytes.Buffer
		if err := renderAccess(&buf, lang); err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(strings.Join(pdfText(t, "access-"+lang, buf.Bytes()), " ")), " ")
		it := locales.ForPerson("it")
		for _, want := range []string{it.T("doc.access.work_proposals"), it.T("doc.access.work_internships"),
			it.T("doc.access.work_enterprises"), "Vivai Fittizi (demo)", "Addetto serre", "Lavoro a tempo determinato",
			"23/03/2026", it.T("doc.access.work_not_hired_conditions"), "Azienda Agricola Le Querce (demo)", "Paolo Ferri",
			"€ 600,00", "01/2026: 80 h, € 400,00", "€ 1.000,00", "Orto biologico a Latina", "Corso di business plan",
			"Banca Etica (demo)", "€ 15.000,00"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: %q missing", lang, want)
			}
		}
	}
}
