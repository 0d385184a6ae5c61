package ui

// The idle lock: after a time without input (Settings, 5 minutes unless
// set) while an operator is signed in, everything on the window, pop-ups
// and dialogs included, gives way to a lock screen until the same operator
// types their password again; the screen they left comes back as it was.
//
// What counts as input. Fyne v2.8 has no hook that hears every event:
//   - Keys go to the focused widget alone; the canvas's own handlers
//     (SetOnTypedKey, SetOnTypedRune) hear them only when nothing has the
//     focus (glfw window.go, processKeyPressed and processCharInput). They
//     are used for that case. Typing into an entry is seen by looking, at
//     every tick of the lock's timer (a tenth of the idle time), at the
//     focused object and, for an entry, at its text and cursor: any change
//     is input (counted at the tick, so the lock may come a tenth late).
//     That holds for every entry, those with no OnChanged too, so an
//     operator typing a long answer is never locked out mid-sentence.
//   - On every mouse move the glfw driver asks each object under the
//     pointer for its cursor (desktop.Cursorable), the outermost first. The
//     content sits in an activityArea that counts the move and answers the
//     default cursor, which the objects inside, asked after it, override.
//   - What the window does because of input counts too: a new screen
//     (setContent), database work started (load, save), an interview's
//     answers and redraws. A tap nearly always moves the mouse and changes
//     the screen, the focus or the pop-ups; the tick sees the last two.
//
// Nothing that runs by itself may call load, save or setContent on a
// timer, or the window would never lock.

import (
	"context"
	"fmt"
	"hash/maphash"
	"slices"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// stopper is a running timer (time.AfterFunc's, or a test's).
type stopper interface{ Stop() bool }

// idleAfter starts the idle lock's timers; tests replace it.
var idleAfter = func(d time.Duration, f func()) stopper { return time.AfterFunc(d, f) }

// idleLock watches for input and locks the window. Its state is touched
// on the UI goroutine only, but for last, which mouse moves write.
type idleLock struct {
	u     *App
	now   func() time.Time
	after func(time.Duration, func()) stopper // time.AfterFunc; tests drive it

	last    atomic.Int64 // the latest input, in Unix nanoseconds
	running bool         // an operator is signed in
	timer   stopper
	ticks   int        // counts the timers set, so a stopped one's tick is ignored
	seen    inputState // the focus and its text at the last tick

	screen  *lockScreen // while locked
	away    awayState   // what the lock screen hides
	held    []func()    // results of background work waiting for the unlock
	session int         // counts sign-outs: results of an earlier session are dropped
	// ctx is the session's: cancelled at the sign-out (or the window's
	// closing), it stops the reads still running for the screens left.
	ctx    context.Context
	cancel context.CancelFunc
}

// awayState is the window as the operator left it.
type awayState struct {
	content  fyne.CanvasObject
	overlays []fyne.CanvasObject
	focused  fyne.Focusable
}

func newIdleLock(u *App) *idleLock {
	l := &idleLock{u: u, now: time.Now, after: idleAfter}
	l.ctx, l.cancel = context.WithCancel(context.Background())
	l.poke()
	// Keys typed with no widget focused reach only the canvas.
	u.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		l.poke()
		if k.Name == fyne.KeyEscape && u.home != nil && !l.locked() {
			u.home.onEscape()
		}
	})
	u.win.Canvas().SetOnTypedRune(func(rune) { l.poke() })
	return l
}

// poke records input now.
func (l *idleLock) poke() { l.last.Store(l.now().UnixNano()) }

// locked tells whether the lock screen is up.
func (l *idleLock) locked() bool { return l.screen != nil }

// wait is the idle time from the settings; a wrong value counts as unset.
func (l *idleLock) wait() time.Duration {
	d, err := model.IdleLockAfter(l.u.setting(model.SettingIdleLockMinutes, ""))
	if err != nil {
		d, _ = model.IdleLockAfter("")
	}
	return d
}

// start watches while an operator is signed in; again, it counts as input
// and takes a new idle time from the settings.
func (l *idleLock) start() {
	l.poke()
	l.running = true
	l.seen = sampleInput(l.u.win.Canvas())
	l.schedule(l.step())
}

// stop forgets the watch, the screen the lock hid and the results held
// for it, and cancels the session's reads: the operator signs out.
func (l *idleLock) stop() {
	l.running = false
	if l.timer != nil {
		l.timer.Stop()
	}
	l.ticks++
	l.screen, l.away, l.held = nil, awayState{}, nil
	l.session++
	l.cancel()
	l.ctx, l.cancel = context.WithCancel(context.Background())
}

// step is how often the lock looks at the focused entry.
func (l *idleLock) step() time.Duration { return max(l.wait()/10, time.Second) }

func (l *idleLock) schedule(d time.Duration) {
	if l.timer != nil {
		l.timer.Stop()
	}
	l.ticks++
	tick := l.ticks
	l.timer = l.after(d, func() { fyne.Do(func() { l.tick(tick) }) })
}

// tick looks for typing since the last tick, then locks or looks again.
func (l *idleLock) tick(n int) {
	if n != l.ticks || !l.running || l.locked() {
		return
	}
	if s := sampleInput(l.u.win.Canvas()); s != l.seen {
		l.seen = s
		l.poke()
	}
	wait := l.wait()
	idle := l.now().Sub(time.Unix(0, l.last.Load()))
	if idle >= wait {
		l.lock(wait)
		return
	}
	l.schedule(min(wait-idle, l.step()))
}

// lock hides the window's content and pop-ups behind the lock screen, and
// leaves the trace in the audit trail.
func (l *idleLock) lock(wait time.Duration) {
	u := l.u
	c := u.win.Canvas()
	l.away = awayState{content: u.win.Content(), overlays: slices.Clone(c.Overlays().List()), focused: c.Focused()}
	c.Unfocus()
	if len(l.away.overlays) > 0 {
		c.Overlays().Remove(l.away.overlays[0]) // and all above it
	}
	l.screen = newLockScreen(u)
	u.win.SetContent(l.screen.build())
	l.screen.focus()
	db, by := u.db, u.operatorID()
	detail := fmt.Sprintf("%s: window locked after %d min without input", u.op.Username, int(wait/time.Minute))
	unheld(u, func(ctx context.Context) error { return db.RecordLock(ctx, by, detail) }, func(error) {})
}

// unlock puts back what the lock screen hid, focus included, then lets
// the held results through.
func (l *idleLock) unlock() {
	u := l.u
	c := u.win.Canvas()
	away, held := l.away, l.held
	l.screen, l.away, l.held = nil, awayState{}, nil
	u.win.SetContent(away.content)
	for _, o := range away.overlays {
		c.Overlays().Add(o)
	}
	if away.focused != nil {
		c.Focus(away.focused)
	}
	l.seen = sampleInput(c)
	l.poke()
	l.schedule(l.step())
	for _, fn := range held {
		fn()
	}
}

// show puts content on the window, or, while locked, where the unlock will
// find it.
func (l *idleLock) show(content fyne.CanvasObject) {
	l.poke()
	if l.locked() {
		l.away.content, l.away.focused = content, nil
		return
	}
	l.u.win.SetContent(content)
}

// whenShown runs fn (the result of background work started in session)
// now, after the unlock while locked, or never after a sign-out: it may
// show personal data.
func (l *idleLock) whenShown(session int, fn func()) {
	switch {
	case session != l.session:
	case l.locked():
		l.held = append(l.held, fn)
	default:
		fn()
	}
}

// inputState is what a tick compares: the focused object, and for an entry
// a hash of its text and its cursor.
type inputState struct {
	focused      fyne.Focusable
	text         uint64
	row, column  int
	overlays     int
	overlayOnTop fyne.CanvasObject
}

var inputSeed = maphash.MakeSeed()

func sampleInput(c fyne.Canvas) inputState {
	s := inputState{focused: c.Focused(), overlays: len(c.Overlays().List()), overlayOnTop: c.Overlays().Top()}
	var e *widget.Entry
	switch f := s.focused.(type) {
	case *widget.Entry:
		e = f
	case *widget.SelectEntry:
		e = &f.Entry
	case *answerEntry:
		e = &f.Entry
	}
	if e != nil {
		s.text, s.row, s.column = maphash.String(inputSeed, e.Text), e.CursorRow, e.CursorColumn
	}
	return s
}

// activityArea holds the window's content and counts mouse moves over it,
// seen when the driver asks for the cursor (see the top of this file).
type activityArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onMove  func()
}

func newActivityArea(content fyne.CanvasObject, onMove func()) *activityArea {
	a := &activityArea{content: content, onMove: onMove}
	a.ExtendBaseWidget(a)
	return a
}

// CreateRenderer lays the content over the whole area.
func (a *activityArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(a.content)
}

// Cursor counts a mouse move and leaves the cursor to the objects inside.
func (a *activityArea) Cursor() desktop.Cursor {
	a.onMove()
	return desktop.DefaultCursor
}
