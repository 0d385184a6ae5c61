package recent

import (
	"slices"
	"testing"
)

func TestKeepsTheLastUsedFirst(t *testing.T) {
	for _, c := range []struct {
		kept []string
		want []string
	}{
		{nil, nil},
		{[]string{"ar"}, []string{"ar"}},
		{[]string{"ar", "ur", "ar"}, []string{"ar", "ur"}},
		{[]string{"it", "ar", "ur", "zh", "bn"}, []string{"bn", "zh", "ur"}},
		{[]string{"it", "ar", "ur", "it", "bn"}, []string{"bn", "it", "ur"}},
	} {
		l := New[string](3)
		for _, v := range c.kept {
			l.Keep(v)
		}
		if got := l.items; !slices.Equal(got, c.want) {
			t.Errorf("after %v: %v, want %v", c.kept, got, c.want)
		}
		if l.Clear(); len(l.items) != 0 {
			t.Errorf("after %v and Clear: %v", c.kept, l.items)
		}
	}
}
