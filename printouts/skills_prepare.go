package printouts

import (
	"context"
	"io"

	"sportello/model"
)

// latestProfile is the person's newest skills profile, or an error naming
// what is missing.
func latestProfile(ctx context.Context, in *input) (*model.SkillsProfile, error) {
	p, err := in.src.LatestSkillsProfile(ctx, in.p.ID)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, &model.Error{Code: model.ErrNotFound, Field: "profile", Message: "the person has no skills profile yet"}
	}
	return p, nil
}

func prepareSkillsProfile(ctx context.Context, in *input) (func(io.Writer) error, error) {
	p, err := latestProfile(ctx, in)
	if err != nil {
		return nil, err
	}
	doc := SkillsDoc{Lang: in.r.Lang, Header: in.h, Profile: *p}
	return func(w io.Writer) error { return RenderSkillsProfile(w, doc) }, nil
}

// prepareSkillsCV refuses, before reading the profile, a person with no
// current consent to share with employers.
func prepareSkillsCV(ctx context.Context, in *input) (func(io.Writer) error, error) {
	history, err := in.src.ConsentsOf(ctx, in.p.ID)
	if err != nil {
		return nil, err
	}
	c, ok := model.EmployerSharingAllowed(history)
	if !ok {
		return nil, errNoEmployerConsent()
	}
	p, err := latestProfile(ctx, in)
	if err != nil {
		return nil, err
	}
	cv := SkillsCV{Header: in.h, Name: cvName(in.p), DeskPhone: in.setting(model.SettingDeskPhone), Profile: *p, Consent: c}
	if in.r.OwnPhone {
		cv.Phone = in.p.Phone
	}
	return func(w io.Writer) error { return RenderSkillsCV(w, cv) }, nil
}
