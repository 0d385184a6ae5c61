package store

import (
	"context"
	"strings"
	"testing"

	"sportello/model"
)

// fixtureProfile is a fictional profile with something in most parts.
func fixtureProfile(personID int64) *model.SkillsProfile {
	return &model.SkillsProfile{PersonID: personID, Date: fixedNow,
		Languages: []model.LanguageSkill{{Language: "pa", Mother: true},
			{Language: "it", Levels: map[string]string{"listening": "A2", "reading": "A1"}, Certificate: "cpia"}},
		Education: []model.EducationEntry{{Country: "IN", From: model.PartialDate{Year: 2005}, To: model.PartialDate{Year: 2010},
			Completed: true, ItalianLevel: "LSE", ISCED: "2", Recognition: "none"}},
		Experiences: []model.WorkExperience{{Title: "mungitore", ISCO: "9212", Ateco: "A", Region: "Lazio",
			From: model.PartialDate{Year: 2019, Month: 4}, To: model.PartialDate{Year: 2024}}},
		Skills:       []model.ProfileSkill{{ESCO: "S6.9.5", Evidence: []string{"self_declaration"}}},
		Digital:      map[string]string{"communication": "foundation"},
		Licences:     []model.DrivingLicence{{Category: "B", Foreign: true, Country: "IN", Convertible: "yes"}},
		Certificates: []model.Certificate{{Kind: "haccp", Date: model.PartialDate{Year: 2025}}},
		Availability: model.Availability{Hours: []string{"seasonal"}, WillingToMove: "no"},
		Validation: []model.ValidationEntry{{Competence: "S6.9.5", State: "transparency",
			Evidence: []model.Evidence{{Kind: "employer_statement", Note: "azienda agricola"}}}},
	}
}

// A profile comes back as saved; a second save is version 2 and leaves
// version 1 as it was; the latest is the newest.
func TestSkillsProfileVersions(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p, _ := fixturePerson(t, d, "Singh", model.Permit{})
	if got, err := d.LatestSkillsProfile(ctx, p.ID); err != nil || got != nil {
		t.Fatalf("no profile yet: %v, %v", got, err)
	}
	first := fixtureProfile(p.ID)
	must(t, d.SaveSkillsProfile(ctx, first, 0))
	if first.Version != 1 || first.ID == 0 {
		t.Fatalf("first save: version %d, id %d", first.Version, first.ID)
	}
	second := fixtureProfile(p.ID)
	second.ID, second.Version = first.ID, first.Version // an edit of the first: saved as a new version all the same
	second.Licences = append(second.Licences, model.DrivingLicence{Category: "CQC"})
	must(t, d.SaveSkillsProfile(ctx, second, 0))
	if second.Version != 2 || second.ID == first.ID {
		t.Fatalf("second save: version %d, id %d", second.Version, second.ID)
	}
	all, err := d.SkillsProfiles(ctx, p.ID)
	must(t, err)
	if len(all) != 2 || all[0].Version != 2 || all[1].Version != 1 {
		t.Fatalf("versions %+v", all)
	}
	if len(all[1].Licences) != 1 || len(all[0].Licences) != 2 {
		t.Errorf("version 1 changed: %+v", all[1].Licences)
	}
	v1 := all[1]
	if v1.Languages[1].Levels["listening"] != "A2" || v1.Experiences[0].From != (model.PartialDate{Year: 2019, Month: 4}) ||
		v1.Validation[0].Evidence[0].Note != "azienda agricola" || v1.Digital["communication"] != "foundation" ||
		v1.Date.Format("2006-01-02") != fixedNow.Format("2006-01-02") || v1.PersonID != p.ID {
		t.Errorf("round trip: %+v", v1)
	}
	latest, err := d.LatestSkillsProfile(ctx, p.ID)
	must(t, err)
	if latest == nil || latest.Version != 2 {
		t.Errorf("latest %+v", latest)
	}
	var events int
	must(t, d.db.QueryRowContext(ctx, "SELECT count(*) FROM audit_events WHERE entity = 'skills_profile'").Scan(&events))
	if events != 2 {
		t.Errorf("%d audit events, want 2", events)
	}
}

// A profile that does not validate, or of nobody, is not saved; the table
// refuses a change or a removal of a version.
func TestSkillsProfileRefusals(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p, _ := fixturePerson(t, d, "Kaur", model.Permit{})
	bad := fixtureProfile(p.ID)
	bad.Experiences[0].CP2011 = "9.9.9.9.9"
	if err := d.SaveSkillsProfile(ctx, bad, 0); model.ErrorCode(err) != model.ErrInvalid {
		t.Errorf("invalid CP2011 code saved: %v", err)
	}
	if err := d.SaveSkillsProfile(ctx, fixtureProfile(p.ID+100), 0); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("a profile of nobody: %v", err)
	}
	must(t, d.SaveSkillsProfile(ctx, fixtureProfile(p.ID), 0))
	for _, q := range []string{"UPDATE skills_profiles SET body = '{}'", "DELETE FROM skills_profiles"} {
		if _, err := d.db.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "cannot be") {
			t.Errorf("%s: %v", q, err)
		}
	}
}

// Erasing a person empties what every version of the profile says and
// keeps the versions and their dates; nothing new is written after.
func TestSkillsProfileErased(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	p, _ := fixturePerson(t, d, "Gill", model.Permit{})
	other, _ := fixturePerson(t, d, "Sandhu", model.Permit{})
	for _, id := range []int64{p.ID, p.ID, other.ID} {
		must(t, d.SaveSkillsProfile(ctx, fixtureProfile(id), coord.ID))
	}
	must(t, d.ErasePerson(ctx, p.ID, model.Erasure{Reason: model.ErasureRetentionEnded, Note: "reviewed"}, coord))
	all, err := d.SkillsProfiles(ctx, p.ID)
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d versions after the erasure, want 2", len(all))
	}
	for _, v := range all {
		if len(v.Languages)+len(v.Experiences)+len(v.Licences)+len(v.Validation) != 0 || v.Date.IsZero() {
			t.Errorf("version %d after the erasure: %+v", v.Version, v)
		}
	}
	var left int
	must(t, d.db.QueryRowContext(ctx, "SELECT count(*) FROM skills_profiles WHERE body LIKE '%azienda%'").Scan(&left))
	if left != 1 {
		t.Errorf("%d bodies hold the employer's note, want 1 (the other person's)", left)
	}
	if err := d.SaveSkillsProfile(ctx, fixtureProfile(p.ID), coord.ID); model.ErrorCode(err) != model.ErrErased {
		t.Errorf("a profile saved for a person erased: %v", err)
	}
}

// The person file (an access request) holds every version.
func TestSkillsProfileInPersonFile(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	p, _ := fixturePerson(t, d, "Bains", model.Permit{})
	must(t, d.SaveSkillsProfile(ctx, fixtureProfile(p.ID), coord.ID))
	must(t, d.SaveSkillsProfile(ctx, fixtureProfile(p.ID), coord.ID))
	f, err := d.PersonFile(ctx, p.ID, coord)
	must(t, err)
	if len(f.Skills) != 2 || f.Skills[0].Version != 2 {
		t.Errorf("person file skills %+v", f.Skills)
	}
	n := 0
	for _, e := range f.Events {
		if e.Entity == "skills_profile" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d skills profile events in the person file, want 2", n)
	}
}
