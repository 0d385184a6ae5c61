package store

import (
	"encoding/json"
	"fmt"
	"time"

	"sportello/model"
)

// PutSkillsProfile adds a version of a skills profile from another desk.
// Versions are never changed, so one this desk has is left as it is; one
// whose number this desk already gave to another version of the person
// (both desks wrote a version 2) takes the next free number here, under its
// own stable ID. A version of a person erased here is not added: nothing of
// it would be kept.
func (m *Merger) PutSkillsProfile(p *model.SkillsProfile) error {
	if _, ok := m.ids.get("skills_profile", p.UID); ok {
		return nil
	}
	var erased string
	if err := m.queryRow("SELECT erased_at FROM persons WHERE id = ?", p.PersonID).Scan(&erased); err != nil {
		return fmt.Errorf("skills profile %s: person %d: %w", p.UID, p.PersonID, err)
	}
	if erased != "" {
		return nil
	}
	if err := p.Validate(m.d.Now().UTC().Add(48 * time.Hour)); err != nil {
		return err
	}
	body, err := json.Marshal(bodyOf(p))
	if err != nil {
		return err
	}
	var taken int
	if err := m.queryRow("SELECT count(*) FROM skills_profiles WHERE person_id = ? AND version = ?", p.PersonID,
		p.Version).Scan(&taken); err != nil {
		return err
	}
	if taken > 0 || p.Version < 1 {
		if err := m.queryRow("SELECT coalesce(max(version), 0) + 1 FROM skills_profiles WHERE person_id = ?",
			p.PersonID).Scan(&p.Version); err != nil {
			return err
		}
	}
	res, err := m.exec(`INSERT INTO skills_profiles (uid, person_id, version, date, author_id, from_interview,
		created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, p.UID, p.PersonID, p.Version, p.Date.Format("2006-01-02"),
		nullID(p.Author), nullID(p.FromInterview), formatTime(p.CreatedAt), string(body))
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	m.ids.remember("skills_profile", p.UID, p.ID)
	return nil
}
