package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"sportello/model"
)

// The activities form: reading and checking what was typed.

// readDay reads a whole day as people type it (model.ReadDate: 14/03/2026,
// 14.3.26, 2026-03-14); a month or a year alone is not a day.
func readDay(s string) (time.Time, bool) {
	pd, err := model.ReadDate(s)
	if err != nil || pd.Day == 0 {
		return time.Time{}, false
	}
	return time.Date(pd.Year, time.Month(pd.Month), pd.Day, 0, 0, 0, 0, time.UTC), true
}

// checkDate reads the date field: the day, or what is wrong with it ("" for
// an empty field, which the model calls required).
func (v *activitiesView) checkDate(s string) (time.Time, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, ""
	}
	d, ok := readDay(s)
	switch {
	case !ok:
		return time.Time{}, v.u.t("activities.date_invalid")
	case d.Format("2006-01-02") > nowFunc().Format("2006-01-02"):
		return d, v.u.t("activities.future_date")
	}
	return d, ""
}

// checkParticipants reads the number of people reached, or what is wrong with it.
func (v *activitiesView) checkParticipants(s string) (int, string) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	switch {
	case err != nil || n > model.MaxParticipants:
		return n, v.u.tr.Tf("activities.participants_invalid", map[string]any{"Max": model.MaxParticipants})
	case n < 0:
		return n, v.u.t("activities.participants_negative")
	}
	return n, ""
}

// liveCheck turns a field's check into an entry validator, so the entry
// marks itself while the person types.
func liveCheck[T any](check func(string) (T, string)) fyne.StringValidator {
	return func(s string) error {
		if _, msg := check(s); msg != "" {
			return errors.New(msg)
		}
		return nil
	}
}

// read takes the form into an activity, with the problems only the form
// can see (a date or a number it cannot read, a day after today), by field.
func (v *activitiesView) read() (*model.Activity, map[string]string) {
	u := v.u
	a := &model.Activity{Kind: model.ActivityKind(v.kind.code()), Place: strings.TrimSpace(v.place.Text),
		Notes: strings.TrimSpace(v.notes.Text), OperatorID: u.operatorID()}
	bad := map[string]string{}
	if a.Kind == "" {
		bad["kind"] = u.t("error.required")
	}
	var msg string
	if a.Date, msg = v.checkDate(v.date.Text); msg != "" {
		bad["date"] = msg
	}
	if a.Participants, msg = v.checkParticipants(v.participants.Text); msg != "" {
		bad["participants"] = msg
	}
	return a, bad
}

// showProblems puts the model's errors and the form's own under their
// fields, the form's own (more precise) winning; it reports whether every
// problem found a field.
func (v *activitiesView) showProblems(err error, bad map[string]string) bool {
	placed := v.u.showFieldErrors(err, v.fields...)
	for _, f := range v.fields {
		if msg, ok := bad[f.name]; ok {
			f.setError(msg)
		}
	}
	return placed || err == nil
}

func (v *activitiesView) onSave() {
	u := v.u
	a, bad := v.read()
	err := a.Validate(nowFunc())
	if err != nil || len(bad) > 0 {
		if v.showProblems(err, bad) {
			v.say(u.t("form.fix_errors"), true)
		} else {
			v.say(u.errText(err), true)
		}
		return
	}
	u.background(func() error {
		return v.db.CreateActivity(context.Background(), a, u.operatorID())
	}, func(err error) {
		if err != nil {
			if v.showProblems(err, nil) {
				v.say(u.t("form.fix_errors"), true)
			} else {
				v.say(u.errText(err), true)
			}
			return
		}
		v.showProblems(nil, nil)
		v.say(u.tr.Tf("activities.saved", map[string]any{"Activity": v.summary(*a)}), false)
		v.clear()
		v.shown = a.Date.Year()
		v.reload()
	})
}
