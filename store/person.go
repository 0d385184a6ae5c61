package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sportello/model"
)

const personColumns = `id, uid, case_code, family_name, given_names, own_script_name, aliases, sex, birth_date,
	birth_country, citizenships, languages, preferred_language, phone, domicile, domicile_informal,
	fiscal_code, permit_type, permit_number, permit_expiry, permit_status, vulnerabilities, channel,
	created_at, updated_at`

// CasePrefix starts every case code.
const CasePrefix = model.DefaultCasePrefix

// CreatePerson validates and saves a new person, gives them the next case
// code of the year, and opens a case assigned to the operator: all in one
// transaction, audited.
func (d *DB) CreatePerson(ctx context.Context, p *model.Person, operatorID int64) error {
	now := d.Now()
	p.FiscalCode = normaliseCF(p.FiscalCode)
	if err := p.Validate(now); err != nil {
		return err
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		g, err := d.grantIn(ctx, tx)
		if err != nil {
			return err
		}
		if err := g.need(model.PartIdentity, true); err != nil {
			return err
		}
		if err := p.KeepWithheld(&model.Person{}, g.can); err != nil {
			return err
		}
		var seq int
		year := now.Year()
		// The next slot of the year, after the files merged away too.
		if err := tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(code_seq) FROM persons WHERE code_year = ?1), 0),
			coalesce((SELECT max(merged_seq) FROM person_merges WHERE merged_year = ?1), 0)) + 1`, year).Scan(&seq); err != nil {
			return err
		}
		prefix, err := casePrefix(ctx, tx)
		if err != nil {
			return err
		}
		p.CaseCode = fmt.Sprintf("%s-%04d-%06d", prefix, year, seq)
		p.CreatedAt, p.UpdatedAt = now.UTC(), now.UTC()
		p.UID = newUID()
		res, err := tx.ExecContext(ctx, insertPerson, insertPersonArgs(p, year, int64(seq))...)
		if err != nil {
			return err
		}
		p.ID, _ = res.LastInsertId()
		if err := putPersonKeys(ctx, tx, p.ID); err != nil {
			return err
		}
		if err := d.audit(ctx, tx, operatorID, model.ActionCreate, "person", p.ID, p.CaseCode); err != nil {
			return err
		}
		c := model.Case{PersonID: p.ID, OpenedAt: now.UTC(), Status: model.CaseOpen,
			OperatorID: operatorID, Priority: model.PriorityNormal}
		return d.createCase(ctx, tx, &c, operatorID)
	})
}

// UpdatePerson validates and saves changes to a person, audited.
func (d *DB) UpdatePerson(ctx context.Context, p *model.Person, operatorID int64) error {
	now := d.Now()
	p.FiscalCode = normaliseCF(p.FiscalCode)
	if err := p.Validate(now); err != nil {
		return err
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		old, err := scanPerson(tx.QueryRowContext(ctx, "SELECT "+personColumns+" FROM persons WHERE id = ?", p.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no person %d", p.ID)}
		}
		if err != nil {
			return fmt.Errorf("person %d before the change: %w", p.ID, err)
		}
		g, err := d.onPerson(ctx, tx, model.PartIdentity, true, p.ID)
		if err != nil {
			return err
		}
		if err := p.KeepWithheld(old, g.can); err != nil {
			return err
		}
		p.UpdatedAt = now.UTC()
		args := append(personValues(p), formatTime(p.UpdatedAt), p.ID)
		res, err := tx.ExecContext(ctx, updatePerson, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no person %d", p.ID)}
		}
		if err := putPersonKeys(ctx, tx, p.ID); err != nil {
			return err
		}
		return d.audit(ctx, tx, operatorID, model.ActionUpdate, "person", p.ID, personChanges(old, p))
	})
}

// updatePerson writes personValues, then updated_at, of the person by ID.
const updatePerson = `UPDATE persons SET family_name = ?, given_names = ?, own_script_name = ?,
	aliases = ?, sex = ?, birth_date = ?, birth_year = ?, birth_country = ?, citizenships = ?, languages = ?,
	preferred_language = ?, phone = ?, domicile = ?, domicile_informal = ?, fiscal_code = ?,
	permit_type = ?, permit_number = ?, permit_expiry = ?, permit_status = ?, vulnerabilities = ?,
	channel = ?, updated_at = ? WHERE id = ?`

// personColumnNames name personValues, in order, for the audit trail.
var personColumnNames = []string{"family_name", "given_names", "own_script_name", "aliases", "sex", "birth_date",
	"birth_year", "birth_country", "citizenships", "languages", "preferred_language", "phone", "domicile",
	"domicile_informal", "fiscal_code", "permit_type", "permit_number", "permit_expiry", "permit_status",
	"vulnerabilities", "channel"}

// personChanges is the audit detail of an edit: the case code, then each
// changed field with its old and new value (a rectification keeps both).
func personChanges(old, p *model.Person) string {
	before, after := personValues(old), personValues(p)
	parts := []string{p.CaseCode}
	for i, name := range personColumnNames {
		if i < len(before) && i < len(after) && fmt.Sprint(before[i]) != fmt.Sprint(after[i]) {
			parts = append(parts, fmt.Sprintf("%s: %q → %q", name, fmt.Sprint(before[i]), fmt.Sprint(after[i])))
		}
	}
	return strings.Join(parts, "; ")
}

// insertPerson adds a person with its numbering slot (code_year, code_seq):
// this desk's own numbering, or a slot of its own for a person from another
// desk (year 0, negative sequence).
const insertPerson = `INSERT INTO persons (uid, case_code, code_year, code_seq, family_name, given_names,
	own_script_name, aliases, sex, birth_date, birth_year, birth_country, citizenships, languages,
	preferred_language, phone, domicile, domicile_informal, fiscal_code, permit_type, permit_number,
	permit_expiry, permit_status, vulnerabilities, channel, created_at, updated_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func insertPersonArgs(p *model.Person, year int, seq int64) []any {
	args := append([]any{p.UID, p.CaseCode, year, seq}, personValues(p)...)
	return append(args, formatTime(p.CreatedAt), formatTime(p.UpdatedAt))
}

// personValues lists the editable columns in the order both statements use.
func personValues(p *model.Person) []any {
	return []any{strings.TrimSpace(p.FamilyName), strings.TrimSpace(p.GivenNames), strings.TrimSpace(p.OwnScriptName),
		strings.Join(p.Aliases, "\n"), string(p.Sex), p.BirthDate.String(), p.BirthDate.Year, p.BirthCountry,
		strings.Join(p.Citizenships, " "), strings.Join(p.Languages, " "), p.PreferredLanguage, p.Phone,
		p.Domicile, p.DomicileInformal, p.FiscalCode, p.Permit.Type, p.Permit.Number, p.Permit.Expiry.String(),
		string(p.Permit.Status), strings.Join(p.Vulnerabilities, "\n"), string(p.Channel)}
}

// Person reads one person, the parts the bound operator may not see left
// empty.
func (d *DB) Person(ctx context.Context, id int64) (*model.Person, error) {
	return d.personWhere(ctx, "id = ?", id, fmt.Sprintf("no person %d", id))
}

// PersonByCaseCode reads one person by case code, as Person does.
func (d *DB) PersonByCaseCode(ctx context.Context, code string) (*model.Person, error) {
	return d.personWhere(ctx, "case_code = ?", strings.ToUpper(strings.TrimSpace(code)), "no person with case code "+code)
}

func (d *DB) personWhere(ctx context.Context, where string, arg any, missing string) (p *model.Person, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		p, err = d.personIn(ctx, tx, where, arg, missing)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("person (%s): %w", missing, err)
	}
	return p, nil
}

func scanPerson(s scanner) (*model.Person, error) {
	var p model.Person
	var aliases, sex, birth, cits, langs, expiry, status, vulns, channel, created, updated string
	err := s.Scan(&p.ID, &p.UID, &p.CaseCode, &p.FamilyName, &p.GivenNames, &p.OwnScriptName, &aliases, &sex, &birth,
		&p.BirthCountry, &cits, &langs, &p.PreferredLanguage, &p.Phone, &p.Domicile, &p.DomicileInformal,
		&p.FiscalCode, &p.Permit.Type, &p.Permit.Number, &expiry, &status, &vulns, &channel, &created, &updated)
	if err != nil {
		return nil, err
	}
	p.Aliases, p.Vulnerabilities = splitLines(aliases), splitLines(vulns)
	p.Citizenships, p.Languages = strings.Fields(cits), strings.Fields(langs)
	p.Sex, p.Permit.Status, p.Channel = model.Sex(sex), model.PermitStatus(status), model.Channel(channel)
	p.BirthDate, _ = model.ParsePartialDate(birth)
	p.Permit.Expiry, _ = model.ParsePartialDate(expiry)
	p.CreatedAt, p.UpdatedAt = parseTime(created), parseTime(updated)
	return &p, nil
}

func normaliseCF(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// personIn reads one person inside tx, checked and redacted for the bound
// operator.
func (d *DB) personIn(ctx context.Context, tx *sql.Tx, where string, arg any, missing string) (*model.Person, error) {
	p, err := scanPerson(tx.QueryRowContext(ctx, "SELECT "+personColumns+" FROM persons WHERE "+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &model.Error{Code: model.ErrNotFound, Message: missing}
	}
	if err != nil {
		return nil, err
	}
	g, err := d.onPerson(ctx, tx, model.PartIdentity, false, p.ID)
	if err != nil {
		return nil, err
	}
	p.Redact(g.can)
	return p, nil
}
