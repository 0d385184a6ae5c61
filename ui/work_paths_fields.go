package ui

// What the internship and enterprise forms share: reading a day, a month,
// hours and an amount as typed at the desk, each giving the message ID of
// what is wrong ("" when the text reads), so that the form says it on the
// field and saves nothing; and the guard against leaving a form unsaved.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// readWorkDay reads a whole day, dd/mm/yyyy: "" is the zero time, a month or a
// year alone is refused. The day is at midnight UTC, as the store keeps it.
func readWorkDay(s string) (time.Time, string) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, ""
	}
	d, err := model.ReadDate(s)
	if err != nil || d.Day == 0 {
		return time.Time{}, "error.date_typed"
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), ""
}

// readMonth reads a month, mm/yyyy (a whole day counts for its month), as
// the first day of the month.
func readMonth(s string) (time.Time, string) {
	d, err := model.ReadDate(s)
	if err != nil || d.Month == 0 {
		return time.Time{}, "work_paths.month_typed"
	}
	return time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC), ""
}

// readHours reads hours, 30 or 12,5; "" is zero.
func readHours(s string) (float64, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ""
	}
	h, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || h != h {
		return 0, "work_paths.hours_typed"
	}
	if h < 0 {
		return 0, "work_paths.negative"
	}
	return h, ""
}

// readMoney reads euros typed the Italian way (600,00 or 5.000,00) into
// cents, as the plan's budget does; a negative amount has its own message.
func readMoney(s string) (int64, string) {
	if strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "€")), "-") {
		return 0, "work_paths.negative"
	}
	c, err := model.ReadAmount(s)
	if err != nil {
		return 0, "error.amount_typed"
	}
	return c, ""
}

// monthText is a month as mm/yyyy.
func monthText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("01/2006")
}

// hoursText is hours as typed back: 30, 12,5.
func hoursText(h float64) string {
	if h == 0 {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(h, 'f', -1, 64), ".", ",", 1)
}

// euroThousands is cents as 5.000,00, "" for none.
func euroThousands(c int64) string {
	if c == 0 {
		return ""
	}
	whole := strconv.FormatInt(c/100, 10)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "." + whole[i:]
	}
	return whole + "," + strconv.FormatInt(c%100/10, 10) + strconv.FormatInt(c%10, 10)
}

// errorLabel is a message under an input, hidden while it says nothing.
func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// sayOn shows msg on l, or hides l for "".
func sayOn(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// guardWorkLeave adds unsaved to what the screen being built guards: the
// tabs of the work view are built together, and each has its form.
func (u *App) guardWorkLeave(unsaved func() bool) {
	if u.home == nil {
		return
	}
	before := u.home.pending
	u.home.guardLeave(func() bool { return (before != nil && before()) || unsaved() })
}

// formState joins the texts of a form's inputs, to tell whether it changed.
func formState(objs ...fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range objs {
		switch w := o.(type) {
		case *widget.Entry:
			b.WriteString(w.Text)
		case *choice:
			b.WriteString(w.code())
		case *widget.Check:
			b.WriteString(strconv.FormatBool(w.Checked))
		}
		b.WriteByte(0)
	}
	return b.String()
}

// confirmDiscard asks before a form with changes is left, as leaving a
// screen does; next runs when the operator chooses to leave without saving.
func (u *App) confirmDiscard(next func()) {
	d := dialog.NewConfirm(u.t("leave.title"), u.t("work_paths.unsaved"), func(discard bool) {
		if discard {
			next()
		}
	}, u.win)
	d.SetConfirmText(u.t("leave.discard"))
	d.SetDismissText(u.t("leave.stay"))
	d.Show()
}

// onFields tells an error the model or the store gives about fields (said
// on them) from one about the whole (said on the status line).
func onFields(err error) bool {
	var list model.ValidationErrors
	var single *model.Error
	switch {
	case errors.As(err, &list):
		return true
	case errors.As(err, &single):
		return single.Field != ""
	}
	return false
}

// pathLabel is the label of an enumeration's value, as u.label, save that
// "other" (a reserved key of the message files) is kept as other_value.
func (u *App) pathLabel(kind string, value any) string {
	if fmt.Sprint(value) == "other" {
		return u.t(kind + ".other_value")
	}
	return u.label(kind, value)
}

// pathChoice is enumChoice labelled by pathLabel.
func pathChoice[T ~string](u *App, kind string, values []T) *choice {
	codes := make([]string, len(values))
	labels := make([]string, len(values))
	for i, v := range values {
		codes[i], labels[i] = string(v), u.pathLabel(kind, v)
	}
	return newChoice(u, codes, labels)
}

// showFormErrors says on each field of a work form what is wrong: the
// texts that do not read (bad: field name → message ID) or the model's
// refusal (err); the status line says to fix them, or what went wrong
// when it is not about a field. Nothing was saved.
func showFormErrors(u *App, fields map[string]*field, status *statusLine, err error, bad map[string]string) {
	var list []*field
	for _, fd := range fields {
		list = append(list, fd)
	}
	u.showFieldErrors(err, list...)
	for name, id := range bad {
		if fd := fields[name]; fd != nil {
			fd.setError(u.t(id))
		}
	}
	if err == nil || onFields(err) {
		status.SetText(u.t("form.fix_errors"))
	} else {
		status.SetText(u.errText(err))
	}
	u.relayout()
}

// workPathKeys lists the message IDs the internship and enterprise screens
// build at run time (pathLabel), for DynamicKeys.
func workPathKeys() []string {
	var keys []string
	add := func(kind string, values ...string) {
		for _, v := range values {
			if v == "other" {
				v = "other_value"
			}
			keys = append(keys, kind+"."+v)
		}
	}
	for _, v := range model.FundingKinds {
		add("funding_kind", string(v))
	}
	for _, v := range model.FundingStates {
		add("funding_state", string(v))
	}
	for _, v := range model.InternshipOutcomes {
		add("internship_outcome", string(v))
	}
	add("legal_form", model.LegalForms...)
	return keys
}
