package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// pageSize is how many rows the list fetches at a time.
const pageSize = 100

// maxPages bounds the rows kept in memory while scrolling.
const maxPages = 10

// personList is the search box and the virtualised list of persons: it
// knows the count and fetches only the pages being shown.
type personList struct {
	u      *App
	search *widget.Entry
	count  *widget.Label
	list   *widget.List
	onOpen func(id int64)

	query   string
	total   int
	gen     int // bumped on each new query; older answers are dropped
	pages   map[int][]model.PersonSummary
	loading map[int]bool
	timer   *time.Timer

	settled  *time.Timer // a search left alone this long is recorded in the audit trail
	recorded string      // the last search recorded
	openID   int64       // the person whose case was opened from the list
}

func newPersonList(u *App, onOpen func(int64)) *personList {
	l := &personList{u: u, onOpen: onOpen, search: widget.NewEntry(), count: widget.NewLabel(""),
		pages: map[int][]model.PersonSummary{}, loading: map[int]bool{}}
	l.search.SetPlaceHolder(u.t("list.search_placeholder"))
	// The count never runs under the screen beside the list on a small
	// screen: what does not fit ends in "…".
	l.count.Truncation = fyne.TextTruncateEllipsis
	l.search.OnChanged = l.onSearch
	l.list = widget.NewList(func() int { return l.total }, l.newRow, l.updateRow)
	l.list.OnSelected = l.onSelected
	return l
}

func (l *personList) build() fyne.CanvasObject {
	l.reload()
	top := container.NewVBox(inTypedScript(l.search), l.count)
	// The search comes before the list in the objects, so that Tab goes
	// from the search to the list (NewBorder would put the list first).
	return container.New(layout.NewBorderLayout(top, nil, nil, nil), top, l.list)
}

func (l *personList) newRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	own := newScriptText("", "")
	info := widget.NewLabel("")
	return container.NewVBox(container.NewHBox(name, layout.NewSpacer(), own), info)
}

func (l *personList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	line := box.Objects[0].(*fyne.Container)
	name, own := line.Objects[0].(*widget.Label), line.Objects[2].(*scriptText)
	info := box.Objects[1].(*widget.Label)
	s, ok := l.row(id)
	if !ok {
		name.Importance = widget.MediumImportance
		name.SetText("…")
		own.SetText("", "")
		info.SetText("")
		return
	}
	name.Importance = widget.MediumImportance
	if s.ID == l.openID {
		name.Importance = widget.HighImportance
	}
	name.SetText((&model.Person{FamilyName: s.FamilyName, GivenNames: s.GivenNames}).DisplayName())
	if s.FamilyName == "" { // only an erased person has no family name
		name.SetText(l.u.t("erase.anonymised"))
	}
	own.SetText(s.OwnScriptName, "") // direction from its first letter
	info.SetText(l.u.summaryLine(s))
}

// summaryLine is "case code · birth year · country" for a list row.
func (u *App) summaryLine(s model.PersonSummary) string {
	line := s.CaseCode
	if s.BirthYear != 0 {
		line += fmt.Sprintf(" · %d", s.BirthYear)
	}
	if c, ok := model.CountryByISO2(s.BirthCountry); ok {
		line += " · " + u.countryName(c)
	}
	return line
}

// row gives the summary at list position id, starting its page's load when
// it is not in memory yet.
func (l *personList) row(id int) (model.PersonSummary, bool) {
	page := id / pageSize
	if rows, ok := l.pages[page]; ok {
		if i := id % pageSize; i < len(rows) {
			return rows[i], true
		}
		return model.PersonSummary{}, false
	}
	l.loadPage(page)
	return model.PersonSummary{}, false
}

func (l *personList) loadPage(page int) {
	if l.loading[page] {
		return
	}
	l.loading[page] = true
	gen, query := l.gen, l.query
	db := l.u.db
	load(l.u, func(ctx context.Context) ([]model.PersonSummary, error) {
		return db.FindPersons(ctx, model.PersonFilter{Query: query, Offset: page * pageSize, Limit: pageSize})
	}, func(rows []model.PersonSummary) {
		if gen != l.gen {
			return
		}
		delete(l.loading, page)
		if len(l.pages) >= maxPages {
			l.pages = map[int][]model.PersonSummary{}
		}
		l.pages[page] = rows
		l.list.Refresh()
	}, func(err error) {
		if gen == l.gen {
			delete(l.loading, page)
			l.u.showError(err)
		}
	})
}

// onSearch waits for a short pause in typing, then searches.
func (l *personList) onSearch(text string) {
	if l.u.sync {
		l.reload()
		return
	}
	if l.timer != nil {
		l.timer.Stop()
	}
	do := l.u.do
	l.timer = time.AfterFunc(150*time.Millisecond, func() { do(l.reload) })
}

// reload counts the matches of the current search and shows the first page.
func (l *personList) reload() {
	l.gen++
	gen, query := l.gen, l.search.Text
	db := l.u.db
	load(l.u, func(ctx context.Context) (found, error) {
		var f found
		var err error
		if f.total, err = db.CountPersons(ctx, query); err != nil {
			return f, err
		}
		f.first, err = db.FindPersons(ctx, model.PersonFilter{Query: query, Limit: pageSize})
		return f, err
	}, func(f found) {
		if gen != l.gen {
			return
		}
		total := f.total
		l.query, l.total = query, min(total, store.CountCap)
		l.pages = map[int][]model.PersonSummary{0: f.first}
		l.loading = map[int]bool{}
		if total > store.CountCap {
			// A search stops counting there: type more to narrow it.
			l.count.SetText(l.u.tr.Tf("list.count_more", map[string]any{"Count": l.u.number(store.CountCap)}))
		} else {
			l.count.SetText(l.u.tr.N("list.count", total))
		}
		l.list.UnselectAll()
		l.list.Refresh()
		l.list.ScrollToTop()
		l.searchSettles()
	}, func(err error) {
		if gen == l.gen {
			l.u.showError(err)
		}
	})
}

// found is a search's count of matches and its first page.
type found struct {
	total int
	first []model.PersonSummary
}

// searchSettles records the search once the operator stops typing for a
// while, so the trail holds what was looked for, not every keystroke.
func (l *personList) searchSettles() {
	if l.u.sync {
		l.recordSearch()
		return
	}
	if l.settled != nil {
		l.settled.Stop()
	}
	do := l.u.do
	l.settled = time.AfterFunc(3*time.Second, func() { do(l.recordSearch) })
}

// recordSearch writes the current search to the audit trail, once.
func (l *personList) recordSearch() {
	q := strings.TrimSpace(l.query)
	if q == "" || q == l.recorded || l.u.op == nil {
		return
	}
	l.recorded = q
	db, by := l.u.db, l.u.operatorID()
	save(l.u, func(ctx context.Context) error { return db.RecordSearch(ctx, by, q) }, func(err error) {
		if err != nil {
			l.u.showError(err)
		}
	})
}

// onSelected opens the person's case. The row is unselected at once: a
// List does not tell when its selected row is clicked again, and a click on
// the open person must bring their case back (from the plan, say). The open
// person's name is drawn in the accent colour instead.
func (l *personList) onSelected(id widget.ListItemID) {
	l.list.Unselect(id)
	if s, ok := l.row(id); ok {
		l.recordSearch() // the search that found the person, before the opening
		l.openID = s.ID
		l.list.Refresh()
		l.onOpen(s.ID)
	}
}
