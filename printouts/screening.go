package printouts

import (
	"fmt"
	"strings"

	"sportello/locales"
	"sportello/model"
)

// IndicatorName is an indicator's name in tr's language where the tables
// have one (ILO in Italian and English, 603-bis in the law's Italian,
// Delphi in the ILO/EC English wording with dimension and strength).
func IndicatorName(tr *locales.Localizer, ref string) string {
	ind, _ := model.IndicatorByRef(ref)
	switch ind.Framework {
	case "ilo":
		var n int
		fmt.Sscanf(ref, "ilo.%d", &n)
		if tr.Lang() == "it" {
			return model.ILOIndicators[n-1].IT
		}
		return ind.EN
	case "delphi":
		return fmt.Sprintf("%s (%s, %s)", ind.EN, tr.T("delphi_dimension."+ind.Dimension), tr.T("strength."+string(ind.Strength)))
	}
	return ind.EN
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
