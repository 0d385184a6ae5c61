// Package recent keeps the last few values used, latest first: what a
// cache of weak pointers would let go as soon as nothing uses it stays
// while it is likely to be asked for again (a language's texts, a font's
// face).
package recent

import (
	"slices"
	"sync"
)

// List holds at most its size of values; safe for concurrent use.
type List[T comparable] struct {
	mu    sync.Mutex
	size  int
	items []T
}

// New is an empty List that keeps size values.
func New[T comparable](size int) *List[T] { return &List[T]{size: size} }

// Keep puts v first, letting the oldest go past the List's size.
func (l *List[T]) Keep(v T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.items) > 0 && l.items[0] == v {
		return
	}
	l.items = slices.Insert(slices.DeleteFunc(l.items, func(w T) bool { return w == v }), 0, v)
	if len(l.items) > l.size {
		clear(l.items[l.size:])
		l.items = l.items[:l.size]
	}
}

// Clear lets every value go.
func (l *List[T]) Clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	clear(l.items)
	l.items = l.items[:0]
}
