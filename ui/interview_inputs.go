package ui

// The widgets that take answers: entries for text, numbers and dates,
// option cards for choices.

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"sportello/model"
)

// input is the widget that takes q's answer.
func (s *interviewScreen) input(q *model.Question, inst int, big bool) fyne.CanvasObject {
	id := model.AnswerID(q.ID, inst)
	switch q.Type {
	case model.QSingle, model.QYesNo, model.QMulti:
		return s.choices(q, id, big)
	case model.QSkillsProfile:
		return s.skillsElement(q)
	}
	e := newAnswerEntry()
	e.onFocus, e.shortcut = s.follow, s.onShortcut
	if q.Type == model.QText {
		e.MultiLine = strings.HasPrefix(q.ID, "needs.") || strings.HasSuffix(q.ID, ".occupations")
		if e.MultiLine {
			e.Wrapping = fyne.TextWrapWord
		}
	}
	switch q.Type {
	case model.QNumber:
		if strings.HasSuffix(q.ID, "_year") {
			e.SetPlaceHolder(s.u.t("interview.year_hint"))
		}
		e.Validator = func(v string) error {
			if v == "" {
				return nil
			}
			if _, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64); err != nil {
				return errorText{s.u.t("error.invalid")}
			}
			return nil
		}
	case model.QDate:
		e.SetPlaceHolder(s.u.t("person.date_hint"))
		e.ActionItem = s.u.calendarButton(e, func() string { return e.Text }, e.SetText)
		e.Validator = func(v string) error {
			if _, err := model.ReadDate(v); err != nil {
				return errorText{s.u.t("error.date_invalid")}
			}
			return nil
		}
	}
	text := s.answers[id]
	if q.Type == model.QDate {
		if d, err := model.ParsePartialDate(text); err == nil {
			text = d.Italian() // kept as ISO, shown the Italian way
		}
	}
	e.SetText(text)
	e.OnChanged = func(v string) {
		if e.Validator != nil && e.Validator(v) != nil {
			return // not saved until it reads right
		}
		v = strings.TrimSpace(v)
		if d, err := model.ReadDate(v); q.Type == model.QDate && err == nil {
			v = d.String()
		}
		s.answer(id, v, false)
	}
	e.OnSubmitted = func(string) { s.u.win.Canvas().FocusNext() }
	s.entries[id] = e
	if s.first == nil {
		s.first = e
	}
	return e
}

// choices draws the options of a single, yes/no or multiple choice.
func (s *interviewScreen) choices(q *model.Question, id string, big bool) fyne.CanvasObject {
	selected := map[string]bool{}
	for _, v := range strings.Split(s.answers[id], ",") {
		selected[v] = v != ""
	}
	var buttons []*optionButton
	box := container.NewGridWithColumns(2)
	if big || q.Type == model.QMulti {
		box = container.NewGridWithColumns(1)
	}
	for _, opt := range q.Choices() {
		opt := opt
		op, pe := s.u.t(q.OptionKey(opt)), s.ptr.T(q.OptionKey(opt))
		switch s.view {
		case viewOperator:
			pe = ""
		case viewPerson:
			op = ""
		}
		b := newOptionButton(op, pe, s.ptr.Lang(), nil)
		b.big = big
		b.onFocus = s.follow
		b.selected = selected[opt]
		b.onTap = func() {
			if q.Type == model.QMulti {
				selected[opt] = !selected[opt]
			} else {
				for k := range selected {
					selected[k] = false
				}
				selected[opt] = true
			}
			var vals []string
			for _, o := range q.Choices() {
				if selected[o] {
					vals = append(vals, o)
				}
			}
			for i, o := range q.Choices() {
				buttons[i].setSelected(selected[o])
			}
			s.answer(id, strings.Join(vals, ","), true)
			qid, _ := model.SplitAnswerID(id)
			if s.conditions[qid] {
				s.render() // other questions depend on this one
			}
		}
		buttons = append(buttons, b)
		s.options[id+"="+opt] = b
		if s.first == nil {
			s.first = b
		}
		box.Add(b)
	}
	return box
}
