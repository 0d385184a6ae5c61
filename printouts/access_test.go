package printouts

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// at is a fixed moment of March 2026, hours after midnight UTC.
func at(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, time.UTC) }

// testFile is a fictional person's file with a bit of everything.
var testFile = &model.PersonFile{
	MadeAt: at(20, 9), MadeBy: model.FileOperator{Name: "Giulia Neri", Role: model.RoleCoordinator},
	Desk: model.FileDesk{Organisation: "Associazione Ponti (demo)", Desk: "Sportello di Latina", Phone: "0773 555 0100",
		Controller: "Associazione Ponti (demo), privacy@example.invalid", DPO: "dpo@example.invalid"},
	Person: model.Person{CaseCode: "PUA-2026-000123", FamilyName: "Haddad", GivenNames: "Karim", OwnScriptName: "كريم حداد",
		Sex: model.SexMale, BirthDate: model.PartialDate{Year: 1994, Month: 5}, BirthCountry: "MA", Citizenships: []string{"MA"},
		Languages: []string{"ar", "fr"}, PreferredLanguage: "ar", Phone: "+39 333 000 0000", Domicile: "Borgo Sabotino, Latina",
		DomicileInformal: true, Permit: model.Permit{Type: "lavoro subordinato", Status: model.PermitExpired,
			Expiry: model.PartialDate{Year: 2025, Month: 11, Day: 30}}, Channel: model.ChannelOutreach,
		CreatedAt: at(2, 10), UpdatedAt: at(9, 11)},
	Cases: []model.FileCase{{
		Case: model.Case{ID: 1, OpenedAt: at(2, 10), Status: model.CaseOpen, OperatorID: 2, Priority: model.PriorityHigh},
		Interviews: []model.FileInterview{{
			Interview: model.Interview{ID: 1, CaseID: 1, Date: at(2, 10), Kind: model.InterviewIntake, OperatorID: 2,
				Mediator: "Samira Benali", Language: "ar", QuestionnaireVersion: "2026.1", Duration: 55 * time.Minute,
				Place: model.PlaceDesk, Status: model.InterviewCompleted, Answers: []model.Answer{
					{QuestionID: "documents.id_document", Value: "passport"}, {QuestionID: "documents.id_kept", Value: "yes"},
					{QuestionID: "work.jobs", Value: "1"}, {QuestionID: "work.jobs.hours_per_day#0", Value: "12"},
					{QuestionID: "work.jobs.region#0", Value: "Lazio"}, {QuestionID: "needs.needs", Value: "legal,housing"}}},
			Screening: &model.ScreeningRecord{InterviewID: 1, ComputedAt: at(2, 11), Result: model.Screening{
				ILO: []model.Finding{{Ref: "ilo.7"}}}, Decision: model.DecisionRefer, DecidedBy: 2, DecidedAt: at(2, 11)}}},
		Plans: []model.Plan{{ID: 1, CaseID: 1, Version: 1, Status: model.PlanAgreed, AgreedAt: at(9, 11), SignedBy: "Karim Haddad",
			Goals: []model.Goal{{Area: model.AreaLegal, Text: "Rinnovo del permesso di soggiorno", Actions: []model.Action{
				{What: "Appuntamento con lo sportello legale", ServiceID: 4, Due: model.PartialDate{Year: 2026, Month: 4, Day: 15},
					Status: model.ActionPlanned}}}},
			Budget: []model.BudgetLine{{Purpose: model.BudgetTransport, PlannedCents: 125000, SpentCents: 4050}}}},
		Referrals: []model.FileReferral{{Referral: model.Referral{ID: 1, CaseID: 1, ServiceID: 4, Reason: "Rinnovo del permesso",
			Urgency: model.UrgencyNormal, ConsentID: 1, Status: model.ReferralSent, Created: at(10, 9), SentAt: at(10, 10),
			Code: "INV-2026-000042"}, Shared: []string{"name", "language", "reason", "urgency", "consent"}}},
		Proposals: []model.Proposal{{ID: 1, CaseID: 1, EmployerID: 5, VacancyID: 3, State: model.ProposalHired, ProposedAt: at(12, 9),
			DecidedAt: at(18, 9), Contract: "fixed_term", HiredFrom: time.Date(2026, 3, 23, 0, 0, 0, 0, time.UTC), WeeklyHours: 39,
			Still4Weeks: "yes"}, {ID: 2, CaseID: 1, EmployerID: 6, State: model.ProposalNotHired, ProposedAt: at(11, 9),
			DecidedAt: at(13, 9), Reason: "conditions"}},
		Internships: []model.Internship{{ID: 1, CaseID: 1, EmployerID: 6, Tutor: "Paolo Ferri", DeskTutor: "Marco Albani",
			Start: time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC), WeeklyHours: 30,
			AllowanceCents: 60000, PlannedCents: 120000, Outcome: model.InternshipNotHired, Attendance: []model.Attendance{
				{Month: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Hours: 80, PaidCents: 40000},
				{Month: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Hours: 120, PaidCents: 60000}}}},
		Enterprises: []model.Enterprise{{ID: 1, CaseID: 1, Idea: "Orto biologico a Latina", Steps: []model.SupportStep{
			{What: "Corso di business plan", Date: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC), Done: true}},
			Applications: []model.FundingApplication{{Kind: model.FundingMicrocredit, Body: "Banca Etica (demo)", AmountCents: 1500000,
				State: model.FundingSubmitted, Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}}}},
	}},
	Consents: []model.FileConsent{{Consent: model.Consent{ID: 1, Purpose: model.PurposeSharing, ServiceID: 4,
		NoticeVersion: "2026-1", Language: "ar", Mediator: "Samira Benali", State: model.ConsentGiven, Date: at(10, 8),
		HasScan: true, ScanName: "consenso-firmato.pdf", RecordedBy: 2}, Scan: []byte("%PDF")}},
	Events: []model.AuditEvent{
		{ID: 1, At: at(2, 10), OperatorID: 2, Action: model.ActionCreate, Entity: "person", EntityID: 1},
		{ID: 2, At: at(3, 15), OperatorID: 3, Action: model.ActionView, Entity: "person", EntityID: 1},
		{ID: 3, At: at(10, 10), OperatorID: 2, Action: model.ActionPrint, Entity: "person", EntityID: 1, Detail: "referral lang=ar"},
		{ID: 4, At: at(20, 9), OperatorID: 1, Action: model.ActionExport, Entity: "person", EntityID: 1, Detail: "access request"}},
	Operators: map[int64]model.FileOperator{1: {Name: "Giulia Neri", Role: model.RoleCoordinator},
		2: {Name: "Marco Albani", Role: model.RoleOperator}, 3: {Name: "Samira Benali", Role: model.RoleMediator}},
	Services:  map[int64]string{4: "Sportello legale Diritti (demo)"},
	Employers: map[int64]string{5: "Vivai Fittizi (demo)", 6: "Azienda Agricola Le Querce (demo)"},
	Vacancies: map[int64]string{3: "Addetto serre"},
	Skills: []model.SkillsProfile{{Version: 1, Date: at(12, 0), Languages: []model.LanguageSkill{{Language: "ar", Mother: true},
		{Language: "it", Overall: "A2"}}, Experiences: []model.WorkExperience{{Title: "Bracciante a Sabaudia"}},
		Skills: []model.ProfileSkill{{ESCO: "S6.4.3"}}, Licences: []model.DrivingLicence{{Category: "B"}}}},
}

func renderAccess(w io.Writer, lang string) error {
	return RenderAccess(w, Access{Lang: lang, File: testFile, Zone: time.UTC})
}

// accessTexts are texts the access document must show in lang (English
// for a language without the document's own text).
func accessTexts(lang string) []string {
	l, _ := AccessLanguage(lang)
	tr := locales.ForPerson(l)
	iso := typeset.IsolateLTR
	return []string{tr.T("doc.access.title"), tr.T("doc.access.identity"), tr.T("doc.access.consents"),
		tr.T("doc.access.purpose_sharing"), tr.T("doc.access.referrals"), tr.T("doc.access.trail"),
		tr.Tf("doc.access.intro", map[string]any{"Date": iso("20/03/2026")}), tr.T("doc.access.shared_name"),
		"Sportello legale Diritti (demo)", "Karim", "Haddad", "Marco Albani", "INV-2026-000042", "PUA-2026-000123",
		tr.T("doc.access.skills"), "Bracciante a Sabaudia", tr.T("doc.access.work_proposals"), tr.T("doc.access.work_internships"),
		tr.T("doc.access.work_enterprises"), "Vivai Fittizi (demo)", "Addetto serre", "Paolo Ferri", "Orto biologico a Latina",
		"Banca Etica (demo)", "23/03/2026", "12/01/2026"}
}

// TestAccessReadsBack renders the access document of a person with an
// Arabic name in Arabic and in Urdu and reads it back with pdftotext: the
// name in both scripts, the consent, the referral's service and who
// opened the file are there, in the person's language and in Italian.
func TestAccessReadsBack(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	for _, lang := range []string{"ar", "ur"} {
		var buf bytes.Buffer
		if err := renderAccess(&buf, lang); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "access-"+lang+".pdf")
		os.WriteFile(path, buf.Bytes(), 0o600)
		out, err := exec.Command(pdftotext, path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := noMarks(canon(string(out), true), true)
		tr, it := locales.ForPerson(lang), locales.ForPerson("it")
		for _, want := range []string{"كريم حداد", "Karim", "Haddad", "Sportello legale Diritti (demo)", "Samira Benali",
			tr.T("doc.access.title"), tr.T("doc.access.purpose_sharing"), tr.T("doc.access.consent_state_given"),
			tr.T("doc.access.skills"), it.T("doc.access.skills_jobs"), "Bracciante a Sabaudia",
			it.T("doc.access.purpose_sharing"), tr.T("doc.access.shared_name"), tr.T("doc.access.role_mediator")} {
			for _, w := range runsOf(want, true) {
				if !strings.Contains(text, noMarks(canon(w, true), true)) {
					t.Errorf("%s: %q (of %q) is not in the text", lang, w, want)
				}
			}
		}
		if !strings.Contains(string(out), "INV-2026-000042") || !strings.Contains(string(out), "03/03/2026 15:00") {
			t.Errorf("%s: the referral code or the time the mediator opened the file is missing", lang)
		}
	}
}

// TestAccessLanguage: the person's language when the document has its
// text, English otherwise, never a sibling language; the document says so.
func TestAccessLanguage(t *testing.T) {
	for lang, want := range map[string]string{"ar": "ar", "ur": "ur", "it": "it", "": "it", "en": "en", "bn": "en",
		"sd": "en", "fa": "en"} {
		got, own := AccessLanguage(lang)
		if got != want || own != (got == lang || lang == "") {
			t.Errorf("AccessLanguage(%q) = %q, %v; want %q", lang, got, own, want)
		}
	}
	if err := RenderAccess(&bytes.Buffer{}, Access{Lang: "ar"}); model.ErrorCode(err) != model.ErrRequired {
		t.Errorf("a document without a file: %v", err)
	}
}

func TestEuro(t *testing.T) {
	for cents, want := range map[int64]string{0: "€\u00a00,00", 4050: "€\u00a040,50", 125000: "€\u00a01.250,00", 123456789: "€\u00a01.234.567,89"} {
		if got := typeset.StripControls(euro(cents)); got != want {
			t.Errorf("euro(%d) = %q, want %q", cents, got, want)
		}
	}
}
