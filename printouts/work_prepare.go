package printouts

import (
	"context"
	"io"

	"sportello/model"
)

// personCases are the IDs of all the person's cases: a proposal or an
// internship may be on any of them.
func personCases(ctx context.Context, in *input) ([]int64, error) {
	cases, err := in.src.CasesOf(ctx, in.p.ID)
	if err != nil {
		return nil, err
	}
	var out []int64
	for _, c := range cases {
		out = append(out, c.ID)
	}
	return out, nil
}

// prepareCandidate refuses, before reading the profile, a proposal whose
// employer the person has no current given consent to share with.
func prepareCandidate(ctx context.Context, in *input) (func(io.Writer) error, error) {
	prop, err := findProposal(ctx, in)
	if err != nil {
		return nil, err
	}
	history, err := in.src.ConsentsOf(ctx, in.p.ID)
	if err != nil {
		return nil, err
	}
	c, ok := model.EmployerProposalAllowed(history, prop.EmployerID)
	if !ok {
		return nil, errNoProposalConsent()
	}
	e, err := in.src.Employer(ctx, prop.EmployerID)
	if err != nil {
		return nil, err
	}
	p, err := latestProfile(ctx, in)
	if err != nil {
		return nil, err
	}
	s := CandidateSheet{Lang: in.r.Lang, Header: in.h, Name: cvName(in.p), Employer: e.Name, Profile: *p,
		DeskPhone: in.setting(model.SettingDeskPhone), Consent: c, EmployerID: prop.EmployerID}
	if prop.VacancyID != 0 {
		if s.Vacancy, err = in.src.Vacancy(ctx, prop.VacancyID); err != nil {
			return nil, err
		}
	}
	return func(w io.Writer) error { return RenderCandidate(w, s) }, nil
}

// findProposal is the requested proposal among the person's cases'.
func findProposal(ctx context.Context, in *input) (*model.Proposal, error) {
	cases, err := personCases(ctx, in)
	if err != nil {
		return nil, err
	}
	for _, id := range cases {
		props, err := in.src.ProposalsOf(ctx, id)
		if err != nil {
			return nil, err
		}
		for i := range props {
			if props[i].ID == in.r.ProposalID {
				return &props[i], nil
			}
		}
	}
	return nil, &model.Error{Code: model.ErrNotFound, Field: "proposal", Message: "no such proposal for this person"}
}

// prepareInternship summarises the requested internship, or the newest
// when none is named.
func prepareInternship(ctx context.Context, in *input) (func(io.Writer) error, error) {
	cases, err := personCases(ctx, in)
	if err != nil {
		return nil, err
	}
	var found *model.Internship
	for _, id := range cases {
		list, err := in.src.InternshipsOf(ctx, id)
		if err != nil {
			return nil, err
		}
		for i := range list {
			if (in.r.InternshipID == 0 && found == nil) || list[i].ID == in.r.InternshipID {
				found = &list[i]
			}
		}
	}
	if found == nil {
		return nil, &model.Error{Code: model.ErrNotFound, Field: "internship", Message: "no such internship for this person"}
	}
	host, err := in.src.Employer(ctx, found.EmployerID)
	if err != nil {
		return nil, err
	}
	d := InternshipDoc{Lang: in.r.Lang, Header: in.h, Internship: *found, Host: *host, DeskPhone: in.setting(model.SettingDeskPhone)}
	return func(w io.Writer) error { return RenderInternship(w, d) }, nil
}
