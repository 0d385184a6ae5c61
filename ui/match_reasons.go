package ui

import (
	"fmt"
	"slices"
	"time"

	"sportello/model"
)

// matchReason renders one reason of a match in the interface language
// (locale keys match.<code>, arguments as {{.A0}}, {{.A1}}, ... and
// {{.N}}); a gap is followed by the plan action that would close it.
func (u *App) matchReason(r model.MatchReason) string {
	data := map[string]any{"N": r.N}
	for i, a := range r.Args {
		if a == "" {
			a = u.t("match.none")
		} else {
			a = u.matchArg(r.Code, i, a)
		}
		data[fmt.Sprintf("A%d", i)] = a
	}
	s := u.tr.Tf("match."+r.Code, data)
	if r.Gap && r.Action.Key != "" {
		s += " → " + u.tr.Tf(r.Action.Key, data)
	}
	return s
}

// matchArg is an argument of a reason in words: a language's name, the
// hours, licence and certificate in the interface language, a date as
// dd/mm/yyyy; codes and levels stay as they are.
func (u *App) matchArg(code string, i int, a string) string {
	lang := u.tr.Lang()
	switch {
	case (code == model.ReasonLanguage || code == model.ReasonLanguageBelow) && i == 0:
		if u.tr.Has("lang." + a) {
			return u.label("lang", a)
		}
	case code == model.ReasonHours || code == model.ReasonHoursOther:
		return codeLabel(model.WorkHours, a, lang)
	case code == model.ReasonLicence || code == model.ReasonLicenceMissing || code == model.ReasonCertMissing:
		if l := codeLabel(model.CertificateKinds, a, lang); l != a {
			return l
		}
		return codeLabel(model.LicenceCategories, a, lang)
	case code == model.ReasonAvailableLater:
		if t, err := time.Parse(time.DateOnly, a); err == nil {
			return dayText(t)
		}
	}
	return a
}

// codeLabel is the label of a code of the list, or the code itself when
// the list does not have it.
func codeLabel(list []model.Code, code, lang string) string {
	for _, c := range list {
		if c.Code == code {
			return c.Label(lang)
		}
	}
	return code
}

// matchKeys lists the message IDs matchReason builds, for DynamicKeys.
func matchKeys() []string {
	var keys []string
	for code := range model.MatchWeights {
		keys = append(keys, "match."+code)
	}
	for _, a := range model.MatchActions {
		if !slices.Contains(keys, a.Key) {
			keys = append(keys, a.Key)
		}
	}
	slices.Sort(keys)
	return keys
}
