package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/assets"
	"sportello/model"
)

// interviewStart asks what the interview is before it starts: kind, the
// person's language, the mediator present, the place.
type interviewStart struct {
	u        *App
	person   *model.Person
	caseID   int64
	kind     *choice
	language *choice
	place    *choice
	mediator *widget.Entry
	start    *widget.Button
}

func newInterviewStart(u *App, p *model.Person, caseID int64, first bool) *interviewStart {
	s := &interviewStart{u: u, person: p, caseID: caseID, kind: enumChoice(u, "interview_kind", model.InterviewKinds),
		language: languageChoice(u), place: enumChoice(u, "place", model.Places), mediator: widget.NewEntry()}
	if first {
		s.kind.setCode(string(model.InterviewIntake))
	} else {
		s.kind.setCode(string(model.InterviewFollowUp))
	}
	s.language.setCode(p.PreferredLanguage)
	if s.language.code() == "" {
		s.language.setCode("it")
	}
	s.place.setCode(string(model.PlaceDesk))
	s.start = widget.NewButton(u.t("interview.start"), s.onStart)
	s.start.Importance = widget.HighImportance
	return s
}

func (s *interviewStart) build() fyne.CanvasObject {
	u := s.u
	head := widget.NewLabelWithStyle(u.t("interview.new")+" · "+s.person.DisplayName(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	form := formGrid(
		newField("kind", u.t("interview.kind"), s.kind),
		newField("language", u.t("interview.person_language"), s.language),
		newField("mediator", u.t("interview.mediator"), s.mediator),
		newField("place", u.t("interview.place"), s.place),
	)
	note := widget.NewLabel(u.t("interview.autosave_note"))
	note.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewPadded(container.NewVBox(head, form, note, s.start)))
}

func (s *interviewStart) onStart() {
	u := s.u
	iv := &model.Interview{CaseID: s.caseID, Kind: model.InterviewKind(s.kind.code()), OperatorID: u.operatorID(),
		Mediator: strings.TrimSpace(s.mediator.Text), Language: s.language.code(),
		QuestionnaireVersion: assets.CurrentQuestionnaire, Place: model.Place(s.place.code())}
	s.start.Disable()
	db, by := u.db, u.operatorID()
	write(u, func(ctx context.Context) (*model.Interview, error) {
		err := db.StartInterview(ctx, iv, by) // iv is the work's until it is shown
		return iv, err
	}, func(iv *model.Interview) {
		s.start.Enable()
		u.openInterview(iv, s.person)
	}, func(err error) {
		s.start.Enable()
		u.showError(err)
	})
}
