package store

// A person's access request (GDPR art. 15 and 20): everything held about
// them, read in one transaction that also records the request.

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"sort"
	"time"

	"sportello/model"
)

// AccessRequestDetail is the audit detail of a person's file read to
// answer their access request.
const AccessRequestDetail = "access request"

// PersonFile reads everything the desk holds about a person, for their
// access request. Only an operator with model.PermRights reads it, checked
// against the account in the file; the reading is audited in the same
// transaction (an export of the person, "access request"), so the file it
// gives ends with that event.
func (d *DB) PersonFile(ctx context.Context, personID int64, by *model.Operator) (*model.PersonFile, error) {
	if !by.May(model.PermRights) {
		return nil, model.Refusal(model.PermRights)
	}
	var f *model.PersonFile
	err := d.update(ctx, func(tx *sql.Tx) error {
		if err := actorMay(ctx, tx, by.ID, model.PermRights); err != nil {
			return err
		}
		p, err := scanPerson(tx.QueryRowContext(ctx, "SELECT "+personColumns+" FROM persons WHERE id = ?", personID))
		if errors.Is(err, sql.ErrNoRows) {
			return &model.Error{Code: model.ErrNotFound, Field: "person", Message: fmt.Sprintf("no person %d", personID)}
		}
		if err != nil {
			return err
		}
		if err := d.audit(ctx, tx, by.ID, model.ActionExport, "person", personID, AccessRequestDetail); err != nil {
			return err
		}
		f = &model.PersonFile{MadeAt: d.Now().UTC(), Person: *p}
		return readPersonFile(ctx, tx, f, by.ID)
	})
	if err != nil {
		return nil, fmt.Errorf("file of person %d: %w", personID, err)
	}
	return f, nil
}

// readPersonFile reads, inside tx, all that hangs off f.Person.
func readPersonFile(ctx context.Context, tx *sql.Tx, f *model.PersonFile, by int64) error {
	s := &Snapshot{Screenings: map[int64]*model.ScreeningRecord{}, Scans: map[int64][]byte{}}
	id := f.Person.ID
	ofCases := "case_id IN (SELECT id FROM cases WHERE person_id = ?)"
	for _, part := range []struct {
		entity, where string
	}{{"case", "person_id = ?"}, {"interview", ofCases}, {"plan", ofCases}, {"consent", "person_id = ?"}} {
		if err := readEntity(ctx, tx, sqlRows(ctx, tx), s, part.entity, part.where, []any{id}, true); err != nil {
			return fmt.Errorf("reading %s: %w", entityTables[part.entity], err)
		}
	}
	referrals, err := personReferrals(ctx, tx, id)
	if err != nil {
		return fmt.Errorf("reading referrals: %w", err)
	}
	assemble(f, s, referrals)
	if err := readFileWork(ctx, tx, f); err != nil {
		return err
	}
	if f.Skills, err = skillsProfilesWhere(ctx, tx, "person_id = ? ORDER BY version DESC", id); err != nil {
		return fmt.Errorf("reading skills profiles: %w", err)
	}
	if f.Events, err = personEvents(ctx, tx, id); err != nil {
		return fmt.Errorf("reading the audit trail: %w", err)
	}
	if err := readFileDesk(ctx, tx, &f.Desk); err != nil {
		return fmt.Errorf("reading the settings: %w", err)
	}
	if err := readFileNames(ctx, tx, f); err != nil {
		return fmt.Errorf("reading names: %w", err)
	}
	f.MadeBy = f.Operators[by]
	return nil
}

// assemble puts each record read under its case, newest first.
func assemble(f *model.PersonFile, s *Snapshot, referrals []model.Referral) {
	at := map[int64]int{}
	for _, c := range s.Cases {
		at[c.ID] = len(f.Cases)
		f.Cases = append(f.Cases, model.FileCase{Case: c})
	}
	for _, iv := range s.Interviews {
		c := &f.Cases[at[iv.CaseID]]
		c.Interviews = append(c.Interviews, model.FileInterview{Interview: iv, Screening: s.Screenings[iv.ID]})
	}
	for _, p := range s.Plans {
		c := &f.Cases[at[p.CaseID]]
		c.Plans = append(c.Plans, p)
	}
	for i := range referrals {
		r := &referrals[i]
		c := &f.Cases[at[r.CaseID]]
		c.Referrals = append(c.Referrals, model.FileReferral{Referral: *r, Shared: model.SharedByReferral(r)})
	}
	for _, c := range s.Consents {
		f.Consents = append(f.Consents, model.FileConsent{Consent: c, Scan: s.Scans[c.ID]})
	}
	sort.SliceStable(f.Cases, func(i, j int) bool {
		return newer(f.Cases[i].OpenedAt, f.Cases[j].OpenedAt, f.Cases[i].ID, f.Cases[j].ID)
	})
	for ci := range f.Cases {
		c := &f.Cases[ci]
		sort.SliceStable(c.Interviews, func(i, j int) bool {
			return newer(c.Interviews[i].Date, c.Interviews[j].Date, c.Interviews[i].ID, c.Interviews[j].ID)
		})
		sort.SliceStable(c.Plans, func(i, j int) bool { return c.Plans[i].Version > c.Plans[j].Version })
	}
	sort.SliceStable(f.Consents, func(i, j int) bool {
		return newer(f.Consents[i].Date, f.Consents[j].Date, f.Consents[i].ID, f.Consents[j].ID)
	})
}

// newer orders records newest first: by time, then by ID.
func newer(ta, tb time.Time, a, b int64) bool {
	if !ta.Equal(tb) {
		return ta.After(tb)
	}
	return a > b
}

// personReferrals reads the referrals of the person's cases, newest first.
func personReferrals(ctx context.Context, q querier, personID int64) ([]model.Referral, error) {
	var out []model.Referral
	rows, err := q.QueryContext(ctx, "SELECT "+referralColumns+` FROM referrals r
		WHERE r.case_id IN (SELECT id FROM cases WHERE person_id = ?) ORDER BY r.created DESC, r.id DESC`, personID)
	err = eachRow(rows, err, func(s scanner) error {
		r, err := scanReferral(s)
		if err == nil {
			out = append(out, *r)
		}
		return err
	})
	return out, err
}

// personEvents reads the audit events about the person and about their
// cases, interviews, plans, consents, referrals and skills profiles,
// oldest first.
func personEvents(ctx context.Context, q querier, personID int64) ([]model.AuditEvent, error) {
	const cases = "SELECT id FROM cases WHERE person_id = ?1"
	var out []model.AuditEvent
	rows, err := q.QueryContext(ctx, `SELECT id, at, coalesce(operator_id, 0), action, entity, entity_id, detail
		FROM audit_events WHERE (entity = 'person' AND entity_id = ?1)
		OR (entity = 'case' AND entity_id IN (`+cases+`))
		OR (entity = 'interview' AND entity_id IN (SELECT id FROM interviews WHERE case_id IN (`+cases+`)))
		OR (entity = 'plan' AND entity_id IN (SELECT id FROM plans WHERE case_id IN (`+cases+`)))
		OR (entity = 'referral' AND entity_id IN (SELECT id FROM referrals WHERE case_id IN (`+cases+`)))
		OR (entity = 'consent' AND entity_id IN (SELECT id FROM consents WHERE person_id = ?1))
		OR (entity = 'skills_profile' AND entity_id IN (SELECT id FROM skills_profiles WHERE person_id = ?1))
		ORDER BY id`, personID)
	err = eachRow(rows, err, func(s scanner) error {
		var e model.AuditEvent
		var at string
		if err := s.Scan(&e.ID, &at, &e.OperatorID, &e.Action, &e.Entity, &e.EntityID, &e.Detail); err != nil {
			return err
		}
		e.At = parseTime(at)
		out = append(out, e)
		return nil
	})
	return out, err
}

// readFileDesk reads the settings the file names the controller with.
func readFileDesk(ctx context.Context, q querier, desk *model.FileDesk) error {
	var logo string
	for key, to := range map[string]*string{model.SettingOrganisation: &desk.Organisation, model.SettingDesk: &desk.Desk,
		model.SettingDeskPhone: &desk.Phone, model.SettingController: &desk.Controller, model.SettingDPO: &desk.DPO,
		model.SettingLogo: &logo} {
		err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(to)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	if b, err := base64.StdEncoding.DecodeString(logo); err == nil && len(b) > 0 {
		desk.Logo = b
	}
	return nil
}

// readFileNames reads the names and roles of the operators, and the names
// of the services, that the file refers to.
func readFileNames(ctx context.Context, q querier, f *model.PersonFile) error {
	ops, svcs := fileReferences(f)
	f.Operators, f.Services = map[int64]model.FileOperator{}, map[int64]string{}
	rows, err := q.QueryContext(ctx, "SELECT id, full_name, role FROM operators")
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		var o model.FileOperator
		if err := s.Scan(&id, &o.Name, &o.Role); err != nil {
			return err
		}
		if ops[id] {
			f.Operators[id] = o
		}
		return nil
	})
	if err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, "SELECT id, name FROM services")
	return eachRow(rows, err, func(s scanner) error {
		var id int64
		var name string
		if err := s.Scan(&id, &name); err != nil {
			return err
		}
		if svcs[id] {
			f.Services[id] = name
		}
		return nil
	})
}

// fileReferences are the IDs of the operators and services the file refers to.
func fileReferences(f *model.PersonFile) (ops, svcs map[int64]bool) {
	ops, svcs = map[int64]bool{}, map[int64]bool{}
	for _, e := range f.Events {
		ops[e.OperatorID] = true
	}
	for _, c := range f.Consents {
		ops[c.RecordedBy], svcs[c.ServiceID] = true, true
	}
	for _, c := range f.Cases {
		ops[c.OperatorID] = true
		for _, id := range c.Team {
			ops[id] = true
		}
		for _, iv := range c.Interviews {
			ops[iv.OperatorID] = true
			if iv.Screening != nil {
				ops[iv.Screening.DecidedBy] = true
			}
		}
		for _, p := range c.Plans {
			ops[p.AgreedBy] = true
			for _, g := range p.Goals {
				for _, a := range g.Actions {
					ops[a.OperatorID], svcs[a.ServiceID] = true, true
				}
			}
		}
		for _, r := range c.Referrals {
			svcs[r.ServiceID] = true
		}
	}
	delete(ops, 0)
	delete(svcs, 0)
	return ops, svcs
}
