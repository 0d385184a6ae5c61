package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sportello/internal/osmem"
	"sportello/store"
)

// progressEvery is how often, at most, the comparison's progress is shown.
const progressEvery = 100 * time.Millisecond

// duplicatesScreen is "Doppioni" (issue #17): the pairs of files of the
// desk that are likely one person, most likely first, and the pair chosen
// side by side (duplicates_pair.go) to merge into one of the two or to say
// they are two persons. The coordinator's (model.PermDuplicates); the store
// refuses anyone else.
type duplicatesScreen struct {
	u        *App
	progress *widget.ProgressBar
	status   *widget.Label
	list     *widget.List
	detail   *fyne.Container
	root     *fyne.Container // laid out again when the bar or the status line comes or goes

	pairs    []store.DuplicatePair
	selected int // the pair shown, -1 for none
}

func newDuplicates(u *App) *duplicatesScreen {
	s := &duplicatesScreen{u: u, progress: widget.NewProgressBar(), status: wrapped(), detail: container.NewStack(),
		selected: -1}
	s.list = widget.NewList(func() int { return len(s.pairs) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelect
	return s
}

func (s *duplicatesScreen) build() fyne.CanvasObject {
	u := s.u
	title := widget.NewLabelWithStyle(u.t("duplicates.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(title, s.progress, s.status, widget.NewSeparator())
	// The pairs above, the two files side by side below with the whole
	// width; the detail scrolls both ways on the smallest screens.
	split := container.NewVSplit(s.list, u.followFocus(container.NewScroll(container.NewPadded(s.detail))))
	split.SetOffset(0.28)
	s.root = container.New(layout.NewBorderLayout(top, nil, nil, nil), top, split)
	s.compare("")
	return s.root
}

// compare reads the desk's likely pairs off the UI goroutine, the bar
// following the comparison; said, when not "", is said once they show.
func (s *duplicatesScreen) compare(said string) {
	u, db := s.u, s.u.db
	s.progress.SetValue(0)
	s.progress.Show()
	s.status.Importance = widget.MediumImportance
	s.say(u.t("duplicates.comparing"))
	s.showPair(-1)
	bar, do, inline := s.progress, u.do, u.sync
	var last time.Time // the worker's own
	progress := func(done, total int) {
		now := time.Now()
		if done < total && now.Sub(last) < progressEvery {
			return
		}
		last = now
		v := float64(done) / float64(max(total, 1))
		if inline {
			bar.SetValue(v)
			return
		}
		do(func() { bar.SetValue(v) })
	}
	load(u, func(ctx context.Context) ([]store.DuplicatePair, error) {
		return db.DuplicatePairs(ctx, progress)
	}, func(pairs []store.DuplicatePair) {
		s.show(pairs)
		// The persons read and prepared a key at a time are garbage now:
		// given back, not kept for minutes.
		go osmem.Release()
		if said != "" {
			if len(pairs) == 0 {
				said += " " + u.t("duplicates.none")
			}
			s.status.Importance = widget.SuccessImportance
			s.say(said)
		}
	}, s.failed)
}

// show lists the pairs found.
func (s *duplicatesScreen) show(pairs []store.DuplicatePair) {
	s.pairs = pairs
	s.progress.Hide()
	s.list.UnselectAll()
	s.list.Refresh()
	if len(pairs) == 0 {
		s.say(s.u.t("duplicates.none"))
	} else {
		s.say("")
	}
	s.showPair(-1)
}

// failed says why the pairs could not be read (a refusal among them).
func (s *duplicatesScreen) failed(err error) {
	s.progress.Hide()
	s.status.Importance = widget.DangerImportance
	s.say(s.u.errText(err))
}

// say shows a line under the bar, or hides it when text is "".
func (s *duplicatesScreen) say(text string) {
	say(s.status, text)
	s.relayout()
}

// relayout lays the screen out again, the bar or the status line gone or
// come back.
func (s *duplicatesScreen) relayout() {
	if s.root != nil {
		s.root.Refresh()
	}
}

func (s *duplicatesScreen) newRow() fyne.CanvasObject {
	score := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pair := widget.NewLabel("")
	pair.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, score, nil, pair)
}

func (s *duplicatesScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.pairs) {
		return
	}
	p, box := s.pairs[i], o.(*fyne.Container)
	box.Objects[1].(*widget.Label).SetText(s.u.tr.Tf("duplicates.score", map[string]any{"Score": scorePercent(p.Match)}))
	box.Objects[0].(*widget.Label).SetText(pairLine(p.A) + "   /   " + pairLine(p.B))
}

// pairLine is one file of a pair in the list: name and case code.
func pairLine(f store.PairFile) string { return f.DisplayName() + " · " + f.CaseCode }

func (s *duplicatesScreen) onSelect(i widget.ListItemID) { s.showPair(i) }

// showPair shows pair i side by side, or a hint when i is -1.
func (s *duplicatesScreen) showPair(i int) {
	s.selected = i
	if i < 0 || i >= len(s.pairs) {
		hint := wrappedText(s.u.t("duplicates.intro"))
		if len(s.pairs) == 0 {
			hint.Hide()
		}
		s.detail.Objects = []fyne.CanvasObject{hint}
		s.detail.Refresh()
		return
	}
	pair, db := s.pairs[i], s.u.db
	load(s.u, func(ctx context.Context) (filePair, error) {
		a, err := db.Person(ctx, pair.A.ID)
		if err != nil {
			return filePair{}, err
		}
		b, err := db.Person(ctx, pair.B.ID)
		if err != nil {
			return filePair{}, err
		}
		return filePair{A: *a, B: *b, Match: pair.Match}, nil
	}, func(files filePair) {
		if s.selected != i {
			return // another pair chosen meanwhile
		}
		s.detail.Objects = []fyne.CanvasObject{newPairView(s.u, files, s.done).build()}
		s.detail.Refresh()
	}, s.failed)
}

// done follows a merge or a "not the same person": the list is read
// again, and what happened said.
func (s *duplicatesScreen) done(said string) { s.compare(said) }
