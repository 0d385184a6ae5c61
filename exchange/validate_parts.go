package exchange

import (
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"sync"
)

// partValidator checks a document's records against the schema a part of
// a list at a time (decodeParts), on every core, and gathers the problems
// found, each at its place in the whole document.
type partValidator struct {
	rs            *recordSchemas
	pseudonymised bool
	order         map[string]int // list name → its place among the document's lists
	problems      []locatedProblem
}

func newPartValidator(pseudonymised bool) (*partValidator, error) {
	rs, err := compiledRecords()
	if err != nil {
		return nil, err
	}
	v := &partValidator{rs: rs, pseudonymised: pseudonymised, order: map[string]int{}}
	for i, l := range documentLists(&Document{}) {
		v.order[l.name] = i
	}
	return v, nil
}

// check validates the records of list (items), the first of which is at
// place first in the whole list.
func (v *partValidator) check(list string, items reflect.Value, first int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	jobs := make(chan int, 256)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				found := validateRecord(v.rs, list, items.Index(i).Interface(), v.pseudonymised)
				if len(found) == 0 {
					continue
				}
				mu.Lock()
				for _, p := range found {
					v.problems = append(v.problems, locatedProblem{v.order[list], first + i,
						fmt.Sprintf("%s[%d]%s", list, first+i, p)})
				}
				if len(v.problems) > 2*maxProblems {
					v.keepFirst()
				}
				mu.Unlock()
			}
		}()
	}
	for i := range items.Len() {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// maxProblems is how many of a bundle's problems are kept and told: a
// hostile bundle of millions of broken records is refused with the first.
const maxProblems = 1000

// keepFirst sorts the problems in document order and keeps the first
// maxProblems.
func (v *partValidator) keepFirst() {
	sort.SliceStable(v.problems, func(a, b int) bool {
		if v.problems[a].list != v.problems[b].list {
			return v.problems[a].list < v.problems[b].list
		}
		return v.problems[a].index < v.problems[b].index
	})
	v.problems = v.problems[:min(len(v.problems), maxProblems)]
}

// result gives the problems found, in document order; nil for none.
func (v *partValidator) result() error {
	if len(v.problems) == 0 {
		return nil
	}
	v.keepFirst()
	e := &SchemaError{}
	for _, p := range v.problems {
		e.Problems = append(e.Problems, p.text)
	}
	return e
}
