package ui

// How far the interview is: answered questions of those shown, and the
// question before ending with some unanswered.

import (
	"fyne.io/fyne/v2/dialog"

	"sportello/model"
)

// answered counts the questions shown (conditions honoured, a group's
// fields once per job) and those with an answer.
func (s *interviewScreen) answered() (done, shown int) {
	var count func(q *model.Question, inst int)
	count = func(q *model.Question, inst int) {
		if q.Type == model.QGroup {
			for i := 0; i < model.GroupCount(s.answers, q.ID); i++ {
				for fi := range q.Fields {
					count(&q.Fields[fi], i)
				}
			}
			return
		}
		if !s.qn.Visible(q, inst, s.answers) || !q.Asked() {
			return // the skills profile's element is no question
		}
		shown++
		if s.answers[model.AnswerID(q.ID, inst)] != "" {
			done++
		}
	}
	for si := range s.qn.Sections {
		for qi := range s.qn.Sections[si].Questions {
			count(&s.qn.Sections[si].Questions[qi], -1)
		}
	}
	return done, shown
}

// showProgress sets the bar to the share of shown questions answered.
func (s *interviewScreen) showProgress() {
	done, shown := s.answered()
	s.progress.Max = float64(max(shown, 1))
	s.progress.TextFormatter = func() string {
		return s.u.tr.Tf("interview.answered", map[string]any{"N": done, "Total": shown})
	}
	s.progress.SetValue(float64(done))
}

// onFinish ends the interview, asking first when questions are unanswered.
func (s *interviewScreen) onFinish() {
	done, shown := s.answered()
	if done >= shown {
		s.finish()
		return
	}
	u := s.u
	msg := u.N("interview.unanswered", shown-done)
	d := dialog.NewConfirm(u.t("interview.finish_title"), msg, func(ok bool) {
		if ok {
			s.finish()
		}
	}, u.win)
	d.SetConfirmText(u.t("interview.finish_anyway"))
	d.SetDismissText(u.t("interview.keep_going"))
	d.Show()
}
