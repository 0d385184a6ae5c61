package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"sportello/model"
	"sportello/store"
)

// addProfile saves a fictional version of the skills profile of the
// desk's person with the case code.
func addProfile(t *testing.T, db *store.DB, code, job string) *model.SkillsProfile {
	t.Helper()
	ctx := context.Background()
	p, err := db.PersonByCaseCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	sp := &model.SkillsProfile{PersonID: p.ID, Date: time.Now().UTC().AddDate(0, 0, -1),
		Languages: []model.LanguageSkill{{Language: "ar", Mother: true},
			{Language: "it", Levels: map[string]string{"listening": "A2", "writing": "A1"}}},
		Education: []model.EducationEntry{{Level: "Baccalauréat", Country: "MA", Completed: true, ItalianLevel: "USG", ISCED: "3"}},
		Experiences: []model.WorkExperience{{Title: job, ESCO: "c9191f7f-28b5-4df8-991d-804c53009b83", CP2011: "8.3.1.1.0",
			ISCO: "9213", Country: "IT", Region: "Lazio", Tasks: "raccolta nei campi di Borgo Fittizio",
			From: model.PartialDate{Year: 2021, Month: 3}}},
		Skills:       []model.ProfileSkill{{ESCO: "S6.4.3", Evidence: []string{"observation"}}, {Label: "cucina marocchina"}},
		Licences:     []model.DrivingLicence{{Category: "B", Foreign: true, Country: "MA"}},
		Availability: model.Availability{Hours: []string{"full_time"}, WantedNote: "vicino a Latina"},
		Notes:        "nota riservata",
	}
	if err := db.SaveSkillsProfile(ctx, sp, 0); err != nil {
		t.Fatal(err)
	}
	return sp
}

// firstCode is the case code of a desk's first person.
func firstCode(t *testing.T, db *store.DB) string {
	t.Helper()
	all, err := db.FindPersons(context.Background(), model.PersonFilter{Limit: 1})
	if err != nil || len(all) == 0 {
		t.Fatal(all, err)
	}
	return all[0].CaseCode
}

// TestSkillsProfilesTravelInBundles: every version of a profile reaches the
// other desk under its own ID; versions both desks wrote under the same
// number both stay (a union); a second exchange adds and changes nothing.
func TestSkillsProfilesTravelInBundles(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PUA", 3)
	code := firstCode(t, a)
	addProfile(t, a, code, "bracciante")
	addProfile(t, a, code, "bracciante e trattorista")
	b := desk(t, "PUB")
	bundle, res := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	if res.Counts["skills_profiles"] != 2 {
		t.Fatalf("the bundle should carry both versions: %v", res.Counts)
	}
	if err := ValidateJSON(bundleData(t, bundle)); err != nil {
		t.Fatalf("the bundle does not follow the schema: %v", err)
	}
	accept(t, b, bundle)
	if _, err := importBytes(ctx, b, bundle, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	p, err := b.PersonByCaseCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	got, err := b.SkillsProfiles(ctx, p.ID)
	if err != nil || len(got) != 2 {
		t.Fatalf("desk B has %d versions (%v), want 2", len(got), err)
	}
	if got[0].Experiences[0].Title != "bracciante e trattorista" || got[0].Notes != "nota riservata" || got[0].Version != 2 {
		t.Errorf("the newest version came across as %+v", got[0])
	}
	// Desk B writes its own version 3 while desk A writes another version 3.
	addProfile(t, b, code, "magazziniere (desk B)")
	addProfile(t, a, code, "potatore (desk A)")
	back, _ := export(t, b, Options{Format: FormatBundle, Plaintext: true, Operator: coordinator(t, b)})
	accept(t, a, back)
	if _, err := importBytes(ctx, a, back, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	pa, _ := a.PersonByCaseCode(ctx, code)
	all, err := a.SkillsProfiles(ctx, pa.ID)
	if err != nil || len(all) != 4 {
		t.Fatalf("desk A has %d versions (%v), want the union of 4", len(all), err)
	}
	jobs := map[string]bool{}
	for _, v := range all {
		jobs[v.Experiences[0].Title] = true
	}
	if !jobs["magazziniere (desk B)"] || !jobs["potatore (desk A)"] {
		t.Errorf("a version was lost in the union: %v", jobs)
	}
	again, err := importBytes(ctx, a, back, ImportOptions{})
	if err != nil || again.Added != 0 || again.Conflicts != 0 {
		t.Errorf("the same bundle again: %+v %v", again, err)
	}
}

// TestSkillsProfilesInTheRegionalExport: the pseudonymised export carries
// the profile's codes and levels without names or free text, follows the
// schema, and the workbook has the profile sheets.
func TestSkillsProfilesInTheRegionalExport(t *testing.T) {
	a, coord := seeded(t, "PUA", 3)
	code := firstCode(t, a)
	p, _ := a.PersonByCaseCode(context.Background(), code)
	addProfile(t, a, code, "bracciante")
	data, _ := export(t, a, Options{Format: FormatJSON, Pseudonymised: true, Operator: coord})
	if err := ValidateJSON(data); err != nil {
		t.Fatalf("the pseudonymised export does not follow the schema: %v", err)
	}
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.FormatVersion != FormatVersion || len(doc.SkillsProfiles) != 1 {
		t.Fatalf("format %s with %d profiles", doc.FormatVersion, len(doc.SkillsProfiles))
	}
	sp := doc.SkillsProfiles[0]
	if sp.Esperienze[0].CP2011 != "8.3.1.1.0" || sp.Lingue[1].Livelli["listening"] != "A2" || sp.Patenti[0].Categoria != "B" {
		t.Errorf("the codes did not travel: %+v", sp)
	}
	for _, s := range []string{p.FamilyName, p.GivenNames, code, "nota riservata", "Borgo Fittizio", "cucina marocchina",
		"vicino a Latina", "Baccalauréat", "bracciante"} {
		if strings.Contains(string(data), s) {
			t.Errorf("the pseudonymised export carries %q", s)
		}
	}
	book, _ := export(t, a, Options{Format: FormatXLSX, Pseudonymised: true, Operator: coord})
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var names string
	for _, f := range z.File {
		if f.Name == "xl/workbook.xml" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			names = string(b)
		}
	}
	for _, sheet := range []string{"skills_profiles", "profile_languages", "profile_education", "profile_experiences", "profile_skills"} {
		if !strings.Contains(names, `name="`+sheet+`"`) {
			t.Errorf("the workbook has no sheet %s", sheet)
		}
	}
}
