package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// viewMode is how the interview is shown.
type viewMode int

const (
	viewBilingual viewMode = iota // operator's and person's language side by side
	viewOperator                  // operator's language only
	viewPerson                    // full screen, large, the person's language only
)

// interviewScreen takes an interview: one section at a time, every answer
// saved as it is given, the view switchable at any moment (buttons and
// Ctrl+1/2/3), the person's language changeable mid-way. It fills the
// window; done brings back the main screen.
type interviewScreen struct {
	u      *App
	qn     *model.Questionnaire
	iv     *model.Interview
	person *model.Person
	done   func()

	answers    map[string]string
	section    int
	view       viewMode
	ptr        *locales.Localizer // the person's language
	resumedAt  time.Time
	spent      time.Duration // before this sitting
	saver      *answerSaver
	conditions map[string]bool // questions other questions depend on

	root     *fyne.Container
	progress *widget.ProgressBar
	saved    *widget.Label
	// options and entries on screen now, by "answerID=option" and answerID
	options map[string]*optionButton
	entries map[string]*answerEntry
	first   fyne.Focusable    // the section's first answer widget
	scroll  *container.Scroll // the section's questions
	keys    map[string]func() // the interview's shortcuts, by name
	shown   [2]int            // section and view last drawn, -1 before the first

	// the skills profile's element (interview_skills.go)
	latest        *model.SkillsProfile // the person's newest version, or nil
	latestRead    bool                 // latest has been read
	profileNote   *widget.Label        // the element's summary, when on screen
	profileButton *followButton        // its button, when on screen
}

func newInterviewScreen(u *App, qn *model.Questionnaire, iv *model.Interview, p *model.Person, done func()) *interviewScreen {
	s := &interviewScreen{u: u, qn: qn, iv: iv, person: p, done: done, answers: map[string]string{},
		section: iv.Section, resumedAt: time.Now(), spent: iv.Duration, ptr: locales.ForPerson(iv.Language),
		conditions: map[string]bool{}, shown: [2]int{-1, -1}, root: container.NewStack(), progress: widget.NewProgressBar(),
		saved: widget.NewLabel("")}
	for _, a := range iv.Answers {
		s.answers[a.QuestionID] = a.Value
	}
	if s.section < 0 || s.section >= len(qn.Sections) {
		s.section = 0
	}
	for _, sec := range qn.Sections {
		for _, q := range sec.Questions {
			for _, f := range append([]model.Question{q}, q.Fields...) {
				if f.ShowIf != nil {
					s.conditions[f.ShowIf.Question] = true
				}
			}
		}
	}
	s.saver = newAnswerSaver(u, iv.ID, func(err error) {
		if err != nil {
			s.saved.SetText(u.errText(err))
			s.saved.Importance = widget.DangerImportance
		} else {
			s.saved.SetText(u.t("interview.saved"))
			s.saved.Importance = widget.SuccessImportance
		}
		s.saved.Refresh()
	})
	return s
}

func (s *interviewScreen) build() fyne.CanvasObject {
	s.loadProfile()
	s.render()
	s.addShortcuts()
	return s.root
}

// setView switches the view; the person view goes full screen.
func (s *interviewScreen) setView(v viewMode) {
	s.view = v
	s.u.win.SetFullScreen(v == viewPerson)
	s.render()
}

// render draws the current section in the current view.
// The focus stays on the same answer, and the scroll where it was; a new
// section or view starts with the focus on its first answer.
func (s *interviewScreen) render() {
	s.u.idle.poke()
	key, offset := s.focusKey(), fyne.Position{}
	if s.scroll != nil {
		offset = s.scroll.Offset
	}
	fresh := s.shown != [2]int{s.section, int(s.view)}
	s.shown = [2]int{s.section, int(s.view)}
	s.options, s.entries, s.first, s.scroll = map[string]*optionButton{}, map[string]*answerEntry{}, nil, nil
	s.profileNote, s.profileButton = nil, nil
	s.showProgress()
	var body fyne.CanvasObject
	if s.view == viewPerson {
		body = s.personView()
	} else {
		body = s.operatorView()
	}
	s.root.Objects = []fyne.CanvasObject{body}
	s.root.Refresh()
	switch {
	case fresh:
		s.refocus("", s.first)
	case s.scroll != nil:
		s.scroll.ScrollToOffset(offset)
		if key != "" {
			s.refocus(key, nil)
		}
	}
}

func (s *interviewScreen) sectionTitle() string {
	return model.SectionKey(s.qn.Sections[s.section].ID)
}

// operatorView is the bilingual or operator-only view with the controls.
func (s *interviewScreen) operatorView() fyne.CanvasObject {
	u := s.u
	name := widget.NewLabelWithStyle(s.person.DisplayName()+" · "+s.person.CaseCode, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	views := container.NewHBox(
		s.viewButton(u.t("interview.view_bilingual")+" (Ctrl+1)", viewBilingual),
		s.viewButton(u.t("interview.view_operator")+" (Ctrl+2)", viewOperator),
		s.viewButton(u.t("interview.view_person")+" (Ctrl+3)", viewPerson),
	)
	lang := languageChoice(u)
	lang.setCode(s.iv.Language)
	lang.OnChanged = func(string) { s.onLanguage(lang.code()) }
	mediator := widget.NewEntry()
	mediator.SetText(s.iv.Mediator)
	mediator.SetPlaceHolder(u.t("interview.mediator"))
	mediator.OnChanged = func(v string) { s.iv.Mediator = v; s.saveProgressLater() }
	settings := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel(u.t("interview.person_language")), nil, lang),
		container.NewBorder(nil, nil, widget.NewLabel(u.t("interview.mediator")), nil, mediator))
	head := container.NewVBox(container.NewBorder(nil, nil, name, views),
		settings,
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(u.t(s.sectionTitle()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			s.saved, s.progress),
		widget.NewSeparator())

	var items []fyne.CanvasObject
	for i := range s.qn.Sections[s.section].Questions {
		q := &s.qn.Sections[s.section].Questions[i]
		items = append(items, s.questionBlock(q, -1)...)
	}
	form := s.scrollBox(container.NewPadded(container.NewVBox(items...)))
	top, bottom := container.NewPadded(head), container.NewPadded(s.navBar())
	// In reading order, so that Tab goes top to bottom.
	return container.New(layout.NewBorderLayout(top, bottom, nil, nil), top, form, bottom)
}

func (s *interviewScreen) viewButton(label string, v viewMode) *widget.Button {
	b := widget.NewButton(label, func() { s.setView(v) })
	if s.view == v {
		b.Importance = widget.HighImportance
	}
	return b
}

// navBar moves between sections, pauses, and ends the interview.
func (s *interviewScreen) navBar() fyne.CanvasObject {
	u := s.u
	back := widget.NewButtonWithIcon(s.keyHint(u.t("interview.back"), "interview.back_key"), theme.NavigateBackIcon(), s.onBack)
	if s.section == 0 {
		back.Disable()
	}
	pause := widget.NewButtonWithIcon(u.t("interview.pause"), theme.MediaPauseIcon(), s.onPause)
	var next *widget.Button
	if s.section == len(s.qn.Sections)-1 {
		next = widget.NewButtonWithIcon(s.keyHint(u.t("interview.finish"), "interview.next_key"), theme.ConfirmIcon(), s.onFinish)
	} else {
		next = widget.NewButtonWithIcon(s.keyHint(u.t("interview.next"), "interview.next_key"), theme.NavigateNextIcon(), s.onNext)
	}
	next.Importance = widget.HighImportance
	step := widget.NewLabel(u.tr.Tf("interview.step", map[string]any{"N": s.section + 1, "Total": len(s.qn.Sections)}))
	return container.NewHBox(back, step, layout.NewSpacer(), pause, next)
}

// questionBlock draws one question (or a group with its instances).
func (s *interviewScreen) questionBlock(q *model.Question, inst int) []fyne.CanvasObject {
	if q.Type == model.QGroup {
		return s.groupBlock(q)
	}
	if !s.qn.Visible(q, inst, s.answers) {
		return nil
	}
	u := s.u
	text := widget.NewLabelWithStyle(u.t(q.TextKey()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text.Wrapping = fyne.TextWrapWord
	var head fyne.CanvasObject = text
	if s.view == viewBilingual {
		head = container.NewGridWithColumns(2, text, newScriptParagraph(s.ptr.T(q.TextKey()), s.ptr.Lang()))
	}
	objs := []fyne.CanvasObject{head}
	if q.Help {
		help := widget.NewLabelWithStyle(u.t(q.HelpKey()), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		help.Wrapping = fyne.TextWrapWord
		var h fyne.CanvasObject = help
		if s.view == viewBilingual {
			h = container.NewGridWithColumns(2, help, newScriptParagraph(s.ptr.T(q.HelpKey()), s.ptr.Lang()))
		}
		objs = append(objs, h)
	}
	objs = append(objs, s.input(q, inst, false), widget.NewSeparator())
	return objs
}

// groupBlock draws every instance of a repeatable group and a button to add one.
func (s *interviewScreen) groupBlock(g *model.Question) []fyne.CanvasObject {
	u := s.u
	objs := []fyne.CanvasObject{s.bilingualTitle(g.TextKey(), nil)}
	n := model.GroupCount(s.answers, g.ID)
	for i := 0; i < n; i++ {
		var fields []fyne.CanvasObject
		for fi := range g.Fields {
			fields = append(fields, s.questionBlock(&g.Fields[fi], i)...)
		}
		num := map[string]any{"N": i + 1}
		if s.view == viewBilingual {
			// A card's title has one language: both go in its first row.
			fields = append([]fyne.CanvasObject{s.bilingualTitle(g.InstanceKey(), num)}, fields...)
			objs = append(objs, widget.NewCard("", "", container.NewVBox(fields...)))
			continue
		}
		objs = append(objs, widget.NewCard(u.tr.Tf(g.InstanceKey(), num), "", container.NewVBox(fields...)))
	}
	var add *followButton
	add = newFollowButton(u.t("interview.add_job"), theme.ContentAddIcon(), func() {
		s.answer(g.ID, strconv.Itoa(n+1), true)
		s.render()
		s.focusInstance(g, n) // typing goes on in the new job
	}, s.follow)
	if s.first == nil {
		s.first = add // no job yet: Enter adds one
	}
	return append(objs, add, widget.NewSeparator())
}

// bilingualTitle is a bold title in the operator's language and, in the
// bilingual view, beside it in the person's language, as questions are.
func (s *interviewScreen) bilingualTitle(key string, data map[string]any) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(s.u.tr.Tf(key, data), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if s.view != viewBilingual {
		return title
	}
	title.Wrapping = fyne.TextWrapWord
	person := newScriptParagraph(s.ptr.Tf(key, data), s.ptr.Lang())
	person.bold = true
	return container.NewGridWithColumns(2, title, person)
}
