package exchange

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"sportello/model"
	"sportello/store"
)

// FieldDiff is one field a conflict's two versions disagree on.
type FieldDiff struct {
	Field, Ours, Theirs string
}

// ConflictView is an open conflict with what differs, for an operator.
type ConflictView struct {
	store.Conflict
	Diffs []FieldDiff
}

// Conflicts lists the open conflicts with the fields each side changed.
func Conflicts(ctx context.Context, db *store.DB) ([]ConflictView, error) {
	open, err := db.OpenConflicts(ctx)
	if err != nil || len(open) == 0 {
		return nil, err
	}
	q := store.LocalQuery{UIDs: map[string][]string{}, NoScans: true} // only the records in conflict, not the whole desk
	for _, c := range open {
		q.UIDs[c.Entity] = append(q.UIDs[c.Entity], c.UID)
	}
	local, err := db.LocalRecords(ctx, q)
	if err != nil {
		return nil, err
	}
	doc := build(local, Desk{}, Scope{}, zipTime, nil)
	mine := map[string]record{}
	for _, r := range doc.records() {
		mine[r.entity+"/"+r.uid] = r
	}
	out := make([]ConflictView, 0, len(open))
	for _, c := range open {
		ours := []byte("{}")
		if r, ok := mine[c.Entity+"/"+c.UID]; ok {
			ours = r.json()
		}
		out = append(out, ConflictView{Conflict: c, Diffs: diff(ours, c.Theirs)})
	}
	return out, nil
}

// diff lists the fields two records' JSON disagree on, by dotted path.
func diff(ours, theirs []byte) []FieldDiff {
	a, b := map[string]string{}, map[string]string{}
	flatten("", decodeAny(ours), a)
	flatten("", decodeAny(theirs), b)
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	var out []FieldDiff
	for k := range keys {
		if a[k] != b[k] {
			out = append(out, FieldDiff{Field: k, Ours: a[k], Theirs: b[k]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

func decodeAny(b []byte) any {
	var v any
	_ = json.Unmarshal(b, &v)
	return v
}

func flatten(prefix string, v any, out map[string]string) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flatten(p, x, out)
		}
	case []any:
		for i, x := range t {
			flatten(fmt.Sprintf("%s[%d]", prefix, i), x, out)
		}
	case nil:
	default:
		if s := fmt.Sprint(t); s != "" {
			out[prefix] = s
		}
	}
}

// Resolve settles a conflict: KeepOurs leaves this desk's record as it is;
// TakeTheirs writes the other desk's version over it. Either way the next
// exchange knows this desk has seen the other version. Audited. A consent
// is never replaced; one kept aside because it is not on this desk (given
// after a withdrawal recorded here) can be taken.
func Resolve(ctx context.Context, db *store.DB, id int64, resolution string, by *model.Operator) error {
	var byID int64
	if by != nil {
		byID = by.ID
	}
	switch resolution {
	case store.KeepOurs:
		return db.ResolveConflict(ctx, id, resolution, byID, nil)
	case store.TakeTheirs:
		return db.ResolveConflict(ctx, id, resolution, byID, func(m *store.Merger, c *store.Conflict) error {
			if c.Entity == "operator" || c.Entity == "consent" && c.LocalHash != "" {
				return &model.Error{Code: model.ErrConflict, Message: "a consent or an account cannot be replaced: keep this desk's"}
			}
			doc, err := single(c.Entity, c.Theirs)
			if err != nil {
				return err
			}
			err = (&resolver{m: m}).write(doc, doc.records()[0])
			var be *BundleError
			if errors.As(err, &be) && be.Code == BundleClash {
				return &model.Error{Code: model.ErrConflict, Message: "the other desk's record still takes the place of a different record of this desk"}
			}
			return err
		})
	}
	return &model.Error{Code: model.ErrInvalid, Message: fmt.Sprintf("unknown resolution %q", resolution)}
}

// single makes a document of one record from its JSON.
func single(entity string, b []byte) (*Document, error) {
	doc := &Document{}
	var err error
	switch entity {
	case "service":
		doc.Services = make([]Service, 1)
		err = strictJSON(b, &doc.Services[0])
	case "person":
		doc.Persons = make([]Person, 1)
		err = strictJSON(b, &doc.Persons[0])
	case "case":
		doc.Cases = make([]Case, 1)
		err = strictJSON(b, &doc.Cases[0])
	case "interview":
		doc.Interviews = make([]Interview, 1)
		err = strictJSON(b, &doc.Interviews[0])
	case "plan":
		doc.Plans = make([]Plan, 1)
		err = strictJSON(b, &doc.Plans[0])
	case "consent":
		doc.Consents = make([]Consent, 1)
		err = strictJSON(b, &doc.Consents[0])
	case "referral":
		doc.Referrals = make([]Referral, 1)
		err = strictJSON(b, &doc.Referrals[0])
	case "activity":
		doc.Activities = make([]Activity, 1)
		err = strictJSON(b, &doc.Activities[0])
	case "skills_profile":
		doc.SkillsProfiles = make([]SkillsProfile, 1)
		err = strictJSON(b, &doc.SkillsProfiles[0])
	case "employer", "vacancy", "proposal", "internship", "enterprise":
		err = singleWork(doc, entity, b)
	default:
		err = fmt.Errorf("unknown kind of record %q", entity)
	}
	return doc, err
}
