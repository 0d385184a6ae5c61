package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// typingPause is how long the saver waits after the last keystroke: at
// most this much typing is at risk if the machine dies.
const typingPause = 600 * time.Millisecond

// answerSaver writes an interview's answers to the store in the order they
// are given, one transaction each, off the UI goroutine. Choices go at
// once; typing waits for a short pause. onSaved runs on the UI goroutine
// after each write.
type answerSaver struct {
	u       *App
	db      Store // the desk it was opened on, which outlives a sign-out until stop
	id      int64
	onSaved func(error)

	mu      sync.Mutex
	pending map[string]string // typed values waiting for the pause
	order   []string
	timer   *time.Timer
	queue   chan [2]string
	later   func()
	stopped bool
	done    chan struct{} // closed when run has written the last answer
}

func newAnswerSaver(u *App, interviewID int64, onSaved func(error)) *answerSaver {
	s := &answerSaver{u: u, db: u.db, id: interviewID, onSaved: onSaved, pending: map[string]string{}}
	if !u.sync {
		s.queue, s.done = make(chan [2]string, 256), make(chan struct{})
		go s.run()
	}
	return s
}

// run is the one writer: answers reach the database in the order given.
func (s *answerSaver) run() {
	for a := range s.queue {
		err := s.db.SaveAnswer(context.Background(), s.id, a[0], a[1])
		fyne.Do(func() { s.onSaved(err) })
	}
	close(s.done)
}

// put hands over an answer; now skips the typing pause.
func (s *answerSaver) put(id, value string, now bool) {
	if s.u.sync {
		s.onSaved(s.db.SaveAnswer(context.Background(), s.id, id, value))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return
	}
	if now {
		s.flushLocked()
		s.queue <- [2]string{id, value}
		return
	}
	if _, ok := s.pending[id]; !ok {
		s.order = append(s.order, id)
	}
	s.pending[id] = value
	s.restartLocked()
}

// after runs fn once typing pauses (it rides on the same timer).
func (s *answerSaver) after(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.later = fn
	s.restartLocked()
}

func (s *answerSaver) restartLocked() {
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(typingPause, func() {
		s.mu.Lock()
		if s.stopped {
			s.mu.Unlock()
			return
		}
		s.flushLocked()
		fn := s.later
		s.later = nil
		s.mu.Unlock()
		if fn != nil {
			fyne.Do(fn)
		}
	})
}

// flush sends what is waiting for the typing pause now (leaving a section,
// pausing, finishing).
func (s *answerSaver) flush() {
	if s.u.sync {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.flushLocked()
}

// stop writes what is waiting for the typing pause, waits until every
// answer handed over is in the database, and takes no more: the operator
// signs out. It runs off the UI goroutine.
func (s *answerSaver) stop() {
	if s.u.sync {
		return
	}
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		<-s.done
		return
	}
	if s.timer != nil {
		s.timer.Stop()
	}
	s.flushLocked()
	s.stopped, s.later = true, nil
	close(s.queue)
	s.mu.Unlock()
	<-s.done
}

func (s *answerSaver) flushLocked() {
	for _, id := range s.order {
		s.queue <- [2]string{id, s.pending[id]}
	}
	s.pending, s.order = map[string]string{}, nil
}
