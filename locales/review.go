package locales

import (
	"encoding/json"
	"fmt"
)

// Review states.
const (
	Draft    = "draft"    // written without a mediator's review: documents say so
	Reviewed = "reviewed" // read and corrected by a named reviewer
)

// Review is a language's review state: draft, or reviewed by whom and when.
type Review struct {
	State string `json:"state"`
	By    string `json:"by"`
	Date  string `json:"date"` // YYYY-MM-DD
}

var reviews = mustReviews()

func mustReviews() map[string]Review {
	b, err := files.ReadFile("review.json")
	if err != nil {
		panic(err)
	}
	var m map[string]Review
	if err := json.Unmarshal(b, &m); err != nil {
		panic(fmt.Sprintf("locales: review.json: %v", err))
	}
	return m
}

// ReviewOf is lang's review state; a language not listed is a draft.
func ReviewOf(lang string) Review {
	if r, ok := reviews[lang]; ok && r.State == Reviewed {
		return r
	}
	return Review{State: Draft}
}
