package ui

// The skills profile's element of the interview (questionnaire 2026.2): a
// summary of the person's profile and a button that leaves the interview,
// paused where it stands, for the profile proposed from the answers given
// so far. Saving a version records it as the element's answer; the way
// back resumes the interview at the same section.

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// hasSkillsElement reports whether the questionnaire links to the profile.
func (s *interviewScreen) hasSkillsElement() bool {
	for _, sec := range s.qn.Sections {
		for _, q := range sec.Questions {
			if q.Type == model.QSkillsProfile {
				return true
			}
		}
	}
	return false
}

// loadProfile reads the person's newest profile version for the summary.
func (s *interviewScreen) loadProfile() {
	u := s.u
	if !s.hasSkillsElement() || !u.op.Can(model.PartSkills).Reads() {
		return
	}
	db, personID := u.db, s.person.ID
	load(u, func(ctx context.Context) (*model.SkillsProfile, error) {
		list, err := db.SkillsProfiles(ctx, personID)
		if err != nil || len(list) == 0 {
			return nil, err
		}
		return &list[0], nil
	}, func(p *model.SkillsProfile) {
		s.latest, s.latestRead = p, true
		if s.profileNote != nil {
			s.profileNote.SetText(s.profileSummary())
		}
	}, func(err error) {
		if s.profileNote != nil {
			s.profileNote.SetText(u.errText(err))
		}
	})
}

// profileSummary says what profile the person has, and which version this
// interview made.
func (s *interviewScreen) profileSummary() string {
	u := s.u
	if !u.op.Can(model.PartSkills).Reads() {
		return u.t("interview.profile_not_yours")
	}
	if !s.latestRead {
		return u.t("case.loading")
	}
	text := u.t("interview.profile_none")
	if p := s.latest; p != nil {
		text = u.tr.Tf("interview.profile_latest", map[string]any{"N": p.Version, "Date": itDay(p.Date),
			"Languages": len(p.Languages), "Jobs": len(p.Experiences), "Skills": len(p.Skills)})
	}
	if n := model.SkillsProfileVersion(s.answers[s.skillsElementID()]); n > 0 {
		text += "\n" + u.tr.Tf("interview.profile_linked", map[string]any{"N": n})
	}
	return text
}

// skillsElementID is the element's question ID, or "".
func (s *interviewScreen) skillsElementID() string {
	for _, sec := range s.qn.Sections {
		for _, q := range sec.Questions {
			if q.Type == model.QSkillsProfile {
				return q.ID
			}
		}
	}
	return ""
}

// skillsElement is the element's summary and button, in the bilingual and
// operator views (the person view leaves it out).
func (s *interviewScreen) skillsElement(q *model.Question) fyne.CanvasObject {
	u := s.u
	s.profileNote = widget.NewLabel(s.profileSummary())
	s.profileNote.Wrapping = fyne.TextWrapWord
	if !u.op.Can(model.PartSkills).Reads() {
		return s.profileNote
	}
	b := newFollowButton(u.t("interview.profile_fill"), theme.DocumentCreateIcon(), func() { s.onSkillsProfile(q) }, s.follow)
	s.profileButton = b
	if s.first == nil {
		s.first = b
	}
	return container.NewVBox(s.profileNote, container.NewHBox(b))
}

// onSkillsProfile pauses the interview where it stands (this section) and
// opens the person's profile in the main window, proposed from the answers
// given so far; the way back resumes the interview.
func (s *interviewScreen) onSkillsProfile(q *model.Question) {
	iv := *s.iv // the answers so far seed the profile
	iv.Answers = nil
	for id, v := range s.answers {
		iv.Answers = append(iv.Answers, model.Answer{QuestionID: id, Value: v})
	}
	s.saver.flush()
	s.saveProgress(func() {
		u, p := s.u, s.person
		saver := s.saver
		u.inter = nil
		u.win.SetFullScreen(false)
		unheld(u, func(context.Context) error { saver.stop(); return nil }, func(error) {})
		u.signedIn(u.op)
		v := newSkillsView(u, p)
		v.fromInterview = &iv
		ivID, qid := iv.ID, q.ID
		v.afterSave = func(ctx context.Context, db Store, saved *model.SkillsProfile) error {
			return db.SaveAnswer(ctx, ivID, qid, model.SkillsProfileAnswer(saved.Version))
		}
		u.home.showFromInterview(v.build(), func() { u.resumeInterview(iv.CaseID, p) })
	})
}

// showFromInterview shows a screen opened from a paused interview under a
// button back to it; Escape goes back too.
func (h *home) showFromInterview(o fyne.CanvasObject, back func()) {
	b := widget.NewButtonWithIcon(h.u.t("interview.back_to_interview"), theme.NavigateBackIcon(), back)
	b.Alignment = widget.ButtonAlignLeading
	h.display(container.NewBorder(container.NewHBox(b), nil, nil, nil, o), back)
}

// resumeInterview reopens the case's interview in progress where it was
// paused, its answers read again from the store; with none (ended
// meanwhile), the case.
func (u *App) resumeInterview(caseID int64, p *model.Person) {
	db := u.db
	load(u, func(ctx context.Context) (*model.Interview, error) {
		return db.InterviewInProgress(ctx, caseID)
	}, func(iv *model.Interview) {
		if iv == nil {
			u.home.onOpenPerson(p.ID)
			return
		}
		u.openInterview(iv, p)
		if b := u.inter.profileButton; b != nil {
			u.win.Canvas().Focus(b) // back where the operator left
		}
	}, u.showError)
}
