package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"sportello/model"
)

// skillsBody is what a version's JSON document holds: the profile without
// the header the columns keep.
type skillsBody struct {
	Languages    []model.LanguageSkill   `json:"languages,omitempty"`
	Education    []model.EducationEntry  `json:"education,omitempty"`
	Experiences  []model.WorkExperience  `json:"experiences,omitempty"`
	Skills       []model.ProfileSkill    `json:"skills,omitempty"`
	Digital      map[string]string       `json:"digital,omitempty"`
	Licences     []model.DrivingLicence  `json:"licences,omitempty"`
	Certificates []model.Certificate     `json:"certificates,omitempty"`
	Availability model.Availability      `json:"availability"`
	Validation   []model.ValidationEntry `json:"validation,omitempty"`
	Notes        string                  `json:"notes,omitempty"`
}

const skillsColumns = `id, uid, person_id, version, date, coalesce(author_id, 0), coalesce(from_interview, 0),
	created_at, body`

// SaveSkillsProfile validates p and saves it as the person's next version,
// audited: a profile is never overwritten, so p's ID and version are set
// anew whatever they were. Author is the operator saving it (0 for the
// program).
func (d *DB) SaveSkillsProfile(ctx context.Context, p *model.SkillsProfile, by int64) error {
	now := d.Now().UTC()
	if err := p.Validate(now); err != nil {
		return err
	}
	body, err := json.Marshal(bodyOf(p))
	if err != nil {
		return fmt.Errorf("skills profile of person %d: %w", p.PersonID, err)
	}
	err = d.update(ctx, func(tx *sql.Tx) error {
		if err := personExists(ctx, tx, p.PersonID); err != nil {
			return err
		}
		if _, err := d.onPerson(ctx, tx, model.PartSkills, true, p.PersonID); err != nil {
			return err
		}
		return d.insertSkillsProfile(ctx, tx, p, string(body), by)
	})
	if err != nil {
		return fmt.Errorf("save skills profile of person %d: %w", p.PersonID, err)
	}
	return nil
}

// insertSkillsProfile adds p as the person's next version inside tx.
func (d *DB) insertSkillsProfile(ctx context.Context, tx *sql.Tx, p *model.SkillsProfile, body string, by int64) error {
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) + 1 FROM skills_profiles WHERE person_id = ?",
		p.PersonID).Scan(&p.Version); err != nil {
		return err
	}
	p.Author, p.CreatedAt, p.ID = by, d.Now().UTC(), 0
	res, err := tx.ExecContext(ctx, `INSERT INTO skills_profiles (uid, person_id, version, date, author_id,
		from_interview, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, newUID(), p.PersonID, p.Version,
		p.Date.Format("2006-01-02"), nullID(by), nullID(p.FromInterview), formatTime(p.CreatedAt), body)
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	return d.audit(ctx, tx, by, model.ActionCreate, "skills_profile", p.ID, fmt.Sprintf("version %d", p.Version))
}

// SkillsProfiles lists every version of the person's skills profile,
// newest first.
func (d *DB) SkillsProfiles(ctx context.Context, personID int64) (out []model.SkillsProfile, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onPerson(ctx, tx, model.PartSkills, false, personID); err != nil {
			return err
		}
		out, err = skillsProfilesWhere(ctx, tx, "person_id = ? ORDER BY version DESC", personID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("skills profiles of person %d: %w", personID, err)
	}
	return out, nil
}

// LatestSkillsProfile is the person's newest version, or nil when the
// person has none yet.
func (d *DB) LatestSkillsProfile(ctx context.Context, personID int64) (*model.SkillsProfile, error) {
	var out []model.SkillsProfile
	err := d.view(ctx, func(tx *sql.Tx) (err error) {
		if _, err := d.onPerson(ctx, tx, model.PartSkills, false, personID); err != nil {
			return err
		}
		out, err = skillsProfilesWhere(ctx, tx, "person_id = ? ORDER BY version DESC LIMIT 1", personID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("latest skills profile of person %d: %w", personID, err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return &out[0], nil
}

// skillsProfilesWhere reads the versions the condition selects.
func skillsProfilesWhere(ctx context.Context, q querier, where string, args ...any) ([]model.SkillsProfile, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+skillsColumns+" FROM skills_profiles WHERE "+where, args...)
	var out []model.SkillsProfile
	err = eachRow(rows, err, func(s scanner) error {
		var p model.SkillsProfile
		var uid, date, created, body string
		if err := s.Scan(&p.ID, &uid, &p.PersonID, &p.Version, &date, &p.Author, &p.FromInterview, &created, &body); err != nil {
			return err
		}
		p.Date, _ = parseDay(date)
		p.CreatedAt = parseTime(created)
		var b skillsBody
		if err := json.Unmarshal([]byte(body), &b); err != nil {
			return fmt.Errorf("skills profile %d: %w", p.ID, err)
		}
		setBody(&p, b)
		out = append(out, p)
		return nil
	})
	return out, err
}

func bodyOf(p *model.SkillsProfile) skillsBody {
	return skillsBody{p.Languages, p.Education, p.Experiences, p.Skills, p.Digital, p.Licences, p.Certificates,
		p.Availability, p.Validation, p.Notes}
}

func setBody(p *model.SkillsProfile, b skillsBody) {
	p.Languages, p.Education, p.Experiences, p.Skills, p.Digital = b.Languages, b.Education, b.Experiences, b.Skills, b.Digital
	p.Licences, p.Certificates, p.Availability, p.Validation, p.Notes = b.Licences, b.Certificates, b.Availability,
		b.Validation, b.Notes
}

// personExists refuses a profile for a person not in the file.
func personExists(ctx context.Context, tx *sql.Tx, personID int64) error {
	var n int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM persons WHERE id = ?", personID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return &model.Error{Code: model.ErrNotFound, Field: "person", Message: fmt.Sprintf("no person %d", personID)}
	}
	return err
}
