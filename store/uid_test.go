package store

import (
	"regexp"
	"testing"
)

// TestNewUIDs: IDs of the schema's shape, all different, each after the
// one made before it (so that they go to the end of an index).
func TestNewUIDs(t *testing.T) {
	shape := regexp.MustCompile(`^[0-9a-f]{32}$`)
	seen := map[string]bool{}
	prev := ""
	for range 10000 {
		u := newUID()
		if !shape.MatchString(u) {
			t.Fatalf("%q is not 32 lower-case hex digits", u)
		}
		if seen[u] {
			t.Fatalf("%s made twice", u)
		}
		if u <= prev {
			t.Fatalf("%s made after %s", u, prev)
		}
		seen[u], prev = true, u
	}
}
