package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A long form follows the keyboard: when Tab gives the focus to a field
// below the fold, the form scrolls to show it; back up, it scrolls back.
// This runs the real watch, off the test's goroutine, so -race sees it.
func TestLongFormFollowsTheFocus(t *testing.T) {
	test.NewTempApp(t)
	box := container.NewVBox()
	var entries []*widget.Entry
	for range 30 {
		e := widget.NewEntry()
		entries = append(entries, e)
		box.Add(container.NewBorder(nil, nil, widget.NewLabel("Campo"), nil, e))
	}
	sc := container.NewVScroll(box)
	w := test.NewTempWindow(t, sc)
	w.Resize(fyne.NewSize(300, 240))
	ui := make(chan func()) // the UI goroutine is this test's: it runs what the watch sends
	gone := make(chan struct{})
	t.Cleanup(func() { close(gone) })
	u := &App{win: w, do: func(f func()) {
		select {
		case ui <- f:
		case <-gone: // the test is over: nothing of it is touched again
		}
	}}
	u.followFocus(sc)

	shows := func(e *widget.Entry) bool {
		d := fyne.CurrentApp().Driver()
		top := d.AbsolutePositionForObject(e).Y - d.AbsolutePositionForObject(sc).Y
		return top >= 0 && top+e.Size().Height <= sc.Size().Height
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for end := time.After(3 * time.Second); ; {
			select {
			case f := <-ui:
				f()
				if ok() {
					return
				}
				continue
			case <-end:
			}
			break
		}
		t.Fatalf("%s: not shown (offset %v)", what, sc.Offset)
	}
	w.Canvas().Focus(entries[25])
	waitFor("field 26 focused", func() bool { return shows(entries[25]) })
	w.Canvas().Focus(entries[1])
	waitFor("field 2 focused again", func() bool { return shows(entries[1]) })
}
