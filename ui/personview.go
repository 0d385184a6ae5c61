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
			n := model.GroupCount(s.answers, q.ID)
			if n > 0 {
				items = append(items, s.personHeading(s.ptr.T(q.TextKey())))
			}
			for i := 0; i < n; i++ {
				items = append(items, s.personHeading(s.ptr.Tf(q.InstanceKey(), map[string]any{"N": i + 1})))
				for fi := range q.Fields {
					add(&q.Fields[fi], i)
				}
			}
			return
		}
		if !s.qn.Visible(q, inst, s.answers) || !q.Asked() {
			return // the skills profile's element is the operator's
		}
		items = append(items, s.personHeading(s.ptr.T(q.TextKey())))
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

// personHeading is a large bold line in the person's language.
func (s *interviewScreen) personHeading(text string) *scriptText {
	h := newScriptParagraph(text, s.ptr.Lang())
	h.sizeName = theme.SizeNameHeadingText
	h.bold = true
	return h
}

func isRTL(lang string) bool {
	l, ok := model.LanguageByTag(lang)
	return ok && l.Direction == model.RTL
}
