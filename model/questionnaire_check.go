package model

// Loading and checking a questionnaire definition.

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ParseQuestionnaire reads and checks a definition. A malformed one gives an
// *Error whose Field and Message name the question at fault.
func ParseQuestionnaire(data []byte) (qn *Questionnaire, err error) {
	qn = &Questionnaire{}
	if err := json.Unmarshal(data, qn); err != nil {
		return nil, &Error{Code: ErrInvalid, Message: "questionnaire: not valid JSON: " + err.Error()}
	}
	if err := qn.check(); err != nil {
		return nil, err
	}
	return qn, nil
}

func (qn *Questionnaire) check() error {
	if strings.TrimSpace(qn.Version) == "" {
		return &Error{Code: ErrRequired, Field: "version", Message: "questionnaire: no version"}
	}
	if len(qn.Sections) == 0 {
		return &Error{Code: ErrRequired, Field: "sections", Message: "questionnaire: no sections"}
	}
	seen := map[string]bool{}
	for _, s := range qn.Sections {
		if !idPart.MatchString(s.ID) || seen["section:"+s.ID] {
			return &Error{Code: ErrInvalid, Field: s.ID, Message: fmt.Sprintf("section %q: empty, repeated or not a lower-case id", s.ID)}
		}
		seen["section:"+s.ID] = true
		if len(s.Questions) == 0 {
			return &Error{Code: ErrRequired, Field: s.ID, Message: fmt.Sprintf("section %q has no questions", s.ID)}
		}
		for i := range s.Questions {
			if err := qn.checkQuestion(&s.Questions[i], s.ID, false, seen); err != nil {
				return err
			}
		}
	}
	return nil
}

func (qn *Questionnaire) checkQuestion(q *Question, parent string, inGroup bool, seen map[string]bool) error {
	bad := func(format string, args ...any) error {
		return &Error{Code: ErrInvalid, Field: q.ID, Message: fmt.Sprintf("question %q: ", q.ID) + fmt.Sprintf(format, args...)}
	}
	if !strings.HasPrefix(q.ID, parent+".") || !idPart.MatchString(q.ID[len(parent)+1:]) || strings.Contains(q.ID[len(parent)+1:], ".") {
		return bad("the id must be %q followed by one lower-case part", parent+".")
	}
	if seen[q.ID] {
		return bad("the id is used twice")
	}
	seen[q.ID] = true
	switch q.Type {
	case QText, QNumber, QDate, QYesNo:
		if len(q.Options) > 0 {
			return bad("a %s question has no options", q.Type)
		}
	case QSingle, QMulti:
		if len(q.Options) < 2 {
			return bad("a %s question needs at least two options", q.Type)
		}
		opts := map[string]bool{}
		for _, o := range q.Options {
			if !idPart.MatchString(o) || reservedKeys[o] || opts[o] {
				return bad("option %q is empty, repeated, reserved or not a lower-case id", o)
			}
			opts[o] = true
		}
	case QGroup:
		if inGroup {
			return bad("groups cannot be nested")
		}
		if len(q.Fields) == 0 {
			return bad("a group needs fields")
		}
		if len(q.Flags) > 0 || q.ShowIf != nil {
			return bad("a group itself has no flags or conditions; its fields do")
		}
		for i := range q.Fields {
			if err := qn.checkQuestion(&q.Fields[i], q.ID, true, seen); err != nil {
				return err
			}
		}
	case QSkillsProfile:
		if inGroup {
			return bad("a skills_profile element cannot be in a group")
		}
		if len(q.Options) > 0 || len(q.Fields) > 0 || len(q.Flags) > 0 || q.ShowIf != nil {
			return bad("a skills_profile element has no options, fields, flags or conditions")
		}
		if seen["type:"+QSkillsProfile] {
			return bad("a questionnaire has one skills_profile element")
		}
		seen["type:"+QSkillsProfile] = true
	default:
		return bad("unknown type %q", q.Type)
	}
	if c := q.ShowIf; c != nil {
		ref := qn.Question(c.Question)
		if ref == nil || !seen[c.Question] || ref.Type == QGroup {
			return bad("show_if refers to %q, which is not an earlier question", c.Question)
		}
		if len(c.In) == 0 {
			return bad("show_if needs values")
		}
		for _, v := range c.In {
			if !slicesContains(ref.Choices(), v) {
				return bad("show_if value %q is not an option of %q", v, c.Question)
			}
		}
	}
	for _, f := range q.Flags {
		if err := checkFlag(q, f); err != nil {
			return bad("%s", err.Error())
		}
	}
	return nil
}

func checkFlag(q *Question, f Flag) error {
	kinds := 0
	for _, set := range []bool{len(f.When) > 0, f.Over != nil, f.Under != nil, f.Min != nil} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		return fmt.Errorf("a flag needs exactly one of when, over, under, min")
	}
	if len(f.When) > 0 {
		if q.Type != QSingle && q.Type != QMulti && q.Type != QYesNo {
			return fmt.Errorf("\"when\" needs a question with options")
		}
		for _, v := range f.When {
			if !slicesContains(q.Choices(), v) {
				return fmt.Errorf("flag value %q is not an option", v)
			}
		}
	} else if q.Type != QNumber {
		return fmt.Errorf("over, under and min need a number question")
	}
	if len(f.Raise) == 0 {
		return fmt.Errorf("a flag raises nothing")
	}
	for _, r := range f.Raise {
		if _, ok := IndicatorByRef(r); !ok {
			return fmt.Errorf("unknown indicator %q", r)
		}
	}
	return nil
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
