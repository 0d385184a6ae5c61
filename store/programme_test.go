package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"sportello/model"
)

// handDesk builds a small desk by hand, with SQL, so that each indicator's
// right answer can be counted by hand:
//
// Registered: persons 1–3 on 5–7 January 2025, 4 in October 2024, 5 in 2026.
//
//	person 1 F, born 2000-06-15, MA     case 2025-02-10; plan agreed 2025-03-01 (goal: work); referral anti_trafficking sent 2025-03-05 (accepted); hired 2025-04-01
//	person 2 M, born 1960 (year only, as an erased person keeps it), IT
//	                                        case 2025-02-20; plan agreed 2024-12-01 (before the period, goal: work); referral legal sent 2025-05-02 (sent)
//	person 3 X, born 2009-01-01, NG RO  case 2025-03-03 and a second case 2025-04-04; two referrals legal sent 2025-03-10, 2025-03-11 (completed)
//	person 4 F, born 1990-05-05, BD     case 2024-11-11 (before); enterprise registered 2025-06-30; plan agreed 2025-06-01 (goals: italian, training); internship from 2025-09-01
//	person 5 M, born 1985,       PK     case 2026-01-01 (after); hired 2025-05-05 on a case opened later
//
// Skills profiles: person 1 v1 2025-02-15 (completed ISCED 3, ISCED 6 not
// completed, Italian A1, no recognition), v2 2025-07-01 (Italian listening
// B1, recognition requested); person 2 v1 2024-06-01 (ISCED 1, recognition
// requested), v2 2025-03-01 (Italian A2 in both). Housing: person 3
// answered no_home at an interview; person 4's domicile is informal.
// Closures: case 1 on 2025-10-15 (employed, qualification), case 2 on
// 2025-11-20 (education), case 3 on 2025-05-01 but reopened, case 6 on
// 2026-02-01 (after). Follow-ups: person 1 still employed at 4 weeks and
// at 6 months; person 5 not at 4 weeks.
//
// Period 2025-01-01 – 2025-12-31.
func handDesk(t testing.TB, d *DB) {
	t.Helper()
	stmts := []string{
		`INSERT INTO employers (uid, name, created_at, updated_at) VALUES ('e1', 'Ditta', 'x', 'x')`,
		`INSERT INTO services (uid, name, kind) VALUES ('s-legal', 'Studio legale', 'legal_aid')`,
	}
	persons := []struct{ sex, birth, cit, created string }{
		{"F", "2000-06-15", "MA", "2025-01-05T09:00:00Z"}, {"M", "", "IT", "2025-01-06T09:00:00Z"},
		{"X", "2009-01-01", "NG RO", "2025-01-07T09:00:00Z"}, {"F", "1990-05-05", "BD", "2024-10-01T09:00:00Z"},
		{"M", "1985", "PK", "2026-01-01T09:00:00Z"},
	}
	years := []int{2000, 1960, 2009, 1990, 1985}
	for i, p := range persons {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO persons (id, uid, case_code, code_year, code_seq, family_name, sex,
			birth_date, birth_year, citizenships, created_at, updated_at) VALUES (%d, 'p%d', 'PUA-2025-%06d', 2025, %d, 'N', '%s', '%s', %d,
			'%s', '%s', 'x')`, i+1, i+1, i+1, i+1, p.sex, p.birth, years[i], p.cit, p.created))
	}
	cases := []struct {
		id, person int
		opened     string
	}{{1, 1, "2025-02-10T09:00:00Z"}, {2, 2, "2025-02-20T09:00:00Z"}, {3, 3, "2025-03-03T09:00:00Z"}, {4, 3, "2025-04-04T09:00:00Z"},
		{5, 4, "2024-11-11T09:00:00Z"}, {6, 5, "2026-01-01T09:00:00Z"}}
	for _, c := range cases {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO cases (id, uid, person_id, opened_at, status, priority)
			VALUES (%d, 'c%d', %d, '%s', 'open', 'normal')`, c.id, c.id, c.person, c.opened))
	}
	plan := func(id, cs int, agreed string) string {
		return fmt.Sprintf(`INSERT INTO plans (uid, case_id, version, status, agreed_at, created_at, updated_at)
			VALUES ('pl%d', %d, 1, 'agreed', '%s', 'x', 'x')`, id, cs, agreed)
	}
	stmts = append(stmts, plan(1, 1, "2025-03-01T10:00:00Z"), plan(2, 2, "2024-12-01T10:00:00Z"), plan(3, 5, "2025-06-01T10:00:00Z"))
	ref := func(id, cs int, service, status, sent string) string {
		return fmt.Sprintf(`INSERT INTO referrals (uid, case_id, service_id, reason, urgency, status, created, sent_at, code)
			VALUES ('r%d', %d, (SELECT id FROM services WHERE name = '%s'), 'x', 'normal', '%s', '%s', '%s', 'INV-2025-%06d')`,
			id, cs, service, status, sent, sent, id)
	}
	stmts = append(stmts, ref(1, 1, "Numero Verde Antitratta", "accepted", "2025-03-05T10:00:00Z"),
		ref(2, 2, "Studio legale", "sent", "2025-05-02T10:00:00Z"), ref(3, 3, "Studio legale", "completed", "2025-03-10T10:00:00Z"),
		ref(4, 4, "Studio legale", "completed", "2025-03-11T10:00:00Z"))
	goal := func(plan, area string) string {
		return fmt.Sprintf(`INSERT INTO plan_goals (plan_id, position, area, text)
			VALUES ((SELECT id FROM plans WHERE uid = '%s'), 1, '%s', 'x')`, plan, area)
	}
	stmts = append(stmts, goal("pl1", "work"), goal("pl3", "italian"), goal("pl3", "training"), goal("pl2", "work"))
	hire := func(id, cs int, from string) string {
		return fmt.Sprintf(`INSERT INTO proposals (uid, case_id, employer_id, state, proposed_at, hired_from)
			VALUES ('h%d', %d, (SELECT id FROM employers WHERE uid = 'e1'), 'hired', '%s', '%s')`, id, cs, from, from)
	}
	stmts = append(stmts, handDeskProfiles()...)
	stmts = append(stmts, hire(1, 1, "2025-04-01"), hire(2, 6, "2025-05-05"),
		`INSERT INTO enterprises (uid, case_id, idea, registered_at) VALUES ('en1', 5, 'sartoria', '2025-06-30')`,
		`INSERT INTO internships (uid, case_id, employer_id, tutor, start, end, weekly_hours)
			VALUES ('i1', 5, (SELECT id FROM employers WHERE uid = 'e1'), 'T', '2025-09-01', '2025-12-01', 30)`)
	stmts = append(stmts, `UPDATE proposals SET still_4w = 'yes', still_6m = 'yes' WHERE uid = 'h1'`,
		`UPDATE proposals SET still_4w = 'no' WHERE uid = 'h2'`)
	err := d.update(context.Background(), func(tx *sql.Tx) error {
		for _, s := range stmts {
			if _, err := tx.Exec(s); err != nil {
				return fmt.Errorf("%s: %w", s, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// handDeskProfiles are the hand desk's skills profiles, housing and closures.
func handDeskProfiles() []string {
	profile := func(person, version int, date, body string) string {
		return fmt.Sprintf(`INSERT INTO skills_profiles (uid, person_id, version, date, created_at, body)
			VALUES ('sp%d-%d', %d, %d, '%s', 'x', '%s')`, person, version, person, version, date, body)
	}
	closed := func(cs int, at, outcomes string) string {
		return fmt.Sprintf(`UPDATE cases SET status = 'closed', closed_at = '%s', exit_reason = 'path_completed',
			exit_outcomes = '%s' WHERE id = %d`, at, outcomes, cs)
	}
	return []string{
		profile(1, 1, "2025-02-15", `{"education":[{"ISCED":"3","Completed":true,"Recognition":"none"},{"ISCED":"6"}],`+
			`"languages":[{"Language":"it","Overall":"A1"}]}`),
		profile(1, 2, "2025-07-01", `{"education":[{"ISCED":"3","Completed":true,"Recognition":"requested"}],`+
			`"languages":[{"Language":"ar","Mother":true},{"Language":"it","Levels":{"listening":"B1","writing":"A1"}}]}`),
		profile(2, 1, "2024-06-01", `{"education":[{"ISCED":"1","Completed":true,"Recognition":"requested"}],`+
			`"languages":[{"Language":"it","Overall":"A2"}]}`),
		profile(2, 2, "2025-03-01", `{"education":[{"ISCED":"1","Completed":true,"Recognition":"requested"}],`+
			`"languages":[{"Language":"it","Overall":"A2"}]}`),
		`INSERT INTO interviews (id, uid, case_id, date, kind, place) VALUES (1, 'iv1', 3, '2025-03-03', 'first', 'desk')`,
		`INSERT INTO answers (interview_id, question_id, value, updated_at) VALUES (1, 'documents.housing', 'no_home', 'x')`,
		`UPDATE persons SET domicile_informal = 1 WHERE id = 4`,
		closed(1, "2025-10-15T09:00:00Z", "employed,qualification"), closed(2, "2025-11-20T09:00:00Z", "education"),
		closed(6, "2026-02-01T09:00:00Z", "employed"),
		`INSERT INTO case_closures (case_id, closed_at, reason, outcomes, reopened_at)
			VALUES (3, '2025-05-01T09:00:00Z', 'lost_contact', 'job_seeking', '2025-06-01T09:00:00Z')`,
	}
}

func TestComputeIndicatorsHandDesk(t *testing.T) {
	d := newTestDB(t)
	handDesk(t, d)
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	rep, err := d.ComputeIndicators(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	type bd = map[string]map[string]int
	want := map[string]IndicatorResult{
		// persons 1, 2, 3 (3 has two cases: counted once, in March, the month of the first).
		// Ages at opening: 1 is 24 (18_29), 2 is 64 (55_plus), 3 is 16 (under_18).
		// Third country: 1 MA yes, 2 IT no, 3 NG+RO no (an EU citizenship).
		"in_charge": {Total: 3, Months: map[string]int{"2025-02": 2, "2025-03": 1},
			Breakdowns: bd{"sex": {"F": 1, "M": 1, "X": 1}, "age_band": {"18_29": 1, "55_plus": 1, "under_18": 1},
				"third_country": {"true": 1, "false": 2}}},
		// persons 1 (2025-03-01, age 24) and 4 (2025-06-01, age 35); person 2's plan is before the period.
		"plan_agreed": {Total: 2, Months: map[string]int{"2025-03": 1, "2025-06": 1},
			Breakdowns: bd{"sex": {"F": 2}, "age_band": {"18_29": 1, "30_54": 1}}},
		// persons 1 (anti_trafficking, accepted), 2 (legal, sent), 3 (legal twice, completed: once).
		"referrals": {Total: 3, Months: map[string]int{"2025-03": 2, "2025-05": 1},
			Breakdowns: bd{"service_kind": {"anti_trafficking": 1, "legal_aid": 2}, "outcome": {"accepted": 1, "sent": 1, "completed": 1}}},
		"anti_trafficking": {Total: 1, Months: map[string]int{"2025-03": 1}, Breakdowns: bd{}},
		// persons 1 (24, F) and 5 (hired 2025-05-05, born 1985 → 39, M): the hiring date counts, not the case's.
		"hired": {Total: 2, Months: map[string]int{"2025-04": 1, "2025-05": 1},
			Breakdowns: bd{"sex": {"F": 1, "M": 1}, "age_band": {"18_29": 1, "30_54": 1}}},
		// person 1 (plan with a work goal 2025-03-01, before the proposal), 5 (proposed 2025-05-05, 39),
		// 4 (internship 2025-09-01, 35); person 2's work plan is before the period.
		"work_path": {Total: 3, Months: map[string]int{"2025-03": 1, "2025-05": 1, "2025-09": 1},
			Breakdowns: bd{"sex": {"F": 2, "M": 1}, "age_band": {"18_29": 1, "30_54": 2}}},
		// person 4's plan of 2025-06-01, with an Italian and a training goal.
		"training":        {Total: 1, Months: map[string]int{"2025-06": 1}, Breakdowns: bd{}},
		"language_course": {Total: 1, Months: map[string]int{"2025-06": 1}, Breakdowns: bd{}},
		// person 4, 35.
		"internships": {Total: 1, Months: map[string]int{"2025-09": 1}, Breakdowns: bd{"sex": {"F": 1}, "age_band": {"30_54": 1}}},
		"enterprises": {Total: 1, Months: map[string]int{"2025-06": 1}, Breakdowns: bd{}},
	}
	// persons 1 (2025-02-15, 24, F) and 2 (2025-03-01, 64, M); person 2's first version is before the period.
	want["career_guidance"] = IndicatorResult{Total: 2, Months: map[string]int{"2025-02": 1, "2025-03": 1},
		Breakdowns: bd{"sex": {"F": 1, "M": 1}, "age_band": {"18_29": 1, "55_plus": 1}}}
	// person 1 first asked on 2025-07-01 (25); person 2 first asked in 2024, before the period.
	person1July := IndicatorResult{Total: 1, Months: map[string]int{"2025-07": 1}, Breakdowns: bd{"sex": {"F": 1}, "age_band": {"18_29": 1}}}
	want["recognition_applied"] = person1July
	// person 1 from A1 to B1 on 2025-07-01; person 2 stays at A2.
	want["cefr_improved"] = person1July
	// cases 1 (person 1, 2025-10-15, 25) and 2 (person 2, 2025-11-20, 64); case 3 was reopened, case 6 is after.
	want["leavers"] = IndicatorResult{Total: 2, Months: map[string]int{"2025-10": 1, "2025-11": 1},
		Breakdowns: bd{"exit_outcome": {"employed": 1, "qualification": 1, "education": 1}, "sex": {"F": 1, "M": 1},
			"age_band": {"18_29": 1, "55_plus": 1}}}
	person1Oct := IndicatorResult{Total: 1, Months: map[string]int{"2025-10": 1}, Breakdowns: bd{"sex": {"F": 1}, "age_band": {"18_29": 1}}}
	want["employed_at_exit"], want["qualification_at_exit"] = person1Oct, person1Oct
	want["in_education_at_exit"] = IndicatorResult{Total: 1, Months: map[string]int{"2025-11": 1},
		Breakdowns: bd{"sex": {"M": 1}, "age_band": {"55_plus": 1}}}
	// person 1 hired 2025-04-01: 4 weeks on 2025-04-29 (24), 6 months on 2025-10-01 (25); person 5 answered no.
	want["employed_4w"] = IndicatorResult{Total: 1, Months: map[string]int{"2025-04": 1}, Breakdowns: bd{"sex": {"F": 1}, "age_band": {"18_29": 1}}}
	want["employed_6m"] = person1Oct
	// as in_charge, with ISCED (1: 3 completed, 6 not; 2: 1; 3: no profile) and housing (3 answered no_home).
	esf := bd{"isced": {"isced_3_4": 1, "isced_0_2": 1, "unknown": 1}, "homeless": {"true": 1, "false": 2}}
	for k, v := range want["in_charge"].Breakdowns {
		esf[k] = v
	}
	want["esf_participants"] = IndicatorResult{Total: 3, Months: want["in_charge"].Months, Breakdowns: esf}
	// registered: persons 1–3, in January, same sexes, bands and citizenships as in_charge.
	want["reach"] = IndicatorResult{Total: 3, Months: map[string]int{"2025-01": 3}, Breakdowns: want["in_charge"].Breakdowns}
	if len(rep.Results) != len(model.ProgrammeIndicators) {
		t.Fatalf("%d results, want %d", len(rep.Results), len(model.ProgrammeIndicators))
	}
	for _, r := range rep.Results {
		w, ok := want[r.ID]
		if !ok {
			if r.Pending == "" || r.Total != 0 {
				t.Errorf("%s: not computed here, want pending: %+v", r.ID, r)
			}
			continue
		}
		w.ID = r.ID
		if !reflect.DeepEqual(r, w) {
			t.Errorf("%s:\n got %+v\nwant %+v", r.ID, r, w)
		}
	}
}

func TestComputeIndicatorsOnlyCoordinator(t *testing.T) {
	d := newTestDB(t)
	ctx := context.Background()
	for _, role := range []model.Role{model.RoleOperator, model.RoleMediator, model.RoleSocialWorker, model.RoleLegalAdviser} {
		op := fixtureOperator(t, d, "u"+string(role), role)
		_, err := d.As(op).ComputeIndicators(ctx, time.Now(), time.Now())
		var me *model.Error
		if !errors.As(err, &me) || me.Code != model.ErrPermission {
			t.Errorf("%s computed indicators: %v", role, err)
		}
		if err := d.As(op).SaveTargets(ctx, model.DemoTargets(), op.ID); err == nil {
			t.Errorf("%s saved targets", role)
		}
	}
	co := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	if _, err := d.As(co).ComputeIndicators(ctx, time.Now(), time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := d.As(co).SaveTargets(ctx, model.DemoTargets(), co.ID); err != nil {
		t.Fatal(err)
	}
	got, err := d.Targets(ctx)
	if err != nil || !reflect.DeepEqual(got, model.DemoTargets()) {
		t.Fatalf("targets read back %v, %v", got, err)
	}
	bad := []model.Target{{Indicator: "nope", Number: 1, From: time.Now(), To: time.Now()}}
	if err := d.As(co).SaveTargets(ctx, bad, co.ID); err == nil {
		t.Error("an unknown indicator saved")
	}
}

// BenchmarkComputeIndicators100k computes every indicator over 100,000
// persons, each registered and with a case opened in the period (so reach,
// in_charge and esf_participants count 100,000 each). Aim: under 1 s.
// benchIndicatorRows give the 100,000 persons of the benchmark what the
// indicators read: two skills profile versions each (education, Italian
// levels, recognition), a plan agreed with a goal for half, an interview's
// housing answer for a third, and a closed case with exit data for a
// quarter.
var benchIndicatorRows = []string{
	`INSERT INTO skills_profiles (uid, person_id, version, date, created_at, body)
		SELECT 'sp1-' || id, id, 1, printf('2025-%02d-12', 1 + id % 12), 'x',
		'{"education":[{"ISCED":"' || (id % 9) || '","Completed":true,"Recognition":"none"}],"languages":[{"Language":"it","Overall":"A1"}]}'
		FROM persons`,
	`INSERT INTO skills_profiles (uid, person_id, version, date, created_at, body)
		SELECT 'sp2-' || id, id, 2, '2025-12-20', 'x',
		'{"education":[{"ISCED":"' || (id % 9) || '","Completed":true,"Recognition":"requested"}],"languages":[{"Language":"it","Levels":{"listening":"A2"}}]}'
		FROM persons WHERE id % 2 = 0`,
	`INSERT INTO plans (uid, case_id, version, status, agreed_at, created_at, updated_at)
		SELECT 'pl' || id, id, 1, 'agreed', printf('2025-%02d-15T09:00:00Z', 1 + id % 12), 'x', 'x' FROM cases WHERE id % 2 = 0`,
	`INSERT INTO plan_goals (plan_id, position, area, text) SELECT id, 1, substr('work    trainingitalian ', 1 + 8 * (id % 3), 8), 'x' FROM plans`,
	`UPDATE plan_goals SET area = trim(area)`,
	`INSERT INTO interviews (id, uid, case_id, date, kind, place) SELECT id, 'iv' || id, id, '2025-01-01', 'first', 'desk' FROM cases WHERE id % 3 = 0`,
	`INSERT INTO answers (interview_id, question_id, value, updated_at) SELECT id, 'documents.housing', 'no_home', 'x' FROM interviews`,
	`UPDATE cases SET status = 'closed', closed_at = '2025-12-01T09:00:00Z', exit_reason = 'path_completed',
		exit_outcomes = 'employed,qualification' WHERE id % 4 = 0`,
}

func BenchmarkComputeIndicators100k(b *testing.B) {
	d := benchIndicatorDesk(b, 100_000)
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := d.ComputeIndicators(context.Background(), from, to); err != nil {
			b.Fatal(err)
		}
	}
}

// benchIndicatorDesk is a desk of n persons, each registered and with a
// case opened in 2025, with the rows of benchIndicatorRows; closed with b.
func benchIndicatorDesk(b *testing.B, n int) *DB {
	d, _, err := Create(filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	fill(b, d, n)
	err = d.update(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE persons SET created_at = printf('2025-%02d-05T09:00:00Z', 1 + id % 12),
			sex = substr('FMX', 1 + id % 3, 1), citizenships = substr('MA IT NG', 1 + 3 * (id % 3), 2)`)
		if err == nil {
			_, err = tx.Exec(`INSERT INTO cases (uid, person_id, opened_at, status, priority)
				SELECT 'c' || id, id, printf('2025-%02d-10T09:00:00Z', 1 + id % 12), 'open', 'normal' FROM persons`)
		}
		for _, q := range benchIndicatorRows {
			if err == nil {
				_, err = tx.Exec(q)
			}
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// TestIndicatorFactsMigration rewinds a hand-made desk to before migration
// 0012 and opens it again: the facts the migration fills from the existing
// skills profiles and answers give the same indicators as the triggers did.
func TestIndicatorFactsMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sportello.db")
	d := openTest(t, path)
	handDesk(t, d)
	ctx := context.Background()
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	before, err := d.ComputeIndicators(ctx, from, to)
	must(t, err)
	insider(t, d, undoIndicatorFacts...)
	insider(t, d, "PRAGMA user_version = 11")
	d.Close()

	d = openTest(t, path)
	after, err := d.ComputeIndicators(ctx, from, to)
	must(t, err)
	for i, r := range after.Results {
		if !reflect.DeepEqual(r, before.Results[i]) {
			t.Errorf("%s after the migration: %+v, before: %+v", r.ID, r, before.Results[i])
		}
	}
	var facts int
	must(t, d.db.QueryRow("SELECT count(*) FROM person_facts WHERE homeless").Scan(&facts))
	if facts == 0 {
		t.Error("the migration found no housing answer of the hand desk")
	}
}
