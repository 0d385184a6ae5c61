package exchange

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestUIDTable: the table gives back every stable ID put in, by local ID,
// whether the IDs come as a run, with gaps, out of order or far apart, as
// a map would.
func TestUIDTable(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 6))
	for _, ids := range [][]int64{
		{1, 2, 3, 4, 5},
		{1000, 1001, 1003, 1010, 5000, 1002, 999, 1},
		{7, 1 << 40, -3, 0, 8, 9},
		func() (out []int64) { // a regional desk's persons, a few deleted
			for id := int64(1); id <= 20000; id++ {
				if r.IntN(50) != 0 {
					out = append(out, id)
				}
			}
			return out
		}(),
		func() (out []int64) { // in any order
			for range 5000 {
				out = append(out, r.Int64N(100000))
			}
			return out
		}(),
	} {
		var tab uidTable
		want := map[int64]string{}
		for _, id := range ids {
			uid := fmt.Sprintf("uid-%d", id)
			tab.add(id, uid)
			want[id] = uid
		}
		for id, uid := range want {
			if got, ok := tab.get(id); !ok || got != uid {
				t.Fatalf("get(%d) = %q, %v; want %q", id, got, ok, uid)
			}
		}
		for _, id := range []int64{-1, 2, 6, 998, 1 << 41, 100001} {
			if _, in := want[id]; in {
				continue
			}
			if got, ok := tab.get(id); ok {
				t.Fatalf("get(%d) = %q of an ID never added", id, got)
			}
		}
		if len(ids) > 10000 && len(tab.sparse) > 0 {
			t.Errorf("a run of %d IDs with gaps went partly to the map (%d)", len(ids), len(tab.sparse))
		}
	}
	var none *uidTable
	if _, ok := none.get(1); ok {
		t.Error("an entity never read gives a stable ID")
	}
}
