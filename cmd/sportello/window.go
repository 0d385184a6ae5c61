package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/go-gl/glfw/v3.4/glfw"

	"sportello/internal/osmem"
	"sportello/store"
	"sportello/ui"
)

// window opens the Sportello window on the configured database (or --db).
// A database that cannot be opened gets a window that says why, in the
// user's language, and leaves the file alone.
func (c *cli) window(args []string) int {
	fs, db := c.flags("window")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	cfg, err := ui.LoadConfig(ui.ConfigPath())
	if err != nil {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.config_unreadable", map[string]any{"Path": ui.ConfigPath(), "Detail": err.Error()}))
	}
	path := *db
	if path == "" {
		path = cfg.DBPath()
	}
	windowMemory()
	a := app.NewWithID("it.sportello.desk")
	desk := ui.NewDesk(path, store.Options{BusyTimeout: time.Second})
	if st := desk.State(); st == store.DeskNoKeyFile {
		err := &store.OpenError{Problem: store.ProblemNoKeyFile, Path: path}
		c.fail(err)
		showProblem(a, c.tr.T("dialog.error_title"), c.message(err))
		return 1
	}
	u := ui.NewSealed(a, desk, cfg)
	a.Lifecycle().SetOnStarted(func() { u.FitScreen(screenSize(u.Window())) })
	u.ShowAndRun()
	return 0
}

// windowMemory keeps the window's memory small: the Go heap of an open
// window is mostly screens and a page of rows (some 20 MB), and a
// collection at a quarter again the live heap (GOGC=25) instead of twice
// keeps a 100,000-person desk's window under 200 MB at a cost nobody sees
// while it waits for typing (at 50 it held 4-5 MB more). A GOGC the user
// set is left as it is. The window's program is mapped in small pages
// (osmem.SmallPages): only what it touches of its code and tables counts,
// not whole 2 MiB pages of it; where the kernel refuses, it runs as
// before.
func windowMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(windowGC)
	}
	osmem.SmallPages()
}

// windowGC is the window's GOGC.
const windowGC = 25

// screenSize is the size of the primary screen in the window's units, or
// zero when the driver cannot tell. Fyne has no API for it: GLFW, which
// Fyne's desktop driver runs on, is asked directly, on the main thread
// where the app's start runs.
func screenSize(w fyne.Window) fyne.Size {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	mode := m.GetVideoMode()
	scale := w.Canvas().Scale()
	if mode == nil || scale <= 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale)
}

// showProblem shows a small window with a message and a close button.
func showProblem(a fyne.App, title, msg string) {
	w := a.NewWindow("Sportello: " + title)
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, widget.NewButton("OK", func() { a.Quit() }), nil, nil, l))
	w.Resize(fyne.NewSize(520, 200))
	w.ShowAndRun()
}
