package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// statusLine is the line under a screen that says what just happened:
// hidden while it has nothing to say, so that it takes no room on a small
// screen.
type statusLine struct {
	widget.Label
}

func newStatusLine() *statusLine {
	s := &statusLine{}
	s.Wrapping = fyne.TextWrapWord
	s.ExtendBaseWidget(s)
	s.Hide()
	return s
}

// SetText shows the text, or hides the line when it is empty.
func (s *statusLine) SetText(text string) {
	s.Label.SetText(text)
	if text == "" {
		s.Hide()
	} else {
		s.Show()
	}
}
