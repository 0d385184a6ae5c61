package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// todayList is every item of one kind of Today's (tens of thousands of
// overdue actions on a regional desk): a virtualised list that reads only
// the pages being shown, with a way back to Today.
type todayList struct {
	u     *App
	kind  model.TodayKind
	total int
	now   time.Time
	open  func(personID int64)
	title *widget.Label

	list    *widget.List
	pages   map[int][]model.TodayItem
	loading map[int]bool
}

// newTodayList lists the items of g's kind; past Today's cap it counts
// them first.
func newTodayList(u *App, g model.TodayGroup, now time.Time, open func(int64)) *todayList {
	l := &todayList{u: u, kind: g.Kind, total: g.Total, now: now, open: open,
		pages: map[int][]model.TodayItem{}, loading: map[int]bool{}}
	l.title = widget.NewLabelWithStyle(todayTitle(u, g), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.title.Wrapping = fyne.TextWrapWord
	if g.More {
		l.count()
	}
	return l
}

// count reads the exact number of items, then shows them all.
func (l *todayList) count() {
	db, kind, now := l.u.db, l.kind, l.now
	load(l.u, func(ctx context.Context) (int, error) {
		return db.TodayCount(ctx, now, kind)
	}, func(n int) {
		l.total = n
		l.title.SetText(todayTitle(l.u, model.TodayGroup{Kind: l.kind, Total: n}))
		if l.list != nil {
			l.list.Refresh()
		}
	}, l.u.showError)
}

func (l *todayList) build() fyne.CanvasObject {
	back := widget.NewButton(l.u.t("today.back"), l.onBack)
	l.list = widget.NewList(func() int { return l.total }, l.newRow, l.updateRow)
	l.list.OnSelected = l.onSelected
	top := container.NewVBox(container.NewHBox(back, layout.NewSpacer()), l.title)
	return container.New(layout.NewBorderLayout(top, nil, nil, nil), top, l.list)
}

func (l *todayList) newRow() fyne.CanvasObject {
	line := widget.NewLabel("")
	line.Truncation = fyne.TextTruncateEllipsis
	return line
}

func (l *todayList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	line := o.(*widget.Label)
	if it, ok := l.item(id); ok {
		line.SetText(todayLine(l.u, it))
		return
	}
	line.SetText("…")
}

// onSelected opens the person's file, as the Open button of Today does.
func (l *todayList) onSelected(id widget.ListItemID) {
	l.list.Unselect(id)
	if it, ok := l.item(id); ok {
		l.open(it.PersonID)
	}
}

func (l *todayList) onBack() { l.u.home.showToday() }

// item gives the item at list position id, starting its page's load when
// it is not in memory yet.
func (l *todayList) item(id int) (model.TodayItem, bool) {
	page := id / pageSize
	if rows, ok := l.pages[page]; ok {
		if i := id % pageSize; i < len(rows) {
			return rows[i], true
		}
		return model.TodayItem{}, false
	}
	l.loadPage(page)
	return model.TodayItem{}, false
}

func (l *todayList) loadPage(page int) {
	if l.loading[page] {
		return
	}
	l.loading[page] = true
	db, kind, now := l.u.db, l.kind, l.now
	load(l.u, func(ctx context.Context) ([]model.TodayItem, error) {
		return db.TodayItems(ctx, now, kind, page*pageSize, pageSize)
	}, func(rows []model.TodayItem) {
		delete(l.loading, page)
		if len(l.pages) >= maxPages {
			l.pages = map[int][]model.TodayItem{}
		}
		l.pages[page] = rows
		l.list.Refresh()
	}, func(err error) {
		delete(l.loading, page)
		l.u.showError(err)
	})
}
