package model

import (
	"flag"
	"os"
	"testing"
)

var updateDoc = flag.Bool("update", false, "rewrite docs/indicators.md from the table")

// TestIndicatorsDoc fails when docs/indicators.md differs from the table;
// -update rewrites it.
func TestIndicatorsDoc(t *testing.T) {
	const path = "../docs/indicators.md"
	want := ProgrammeIndicatorsMarkdown()
	if *updateDoc {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Fatalf("%s differs from model.ProgrammeIndicators (%v): run go test ./model -run TestIndicatorsDoc -update", path, err)
	}
}
