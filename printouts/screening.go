package printouts

import (
	"fmt"
	"strings"

	"sportello/locales"
	"sportello/model"
)

// IndicatorKey is the message ID of an indicator's name: indicator.<ref>.
func IndicatorKey(ref string) string { return "indicator." + ref }

// IndicatorName is an indicator's name in tr's language (locales
// ui-indicators.*.toml): ILO and Delphi as the ILO words them and in
// Italian, 603-bis in the law's Italian and in English; a Delphi indicator
// with its dimension and strength. A language with no names of its own
// (the person's, in documents) gets the Italian.
func IndicatorName(tr *locales.Localizer, ref string) string {
	ind, ok := model.IndicatorByRef(ref)
	if !ok {
		return ref
	}
	name := tr.T(IndicatorKey(ref))
	if ind.Framework == "delphi" {
		return fmt.Sprintf("%s (%s, %s)", name, tr.T("delphi_dimension."+ind.Dimension), tr.T("strength."+string(ind.Strength)))
	}
	return name
}

// Reasons says which answers raised an indicator: «question» → answer.
func Reasons(tr *locales.Localizer, qn *model.Questionnaire, rs []model.Reason) string {
	var parts []string
	for _, r := range rs {
		qid, inst := model.SplitAnswerID(r.AnswerID)
		q := qn.Question(qid)
		if q == nil {
			continue
		}
		where := ""
		if inst >= 0 {
			where = " (" + tr.Tf("interview.instance", map[string]any{"N": inst + 1}) + ")"
		}
		parts = append(parts, fmt.Sprintf("«%s»%s → %s", tr.T(q.TextKey()), where, AnswerText(tr, q, r.Value)))
	}
	return strings.Join(parts, "; ")
}

// AnswerText is an answer as words: option labels, or the text as given.
func AnswerText(tr *locales.Localizer, q *model.Question, value string) string {
	if len(q.Choices()) == 0 {
		return value
	}
	var labels []string
	for _, v := range strings.Split(value, ",") {
		labels = append(labels, tr.T(q.OptionKey(v)))
	}
	return strings.Join(labels, ", ")
}
