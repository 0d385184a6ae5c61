package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// activityKindKeys name the activity kinds.
var activityKindKeys = map[model.ActivityKind]string{
	model.ActivityInfoSession:  "activities.kind_info_session",
	model.ActivityOutreach:     "activities.kind_outreach",
	model.ActivityAccompany:    "activities.kind_accompaniment",
	model.ActivityLegalConsult: "activities.kind_legal_consultation",
}

// activitiesView is "Attività": the counted work that names nobody
// (information sessions, outreach, accompaniments, legal consultations),
// recorded by any role for the programme's indicators, with this month's
// and a year's totals per kind and the year's list.
type activitiesView struct {
	u  *App
	db Store

	date, participants, place, notes *widget.Entry
	kind                             *choice
	fields                           []*field
	save                             *widget.Button
	status                           *widget.Label

	year          *widget.Select
	totals, list  *fyne.Container
	listTitle     *widget.Label
	all           []model.Activity // every activity, newest first
	shown, thisYr int              // the year shown, the current year
	listed        int              // how many of the year's activities the list shows
	updating      bool
}

// activitiesPage is how many more activities the list shows at a time: a
// regional desk records thousands a year, and a widget for each took tens
// of MB of the window.
const activitiesPage = 50

func newActivitiesView(u *App) *activitiesView {
	v := &activitiesView{u: u, totals: container.NewVBox(), list: container.NewVBox(), status: wrapped(),
		listTitle: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	v.db = u.db
	v.thisYr = nowFunc().Year()
	v.shown = v.thisYr
	v.date, v.participants, v.place = u.dateEntry(), widget.NewEntry(), widget.NewEntry()
	v.notes = widget.NewMultiLineEntry()
	v.notes.Wrapping = fyne.TextWrapWord
	v.notes.SetMinRowsVisible(2)
	v.place.SetPlaceHolder(u.t("activities.place_hint"))
	v.notes.SetPlaceHolder(u.t("activities.notes_hint"))
	codes, labels := make([]string, len(model.ActivityKinds)), make([]string, len(model.ActivityKinds))
	for i, k := range model.ActivityKinds {
		codes[i], labels[i] = string(k), v.kindLabel(k)
	}
	v.kind = newChoice(u, codes, labels)
	v.fields = []*field{
		newField("date", u.t("activities.date")+" *", v.date),
		// The Select itself goes on screen, not the choice around it: a
		// choice's Select does not know its wrapper, finds no canvas and
		// so never opens its list when tapped.
		newField("kind", u.t("activities.kind")+" *", v.kind),
		newField("participants", u.t("activities.participants"), v.participants),
		newField("place", u.t("activities.place"), v.place),
		newField("notes", u.t("activities.notes"), v.notes),
	}
	// A corrected field drops its error at once.
	clearWhen := func(f *field, ok func() bool) func(string) {
		return func(string) {
			if f.err.Visible() && ok() {
				f.setError("")
			}
		}
	}
	v.date.OnChanged = clearWhen(v.fields[0], func() bool {
		d, msg := v.checkDate(v.date.Text)
		return !d.IsZero() && msg == ""
	})
	v.kind.OnChanged = clearWhen(v.fields[1], func() bool { return v.kind.code() != "" })
	v.participants.OnChanged = clearWhen(v.fields[2], func() bool {
		_, msg := v.checkParticipants(v.participants.Text)
		return msg == ""
	})
	v.save = widget.NewButton(u.t("activities.save"), v.onSave)
	v.save.Importance = widget.HighImportance
	v.year = widget.NewSelect(nil, v.onYear)
	v.date.Validator = liveCheck(v.checkDate)
	v.participants.Validator = liveCheck(v.checkParticipants)
	v.status.Hide()
	v.clear()
	return v
}

func (v *activitiesView) build() fyne.CanvasObject {
	u := v.u
	if v.db == nil {
		return widget.NewLabel(u.t("activities.not_available"))
	}
	v.reload()
	title := widget.NewLabelWithStyle(u.t("activities.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := wrapped()
	intro.SetText(u.t("activities.intro"))
	form := widget.NewCard(u.t("activities.form"), "", container.NewVBox(formGrid(v.fields...),
		container.NewHBox(v.save), v.status))
	totals := container.NewBorder(nil, nil, widget.NewLabelWithStyle(u.t("activities.totals"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), container.NewHBox(widget.NewLabel(u.t("activities.year")), v.year))
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, intro, form, widget.NewSeparator(),
		totals, v.totals, widget.NewSeparator(), v.listTitle, v.list)))
}

// kindLabel is an activity kind in the interface language.
func (v *activitiesView) kindLabel(k model.ActivityKind) string {
	if key, ok := activityKindKeys[k]; ok {
		return v.u.t(key)
	}
	return string(k)
}

// clear empties the form for the next activity: today, one person.
func (v *activitiesView) clear() {
	v.date.SetText(nowFunc().Format("02/01/2006"))
	v.kind.ClearSelected()
	v.participants.SetText("1")
	v.place.SetText("")
	v.notes.SetText("")
}

// reload reads the activities and shows the totals and the list.
func (v *activitiesView) reload() {
	u, db := v.u, v.db
	load(u, func(ctx context.Context) ([]model.Activity, error) {
		return db.Activities(ctx, "", "")
	}, func(list []model.Activity) {
		v.all = list
		v.showYear()
	}, func(err error) { v.say(u.errText(err), true) })
}

// onYear shows another year's totals and list.
func (v *activitiesView) onYear(s string) {
	if v.updating {
		return
	}
	if y, err := strconv.Atoi(s); err == nil {
		v.shown = y
		v.showYear()
	}
}

// showYear offers the years that have activities (and the current one),
// then lays out the totals and the list of the year shown.
func (v *activitiesView) showYear() {
	u := v.u
	years := []string{strconv.Itoa(v.thisYr)}
	for _, a := range v.all { // newest first, so the years come in order
		if y := strconv.Itoa(a.Date.Year()); y != years[len(years)-1] && a.Date.Year() < v.thisYr {
			years = append(years, y)
		}
	}
	v.updating = true
	v.year.SetOptions(years)
	v.year.SetSelected(strconv.Itoa(v.shown))
	v.updating = false

	now := nowFunc()
	inYear := func(a model.Activity) bool { return a.Date.Year() == v.shown }
	inMonth := func(a model.Activity) bool { return a.Date.Year() == now.Year() && a.Date.Month() == now.Month() }
	columns := []string{u.tr.Tf("activities.in_year", map[string]any{"Year": v.shown})}
	filters := []func(model.Activity) bool{inYear}
	if v.shown == v.thisYr {
		columns = append([]string{u.t("activities.this_month")}, columns...)
		filters = append([]func(model.Activity) bool{inMonth}, filters...)
	}
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	cells := []fyne.CanvasObject{widget.NewLabel("")}
	for _, c := range columns {
		cells = append(cells, bold(c))
	}
	rows := append(append([]model.ActivityKind{}, model.ActivityKinds...), "")
	for _, k := range rows {
		if k == "" {
			cells = append(cells, bold(u.t("activities.total")))
		} else {
			cells = append(cells, widget.NewLabel(v.kindLabel(k)))
		}
		for _, keep := range filters {
			n, people := 0, 0
			for _, a := range v.all {
				if keep(a) && (k == "" || a.Kind == k) {
					n, people = n+1, people+a.Participants
				}
			}
			text := "—"
			if n > 0 {
				text = u.N("activities.count", n) + " · " + u.N("activities.people", people)
			}
			if k == "" {
				cells = append(cells, bold(text))
			} else {
				cells = append(cells, widget.NewLabel(text))
			}
		}
	}
	v.totals.Objects = []fyne.CanvasObject{container.NewGridWithColumns(len(columns)+1, cells...)}
	v.totals.Refresh()

	v.listTitle.SetText(u.tr.Tf("activities.list", map[string]any{"Year": v.shown}))
	v.listed = activitiesPage
	v.showList()
}

// showList lists the first v.listed activities of the year shown, newest
// first, with a button for the next page when there are more.
func (v *activitiesView) showList() {
	v.list.RemoveAll()
	more := false
	for _, a := range v.all {
		if a.Date.Year() != v.shown {
			continue
		}
		if len(v.list.Objects) == v.listed {
			more = true
			break
		}
		v.list.Add(v.row(a))
	}
	if len(v.list.Objects) == 0 {
		v.list.Add(widget.NewLabel(v.u.tr.Tf("activities.none", map[string]any{"Year": v.shown})))
	}
	if more {
		v.list.Add(widget.NewButton(v.u.t("audit.more"), func() {
			v.listed += activitiesPage
			v.showList()
		}))
	}
}

// summary is one activity on one line: date · kind · participants · place.
func (v *activitiesView) summary(a model.Activity) string {
	parts := []string{a.Date.Format("02/01/2006"), v.kindLabel(a.Kind), v.u.N("activities.people", a.Participants)}
	if a.Place != "" {
		parts = append(parts, a.Place)
	}
	return strings.Join(parts, " · ")
}

func (v *activitiesView) row(a model.Activity) fyne.CanvasObject {
	l := wrapped()
	l.SetText(v.summary(a))
	if a.Notes == "" {
		return l
	}
	n := wrapped()
	n.TextStyle.Italic = true
	n.SetText(a.Notes)
	return container.NewVBox(l, n)
}

// say shows a line under the Save button, red when it is a problem.
func (v *activitiesView) say(text string, problem bool) {
	v.status.Importance = widget.MediumImportance
	if problem {
		v.status.Importance = widget.DangerImportance
	}
	say(v.status, text)
}
