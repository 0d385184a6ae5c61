package exchange

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"sportello/model"
	"sportello/store"
)

// TestOldBundleStillImports: a 1.2 bundle (no work records, no consent
// naming an employer) merges as before.
func TestOldBundleStillImports(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PWA", 3)
	k, err := deskKeys(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	old := resignData(t, mustExport(t, a, coord), k.signing, func(data []byte) []byte {
		var d Document
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		d.FormatVersion = "1.2"
		out, _ := json.Marshal(&d)
		return out
	})
	b := desk(t, "PWB")
	accept(t, b, old)
	if res, err := importBytes(ctx, b, old, ImportOptions{}); err != nil || res.Added == 0 {
		t.Fatalf("a 1.2 bundle: %+v, %v", res, err)
	}
	if want, have := fingerprint(t, a, false), fingerprint(t, b, false); !slices.Equal(want, have) {
		t.Fatalf("after a 1.2 bundle the desks differ; first on A only: %v", firstMissing(want, have))
	}
}

// TestWorkInRegionalExport: the pseudonymised export carries the work
// records and the SAP views of sections 4 and 6 without a name, a contact,
// a free text or a natural person's codes; a company's codes stay.
func TestWorkInRegionalExport(t *testing.T) {
	ctx := context.Background()
	a, coord := workDesk(t, "PWA")
	emps, _ := a.Employers(ctx)
	var secret []string
	var companyCF string
	for _, e := range emps {
		secret = append(secret, e.Name)
		if e.Address != "" {
			secret = append(secret, e.Address)
		}
		if len(e.FiscalCode) == 11 {
			companyCF = e.FiscalCode
		}
	}
	secret = append(secret, "RSSMRA85T10A562S", "Marco Neri", "Sartoria", "malattia", "Contratto stagionale",
		"airone", "infondata", "cifre corrette", "Ente di microcredito")
	data, _ := export(t, a, Options{Format: FormatJSON, Pseudonymised: true, Operator: coord})
	if err := ValidateJSON(data); err != nil {
		t.Fatalf("the pseudonymised export does not follow the schema: %v", err)
	}
	if got := holds(data, secret); len(got) > 0 {
		t.Errorf("the pseudonymised export holds %q", got)
	}
	if companyCF == "" || !strings.Contains(string(data), companyCF) {
		t.Errorf("a company's codice fiscale %q should stay", companyCF)
	}
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Employers) != len(emps) || len(doc.Proposals) == 0 || len(doc.Internships) == 0 || len(doc.Enterprises) == 0 {
		t.Fatalf("work records in the export: %v", doc.Counts())
	}
	rows := map[string][][]string{}
	for _, tb := range doc.Tables() {
		rows[tb.Name] = tb.Rows
	}
	var kinds, policies []string
	for _, r := range rows["sap_esperienze_lavoro"] {
		kinds = append(kinds, r[2]+" "+r[11])
	}
	for _, r := range rows["sap_politiche_attive"] {
		policies = append(policies, r[2])
	}
	slices.Sort(kinds)
	slices.Sort(policies)
	if !slices.Equal(kinds, []string{"assunzione agri_fixed", "tirocinio internship"}) {
		t.Errorf("SAP section 4 rows: %q", kinds)
	}
	if !slices.Equal(policies, []string{"autoimpiego", "proposta_lavoro", "tirocinio"}) {
		t.Errorf("SAP section 6 rows: %q", policies)
	}
}

// TestWorkErasureTravels: a person erased on A has their work records
// blanked on B by A's next bundle, as A blanked them.
func TestWorkErasureTravels(t *testing.T) {
	ctx := context.Background()
	a, coord := workDesk(t, "PWA")
	b := desk(t, "PWB")
	first := mustExport(t, a, coord)
	accept(t, b, first)
	if _, err := importBytes(ctx, b, first, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	snap, err := a.Snapshot(ctx, store.SnapshotOptions{AfterRev: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	persons := map[int64]bool{}
	for _, c := range snap.Cases {
		for _, in := range snap.Internships {
			persons[c.PersonID] = persons[c.PersonID] || in.CaseID == c.ID
		}
		for _, e := range snap.Enterprises {
			persons[c.PersonID] = persons[c.PersonID] || e.CaseID == c.ID
		}
		for _, p := range snap.Proposals {
			persons[c.PersonID] = persons[c.PersonID] || p.CaseID == c.ID
		}
	}
	for id, ok := range persons {
		if !ok {
			continue
		}
		if err := a.ErasePerson(ctx, id, model.Erasure{Reason: model.ErasureConsentWithdrawn}, coord); err != nil {
			t.Fatal(err)
		}
	}
	values := []string{"Sartoria", "malattia", "Contratto stagionale", "Business plan"}
	second := mustExport(t, a, coord)
	if got := holds(bundleData(t, second), values); len(got) > 0 {
		t.Errorf("A's bundle after the erasure holds %q", got)
	}
	if _, err := importBytes(ctx, b, second, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	fromB, _ := export(t, b, Options{Format: FormatJSON, Plaintext: true, Operator: trustee(t, b)})
	if got := holds(fromB, values); len(got) > 0 {
		t.Errorf("B still holds %q of the erased persons' work records", got)
	}
	if !strings.Contains(string(fromB), "agri_fixed") {
		t.Error("the erasure should keep the hiring's contract for the counts")
	}
	// A desk that never had them takes the erased persons' work records as
	// the erasure left them: an enterprise without its idea is no error.
	c := desk(t, "PWC")
	accept(t, c, second)
	if res, err := importBytes(ctx, c, second, ImportOptions{}); err != nil || res.Added == 0 {
		t.Fatalf("the bundle after the erasure on a new desk: %+v, %v", res, err)
	}
	fromC, _ := export(t, c, Options{Format: FormatJSON, Plaintext: true, Operator: trustee(t, c)})
	if got := holds(fromC, values); len(got) > 0 {
		t.Errorf("C holds %q of the erased persons' work records", got)
	}
	var doc Document
	if err := json.Unmarshal(fromC, &doc); err != nil || len(doc.Enterprises) != 1 || len(doc.Internships) != 1 {
		t.Errorf("C has %d enterprises and %d internships (%v)", len(doc.Enterprises), len(doc.Internships), err)
	}
}

// TestEmployerEnteredOnBothDesks: an employer both desks entered under the
// same partita IVA stays one employer on each, under one ID, and the
// vacancies of either desk name it.
func TestEmployerEnteredOnBothDesks(t *testing.T) {
	ctx := context.Background()
	a, coord := workDesk(t, "PWA")
	b := desk(t, "PWB")
	emps, _ := a.Employers(ctx)
	twin := model.Employer{Name: "Le Serre soc. agricola (demo)", VATNumber: emps[0].VATNumber}
	if err := b.SaveEmployer(ctx, &twin); err != nil {
		t.Fatal(err)
	}
	v := model.Vacancy{EmployerID: twin.ID, Title: "Potatura (demo)", Posts: 2, WeeklyHours: 39}
	if err := b.SaveVacancy(ctx, &v); err != nil {
		t.Fatal(err)
	}
	toB := mustExport(t, a, coord)
	accept(t, b, toB)
	if _, err := importBytes(ctx, b, toB, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	toA, _ := export(t, b, Options{Format: FormatBundle, Plaintext: true, Operator: trustee(t, b)})
	accept(t, a, toA)
	if _, err := importBytes(ctx, a, toA, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for name, db := range map[string]*store.DB{"A": a, "B": b} {
		all, _ := db.Employers(ctx)
		var same []model.Employer
		for _, e := range all {
			if e.VATNumber == twin.VATNumber {
				same = append(same, e)
			}
		}
		if len(same) != 1 || len(all) != len(emps) {
			t.Fatalf("on %s: %d employers with the partita IVA, %d in all (want 1, %d)", name, len(same), len(all), len(emps))
		}
		vacs, _ := db.Vacancies(ctx, same[0].ID)
		titles := map[string]bool{}
		for _, v := range vacs {
			titles[v.Title] = true
		}
		if !titles["Potatura (demo)"] || len(vacs) < 2 {
			t.Errorf("on %s the employer's vacancies are %v", name, titles)
		}
	}
	ua, ub := map[string]bool{}, map[string]bool{}
	for _, r := range workOnly(fingerprint(t, a, false)) {
		ua[strings.SplitN(r, "=", 2)[0]] = true
	}
	for _, r := range workOnly(fingerprint(t, b, false)) {
		ub[strings.SplitN(r, "=", 2)[0]] = true
	}
	if len(ua) != len(ub) {
		t.Errorf("the desks hold different work records: %d on A, %d on B", len(ua), len(ub))
	}
	for k := range ua {
		if !ub[k] {
			t.Errorf("%s is on A only", k)
		}
	}
}
