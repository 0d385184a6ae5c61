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
}

// Documents are the documents Prepare knows, by name.
var Documents = []string{"rights", "notice", "consent", "referral", "plan", "intake", "slip"}

// Request says which document to print, for whom, in which language.
type Request struct {
	Doc        string
	CaseCode   string
	Lang       string
	Purpose    string // consent
	Service    string // consent for sharing: the service's name
	ReferralID int64  // referral letter; 0 for the newest
	Date, Time string // slip
	Place      string // slip; the desk when empty
	Bring      []string
}

// Prepare reads what the requested document needs and returns the
// function that renders it. Bad input (unknown case, no agreed plan, a
// referral without a valid consent, missing notice settings) is an error
// here, before any file is opened.
func Prepare(ctx context.Context, src Source, r Request) (func(io.Writer) error, error) {
	setting := func(k string) string { v, _ := src.Setting(ctx, k); return v }
	h := Header{Organisation: setting(model.SettingOrganisation), Desk: setting(model.SettingDesk)}
	if logo, err := base64.StdEncoding.DecodeString(setting(model.SettingLogo)); err == nil {
		h.Logo = logo
	}
	if r.Lang == "" {
		r.Lang = "it"
	}
	bad := func(field, msg string) error { return &model.Error{Code: model.ErrInvalid, Field: field, Message: msg} }
	switch r.Doc {
	case "rights":
		return func(w io.Writer) error {
			return RenderRights(w, Rights{Lang: r.Lang, Header: h, Checked: RightsChecked})
		}, nil
	case "notice":
		n := Notice{Lang: r.Lang, Header: h, Controller: setting(model.SettingController), DPO: setting(model.SettingDPO),
			Retention: setting(model.SettingRetention)}
		if n.Controller == "" || n.DPO == "" || n.Retention == "" {
			return nil, &model.Error{Code: model.ErrRequired, Field: "settings",
				Message: "set the data controller, the DPO and the retention in Settings before printing the notice"}
		}
		return func(w io.Writer) error { return RenderNotice(w, n) }, nil
	case "slip":
		if r.Date == "" || r.Time == "" {
			return nil, bad("date", "a slip needs --date and --time")
		}
		place := r.Place
		if place == "" {
			place = h.Desk
		}
		s := Slip{Lang: r.Lang, Header: h, Date: r.Date, Time: r.Time, Place: place, Phone: setting(model.SettingDeskPhone), Bring: r.Bring}
		return func(w io.Writer) error { return RenderSlip(w, s) }, nil
	}
	if r.CaseCode == "" {
		return nil, &model.Error{Code: model.ErrRequired, Field: "case", Message: "give the case code"}
	}
	p, err := src.PersonByCaseCode(ctx, r.CaseCode)
	if err != nil {
		return nil, err
	}
	cases, err := src.CasesOf(ctx, p.ID)
	if err != nil || len(cases) == 0 {
		return nil, &model.Error{Code: model.ErrNotFound, Message: "the person has no case"}
	}
	caseID := cases[0].ID
	name := strings.TrimSpace(p.GivenNames + " " + p.FamilyName)
	switch r.Doc {
	case "consent":
		form := ConsentForm{Lang: r.Lang, Header: h, Purpose: model.ConsentPurpose(r.Purpose), Service: r.Service,
			NoticeVersion: NoticeVersion, PersonName: name, CaseCode: p.CaseCode}
		return func(w io.Writer) error { return RenderConsent(w, form) }, nil
	case "plan":
		plans, err := src.PlansOf(ctx, caseID)
		if err != nil {
			return nil, err
		}
		for _, pl := range plans {
			if pl.Status == model.PlanAgreed {
				who, err := responsible(ctx, src)
				if err != nil {
					return nil, err
				}
				doc := PlanDoc{Lang: r.Lang, Header: h, Plan: pl, Responsible: who}
				return func(w io.Writer) error { return RenderPlan(w, doc) }, nil
			}
		}
		return nil, &model.Error{Code: model.ErrNotFound, Field: "plan", Message: "the case has no agreed plan to print"}
	case "intake":
		ivs, err := src.InterviewsOf(ctx, caseID)
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
			rec, err := src.ScreeningOf(ctx, iv.ID)
			if err != nil {
				return nil, err
			}
			in := Intake{Header: h, Person: *p, Interview: iv, Questionnaire: qn, Screening: rec}
			return func(w io.Writer) error { return RenderIntake(w, in) }, nil
		}
		return nil, &model.Error{Code: model.ErrNotFound, Field: "interview", Message: "the case has no completed interview"}
	case "referral":
		return prepareReferral(ctx, src, r, h, p, caseID, name)
	}
	return nil, bad("doc", fmt.Sprintf("unknown document %q", r.Doc))
}

// NoticeVersion is the version of the privacy notice text in use.
const NoticeVersion = "2026-1"

func prepareReferral(ctx context.Context, src Source, r Request, h Header, p *model.Person, caseID int64, name string) (func(io.Writer) error, error) {
	refs, err := src.ReferralsOf(ctx, caseID)
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
	letter := ReferralLetter{Lang: r.Lang, Header: h, Referral: *ref, PersonName: name}
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
		letter.ConsentDate = c.Date.Format("2006-01-02")
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
