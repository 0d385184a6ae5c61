package demo

import (
	"context"
	"fmt"
	"time"

	"sportello/model"
	"sportello/store"
)

// demoTrades are the jobs the demo's skills profiles tell of (ISCO-08
// units, with a title), chosen so that the demo vacancies have candidates
// to rank: field hands, pruners, warehouse workers, kitchen helpers.
var demoTrades = []struct{ isco, title string }{
	{"9211", "Bracciante agricolo"}, {"6111", "Potatore"}, {"9333", "Magazziniere"}, {"9412", "Aiuto cuoco"},
	{"9211", "Raccolta in serra"}, {"7112", "Muratore"},
}

// seedProfiles gives the persons a skills profile each (a job done at
// home and one in Italy, their language and some Italian, a licence for
// some), and a consent to be proposed to the employer for one in four,
// so that matching has candidates both ready and waiting for a consent.
func seedProfiles(ctx context.Context, db *store.DB, people []model.PersonSummary, employerID int64) error {
	now := db.Now().UTC()
	levels := []string{"A1", "A2", "B1"}
	for i, ps := range people {
		p, err := db.Person(ctx, ps.ID)
		if err != nil {
			return err
		}
		trade, home := demoTrades[i%len(demoTrades)], demoTrades[(i+2)%len(demoTrades)]
		prof := &model.SkillsProfile{PersonID: p.ID, Date: now.AddDate(0, 0, -20-i),
			Languages: []model.LanguageSkill{{Language: "it", Overall: levels[i%len(levels)]}},
			Experiences: []model.WorkExperience{{Title: trade.title + " (demo)", ISCO: trade.isco, Country: "IT"},
				{Title: home.title + " (demo)", ISCO: home.isco, Country: p.BirthCountry}},
			Availability: model.Availability{Hours: []string{"full_time"}}}
		if lang := p.PreferredLanguage; lang != "" && lang != "it" {
			prof.Languages = append(prof.Languages, model.LanguageSkill{Language: lang, Mother: true})
		}
		if i%3 == 0 {
			prof.Licences = []model.DrivingLicence{{Category: "B"}}
		}
		if err := db.SaveSkillsProfile(ctx, prof, 0); err != nil {
			return fmt.Errorf("demo skills profile of %d: %w", p.ID, err)
		}
		if i%4 == 2 { // the first has one already (demoHiring)
			c := &model.Consent{PersonID: p.ID, Purpose: model.PurposeSharing, EmployerID: employerID, NoticeVersion: "2026.1",
				Language: "it", State: model.ConsentGiven, Date: now.Add(-time.Duration(i+1) * 24 * time.Hour)}
			if err := db.RecordConsent(ctx, c, nil, 0); err != nil {
				return err
			}
		}
	}
	return nil
}
