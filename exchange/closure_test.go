package exchange

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"sportello/model"
)

// A closure made on one desk appears on the other after import; the
// pseudonymised export keeps its exit date, reason and outcomes, not its note.
func TestClosureTravels(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PUA", 2)
	persons, err := a.FindPersons(ctx, model.PersonFilter{Limit: 1})
	if err != nil || len(persons) == 0 {
		t.Fatal(persons, err)
	}
	cases, _ := a.CasesOf(ctx, persons[0].ID)
	now := time.Now()
	if cases[0].Status == model.CaseClosed {
		if err := a.ReopenCase(ctx, cases[0].ID, now, coord.ID); err != nil {
			t.Fatal(err)
		}
	}
	cl := &model.CaseClosure{CaseID: cases[0].ID, Date: now, Reason: "path_completed",
		Outcomes: []string{"employed", "housed"}, Contract: "permanent", Note: "nota fenicotterorosa"}
	if err := a.CloseCase(ctx, cl, now, coord.ID); err != nil {
		t.Fatal(err)
	}
	b := desk(t, "PUB")
	bundle, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	if err := ValidateJSON(bundleData(t, bundle)); err != nil {
		t.Fatalf("the bundle does not follow the schema: %v", err)
	}
	accept(t, b, bundle)
	if _, err := importBytes(ctx, b, bundle, ImportOptions{FileName: "a.sportello"}); err != nil {
		t.Fatal(err)
	}
	onB, err := b.FindPersons(ctx, model.PersonFilter{Query: persons[0].FamilyName})
	if err != nil || len(onB) == 0 {
		t.Fatal(onB, err)
	}
	got, _ := b.CasesOf(ctx, onB[0].ID)
	i := slices.IndexFunc(got, func(c model.Case) bool { return c.UID == cases[0].UID })
	if i < 0 || got[i].Status != model.CaseClosed || got[i].ExitReason != "path_completed" ||
		!slices.Equal(got[i].ExitOutcomes, cl.Outcomes) || got[i].ExitContract != "permanent" || got[i].ExitNote != cl.Note {
		t.Fatalf("on B: %+v", got)
	}

	doc, _ := export(t, a, Options{Format: FormatJSON, Pseudonymised: true, Operator: coord})
	if strings.Contains(string(doc), "fenicotterorosa") {
		t.Error("the closure's note left the desk in a pseudonymised export")
	}
	compact := strings.Join(strings.Fields(string(doc)), "")
	for _, want := range []string{`"exit_reason":"path_completed"`, `"exit_outcomes":["employed","housed"]`, `"exit_contract":"permanent"`} {
		if !strings.Contains(compact, want) {
			t.Errorf("the pseudonymised export lacks %s", want)
		}
	}
}
