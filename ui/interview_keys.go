package ui

// The interview by keyboard alone: Tab and Shift-Tab through the option
// cards and fields in reading order, the focused one scrolled into view,
// Space or Enter to choose, Ctrl+Enter to the next section (or the end),
// Ctrl+Shift+Enter back, Ctrl+1/2/3 for the views. The shortcuts reach the
// window even from inside a field, which would otherwise keep them.

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// answerEntry is an answer's field: it scrolls itself into view when it
// takes the focus, and hands the interview's shortcuts to the window.
type answerEntry struct {
	widget.Entry
	onFocus  func(fyne.CanvasObject)
	shortcut func(fyne.Shortcut) bool // true when the interview took it
}

func newAnswerEntry() *answerEntry {
	e := &answerEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *answerEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus(e)
	}
}

func (e *answerEntry) TypedShortcut(sc fyne.Shortcut) {
	if e.shortcut != nil && e.shortcut(sc) {
		return
	}
	e.Entry.TypedShortcut(sc)
}

// The section keys, on the main and the numeric keypad's Enter.
var (
	nextKeys = []fyne.Shortcut{
		&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault},
		&desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: fyne.KeyModifierShortcutDefault},
	}
	backKeys = []fyne.Shortcut{
		&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		&desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
	}
)

// addShortcuts puts the interview's keys on the window. They act only
// while this interview is on screen, unlocked, with no dialog open, and
// not ended.
func (s *interviewScreen) addShortcuts() {
	type key struct {
		sc fyne.Shortcut
		fn func()
	}
	var keys []key
	for i, v := range []viewMode{viewBilingual, viewOperator, viewPerson} {
		v := v
		sc := &desktop.CustomShortcut{KeyName: fyne.KeyName(strconv.Itoa(i + 1)), Modifier: fyne.KeyModifierShortcutDefault}
		keys = append(keys, key{sc, func() { s.setView(v) }})
	}
	for _, sc := range nextKeys {
		keys = append(keys, key{sc, s.onNextOrFinish})
	}
	for _, sc := range backKeys {
		keys = append(keys, key{sc, s.onBack})
	}
	s.keys = map[string]func(){}
	c := s.u.win.Canvas()
	for _, k := range keys {
		s.keys[k.sc.ShortcutName()] = k.fn
		c.AddShortcut(k.sc, func(sc fyne.Shortcut) { s.onShortcut(sc) })
	}
}

// onShortcut runs the interview's action for sc; false if it has none.
func (s *interviewScreen) onShortcut(sc fyne.Shortcut) bool {
	fn := s.keys[sc.ShortcutName()]
	if fn == nil {
		return false
	}
	if s.u.inter == s && !s.u.idle.locked() && s.iv.Status != model.InterviewCompleted && s.u.win.Canvas().Overlays().Top() == nil {
		fn()
	}
	return true
}

// onNextOrFinish is the section key: the next section, or the end.
func (s *interviewScreen) onNextOrFinish() {
	if s.section == len(s.qn.Sections)-1 {
		s.onFinish()
		return
	}
	s.onNext()
}

// keyHint is a button's label with its key.
func (s *interviewScreen) keyHint(label, key string) string {
	return label + " (" + s.u.t(key) + ")"
}

// follow scrolls the section so that o, which took the focus, shows whole.
func (s *interviewScreen) follow(o fyne.CanvasObject) {
	sc := s.scroll
	if sc == nil || fyne.CurrentApp() == nil {
		return
	}
	scrollToShow(sc, o)
}

// focusKey names the focused answer widget, to find it again after a redraw.
func (s *interviewScreen) focusKey() string {
	f := s.u.win.Canvas().Focused()
	if f == nil {
		return ""
	}
	for k, b := range s.options {
		if fyne.Focusable(b) == f {
			return k
		}
	}
	for k, e := range s.entries {
		if fyne.Focusable(e) == f {
			return k
		}
	}
	return ""
}

// refocus gives the focus back to the widget named key after a redraw, or
// to the section's first answer when the section is new.
func (s *interviewScreen) refocus(key string, first fyne.Focusable) {
	c := s.u.win.Canvas()
	if s.u.idle.locked() {
		return
	}
	var f fyne.Focusable
	if b := s.options[key]; b != nil {
		f = b
	} else if e := s.entries[key]; e != nil {
		f = e
	} else {
		f = first
	}
	if f != nil {
		c.Focus(f)
	}
}

// scrollBox is the section's scroll container, kept to follow the focus.
func (s *interviewScreen) scrollBox(content fyne.CanvasObject) *container.Scroll {
	s.scroll = container.NewVScroll(content)
	return s.scroll
}

// focusInstance focuses the first answer of a group's instance.
func (s *interviewScreen) focusInstance(g *model.Question, inst int) {
	for _, f := range g.Fields {
		id := model.AnswerID(f.ID, inst)
		if s.entries[id] != nil {
			s.refocus(id, nil)
			return
		}
		for _, opt := range f.Choices() {
			if s.options[id+"="+opt] != nil {
				s.refocus(id+"="+opt, nil)
				return
			}
		}
	}
}

// followButton is a button among the questions (add a job) that scrolls
// itself into view when it takes the focus.
type followButton struct {
	widget.Button
	onFocus func(fyne.CanvasObject)
}

func newFollowButton(label string, icon fyne.Resource, tapped func(), onFocus func(fyne.CanvasObject)) *followButton {
	b := &followButton{onFocus: onFocus}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *followButton) FocusGained() {
	b.Button.FocusGained()
	b.onFocus(b)
}
