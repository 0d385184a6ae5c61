package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"sportello/model"
)

// Only a coordinator erases: every other role, a deactivated coordinator
// and no one at all are refused, and the file is left as it was.
func TestEraseIsRefusedToEveryOtherRole(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	e := newErasable(t, d, coord)
	former := fixtureOperator(t, d, "former", model.RoleCoordinator)
	if err := d.Deactivate(ctx, former.Username, coord); err != nil {
		t.Fatal(err)
	}
	reason := model.Erasure{Reason: model.ErasureConsentWithdrawn}
	refused := map[string]*model.Operator{"no one": nil, "deactivated coordinator": former}
	for _, r := range []model.Role{model.RoleOperator, model.RoleMediator, model.RoleSocialWorker, model.RoleLegalAdviser} {
		refused[string(r)] = fixtureOperator(t, d, "u"+string(r), r)
	}
	for name, by := range refused {
		t.Run(name, func(t *testing.T) {
			if by != nil {
				forged := *by
				forged.Role = model.RoleCoordinator // the role in the file counts, not the one in hand
				by = &forged
			}
			err := d.ErasePerson(ctx, e.person.ID, reason, by)
			if model.ErrorCode(err) != model.ErrPermission {
				t.Fatalf("ErasePerson = %v, want a refusal", err)
			}
			if p, _ := d.Person(ctx, e.person.ID); p.FamilyName != erasableSecrets.family {
				t.Errorf("after a refusal the person is %q", p.FamilyName)
			}
		})
	}
	wantError(t, d.ErasePerson(ctx, e.person.ID, model.Erasure{Reason: model.ErasureOther}, coord), model.ErrRequired, "note")
	if err := d.ErasePerson(ctx, e.person.ID, reason, coord); err != nil {
		t.Fatal(err)
	}
	err := d.ErasePerson(ctx, e.person.ID, reason, coord)
	if model.ErrorCode(err) != model.ErrConflict {
		t.Errorf("a second erasure: %v", err)
	}
	if err := d.ErasePerson(ctx, 9999, reason, coord); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("erasing nobody: %v", err)
	}
}

// tally is what the programme counts: rows of every table, and the
// shape of the person's file without its text.
func tally(t *testing.T, d *DB) map[string]int {
	t.Helper()
	counts, problems, err := d.Check(context.Background())
	if err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	out := map[string]int{}
	for _, c := range counts {
		out[c.Table] = c.Rows
	}
	for name, q := range map[string]string{
		"open cases":          "SELECT count(*) FROM cases WHERE status = 'open'",
		"women born 1991":     "SELECT count(*) FROM persons WHERE sex = 'F' AND birth_year = 1991 AND birth_country = 'NG'",
		"informal domicile":   "SELECT count(*) FROM persons WHERE domicile_informal = 1",
		"trafficking flagged": "SELECT count(*) FROM screenings WHERE trafficking = 1",
		"ilo.8 raised":        "SELECT count(*) FROM screenings WHERE result LIKE '%\"ilo.8\"%'",
		"work actions":        "SELECT count(*) FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id WHERE g.area = 'work' AND a.status = 'planned'",
		"budget planned":      "SELECT sum(planned_cents) FROM plan_budget",
		"agreed plans":        "SELECT count(*) FROM plans WHERE status = 'agreed'",
		"sharing given":       "SELECT count(*) FROM consents WHERE purpose = 'sharing' AND state = 'given'",
		"accepted referrals":  "SELECT count(*) FROM referrals WHERE status = 'accepted'",
		"permits art. 18":     "SELECT count(*) FROM persons WHERE permit_type = 'art. 18' AND permit_status = 'valid'",
	} {
		var n int
		if err := d.db.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = n
	}
	return out
}

func TestErasureKeepsTheTallyAndRemovesTheRest(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	e := newErasable(t, d, coord)
	other, _ := fixturePerson(t, d, "Vandersteen", model.Permit{}) // someone else, untouched
	before := tally(t, d)
	if err := d.ErasePerson(ctx, e.person.ID, model.Erasure{Reason: model.ErasureRetentionEnded, Note: "reviewed"}, coord); err != nil {
		t.Fatal(err)
	}
	after := tally(t, d)
	for k, n := range before {
		want := n
		switch k {
		case "answers":
			want = 0
		case "audit_events", "audit_chain":
			want = n + 1 // the erasure itself
		case "person_keys": // made of names: the erased person's go
			want = n - len(model.DedupKeys(model.DedupOf(e.person)))
		}
		if after[k] != want {
			t.Errorf("%s: %d before, %d after (want %d)", k, n, after[k], want)
		}
	}
	p, err := d.Person(ctx, e.person.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := *e.person
	want.Anonymise()
	if p.FamilyName != "" || p.GivenNames != "" || p.OwnScriptName != "" || len(p.Aliases) != 0 || p.Phone != "" ||
		p.Domicile != "" || p.FiscalCode != "" || p.Permit.Number != "" || p.BirthDate != (model.PartialDate{Year: 1991}) ||
		p.CaseCode != e.person.CaseCode || p.Permit.Type != "art. 18" {
		t.Errorf("erased person %+v", p)
	}
	er, err := d.ErasureOf(ctx, e.person.ID)
	if err != nil || er == nil || er.Reason != model.ErasureRetentionEnded || er.Note != "reviewed" || !er.At.Equal(fixedNow) {
		t.Errorf("ErasureOf = %+v, %v", er, err)
	}
	if er, _ := d.ErasureOf(ctx, other.ID); er != nil {
		t.Errorf("the other person is erased: %+v", er)
	}
	for _, q := range []string{erasableSecrets.family, erasableSecrets.given, erasableSecrets.alias, "زرقاءتجريبية"} {
		if n, _ := d.CountPersons(ctx, q); n != 0 {
			t.Errorf("search %q finds %d", q, n)
		}
	}
	if n, _ := d.CountPersons(ctx, e.person.CaseCode); n != 1 {
		t.Errorf("search by case code finds %d", n)
	}
	if n, _ := d.CountPersons(ctx, "Vandersteen"); n != 1 {
		t.Errorf("the other person is found %d times", n)
	}
	sr, err := d.ScreeningOf(ctx, mustInterview(t, d, e.caseID))
	if err != nil || len(sr.Result.ILO) != 1 || sr.Result.ILO[0].Reasons != nil || !sr.Result.Trafficking || sr.DecisionNote != "" {
		t.Errorf("screening after erasure: %+v %v", sr, err)
	}
	assertNothingHolds(t, d, e.secrets)
}

func mustInterview(t *testing.T, d *DB, caseID int64) int64 {
	t.Helper()
	ivs, err := d.InterviewsOf(context.Background(), caseID)
	if err != nil || len(ivs) != 1 {
		t.Fatalf("interviews %v %v", ivs, err)
	}
	return ivs[0].ID
}

// assertNothingHolds reads every text and blob column of every table and
// fails on any secret: the audit trail, the logs and the conflicts too.
func assertNothingHolds(t *testing.T, d *DB, secrets []string) {
	t.Helper()
	tables, err := d.tables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		rows, err := d.db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				var s string
				switch v := v.(type) {
				case string:
					s = v
				case []byte:
					s = string(v)
				}
				for _, secret := range secrets {
					if strings.Contains(strings.ToLower(s), strings.ToLower(secret)) {
						t.Errorf("%s.%s holds %q: %.120s", table, cols[i], secret, s)
					}
				}
			}
		}
		rows.Close()
	}
}

// The trail still verifies after an erasure and keeps who erased whom, when
// and why; a redaction no erasure names, or an erasure's list changed,
// shows as tampering.
func TestErasureRedactsTheAuditTrail(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, d *DB, erase int64) int64 // the event VerifyAudit must name
	}{
		{"untouched", func(*testing.T, *DB, int64) int64 { return 0 }},
		{"another event redacted by hand", func(t *testing.T, d *DB, erase int64) int64 {
			var id int64
			var salt, detail string
			if err := d.db.QueryRow("SELECT id, salt, detail FROM audit_events WHERE action = 'create' AND entity = 'operator' ORDER BY id LIMIT 1").Scan(&id, &salt, &detail); err != nil {
				t.Fatal(err)
			}
			// The shape of a redaction, which the trigger lets through.
			if _, err := d.db.Exec("UPDATE audit_events SET detail = ?, salt = '', digest = ? WHERE id = ?", erasedMark,
				detailDigest(salt, detail), id); err != nil {
				t.Fatal(err)
			}
			return id
		}},
		{"the erasure's list made longer", func(t *testing.T, d *DB, erase int64) int64 {
			unguard(t, d)
			insider(t, d, fmt.Sprintf("UPDATE audit_events SET detail = replace(detail, 'redacted events ', 'redacted events 1 ') WHERE id = %d", erase))
			reguard(t, d)
			return erase
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := openTest(t, filepath.Join(t.TempDir(), "sportello.db"))
			coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
			e := newErasable(t, d, coord)
			if err := d.ErasePerson(ctx, e.person.ID, model.Erasure{Reason: model.ErasureObjection}, coord); err != nil {
				t.Fatal(err)
			}
			var erase int64
			var detail string
			if err := d.db.QueryRow("SELECT id, detail FROM audit_events WHERE action = 'erase' AND entity_id = ?", e.person.ID).Scan(&erase, &detail); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(detail, e.person.CaseCode+"; redacted events ") || !strings.HasSuffix(detail, "objection (art. 17(1)(c))") {
				t.Errorf("the erasure's event says %q", detail)
			}
			var edits int
			d.db.QueryRow("SELECT count(*) FROM audit_events WHERE entity = 'person' AND entity_id = ? AND action = 'update' AND detail LIKE '%fiscal_code%[erased]'", e.person.ID).Scan(&edits)
			if edits != 1 {
				t.Errorf("%d redacted edits keep the names of the fields changed", edits)
			}
			bad := tc.tamper(t, d, erase)
			p, err := d.VerifyAudit(ctx)
			switch {
			case err != nil:
				t.Fatal(err)
			case bad == 0 && p != nil:
				t.Errorf("VerifyAudit = %v after an erasure", p)
			case bad != 0 && (p == nil || *p != AuditProblem{Event: bad, Fault: AuditChanged}):
				t.Errorf("VerifyAudit = %v, want event %d changed", p, bad)
			}
		})
	}
}

// An erased person takes no personal value again, whatever writes it.
func TestAnErasedPersonStaysErased(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	e := newErasable(t, d, coord)
	if err := d.ErasePerson(ctx, e.person.ID, model.Erasure{Reason: model.ErasureUnlawful}, coord); err != nil {
		t.Fatal(err)
	}
	p, _ := d.Person(ctx, e.person.ID)
	p.FamilyName = "Diallo"
	if err := d.UpdatePerson(ctx, p, coord.ID); err == nil {
		t.Error("a name was written into an erased person")
	}
	// Nothing new goes into the file: no interview, plan, referral or consent.
	iv := &model.Interview{CaseID: e.caseID, Kind: model.InterviewIntake, Place: model.PlaceDesk}
	if err := d.StartInterview(ctx, iv, coord.ID); model.ErrorCode(err) != model.ErrErased {
		t.Errorf("an interview was started for an erased person: %v", err)
	}
	if err := d.SavePlan(ctx, &model.Plan{CaseID: e.caseID}, coord.ID); model.ErrorCode(err) != model.ErrErased {
		t.Errorf("a plan was made for an erased person: %v", err)
	}
	c := &model.Consent{PersonID: e.person.ID, Purpose: model.PurposeNotice, NoticeVersion: "2026.1", Language: "it",
		State: model.ConsentGiven, Date: fixedNow, ScanName: "x.pdf"}
	if err := d.RecordConsent(ctx, c, []byte("%PDF"), coord.ID); err == nil {
		t.Error("a scan was kept for an erased person")
	}
	if p, _ := d.Person(ctx, e.person.ID); p.FamilyName != "" {
		t.Errorf("the erased person is %q again", p.FamilyName)
	}
}
