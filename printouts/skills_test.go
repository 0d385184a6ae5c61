package printouts

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sportello/model"
)

// testProfile is a fictional skills profile with something in every part.
var testProfile = model.SkillsProfile{ID: 7, PersonID: 1, Version: 2, Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
	Languages: []model.LanguageSkill{{Language: "ar", Mother: true}, {Language: "fr", Overall: "B2"},
		{Language: "it", Levels: map[string]string{"listening": "A2", "reading": "A2", "spoken_interaction": "A2",
			"spoken_production": "A1", "writing": "A1"}, Certificate: "cils", CertLevel: "A2"}},
	Education: []model.EducationEntry{{Level: "Baccalauréat", Field: "sciences", Country: "MA", From: model.PartialDate{Year: 2006},
		To: model.PartialDate{Year: 2009}, Completed: true, ItalianLevel: "USG", ISCED: "3", Recognition: "requested"}},
	Experiences: []model.WorkExperience{
		{Title: "raccolta pomodori", ESCO: "c9191f7f-28b5-4df8-991d-804c53009b83", CP2011: "8.3.1.1.0", ISCO: "9213", Ateco: "A",
			Country: "IT", Region: "Lazio", From: model.PartialDate{Year: 2021, Month: 3}, To: model.PartialDate{Year: 2023, Month: 10, Day: 31},
			Tasks: "Raccolta e cassette", Formal: false},
		{Title: "magazziniere", ESCO: "eeac6251-1974-42f5-91ed-513c6c883755", CP2011: "7.4.4.4.0", Country: "MA",
			From: model.PartialDate{Year: 2015}, To: model.PartialDate{Year: 2019}}},
	Skills:  []model.ProfileSkill{{ESCO: "S6.4.3", Evidence: []string{"observation"}}, {Label: "cucina marocchina"}},
	Digital: map[string]string{"communication": "foundation"},
	Licences: []model.DrivingLicence{{Category: "B", Foreign: true, Country: "MA", Convertible: "unknown",
		Expiry: model.PartialDate{Year: 2030, Month: 6, Day: 1}}},
	Certificates: []model.Certificate{{Kind: "safety_general", Detail: "4 ore, rischio basso", Date: model.PartialDate{Year: 2024, Month: 2, Day: 12}}},
	Availability: model.Availability{From: model.PartialDate{Year: 2026, Month: 12, Day: 1}, Hours: []string{"full_time", "seasonal"},
		Transport: []string{"bicycle", "public"}, WillingToMove: "yes", Wanted: []string{"eeac6251-1974-42f5-91ed-513c6c883755"},
		WantedNote: "non di notte"},
	Validation: []model.ValidationEntry{{Competence: "S6.4.3", State: "validation_requested", Date: model.PartialDate{Year: 2026, Month: 11, Day: 3},
		Evidence: []model.Evidence{{Kind: "employer_statement"}}, Body: "Regione Lazio"}},
	Notes: "Nota riservata dello sportello",
}

// employerConsent is a given consent to share with employers.
var employerConsent = model.Consent{ID: 9, PersonID: 1, Purpose: model.PurposeEmployer, State: model.ConsentGiven,
	Date: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), NoticeVersion: "2026-1", Language: "ar"}

func renderProfile(w *bytes.Buffer, lang string) error { return documents["profile"](w, lang) }

func renderCV(w *bytes.Buffer, c model.Consent) error {
	return RenderSkillsCV(w, SkillsCV{Header: personHeader, Name: "Amina Rahimi", DeskPhone: "0773 555 0100",
		Profile: testProfile, Consent: c})
}

// pdfText is the text pdftotext reads from a PDF, page by page.
func pdfText(t *testing.T, name string, pdf []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".pdf")
	os.WriteFile(path, pdf, 0o600)
	out, err := exec.Command(tool(t, "pdftotext"), path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

// TestSkillsProfileReadsBack prints the profile in Arabic, Urdu, Persian,
// Hindi and Italian and reads it back: the name and case code on every page, the
// section titles in the person's language and Italian, the occupation in
// Italian (and in Arabic, where ESCO has it), its codes, dates dd/mm/yyyy.
func TestSkillsProfileReadsBack(t *testing.T) {
	common := []string{"PUA-2026-000123", "Profilo delle competenze", "Lingue", "Istruzione e formazione",
		"Esperienze di lavoro", "lavoratore agricolo/lavoratrice agricola", "8.3.1.1.0", "9213", "Patenti di guida",
		"Attestati e certificati", "Disponibilità", "Validazione delle competenze", "Inviata a validazione",
		"31/10/2023", "01/06/2030", "12/02/2024", "01/12/2026", "Ascolto: A2", "Baccalauréat"}
	want := map[string][]string{
		"it": {},
		"ar": {"ملف المهارات", "اللغات", "الخبرات", "عامل", "المحاصيل", "الاستماع"},
		"ur": {"مہارتوں", "زبانیں", "تجربہ", "سننا"},
		"fa": {"مهارت", "زبان", "سابقهٔ کار", "مادری"},
		"hi": {"कौशल प्रोफ़ाइल", "भाषाएँ", "काम का अनुभव", "मातृभाषा"},
	}
	for lang, texts := range want {
		var buf bytes.Buffer
		if err := renderProfile(&buf, lang); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		pages := pdfText(t, "profile-"+lang, buf.Bytes())
		if len(pages) < 2 {
			t.Errorf("%s: %d pages: the fixture should take two", lang, len(pages))
		}
		for i, p := range pages {
			if !strings.Contains(p, "PUA-2026-000123") || !strings.Contains(p, "RAHIMI") {
				t.Errorf("%s page %d: the person is not identified", lang, i+1)
			}
		}
		all := strings.Join(pages, "\n")
		for _, s := range append(texts, common...) {
			if !strings.Contains(all, s) {
				t.Errorf("%s: %q not found", lang, s)
			}
		}
		if strings.Contains(all, "Nota riservata") {
			t.Errorf("%s: the desk's notes are printed", lang)
		}
	}
}

// TestSkillsProfileFallsBackToEnglish: a language without the document's
// text gets it in English, with the Italian and a note saying so.
// Every person language has the profile's texts now (drafts beyond it and
// en), so the test asks for Sindhi, a language with no texts at all.
func TestSkillsProfileFallsBackToEnglish(t *testing.T) {
	var buf bytes.Buffer
	if err := renderProfile(&buf, "sd"); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfText(t, "profile-sd", buf.Bytes()), "\n")
	for _, s := range []string{"Skills profile", "Profilo delle competenze", "Work experience", "crop production worker"} {
		if !strings.Contains(all, s) {
			t.Errorf("%q not found", s)
		}
	}
}

// TestSkillsCVNeedsConsent: no curriculum without a given consent to share
// with employers, and the refusal names that consent.
func TestSkillsCVNeedsConsent(t *testing.T) {
	withdrawn := employerConsent
	withdrawn.State = model.ConsentWithdrawn
	sharing := employerConsent
	sharing.Purpose = model.PurposeSharing
	for name, c := range map[string]model.Consent{"none": {}, "withdrawn": withdrawn, "another purpose": sharing} {
		var buf bytes.Buffer
		err := renderCV(&buf, c)
		if model.ErrorCode(err) != model.ErrNoConsent || buf.Len() != 0 || !strings.Contains(err.Error(), "share_employer") {
			t.Errorf("%s: %v, %d bytes", name, err, buf.Len())
		}
	}
}

// TestSkillsCVCarriesOnlyWhatIsShared prints the curriculum with the
// consent: the name, the desk as contact, the profile's parts for
// employers, and nothing of the case, the birth, the desk's notes, the
// evidence or the validation path.
func TestSkillsCVCarriesOnlyWhatIsShared(t *testing.T) {
	var buf bytes.Buffer
	if err := renderCV(&buf, employerConsent); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfText(t, "cv", buf.Bytes()), "\n")
	for _, s := range []string{"Curriculum vitae", "Amina Rahimi", "Sportello di Latina", "0773 555 0100", "arabo", "madrelingua",
		"lavoratore agricolo/lavoratrice agricola", "Patenti di guida", "21/11/2026", "Disponibile dal: 01/12/2026"} {
		if !strings.Contains(all, s) {
			t.Errorf("%q not found", s)
		}
	}
	for _, s := range []string{"PUA-2026", "10/05/1990", "RAHIMI", "آمنه", "Nota riservata", "Raccolta e cassette", "non di notte",
		"Osservazione", "Validazione", "Regione Lazio", "ملف"} {
		if strings.Contains(all, s) {
			t.Errorf("the curriculum carries %q", s)
		}
	}
}

// TestSkillsDocumentsPrepare: the table prepares both documents from the
// database, and the CV only with the consent.
func TestSkillsDocumentsPrepare(t *testing.T) {
	ctx := context.Background()
	src := &profileSource{profile: &testProfile}
	if _, err := Prepare(ctx, src, Request{Doc: "cv", CaseCode: testPerson.CaseCode}); model.ErrorCode(err) != model.ErrNoConsent {
		t.Errorf("cv without consent: %v", err)
	}
	src.consents = []model.Consent{employerConsent}
	for _, doc := range []string{"profile", "cv"} {
		render, err := Prepare(ctx, src, Request{Doc: doc, CaseCode: testPerson.CaseCode, Lang: "ar"})
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		var buf bytes.Buffer
		if err := render(&buf); err != nil || buf.Len() == 0 {
			t.Errorf("%s: %v", doc, err)
		}
	}
	src.profile = nil
	if _, err := Prepare(ctx, src, Request{Doc: "profile", CaseCode: testPerson.CaseCode}); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("no profile yet: %v", err)
	}
}

// profileSource is a database with testPerson, a case, and a profile.
type profileSource struct {
	emptySource
	profile  *model.SkillsProfile
	consents []model.Consent
}

func (s *profileSource) PersonByCaseCode(context.Context, string) (*model.Person, error) {
	p := testPerson
	return &p, nil
}
func (s *profileSource) CasesOf(context.Context, int64) ([]model.Case, error) {
	return []model.Case{{ID: 1, PersonID: 1}}, nil
}
func (s *profileSource) ConsentsOf(context.Context, int64) ([]model.Consent, error) {
	return s.consents, nil
}
func (s *profileSource) LatestSkillsProfile(context.Context, int64) (*model.SkillsProfile, error) {
	return s.profile, nil
}
