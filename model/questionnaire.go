package model

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Question types.
const (
	QText   = "text"
	QNumber = "number"
	QDate   = "date"
	QSingle = "single" // one option
	QMulti  = "multi"  // any options
	QYesNo  = "yesno"  // yes, no, don't know
	QGroup  = "group"  // repeatable group of fields (a job of the work history)
	// QSkillsProfile is no question put to the person: it links the
	// interview to the person's skills profile. Its answer is the version
	// made from the interview ("v3").
	QSkillsProfile = "skills_profile"
)

// SkillsProfileAnswer is the answer of a skills_profile element that links
// to version n of the profile.
func SkillsProfileAnswer(n int) string { return "v" + strconv.Itoa(n) }

// SkillsProfileVersion reads a skills_profile element's answer: the
// version it links to, or 0.
func SkillsProfileVersion(answer string) int {
	if !strings.HasPrefix(answer, "v") {
		return 0
	}
	n, err := strconv.Atoi(answer[1:])
	if err != nil || n < 1 {
		return 0
	}
	return n
}

// Asked reports whether q is put to the person (everything but the skills
// profile's link, which the operator fills in).
func (q *Question) Asked() bool { return q.Type != QSkillsProfile }

// YesNoOptions are the options of every yes/no question.
var YesNoOptions = []string{"yes", "no", "dk"}

// Questionnaire is a versioned interview definition: data, not code. Its
// texts live in the locales under the keys TextKey, HelpKey and OptionKey.
type Questionnaire struct {
	Version  string    `json:"version"`
	Sections []Section `json:"sections"`
}

// Section is one part of the interview.
type Section struct {
	ID        string     `json:"id"`
	Questions []Question `json:"questions"`
}

// Question is one question, or a repeatable group of them.
type Question struct {
	ID      string     `json:"id"`
	Type    string     `json:"type"`
	Options []string   `json:"options,omitempty"`
	Help    bool       `json:"help,omitempty"`
	ShowIf  *Condition `json:"show_if,omitempty"`
	Fields  []Question `json:"fields,omitempty"` // of a group
	Flags   []Flag     `json:"flags,omitempty"`
}

// Condition shows a question only when an earlier one has one of the values.
type Condition struct {
	Question string   `json:"question"`
	In       []string `json:"in"`
}

// Flag raises screening indicators when an answer is one of When, or a
// number is over Over, under Under or at least Min.
type Flag struct {
	When  []string `json:"when,omitempty"`
	Over  *float64 `json:"over,omitempty"`
	Under *float64 `json:"under,omitempty"`
	Min   *float64 `json:"min,omitempty"`
	Raise []string `json:"raise"`
}

// SectionKey is the message ID of a section's title.
func SectionKey(id string) string { return "q.section." + id }

// TextKey is the message ID of the question itself.
func (q *Question) TextKey() string { return "q." + q.ID + ".text" }

// HelpKey is the message ID of the question's explanation.
func (q *Question) HelpKey() string { return "q." + q.ID + ".help" }

// InstanceKey is the message ID of the title of one instance of a group,
// with its number as {{.N}} (e.g. "Job 2").
func (q *Question) InstanceKey() string { return "q." + q.ID + ".instance" }

// OptionKey is the message ID of one of the question's options.
func (q *Question) OptionKey(opt string) string {
	if q.Type == QYesNo {
		return "q.yn." + opt
	}
	return "q." + q.ID + "." + opt
}

// Choices are the options a person picks from (yes/no/don't know included).
func (q *Question) Choices() []string {
	if q.Type == QYesNo {
		return YesNoOptions
	}
	return q.Options
}

// Keys lists every message ID the questionnaire needs, sorted.
func (qn *Questionnaire) Keys() []string {
	set := map[string]bool{}
	for _, o := range YesNoOptions {
		set["q.yn."+o] = true
	}
	var add func(q *Question)
	add = func(q *Question) {
		set[q.TextKey()] = true
		if q.Help {
			set[q.HelpKey()] = true
		}
		if q.Type == QGroup {
			set[q.InstanceKey()] = true
		}
		if q.Type != QYesNo {
			for _, o := range q.Options {
				set[q.OptionKey(o)] = true
			}
		}
		for i := range q.Fields {
			add(&q.Fields[i])
		}
	}
	for _, s := range qn.Sections {
		set[SectionKey(s.ID)] = true
		for i := range s.Questions {
			add(&s.Questions[i])
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Question finds a question or group field by ID.
func (qn *Questionnaire) Question(id string) *Question {
	for si := range qn.Sections {
		for qi := range qn.Sections[si].Questions {
			q := &qn.Sections[si].Questions[qi]
			if q.ID == id {
				return q
			}
			for fi := range q.Fields {
				if q.Fields[fi].ID == id {
					return &q.Fields[fi]
				}
			}
		}
	}
	return nil
}

// AnswerID is where a question's answer is kept: the question ID, and for a
// field of a repeatable group the instance too ("work.jobs.sector#0").
func AnswerID(questionID string, instance int) string {
	if instance < 0 {
		return questionID
	}
	return questionID + "#" + strconv.Itoa(instance)
}

// SplitAnswerID undoes AnswerID; instance is -1 outside a group.
func SplitAnswerID(id string) (questionID string, instance int) {
	if i := strings.LastIndexByte(id, '#'); i >= 0 {
		if n, err := strconv.Atoi(id[i+1:]); err == nil {
			return id[:i], n
		}
	}
	return id, -1
}

// GroupCount is how many instances a group has: kept as the group's answer.
func GroupCount(answers map[string]string, groupID string) int {
	n, _ := strconv.Atoi(answers[groupID])
	return n
}

// Visible reports whether q is shown, given the answers so far; instance is
// the group instance for a group field (its condition looks in the same one).
func (qn *Questionnaire) Visible(q *Question, instance int, answers map[string]string) bool {
	if q.ShowIf == nil {
		return true
	}
	inst := -1
	if ref := qn.Question(q.ShowIf.Question); ref != nil && instance >= 0 && sameGroup(ref.ID, q.ID) {
		inst = instance
	}
	got := answers[AnswerID(q.ShowIf.Question, inst)]
	for _, v := range strings.Split(got, ",") {
		for _, want := range q.ShowIf.In {
			if v == want {
				return true
			}
		}
	}
	return false
}

func sameGroup(a, b string) bool {
	ia, ib := strings.LastIndexByte(a, '.'), strings.LastIndexByte(b, '.')
	return ia > 0 && ib > 0 && a[:ia] == b[:ib]
}

var idPart = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// reservedKeys cannot be option IDs: go-i18n reads them as plural forms or
// message fields, and text/help are the question's own keys.
var reservedKeys = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true,
	"other": true, "id": true, "description": true, "hash": true, "translation": true, "leftdelim": true,
	"rightdelim": true, "text": true, "help": true}
