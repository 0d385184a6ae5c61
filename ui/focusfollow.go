package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Long forms (registration, plan, skills profile) scroll to the field that
// takes the focus, so that Tab never leaves the cursor below the fold.
// Fyne tells a widget, not its scroll, that it took the focus, and the
// forms are made of many kinds of widget; so while the form is on screen,
// a light watch (five times a second, on the UI goroutine) looks at which
// widget has the focus and brings it into view when it changed.

const followEvery = 200 * time.Millisecond

// followFocus keeps the focused widget inside sc visible while sc is on
// the window. Tests drive the scroll by calling scrollToShow.
func (u *App) followFocus(sc *container.Scroll) *container.Scroll {
	if u.sync || u.win == nil {
		return sc
	}
	var last fyne.Focusable
	shown, since := false, time.Now()
	tick := time.NewTicker(followEvery)
	do := u.do
	if do == nil {
		do = fyne.Do
	}
	go func() {
		for range tick.C {
			do(func() {
				c := fyne.CurrentApp().Driver().CanvasForObject(sc)
				if c == nil { // gone from the window, or never put there
					if shown || time.Since(since) > 10*time.Second {
						tick.Stop()
					}
					return
				}
				shown = true
				if f := c.Focused(); f != last && sc.Visible() {
					last = f
					if o, ok := f.(fyne.CanvasObject); ok && inside(sc.Content, o) {
						scrollToShow(sc, o)
					}
				}
			})
		}
	}()
	return sc
}

// inside tells whether o is in the tree under root.
func inside(root, o fyne.CanvasObject) bool {
	found := false
	walkObjects(root, func(x fyne.CanvasObject) bool {
		found = x == o
		return found
	})
	return found
}

// scrollToShow scrolls sc so that o, inside it, shows whole.
func scrollToShow(sc *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(sc).Y
	pad := theme.Padding()
	y := sc.Offset.Y
	switch h := o.Size().Height; {
	case top < pad:
		y += top - pad
	case top+h > sc.Size().Height-pad:
		y += top + h - sc.Size().Height + pad
	default:
		return
	}
	sc.ScrollToOffset(fyne.NewPos(sc.Offset.X, max(y, 0)))
}

// walkObjects visits root and what it holds, through the parts Fyne makes
// public (containers' objects, scrolls', cards' and overrides' content,
// an entry's action item), until visit says stop.
func walkObjects(root fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if root == nil {
		return false
	}
	if visit(root) {
		return true
	}
	var kids []fyne.CanvasObject
	switch o := root.(type) {
	case *fyne.Container:
		kids = o.Objects
	case *container.Scroll:
		kids = []fyne.CanvasObject{o.Content}
	case *container.ThemeOverride:
		kids = []fyne.CanvasObject{o.Content}
	case *widget.Card:
		kids = []fyne.CanvasObject{o.Content}
	case *widget.Entry:
		kids = []fyne.CanvasObject{o.ActionItem}
	case *picker:
		kids = []fyne.CanvasObject{o.Entry.ActionItem}
	}
	for _, k := range kids {
		if walkObjects(k, visit) {
			return true
		}
	}
	return false
}
