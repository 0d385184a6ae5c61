package printouts

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"strings"

	"sportello/assets"
	"sportello/model"
)

// Source is what printing reads of the database; the store satisfies it.
type Source interface {
	PersonByCaseCode(ctx context.Context, code string) (*model.Person, error)
	CasesOf(ctx context.Context, personID int64) ([]model.Case, error)
	InterviewsOf(ctx context.Context, caseID int64) ([]model.Interview, error)
	ScreeningOf(ctx context.Context, interviewID int64) (*model.ScreeningRecord, error)
	PlansOf(ctx context.Context, caseID int64) ([]model.Plan, error)
	ReferralsOf(ctx context.Context, caseID int64) ([]model.Referral, error)
	ConsentsOf(ctx context.Context, personID int64) ([]model.Consent, error)
	Services(ctx context.Context) ([]model.Service, error)
	Operators(ctx context.Context) ([]model.Operator, error)
	Setting(ctx context.Context, key string) (string, error)
	LatestSkillsProfile(ctx context.Context, personID int64) (*model.SkillsProfile, error)
	ProposalsOf(ctx context.Context, caseID int64) ([]model.Proposal, error)
	InternshipsOf(ctx context.Context, caseID int64) ([]model.Internship, error)
	Employer(ctx context.Context, id int64) (*model.Employer, error)
	Vacancy(ctx context.Context, id int64) (*model.Vacancy, error)
}

// Documents are the documents Prepare knows, by name, that are offered
// with a case alone (the internship: the newest unless InternshipID names
// one). The candidate sheet ("candidate") is not among them: it is printed
// from a proposal, with its ProposalID.
var Documents = []string{"rights", "notice", "consent", "referral", "plan", "intake", "slip", "profile", "cv", "internship"}

// Request says which document to print, for whom, in which language.
type Request struct {
	Doc          string
	CaseCode     string
	Lang         string
	Purpose      string // consent
	Service      string // consent for sharing: the service's name
	ReferralID   int64  // referral letter; 0 for the newest
	Date, Time   string // slip
	Place        string // slip; the desk when empty
	Bring        []string
	OwnPhone     bool  // cv: the person's phone instead of the desk's, when they chose to give it
	ProposalID   int64 // candidate: the proposal whose employer receives the sheet
	InternshipID int64 // internship: the internship agreement summarised
	EmployerID   int64 // consent for sharing with an employer (Purpose sharing): the recipient
}

// concern says whether a document is about a person: the person's
// documents carry their identification on every page.
type concern int

const (
	nobody   concern = iota // the rights leaflet, the blank notice
	maybe                   // the slip: a person's when a case is given
	somebody                // needs the case code
)

// document is a row of the table of documents: whom it concerns, and how
// to prepare it once the settings (and the person, for theirs) are read.
type document struct {
	concern concern
	prepare func(ctx context.Context, in *input) (func(io.Writer) error, error)
}

// input is what every preparation starts from.
type input struct {
	src     Source
	r       Request
	h       Header        // with h.Person set for a person's document
	p       *model.Person // nil for nobody's
	caseID  int64
	setting func(string) string
}

// name is the person's given names and family name, as in documents.
func (in *input) name() string { return strings.TrimSpace(in.p.GivenNames + " " + in.p.FamilyName) }

// documentTable holds every document Prepare knows; Documents lists them
// in the order they are offered.
var documentTable = map[string]document{
	"rights":     {nobody, prepareRights},
	"notice":     {nobody, prepareNotice},
	"slip":       {maybe, prepareSlip},
	"consent":    {somebody, prepareConsent},
	"referral":   {somebody, prepareReferral},
	"plan":       {somebody, preparePlan},
	"intake":     {somebody, prepareIntake},
	"profile":    {somebody, prepareSkillsProfile},
	"cv":         {somebody, prepareSkillsCV},
	"candidate":  {somebody, prepareCandidate},
	"internship": {somebody, prepareInternship},
}

// Prepare reads what the requested document needs and returns the
// function that renders it. Bad input (unknown case, no agreed plan, a
// referral without a valid consent, missing notice settings) is an error
// here, before any file is opened.
func Prepare(ctx context.Context, src Source, r Request) (func(io.Writer) error, error) {
	d, ok := documentTable[r.Doc]
	if !ok {
		return nil, &model.Error{Code: model.ErrInvalid, Field: "doc", Message: fmt.Sprintf("unknown document %q", r.Doc)}
	}
	in := &input{src: src, r: r, setting: func(k string) string { v, _ := src.Setting(ctx, k); return v }}
	in.h = Header{Organisation: in.setting(model.SettingOrganisation), Desk: in.setting(model.SettingDesk)}
	if logo, err := base64.StdEncoding.DecodeString(in.setting(model.SettingLogo)); err == nil {
		in.h.Logo = logo
	}
	if in.r.Lang == "" {
		in.r.Lang = "it"
	}
	if d.concern == somebody && r.CaseCode == "" {
		return nil, &model.Error{Code: model.ErrRequired, Field: "case", Message: "give the case code"}
	}
	if d.concern != nobody && r.CaseCode != "" {
		p, err := src.PersonByCaseCode(ctx, r.CaseCode)
		if err != nil {
			return nil, err
		}
		cases, err := src.CasesOf(ctx, p.ID)
		if err != nil || len(cases) == 0 {
			return nil, &model.Error{Code: model.ErrNotFound, Message: "the person has no case"}
		}
		in.p, in.caseID, in.h.Person = p, cases[0].ID, IdentOf(*p)
	}
	return d.prepare(ctx, in)
}

func prepareRights(_ context.Context, in *input) (func(io.Writer) error, error) {
	rt := Rights{Lang: in.r.Lang, Header: in.h, Checked: RightsChecked}
	return func(w io.Writer) error { return RenderRights(w, rt) }, nil
}

func prepareNotice(_ context.Context, in *input) (func(io.Writer) error, error) {
	n := Notice{Lang: in.r.Lang, Header: in.h, Controller: in.setting(model.SettingController), DPO: in.setting(model.SettingDPO),
		Retention: in.setting(model.SettingRetention)}
	if n.Controller == "" || n.DPO == "" || n.Retention == "" {
		return nil, &model.Error{Code: model.ErrRequired, Field: "settings",
			Message: "set the data controller, the DPO and the retention in Settings before printing the notice"}
	}
	return func(w io.Writer) error { return RenderNotice(w, n) }, nil
}

func prepareSlip(_ context.Context, in *input) (func(io.Writer) error, error) {
	r := in.r
	if r.Date == "" || r.Time == "" {
		return nil, &model.Error{Code: model.ErrInvalid, Field: "date", Message: "a slip needs --date and --time"}
	}
	place := r.Place
	if place == "" {
		place = in.h.Desk
	}
	day, err := model.ReadDate(r.Date)
	if err != nil || day.Day == 0 {
		return nil, &model.Error{Code: model.ErrDateInvalid, Field: "date",
			Message: "the slip's date is not a day: write dd/mm/yyyy (or yyyy-mm-dd)"}
	}
	s := Slip{Lang: r.Lang, Header: in.h, Date: day, Time: r.Time, Place: place, Phone: in.setting(model.SettingDeskPhone), Bring: r.Bring}
	return func(w io.Writer) error { return RenderSlip(w, s) }, nil
}

func prepareConsent(ctx context.Context, in *input) (func(io.Writer) error, error) {
	form := ConsentForm{Lang: in.r.Lang, Header: in.h, Purpose: model.ConsentPurpose(in.r.Purpose), Service: in.r.Service,
		NoticeVersion: NoticeVersion, PersonName: in.name(), CaseCode: in.p.CaseCode}
	if form.Purpose == model.PurposeSharing && in.r.EmployerID != 0 {
		e, err := in.src.Employer(ctx, in.r.EmployerID)
		if err != nil {
			return nil, err
		}
		form.Service, form.Employer = "", e.Name
	}
	return func(w io.Writer) error { return RenderConsent(w, form) }, nil
}

func preparePlan(ctx context.Context, in *input) (func(io.Writer) error, error) {
	plans, err := in.src.PlansOf(ctx, in.caseID)
	if err != nil {
		return nil, err
	}
	for _, pl := range plans {
		if pl.Status == model.PlanAgreed {
			who, err := responsible(ctx, in.src)
			if err != nil {
				return nil, err
			}
			doc := PlanDoc{Lang: in.r.Lang, Header: in.h, Plan: pl, Responsible: who}
			return func(w io.Writer) error { return RenderPlan(w, doc) }, nil
		}
	}
	return nil, &model.Error{Code: model.ErrNotFound, Field: "plan", Message: "the case has no agreed plan to print"}
}

func prepareIntake(ctx context.Context, in *input) (func(io.Writer) error, error) {
	ivs, err := in.src.InterviewsOf(ctx, in.caseID)
	if err != nil {
		return nil, err
	}
	for _, iv := range ivs {
		if iv.Status != model.InterviewCompleted || iv.QuestionnaireVersion == "" {
			continue
		}
		data, ok := assets.Questionnaire(iv.QuestionnaireVersion)
		if !ok {
			continue
		}
		qn, err := model.ParseQuestionnaire(data)
		if err != nil {
			return nil, err
		}
		rec, err := in.src.ScreeningOf(ctx, iv.ID)
		if err != nil {
			return nil, err
		}
		doc := Intake{Header: in.h, Person: *in.p, Interview: iv, Questionnaire: qn, Screening: rec}
		return func(w io.Writer) error { return RenderIntake(w, doc) }, nil
	}
	return nil, &model.Error{Code: model.ErrNotFound, Field: "interview", Message: "the case has no completed interview"}
}

// NoticeVersion is the version of the privacy notice text in use.
const NoticeVersion = "2026-1"

func prepareReferral(ctx context.Context, in *input) (func(io.Writer) error, error) {
	src, r, h, p := in.src, in.r, in.h, in.p
	refs, err := src.ReferralsOf(ctx, in.caseID)
	if err != nil {
		return nil, err
	}
	var ref *model.Referral
	for i := range refs {
		if r.ReferralID == 0 || refs[i].ID == r.ReferralID {
			ref = &refs[i]
			break
		}
	}
	if ref == nil {
		return nil, &model.Error{Code: model.ErrNotFound, Field: "referral", Message: "no such referral in this case"}
	}
	letter := ReferralLetter{Lang: r.Lang, Header: h, Referral: *ref, PersonName: in.name()}
	if ref.LegalBasis == "" {
		history, err := src.ConsentsOf(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		c, ok := model.SharingAllowed(history, ref.ServiceID)
		if !ok {
			return nil, &model.Error{Code: model.ErrPermission, Field: "consent",
				Message: "the consent this referral rests on is missing or withdrawn: the letter cannot be printed"}
		}
		letter.ConsentDate = dayOf(c.Date.Local())
	}
	services, err := src.Services(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range services {
		if s.ID == ref.ServiceID {
			letter.ServiceName = s.Name
		}
	}
	if l, ok := model.LanguageByTag(p.PreferredLanguage); ok {
		letter.PersonLang = l.Native + " (" + l.Tag + ")"
	}
	letter.DeskPhone, _ = src.Setting(ctx, model.SettingDeskPhone)
	return func(w io.Writer) error { return RenderReferral(w, letter) }, nil
}

// responsible names operators (by ID) and services (by negative ID).
func responsible(ctx context.Context, src Source) (map[int64]string, error) {
	out := map[int64]string{}
	ops, err := src.Operators(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range ops {
		out[o.ID] = o.FullName
	}
	svcs, err := src.Services(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range svcs {
		out[-s.ID] = s.Name
	}
	return out, nil
}
