package ui

import (
	"context"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// today is the operator's start screen: residence permits expiring within
// 60 days, plan reviews due, actions and referrals overdue, and follow-ups
// due 6 and 12 months after a case closed.
type today struct {
	u    *App
	open func(personID int64)
	box  *fyne.Container
}

func newToday(u *App, open func(int64)) *today {
	return &today{u: u, open: open, box: container.NewVBox(widget.NewLabel(u.t("case.loading")))}
}

func (v *today) build() fyne.CanvasObject {
	v.reload()
	title := widget.NewLabelWithStyle(v.u.t("today.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(v.u.t("home.welcome"))
	hint.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, hint, v.box)))
}

// todayFirst is how many items of each kind Today shows; the rest are
// one button away, in a list read a page at a time (today_list.go).
const todayFirst = 5

// reload reads the items again and shows them.
func (v *today) reload() {
	db, now := v.u.db, nowFunc()
	load(v.u, func(ctx context.Context) ([]model.TodayGroup, error) {
		return db.TodayGroups(ctx, now, todayFirst)
	}, func(groups []model.TodayGroup) {
		v.show(groups, now)
		v.box.Refresh()
	}, func(err error) {
		v.box.Objects = []fyne.CanvasObject{widget.NewLabel(v.u.errText(err))}
		v.box.Refresh()
	})
}

func (v *today) show(groups []model.TodayGroup, now time.Time) {
	u := v.u
	var cards []fyne.CanvasObject
	for _, g := range groups {
		if g.Kind == model.TodayRetention && !u.op.May(model.PermErase) {
			continue // reviewing what to keep is a coordinator's job
		}
		rows := container.NewVBox()
		for _, it := range g.Items {
			rows.Add(v.row(it))
		}
		if g.Total > len(g.Items) {
			grp := g
			rows.Add(widget.NewButton(u.tr.Tf("today.show_all", map[string]any{"Count": todayCount(u, g)}), func() {
				v.u.home.show(newTodayList(v.u, grp, now, v.open).build())
			}))
		}
		cards = append(cards, widget.NewCard("", "", container.NewVBox(todayHeading(todayTitle(u, g)), rows)))
	}
	if len(cards) == 0 {
		cards = append(cards, widget.NewLabel(u.t("today.nothing")))
	}
	v.box.Objects = cards
}

// todayCount is a kind's count as Today says it: "1.234", or "più di
// 1.000" past the cap.
func todayCount(u *App, g model.TodayGroup) string {
	if g.More {
		return u.tr.Tf("today.more_than", map[string]any{"Count": u.number(g.Total)})
	}
	return u.number(g.Total)
}

// todayTitle is a kind's title with its count.
func todayTitle(u *App, g model.TodayGroup) string {
	n := g.Total
	if g.More {
		n++ // the plural of "more than"
	}
	return capitalFirst(u.tr.Nf("today."+string(g.Kind), n, map[string]any{"Count": todayCount(u, g)}))
}

// capitalFirst starts a title with a capital letter, as "più di 1.000 …"
// at the start of a card's title wants; scripts without case are unchanged.
func capitalFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// todayHeading is a card's title that wraps: a card's own title keeps one
// line, and "Più di 1.000 invii senza risposta oltre la data attesa"
// made the window wider than a 1024×600 screen.
func todayHeading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// row is one item: its date, case, person and detail, and what can be
// done with it.
func (v *today) row(it model.TodayItem) fyne.CanvasObject {
	u := v.u
	var buttons fyne.CanvasObject = widget.NewButton(u.t("today.open"), func() { v.open(it.PersonID) })
	if it.Kind == model.TodayRetention {
		buttons = container.NewHBox(buttons, widget.NewButton(u.t("erase.today"), func() { v.onErase(it) }))
	}
	if it.ProposalID != 0 && u.op.Can(model.PartWork).Writes() {
		buttons = v.stillEmployedButtons(it, buttons)
	}
	line := widget.NewLabel(todayLine(u, it))
	line.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, nil, buttons, line)
}

// todayLine is an item as one line: date · case code · name · detail.
func todayLine(u *App, it model.TodayItem) string {
	return day(it.Date) + " · " + it.CaseCode + " · " + it.Name + detail(todayDetail(u, it))
}

func detail(s string) string {
	if s == "" {
		return ""
	}
	return " · " + s
}

// todayDetail words an item's detail in the interface language.
func todayDetail(u *App, it model.TodayItem) string {
	switch it.Kind {
	case model.TodayPermitExpiring:
		return u.tr.Tf("today.permit_detail", map[string]any{"Type": it.Detail})
	case model.TodayPlanReview:
		return u.tr.Tf("today.review_detail", map[string]any{"Version": it.Detail})
	}
	return it.Detail
}
