package exchange

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"sportello/demo"
	"sportello/model"
	"sportello/store"
)

// workDesk is a desk with demo persons and the demo work side, plus what
// the demo lacks: a flag lifted and raised again (history), a held vacancy
// cleared, a company known by its codice fiscale and a sole trader known
// by theirs.
func workDesk(t *testing.T, prefix string) (*store.DB, *model.Operator) {
	t.Helper()
	ctx := context.Background()
	a, coord := seeded(t, prefix, 3)
	if err := demo.SeedWork(ctx, a); err != nil {
		t.Fatal(err)
	}
	emps, err := a.Employers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range emps {
		if e.Flag == nil {
			continue
		}
		if err := a.UnflagEmployer(ctx, e.ID, "verificato: segnalazione infondata (demo)"); err != nil {
			t.Fatal(err)
		}
		if err := a.FlagEmployer(ctx, e.ID, model.EmployerFlag{Reason: "nuova segnalazione airone (demo)",
			Date: a.Now().AddDate(0, 0, -3)}); err != nil {
			t.Fatal(err)
		}
		break
	}
	company := emps[0]
	company.FiscalCode = company.VATNumber
	if err := a.SaveEmployer(ctx, &company); err != nil {
		t.Fatal(err)
	}
	sole := model.Employer{Name: "Mario Rossi ditta individuale (demo)", FiscalCode: "RSSMRA85T10A562S", Ateco: "A"}
	if err := a.SaveEmployer(ctx, &sole); err != nil {
		t.Fatal(err)
	}
	vacs, err := a.Vacancies(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vacs {
		if v.Held() {
			if err := a.ClearVacancy(ctx, v.ID, "cifre corrette dal datore (demo)"); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	return a, coord
}

// workOnly keeps a fingerprint's work records and consents.
func workOnly(fp []string) []string {
	var out []string
	for _, r := range fp {
		for _, k := range []string{"employer/", "vacancy/", "proposal/", "internship/", "enterprise/", "consent/"} {
			if strings.HasPrefix(r, k) {
				out = append(out, r)
			}
		}
	}
	return out
}

// TestWorkTravelsInBundles: employers with their flags (one lifted, kept as
// history), vacancies with their breaches and clearance, the consent to
// share with an employer, proposals with their states, internships with
// their months and enterprises with steps and applications reach desk B
// the same; importing the bundle again changes nothing.
func TestWorkTravelsInBundles(t *testing.T) {
	ctx := context.Background()
	a, coord := workDesk(t, "PWA")
	b := desk(t, "PWB")
	bundle, res := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	for _, k := range []string{"employers", "vacancies", "proposals", "internships", "enterprises"} {
		if res.Counts[k] == 0 {
			t.Fatalf("the bundle carries no %s: %v", k, res.Counts)
		}
	}
	if err := ValidateJSON(bundleData(t, bundle)); err != nil {
		t.Fatalf("the bundle does not follow the schema: %v", err)
	}
	accept(t, b, bundle)
	got, err := importBytes(ctx, b, bundle, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Conflicts != 0 {
		t.Fatalf("first import: %+v", got)
	}
	want, have := fingerprint(t, a, false), fingerprint(t, b, false)
	if !slices.Equal(want, have) {
		t.Fatalf("after the round trip the desks differ; first on A only: %v", firstMissing(want, have))
	}
	if len(workOnly(have)) < 12 {
		t.Fatalf("too few work records to prove anything: %v", workOnly(have))
	}
	checkWorkOnB(t, a, b)
	withOps := fingerprint(t, b, true)
	again, err := importBytes(ctx, b, bundle, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Updated != 0 || again.Conflicts != 0 {
		t.Fatalf("second import of the same bundle: %+v", again)
	}
	if after := fingerprint(t, b, true); !slices.Equal(after, withOps) {
		t.Fatal("importing the same bundle twice changed records")
	}
}

// checkWorkOnB reads the work records back through B's own store.
func checkWorkOnB(t *testing.T, a, b *store.DB) {
	t.Helper()
	ctx := context.Background()
	empsA, _ := a.Employers(ctx)
	empsB, err := b.Employers(ctx)
	if err != nil || len(empsB) != len(empsA) {
		t.Fatalf("employers on B: %d, on A %d (%v)", len(empsB), len(empsA), err)
	}
	flagged := 0
	for _, e := range empsB {
		if e.Flag != nil {
			flagged++
			if e.Flag.Reason == "" {
				t.Errorf("the flag of %s lost its reason", e.Name)
			}
		}
	}
	if flagged != 2 {
		t.Errorf("%d employers flagged on B, want 2", flagged)
	}
	vacs, _ := b.Vacancies(ctx, 0)
	cleared := 0
	for _, v := range vacs {
		if len(v.Breaches) > 0 && !v.ClearedAt.IsZero() {
			cleared++
		}
	}
	if len(vacs) == 0 || cleared != 1 {
		t.Errorf("vacancies on B: %d, %d cleared", len(vacs), cleared)
	}
	var hired, months, steps int
	persons, _ := b.FindPersons(ctx, model.PersonFilter{Limit: 10})
	for _, p := range persons {
		cases, _ := b.CasesOf(ctx, p.ID)
		for _, c := range cases {
			ps, _ := b.ProposalsOf(ctx, c.ID)
			for _, pr := range ps {
				if pr.State == model.ProposalHired && pr.Contract == "agri_fixed" && pr.WeeklyHours == 39 && pr.ConsentID != 0 {
					hired++
				}
			}
			ins, _ := b.InternshipsOf(ctx, c.ID)
			for _, in := range ins {
				months += len(in.Attendance)
			}
			ents, _ := b.EnterprisesOf(ctx, c.ID)
			for _, e := range ents {
				steps += len(e.Steps) + len(e.Applications)
			}
		}
	}
	if hired != 1 || months != 2 || steps != 4 {
		t.Errorf("on B: %d hired, %d months of internship, %d steps and applications", hired, months, steps)
	}
}

// TestWorkIncremental: a change to a proposal puts it, and nothing else of
// the work side, in the next incremental snapshot.
func TestWorkIncremental(t *testing.T) {
	ctx := context.Background()
	a, _ := workDesk(t, "PWA")
	all, err := a.Snapshot(ctx, store.SnapshotOptions{AfterRev: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var hired model.Proposal
	for _, p := range all.Proposals {
		if p.State == model.ProposalHired {
			hired = p
		}
	}
	rev, _ := a.ChangePosition(ctx)
	if err := a.RecordStillEmployed(ctx, hired.ID, model.Check4Weeks, true); err != nil {
		t.Fatal(err)
	}
	snap, err := a.Snapshot(ctx, store.SnapshotOptions{AfterRev: rev}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Proposals) != 1 || snap.Proposals[0].Still4Weeks != "yes" || len(snap.Employers)+len(snap.Vacancies)+
		len(snap.Internships)+len(snap.Enterprises) != 0 {
		t.Errorf("incremental: %d proposals, %d employers, %d vacancies, %d internships, %d enterprises",
			len(snap.Proposals), len(snap.Employers), len(snap.Vacancies), len(snap.Internships), len(snap.Enterprises))
	}
}

// TestWorkBundleRefusals: a bundle whose work records refer to an employer
// neither in it nor on the desk, or carry a value no form would take, is
// refused and the desk is unchanged.
func TestWorkBundleRefusals(t *testing.T) {
	ctx := context.Background()
	a, coord := workDesk(t, "PWA")
	k, err := deskKeys(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	good := mustExport(t, a, coord)
	const stranger = "0123456789abcdef0123456789abcdef"
	tests := []struct {
		name   string
		change func(d *Document)
		code   string
	}{
		{"proposal to an unknown employer", func(d *Document) { d.Proposals[0].EmployerID = stranger }, BundleReferences},
		{"internship at an unknown employer", func(d *Document) { d.Internships[0].EmployerID = stranger }, BundleReferences},
		{"internship of an unknown case", func(d *Document) { d.Internships[0].CaseID = stranger }, BundleReferences},
		{"consent to an unknown employer", func(d *Document) {
			for i := range d.Consents {
				if d.Consents[i].EmployerID != "" {
					d.Consents[i].EmployerID = stranger
				}
			}
		}, BundleReferences},
		{"a state no proposal has", func(d *Document) { d.Proposals[0].State = "sold" }, ""},
		{"a negative allowance", func(d *Document) { d.Internships[0].AllowanceCents = -60000 }, ""},
		{"a negative funding amount", func(d *Document) { d.Enterprises[0].Funding[0].AmountCents = -1 }, ""},
		{"two open flags", func(d *Document) {
			for i := range d.Employers {
				if f := d.Employers[i].Flags; len(f) > 0 {
					d.Employers[i].Flags = append(f, EmployerFlag{Reason: "doppia", Date: f[0].Date, FlaggedAt: f[0].FlaggedAt})
					return
				}
			}
		}, BundleMalformed},
		{"a hiring without its contract", func(d *Document) {
			for i := range d.Proposals {
				if d.Proposals[i].State == "hired" {
					d.Proposals[i].TipoContratto = ""
				}
			}
		}, BundleMalformed},
	}
	b := desk(t, "PWB")
	accept(t, b, good)
	before := state(t, b)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := resignData(t, good, k.signing, func(data []byte) []byte {
				var d Document
				if err := json.Unmarshal(data, &d); err != nil {
					t.Fatal(err)
				}
				tt.change(&d)
				out, _ := json.Marshal(&d)
				return out
			})
			_, err := importBytes(ctx, b, bad, ImportOptions{})
			var be *BundleError
			if !errors.As(err, &be) || (tt.code != "" && be.Code != tt.code) {
				t.Fatalf("got %v, want a refusal %q", err, tt.code)
			}
			if after := state(t, b); after != before {
				t.Fatalf("a refused bundle changed the desk:\n%s\n---\n%s", before, after)
			}
		})
	}
}

// TestWorkChangesMerge: after a first exchange, a vacancy closed and a
// still-employed answer on A update B; an employer changed on both desks
// is a conflict, nothing overwritten, until an operator takes A's version.
func TestWorkChangesMerge(t *testing.T) {
	ctx := context.Background()
	a, coord := workDesk(t, "PWA")
	b := desk(t, "PWB")
	first := mustExport(t, a, coord)
	accept(t, b, first)
	if _, err := importBytes(ctx, b, first, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	snap, _ := a.Snapshot(ctx, store.SnapshotOptions{AfterRev: -1}, nil)
	emp, vac := snap.Employers[0], snap.Vacancies[0]
	for _, p := range snap.Proposals {
		if p.State == model.ProposalHired {
			if err := a.RecordStillEmployed(ctx, p.ID, model.Check4Weeks, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	vac.State = model.VacancyClosed
	if err := a.SaveVacancy(ctx, &vac); err != nil {
		t.Fatal(err)
	}
	emp.Notes = "nota di A (demo)"
	if err := a.SaveEmployer(ctx, &emp); err != nil {
		t.Fatal(err)
	}
	onB, _ := b.Snapshot(ctx, store.SnapshotOptions{AfterRev: -1}, nil)
	for _, e := range onB.Employers {
		if e.UID == emp.UID {
			e.Notes = "nota di B (demo)"
			if err := b.SaveEmployer(ctx, &e); err != nil {
				t.Fatal(err)
			}
		}
	}
	res, err := importBytes(ctx, b, mustExport(t, a, coord), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Updated < 2 || res.Conflicts != 1 {
		t.Fatalf("second import: %+v", res)
	}
	after, _ := b.Snapshot(ctx, store.SnapshotOptions{AfterRev: -1}, nil)
	for _, v := range after.Vacancies {
		if v.UID == vac.UID && v.State != model.VacancyClosed {
			t.Errorf("the vacancy closed on A is %s on B", v.State)
		}
	}
	for _, p := range after.Proposals {
		if p.State == model.ProposalHired && p.Still4Weeks != "yes" {
			t.Error("the still-employed answer did not reach B")
		}
	}
	notes := func() string {
		s, _ := b.Snapshot(ctx, store.SnapshotOptions{AfterRev: -1}, nil)
		for _, e := range s.Employers {
			if e.UID == emp.UID {
				return e.Notes
			}
		}
		return ""
	}
	if got := notes(); got != "nota di B (demo)" {
		t.Fatalf("a conflict overwrote B's employer: %q", got)
	}
	open, err := Conflicts(ctx, b)
	if err != nil || len(open) != 1 || open[0].Entity != "employer" {
		t.Fatalf("conflicts: %+v, %v", open, err)
	}
	if err := Resolve(ctx, b, open[0].ID, store.TakeTheirs, trustee(t, b)); err != nil {
		t.Fatal(err)
	}
	if got := notes(); got != "nota di A (demo)" {
		t.Errorf("after taking A's version the notes are %q", got)
	}
}
