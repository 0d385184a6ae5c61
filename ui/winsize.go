package ui

import "fyne.io/fyne/v2"

// The window's size: the one it had when last closed, or a default, never
// larger than the screen. Sportello runs on small laptops (1024×600), and
// Fyne cannot tell the screen's size before the window shows: the binary
// asks the driver once the app has started and calls FitScreen.

// WindowSize is a window size in Fyne units, kept in the configuration.
type WindowSize struct {
	Width  float32 `json:"width"`
	Height float32 `json:"height"`
}

var (
	// smallScreen is the size the window opens at when the screen is
	// unknown and nothing is remembered: it fits the smallest laptops.
	smallScreen = fyne.NewSize(1024, 600)
	// preferredSize is the first size on a larger screen.
	preferredSize = fyne.NewSize(1100, 720)
	// minWindow is the smallest size remembered: a window closed smaller
	// was likely minimised or broken, not chosen.
	minWindow = fyne.NewSize(640, 400)
)

// windowSize is the size to open at on a screen of the given size (zero
// when unknown).
func (c *Config) windowSize(screen fyne.Size) fyne.Size {
	want := preferredSize
	if screen.IsZero() {
		want = smallScreen
	}
	if w := c.Window; w != nil && w.Width >= minWindow.Width && w.Height >= minWindow.Height {
		want = fyne.NewSize(w.Width, w.Height)
	}
	if !screen.IsZero() {
		want = want.Min(screen)
	}
	return want
}

// FitScreen sizes the window for a screen of the given size in Fyne units
// (zero when unknown): the size remembered or the default, cut to fit.
func (u *App) FitScreen(screen fyne.Size) {
	u.win.Resize(u.config.windowSize(screen))
}

// rememberSize keeps the window's size in the configuration for the next
// start.
func (u *App) rememberSize() {
	s := u.win.Canvas().Size()
	if s.Width < minWindow.Width || s.Height < minWindow.Height || u.config.path == "" {
		return
	}
	u.config.Window = &WindowSize{Width: s.Width, Height: s.Height}
	u.config.Save()
}
