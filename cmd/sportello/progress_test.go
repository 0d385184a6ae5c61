package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestProgressOffATerminalWritesATenthOfTheWayAtATime(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, false, 100000, "", func(done, total int) string {
		return fmt.Sprintf("%d/%d", done, total)
	})
	for done := 250; done <= 100000; done += 250 {
		p.set(done, 100000)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 11 {
		t.Fatalf("%d lines for 400 batches, want the first and one per tenth (11):\n%s", len(lines), out.String())
	}
	if lines[0] != "250/100000" || lines[10] != "100000/100000" {
		t.Errorf("first and last lines %q, %q: want the first batch and the end", lines[0], lines[10])
	}
}

func TestProgressOnATerminalRedrawsOneBar(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, true, 1000, "Persone fittizie", func(int, int) string { return "a line" })
	for done := 250; done <= 1000; done += 250 {
		p.set(done, 1000)
	}
	s := out.String()
	if strings.Contains(s, "a line") {
		t.Errorf("a terminal got the log's lines:\n%q", s)
	}
	for _, want := range []string{"\r", "Persone fittizie", "100%", "(1000/1000"} {
		if !strings.Contains(s, want) {
			t.Errorf("the bar lacks %q:\n%q", want, s)
		}
	}
	if !strings.HasSuffix(s, "\n") {
		t.Errorf("the finished bar does not end its line:\n%q", s)
	}
}
