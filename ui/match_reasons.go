package ui

import (
	"fmt"
	"slices"

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
		}
		data[fmt.Sprintf("A%d", i)] = a
	}
	s := u.tr.Tf("match."+r.Code, data)
	if r.Gap && r.Action.Key != "" {
		s += " → " + u.tr.Tf(r.Action.Key, data)
	}
	return s
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
