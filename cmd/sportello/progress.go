package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress reports how far a long job is on w. On a terminal it is a bar
// redrawn in place, with the count and the time left; anywhere else (a log,
// a pipe) a line at every tenth of the way, so the log stays short.
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	line  func(done, total int) string
	tenth int // the last tenth of the way a line was written for
}

// newProgress makes the report of a job of total steps. label names the
// bar; line is the sentence written off a terminal.
func newProgress(w io.Writer, tty bool, total int, label string, line func(done, total int) string) *progress {
	p := &progress{w: w, line: line, tenth: -1}
	if tty {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(label),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
		)
	}
	return p
}

// set says done of total steps are made.
func (p *progress) set(done, total int) {
	if p.bar != nil {
		p.bar.Set(done)
		return
	}
	tenth := 10
	if total > 0 {
		tenth = done * 10 / total
	}
	if tenth == p.tenth {
		return
	}
	p.tenth = tenth
	fmt.Fprintln(p.w, p.line(done, total))
}

// isTerminal says whether w is a terminal a bar can be redrawn on.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
