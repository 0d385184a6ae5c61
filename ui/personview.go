package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// personView is the screen turned towards the person: full screen, large
// type, only their language, options as big buttons. The operator leaves
// it with the small button or Ctrl+1.
func (s *interviewScreen) personView() fyne.CanvasObject {
	lang := s.ptr.Lang()
	title := newScriptParagraph(s.ptr.T(s.sectionTitle()), lang)
	title.sizeName = theme.SizeNameHeadingText
	title.bold = true
	var items []fyne.CanvasObject
	var add func(q *model.Question, inst int)
	add = func(q *model.Question, inst int) {
		if q.Type == model.QGroup {
			for i := 0; i < model.GroupCount(s.answers, q.ID); i++ {
				for fi := range q.Fields {
					add(&q.Fields[fi], i)
				}
			}
			return
		}
		if !s.qn.Visible(q, inst, s.answers) {
			return
		}
		text := newScriptParagraph(s.ptr.T(q.TextKey()), lang)
		text.sizeName = theme.SizeNameHeadingText
		text.bold = true
		items = append(items, text)
		if q.Help {
			items = append(items, newScriptParagraph(s.ptr.T(q.HelpKey()), lang))
		}
		items = append(items, s.input(q, inst, true), layout.NewSpacer(), widget.NewSeparator())
	}
	for i := range s.qn.Sections[s.section].Questions {
		add(&s.qn.Sections[s.section].Questions[i], -1)
	}
	// Forward points the way the person reads: left in Arabic script.
	fwd, bwd := "→", "←"
	if isRTL(lang) {
		fwd, bwd = "←", "→"
	}
	back := newOptionButton("", bwd, "", s.onBack)
	back.big = true
	next := newOptionButton("", fwd, "", s.onNext)
	next.big = true
	if s.section == len(s.qn.Sections)-1 {
		next = newOptionButton("", "✓", "", func() { s.setView(viewBilingual) })
		next.big = true
	}
	leave := widget.NewButton(s.u.t("interview.leave_person_view")+" (Ctrl+1)", func() { s.setView(viewBilingual) })
	leave.Importance = widget.LowImportance
	nav := container.NewGridWithColumns(2, back, next)
	if s.ptr.Lang() != "" && isRTL(lang) {
		nav = container.NewGridWithColumns(2, next, back) // forward is to the left
	}
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.saved, leave), title)
	head, foot := container.NewPadded(top), container.NewPadded(nav)
	form := s.scrollBox(container.NewPadded(container.NewVBox(items...)))
	return container.New(layout.NewBorderLayout(head, foot, nil, nil), head, form, foot)
}

func isRTL(lang string) bool {
	l, ok := model.LanguageByTag(lang)
	return ok && l.Direction == model.RTL
}
