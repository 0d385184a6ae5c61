package store

import (
	"context"
	"path/filepath"
	"testing"

	"sportello/model"
)

// TestWorkJoinsTheChangeLog: a desk of schema 8 (work records out of the
// change log, consents to share with an employer never exported) gets
// them all in the log by migration 0009, after the position it had
// reached, so that the next incremental export carries them; after it,
// a month of attendance added marks its internship.
func TestWorkJoinsTheChangeLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sportello.db")
	d := openTest(t, path)
	p, caseID := fixturePerson(t, d, "Diallo", model.Permit{})
	in := fixtureInternship(t, d, caseID)
	employerConsent(t, d, p.ID, in.EmployerID, model.ConsentGiven, fixedNow)
	var triggers []string
	rows, err := d.db.Query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('employers',
		'employer_flags', 'vacancies', 'proposals', 'internships', 'internship_attendance', 'enterprises',
		'enterprise_steps', 'enterprise_funding') AND name LIKE '%_change_%'`)
	must(t, eachRow(rows, err, func(s scanner) error {
		var name string
		err := s.Scan(&name)
		triggers = append(triggers, "DROP TRIGGER "+name)
		return err
	}))
	if len(triggers) != 22 {
		t.Fatalf("%d change triggers on the work tables, want 22", len(triggers))
	}
	insider(t, d, triggers...)
	insider(t, d, undoMatchGeneration...)
	insider(t, d, "DELETE FROM changes WHERE entity IN ('employer', 'vacancy', 'proposal', 'internship', 'enterprise')",
		"DELETE FROM changes WHERE entity = 'consent' AND row_id IN (SELECT id FROM consents WHERE employer_id IS NOT NULL)",
		"PRAGMA user_version = 8")
	before, _ := d.ChangePosition(ctx)
	d.Close()

	d = openTest(t, path)
	snap, err := d.Snapshot(ctx, SnapshotOptions{AfterRev: before}, nil)
	must(t, err)
	if len(snap.Employers) != 1 || len(snap.Internships) != 1 || len(snap.Consents) != 1 || snap.Consents[0].EmployerID == 0 ||
		len(snap.Persons)+len(snap.Cases) != 0 {
		t.Fatalf("after the migration: %d employers, %d internships, %d consents, %d persons, %d cases",
			len(snap.Employers), len(snap.Internships), len(snap.Consents), len(snap.Persons), len(snap.Cases))
	}
	if len(snap.Internships[0].Attendance) != 2 || snap.Internships[0].PaidCents != 100000 {
		t.Errorf("the internship's months: %+v", snap.Internships[0])
	}
	at, _ := d.ChangePosition(ctx)
	list, err := d.InternshipsOf(ctx, caseID)
	must(t, err)
	got := list[0]
	got.Attendance = append(got.Attendance, model.Attendance{Month: got.Attendance[1].Month.AddDate(0, 1, 0), Hours: 90})
	must(t, d.SaveInternship(ctx, &got))
	snap, err = d.Snapshot(ctx, SnapshotOptions{AfterRev: at}, nil)
	must(t, err)
	if len(snap.Internships) != 1 || len(snap.Internships[0].Attendance) != 3 || len(snap.Employers) != 0 {
		t.Errorf("after a month added: %d internships, %d employers", len(snap.Internships), len(snap.Employers))
	}
}
