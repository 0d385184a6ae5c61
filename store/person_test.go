package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"sportello/model"
)

func TestCreatePersonOpensCaseAndAudits(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	op := &model.Operator{Username: "coord", FullName: "Giulia Neri", Role: model.RoleCoordinator}
	if err := d.CreateOperator(ctx, op, "a long secret phrase", 0); err != nil {
		t.Fatal(err)
	}
	p := &model.Person{FamilyName: "Hossain", GivenNames: "Rahim", OwnScriptName: "রহিম হোসেন",
		Aliases: []string{"Rahim H."}, Sex: model.SexMale, BirthDate: model.PartialDate{Year: 1994, Month: 6},
		BirthCountry: "BD", Citizenships: []string{"BD"}, Languages: []string{"bn", "en"}, PreferredLanguage: "bn",
		Permit: model.Permit{Type: "lavoro", Status: model.PermitApplied}}
	if err := d.CreatePerson(ctx, p, op.ID); err != nil {
		t.Fatal(err)
	}
	if p.CaseCode != "PUA-2026-000001" {
		t.Errorf("case code %q", p.CaseCode)
	}
	got, err := d.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.OwnScriptName != p.OwnScriptName || got.BirthDate != p.BirthDate || len(got.Aliases) != 1 ||
		got.Permit.Status != model.PermitApplied || got.PreferredLanguage != "bn" || len(got.Languages) != 2 {
		t.Errorf("read back %+v", got)
	}
	cases, err := d.CasesOf(ctx, p.ID)
	if err != nil || len(cases) != 1 || cases[0].Status != model.CaseOpen || cases[0].OperatorID != op.ID {
		t.Fatalf("cases %+v, %v", cases, err)
	}
	trail, _ := d.AuditTrail(ctx, "person", p.ID)
	if len(trail) != 1 || trail[0].Action != model.ActionCreate || trail[0].OperatorID != op.ID {
		t.Errorf("audit trail %+v", trail)
	}
	if _, err := d.db.Exec("DELETE FROM audit_events"); err == nil {
		t.Error("the audit trail could be deleted")
	}

	// The next person gets the next code.
	q := &model.Person{FamilyName: "Popescu"}
	if err := d.CreatePerson(ctx, q, op.ID); err != nil {
		t.Fatal(err)
	}
	if q.CaseCode != "PUA-2026-000002" {
		t.Errorf("second case code %q", q.CaseCode)
	}
}

func TestCreatePersonRejectsBadInputAndSavesNothing(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	bad := []struct {
		name  string
		p     model.Person
		field string
		code  string
	}{
		{"empty family name", model.Person{FamilyName: "  "}, "family_name", model.ErrRequired},
		{"birth date in the future", model.Person{FamilyName: "Ba", BirthDate: model.PartialDate{Year: 2027}}, "birth_date", model.ErrFutureDate},
		{"invalid codice fiscale", model.Person{FamilyName: "Rossi", FiscalCode: "RSSMRA85T10A562X"}, "fiscal_code", model.ErrFiscalCodeCheck},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			err := d.CreatePerson(ctx, &c.p, 0)
			var v model.ValidationErrors
			if !errors.As(err, &v) || v.Field(c.field) == nil || v.Field(c.field).Code != c.code {
				t.Fatalf("err = %v, want %s on %s", err, c.code, c.field)
			}
		})
	}
	for _, table := range []string{"persons", "cases", "audit_events"} {
		var n int
		d.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after rejected input", table, n)
		}
	}
}

func TestUpdatePerson(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p := &model.Person{FamilyName: "Kovalenko", GivenNames: "Olena"}
	if err := d.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	p.OwnScriptName = "Олена Коваленко"
	if err := d.UpdatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	got, _ := d.FindPersons(ctx, model.PersonFilter{Query: "Олена"})
	if len(got) != 1 || got[0].ID != p.ID {
		t.Fatalf("search after update: %+v", got)
	}
	p.FamilyName = ""
	if err := d.UpdatePerson(ctx, p, 0); err == nil {
		t.Fatal("an empty family name was saved")
	}
	again, _ := d.Person(ctx, p.ID)
	if again.FamilyName != "Kovalenko" {
		t.Errorf("a rejected update changed the record: %q", again.FamilyName)
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	people := []model.Person{
		{FamilyName: "Nguyễn", GivenNames: "Thị Hồng"},
		{FamilyName: "Traoré", GivenNames: "Mamadou", Aliases: []string{"Madou"}},
		{FamilyName: "Al-Masri", GivenNames: "Youssef", OwnScriptName: "يوسف المصري"},
		{FamilyName: "Singh", GivenNames: "Gurpreet", OwnScriptName: "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"},
		{FamilyName: "O'Brien", GivenNames: "Seán"},
		{FamilyName: "Zhang", GivenNames: "Wei", OwnScriptName: "张伟"},
	}
	for i := range people {
		if err := d.CreatePerson(ctx, &people[i], 0); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		query string
		want  []string // family names, in list order
	}{
		{"", []string{"Al-Masri", "Nguyễn", "O'Brien", "Singh", "Traoré", "Zhang"}},
		{"traore", []string{"Traoré"}}, // accents folded
		{"TRAO", []string{"Traoré"}},   // prefix, case folded
		{"nguyen hong", []string{"Nguyễn"}},
		{"madou", []string{"Traoré"}},  // alias
		{"يوسف", []string{"Al-Masri"}}, // own script
		{"ਗੁਰਪ੍ਰੀਤ", []string{"Singh"}},
		{"张", []string{"Zhang"}},
		{"masri", []string{"Al-Masri"}}, // punctuation separates words
		{"o'bri", []string{"O'Brien"}},
		{"sean", []string{"O'Brien"}},
		{"PUA-2026-000002", []string{"Traoré"}},
		{"000005", []string{"O'Brien"}},
		{"\"*)(", []string{"Al-Masri", "Nguyễn", "O'Brien", "Singh", "Traoré", "Zhang"}}, // only punctuation: everyone
		{"nobody", nil},
	}
	for _, c := range cases {
		got, err := d.FindPersons(ctx, model.PersonFilter{Query: c.query})
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		var names []string
		for _, s := range got {
			names = append(names, s.FamilyName)
		}
		if fmt.Sprint(names) != fmt.Sprint(c.want) {
			t.Errorf("search %q = %v, want %v", c.query, names, c.want)
		}
		n, err := d.CountPersons(ctx, c.query)
		if err != nil || n != len(c.want) {
			t.Errorf("count %q = %d, %v; want %d", c.query, n, err, len(c.want))
		}
	}
	// Paging walks the list without repeats.
	page1, _ := d.FindPersons(ctx, model.PersonFilter{Limit: 4})
	page2, _ := d.FindPersons(ctx, model.PersonFilter{Offset: 4, Limit: 4})
	if len(page1) != 4 || len(page2) != 2 || page2[0].FamilyName != "Traoré" {
		t.Errorf("pages %v / %v", page1, page2)
	}
}

func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"", "traore", "o'bri", "\"*)(", "PUA-2026-000002", "يوسف", "a AND b", "NEAR(a b)", "x:y", "-^"} {
		f.Add(s)
	}
	d := newTestDB(f)
	if err := d.CreatePerson(context.Background(), &model.Person{FamilyName: "Rossi"}, 0); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := d.FindPersons(context.Background(), model.PersonFilter{Query: s, Limit: 5}); err != nil {
			t.Fatalf("FindPersons(%q): %v", s, err)
		}
	})
}

// The search plans for the encrypted store give what the full-text search
// gives: codes by the code index, short prefixes by the name index, and a
// count that stops past CountCap.
func TestSearchPlans(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	for _, n := range []struct{ family, given string }{{"Bianchi", "Awa"}, {"Ahmadi", "Reza"}, {"Zanetti", "Ada"},
		{"Okafor", "Chinedu"}, {"Diallo", "Mamadou"}} {
		if err := d.CreatePerson(ctx, &model.Person{FamilyName: n.family, GivenNames: n.given}, 0); err != nil {
			t.Fatal(err)
		}
	}
	names := func(q string) string {
		rows, err := d.FindPersons(ctx, model.PersonFilter{Query: q, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, r.FamilyName)
		}
		return strings.Join(out, " ")
	}
	all, _ := d.FindPersons(ctx, model.PersonFilter{Limit: 50})
	code := all[2].CaseCode // as the operator types it, lower case, cut short
	cases := []struct{ query, want string }{
		{"a", "Ahmadi Bianchi Zanetti"}, // family or given name, in name order
		{"ad", "Zanetti"},               // two letters: the full-text index, sorted by the sort keys
		{"ahm", "Ahmadi"},               // longer: the same
		{strings.ToLower(code), all[2].FamilyName},
		{code[:len(code)-3], codeOrder(all)}, // a code's start: in code order
		{"nobody", ""},
		{"pua", codeOrder(all)}, // the desk's letters alone: every file, in code order
		{"puab", ""},            // letters no code starts with: a name, and nobody's
		{"pu", ""},              // a short start of them: a name too
	}
	for _, c := range cases {
		if got := names(c.query); got != c.want {
			t.Errorf("search %q: %q, want %q", c.query, got, c.want)
		}
		n, _ := d.CountPersons(ctx, c.query)
		if want := len(strings.Fields(c.want)); n != want {
			t.Errorf("count %q: %d, want %d", c.query, n, want)
		}
	}
}

// A search of two letters or more chooses each page from the persons' sort
// keys (persons_sort_keys) and reads only the page's rows: the pages walk
// the matches in name order, without repeats, and the plan reads no whole
// table.
func TestSearchKeyedPages(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	var want []string
	for i := range 23 {
		family := []string{"Rossi", "Russo", "Romano", "Bianchi"}[i%4]
		given := fmt.Sprintf("Nome%02d", 23-i)
		if err := d.CreatePerson(ctx, &model.Person{FamilyName: family, GivenNames: given}, 0); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(family, "Ro") {
			want = append(want, family+" "+given)
		}
	}
	sort.Strings(want)
	var got []string
	for off := 0; off < 30; off += 7 {
		page, err := d.FindPersons(ctx, model.PersonFilter{Query: "ro", Limit: 7, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range page {
			got = append(got, p.FamilyName+" "+p.GivenNames)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pages of %q:\n%v\nwant\n%v", "ro", got, want)
	}
	plan := planSearch("ro", "", false)
	if !plan.keyed {
		t.Fatal("a two-letter search is not keyed")
	}
	steps, err := d.QueryPlan(ctx, plan.page(50))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(steps, "\n"), "COVERING INDEX persons_sort_keys") || WholeTableScan(plan.page(50), steps) != "" {
		t.Errorf("plan of a keyed page:\n%s", strings.Join(steps, "\n"))
	}
}

// codeOrder lists the family names in case-code order.
func codeOrder(rows []model.PersonSummary) string {
	sorted := append([]model.PersonSummary(nil), rows...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].CaseCode < sorted[j].CaseCode })
	var out []string
	for _, r := range sorted {
		out = append(out, r.FamilyName)
	}
	return strings.Join(out, " ")
}

func TestSearchCountStopsPastTheCap(t *testing.T) {
	d := newTestDB(t)
	fill(t, d, CountCap+100)
	ctx := context.Background()
	if n, _ := d.CountPersons(ctx, "pua-"); n != CountCap+1 {
		t.Errorf("count of a search matching everyone: %d, want %d (more than the cap)", n, CountCap+1)
	}
	if n, _ := d.CountPersons(ctx, ""); n != CountCap+100 {
		t.Errorf("count of everyone: %d, want %d", n, CountCap+100)
	}
	if n, _ := d.CountPersons(ctx, "diallo"); n != (CountCap+100)/20 {
		t.Errorf("count of the Diallo: %d, want %d", n, (CountCap+100)/20)
	}
}

func TestAnEditIsAuditedWithOldAndNewValues(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p := &model.Person{FamilyName: "Mensah", GivenNames: "Kwame", Phone: "+39 333 1111111"}
	if err := d.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	p.Phone = "+39 333 2222222"
	p.Domicile = "Via dei Campi 3, Latina"
	if err := d.UpdatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	trail, _ := d.AuditTrail(ctx, "person", p.ID)
	last := trail[len(trail)-1]
	for _, want := range []string{p.CaseCode, `phone: "+39 333 1111111" → "+39 333 2222222"`, `domicile: "" → "Via dei Campi 3, Latina"`} {
		if !strings.Contains(last.Detail, want) {
			t.Errorf("audit detail %q lacks %q", last.Detail, want)
		}
	}
	if strings.Contains(last.Detail, "family_name") {
		t.Errorf("an unchanged field is in the detail: %q", last.Detail)
	}
}
