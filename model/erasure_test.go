package model

import (
	"strings"
	"testing"
)

func TestErasureValidate(t *testing.T) {
	cases := []struct {
		name  string
		e     Erasure
		field string // "" when valid
		code  string
	}{
		{"retention ended", Erasure{Reason: ErasureRetentionEnded}, "", ""},
		{"consent withdrawn, with a note", Erasure{Reason: ErasureConsentWithdrawn, Note: "written request of 3 March"}, "", ""},
		{"other with a note", Erasure{Reason: ErasureOther, Note: "court order"}, "", ""},
		{"other without a note", Erasure{Reason: ErasureOther, Note: "  "}, "note", ErrRequired},
		{"no reason", Erasure{}, "reason", ErrRequired},
		{"unknown reason", Erasure{Reason: "because"}, "reason", ErrInvalid},
		{"note too long", Erasure{Reason: ErasureObjection, Note: strings.Repeat("x", MaxTextLen+1)}, "note", ErrTooLong},
		{"note not text", Erasure{Reason: ErasureUnlawful, Note: "\xff"}, "note", ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.e.Validate()
			if c.field == "" {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			v, ok := err.(ValidationErrors)
			if !ok || len(v) != 1 || v[0].Field != c.field || v[0].Code != c.code {
				t.Fatalf("Validate = %v, want %s %s", err, c.field, c.code)
			}
		})
	}
}

func TestErasureReasonsCiteArticle17(t *testing.T) {
	for _, r := range ErasureReasons {
		if r.Reason != ErasureOther && !strings.HasPrefix(r.Article, "art. 17(1)(") {
			t.Errorf("%s rests on %q", r.Reason, r.Article)
		}
		if !r.Reason.Known() || r.Reason.Article() != r.Article {
			t.Errorf("%s is not found in its own table", r.Reason)
		}
	}
	e := Erasure{Reason: ErasureConsentWithdrawn, Note: "by letter"}
	if got := e.Summary(); got != "consent_withdrawn (art. 17(1)(b)): by letter" {
		t.Errorf("Summary = %q", got)
	}
}

func TestAnonymiseKeepsOnlyTheTally(t *testing.T) {
	p := Person{CaseCode: "PUA-2026-000001", FamilyName: "Okafor", GivenNames: "Ngozi", OwnScriptName: "x",
		Aliases: []string{"Ngo"}, Sex: SexFemale, BirthDate: PartialDate{1990, 4, 2}, BirthCountry: "NG",
		Citizenships: []string{"NG"}, Languages: []string{"en"}, Phone: "333", Domicile: "Via Roma 1",
		DomicileInformal: true, FiscalCode: "KFRNGZ90D42Z335X", Permit: Permit{Type: "art. 18", Number: "AB123",
			Expiry: PartialDate{2027, 1, 1}, Status: PermitValid}, Vulnerabilities: []string{"pregnant"},
		Channel: ChannelOutreach}
	p.Anonymise()
	want := Person{CaseCode: "PUA-2026-000001", Sex: SexFemale, BirthDate: PartialDate{Year: 1990}, BirthCountry: "NG",
		Citizenships: []string{"NG"}, Languages: []string{"en"}, DomicileInformal: true,
		Permit: Permit{Type: "art. 18", Status: PermitValid}, Channel: ChannelOutreach}
	if p.FamilyName != "" || p.GivenNames != "" || p.OwnScriptName != "" || p.Aliases != nil || p.Phone != "" ||
		p.Domicile != "" || p.FiscalCode != "" || p.Permit != want.Permit || p.BirthDate != want.BirthDate ||
		p.Vulnerabilities != nil || p.Sex != want.Sex || p.BirthCountry != "NG" || p.Channel != want.Channel ||
		!p.DomicileInformal || len(p.Citizenships) != 1 || len(p.Languages) != 1 || p.CaseCode != want.CaseCode {
		t.Errorf("anonymised person %+v", p)
	}
	s := Screening{ILO: []Finding{{Ref: "ilo.8", Reasons: []Reason{{AnswerID: "work.pay", Value: "tre euro"}}}},
		Trafficking: true}
	s.Anonymise()
	if len(s.ILO) != 1 || s.ILO[0].Ref != "ilo.8" || s.ILO[0].Reasons != nil || !s.Trafficking {
		t.Errorf("anonymised screening %+v", s)
	}
}
