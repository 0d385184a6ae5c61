package ui

// Moving through an interview: answers, sections, pause, the end.

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// answer keeps a value locally and hands it to the saver: at once for a
// choice, after a pause in typing for text.
func (s *interviewScreen) answer(id, value string, now bool) {
	s.u.idle.poke()
	if s.answers[id] == value {
		return
	}
	s.answers[id] = value
	if value == "" {
		delete(s.answers, id)
	}
	s.saved.SetText(s.u.t("interview.saving"))
	s.saved.Importance = widget.MediumImportance
	s.saved.Refresh()
	s.saver.put(id, value, now)
	s.showProgress()
}

func (s *interviewScreen) onLanguage(lang string) {
	if lang == "" || lang == s.iv.Language {
		return
	}
	s.iv.Language = lang
	s.ptr = locales.ForPerson(lang)
	s.saveProgress(nil)
	s.render()
}

func (s *interviewScreen) onNext() {
	if s.section < len(s.qn.Sections)-1 {
		s.section++
		s.saveProgress(nil)
		s.render()
	}
}

func (s *interviewScreen) onBack() {
	if s.section > 0 {
		s.section--
		s.saveProgress(nil)
		s.render()
	}
}

// onPause saves where the interview stands and goes back to the case; it
// resumes there next time.
func (s *interviewScreen) onPause() {
	s.saver.flush()
	s.saveProgress(func() {
		s.u.win.SetFullScreen(false)
		s.done()
	})
}

// elapsed is the time spent on the interview, all sittings together.
func (s *interviewScreen) elapsed() time.Duration {
	return s.spent + time.Since(s.resumedAt).Round(time.Second)
}

// saveProgress records section, time, language and mediator, then runs then.
func (s *interviewScreen) saveProgress(then func()) {
	iv := *s.iv
	iv.Section, iv.Duration = s.section, s.elapsed()
	iv.Answers = nil
	db := s.u.db
	save(s.u, func(ctx context.Context) error {
		return db.SaveProgress(ctx, &iv)
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		if then != nil {
			then()
		}
	})
}

// saveProgressLater saves progress after a pause in typing (the mediator's name).
func (s *interviewScreen) saveProgressLater() {
	if s.u.sync {
		s.saveProgress(nil)
		return
	}
	s.saver.after(func() { s.saveProgress(nil) })
}

// finish ends the interview: screening computed from the answers, saved
// with the interview, and shown with its reasons.
func (s *interviewScreen) finish() {
	s.saver.flush()
	screening := model.Screen(s.qn, s.answers)
	iv := *s.iv
	iv.Section, iv.Duration = s.section, s.elapsed()
	db, by := s.u.db, s.u.operatorID()
	write(s.u, func(ctx context.Context) (model.Interview, error) {
		err := db.CompleteInterview(ctx, &iv, screening, by)
		return iv, err
	}, func(done model.Interview) {
		*s.iv = done
		s.u.win.SetFullScreen(false)
		r := newScreeningView(s.u, s.qn, s.iv, s.answers, screening, s.done)
		if s.u.op.Can(model.PartSkills).Reads() {
			r.skills = s.openSkills
		}
		s.root.Objects = []fyne.CanvasObject{r.build()}
		s.root.Refresh()
	}, s.u.showError)
}

// openSkills leaves the ended interview for the person's skills profile,
// proposed from its answers when the person has none yet.
func (s *interviewScreen) openSkills() {
	u, p := s.u, s.person
	u.inter = nil
	u.signedIn(u.op)
	u.home.showFromCase(p, newSkillsView(u, p).build())
}

// leaveInterview takes the interview off the window when its operator
// signs out (from the lock screen too) or the window closes. The work it
// returns, to run off the UI goroutine before the desk closes, writes the
// answers still waiting for the typing pause and where the interview
// stands (section, time, language, mediator), so it resumes there.
func (u *App) leaveInterview() func() error {
	s := u.inter
	if s == nil {
		return func() error { return nil }
	}
	u.inter = nil
	iv := *s.iv
	iv.Section, iv.Duration, iv.Answers = s.section, s.elapsed(), nil
	db, saver := u.db, s.saver
	return func() error {
		saver.stop()
		if iv.Status == model.InterviewCompleted {
			return nil // ended already: only its screening is on screen
		}
		return db.SaveProgress(context.Background(), &iv)
	}
}
