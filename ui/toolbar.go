package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toolbar is a row of buttons that keeps to the width it is given: the
// buttons that do not fit go, in their order, into a "…" menu at its end.
// Put the actions used most first. Its minimum width is the "…" button's,
// so a toolbar never widens the window; give it the width it may use (the
// centre of a Border, a row of a VBox), not the width it asks for.
type toolbar struct {
	widget.BaseWidget
	buttons []*widget.Button
	more    *widget.Button
	hidden  []*widget.Button // the buttons in the menu, after the last layout
	row     *fyne.Container
}

func newToolbar(buttons ...*widget.Button) *toolbar {
	t := &toolbar{buttons: buttons}
	t.more = widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), t.onMore)
	objs := make([]fyne.CanvasObject, 0, len(buttons)+1)
	for _, b := range buttons {
		objs = append(objs, b)
	}
	t.row = container.New(toolbarLayout{t}, append(objs, t.more)...)
	t.ExtendBaseWidget(t)
	return t
}

func (t *toolbar) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.row) }

// add puts a button at the end of the toolbar.
func (t *toolbar) add(b *widget.Button) {
	t.buttons = append(t.buttons, b)
	t.row.Objects = append(t.row.Objects[:len(t.row.Objects)-1], b, t.more)
	t.row.Refresh()
}

// onMore shows the buttons that did not fit as a menu under "…".
func (t *toolbar) onMore() {
	var items []*fyne.MenuItem
	for _, b := range t.hidden {
		item := fyne.NewMenuItem(b.Text, b.OnTapped)
		item.Icon, item.Disabled = b.Icon, b.Disabled()
		items = append(items, item)
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(t.more)
	if c == nil || len(items) == 0 {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(t.more).AddXY(0, t.more.Size().Height)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// toolbarLayout lays the buttons out left to right at their minimum width,
// hiding those past the width and showing "…" when any is hidden.
type toolbarLayout struct{ t *toolbar }

func (l toolbarLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	s := l.t.more.MinSize()
	for _, b := range l.t.buttons {
		s.Height = max(s.Height, b.MinSize().Height)
	}
	return s
}

func (l toolbarLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	t, pad := l.t, theme.Padding()
	var all float32
	for i, b := range t.buttons {
		if i > 0 {
			all += pad
		}
		all += b.MinSize().Width
	}
	room := size.Width
	if all > size.Width {
		room -= t.more.MinSize().Width + pad // leave room for "…"
	}
	t.hidden = nil
	var x float32
	for _, b := range t.buttons {
		w := b.MinSize().Width
		if len(t.hidden) > 0 || x+w > room {
			t.hidden = append(t.hidden, b)
			b.Hide()
			continue
		}
		b.Show()
		b.Move(fyne.NewPos(x, 0))
		b.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
	if len(t.hidden) == 0 {
		t.more.Hide()
		return
	}
	t.more.Show()
	t.more.Move(fyne.NewPos(x, 0))
	t.more.Resize(fyne.NewSize(t.more.MinSize().Width, size.Height))
}
