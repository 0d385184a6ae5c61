package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"sportello/model"
)

const vacancyColumns = `id, uid, employer_id, title, cp2011, isco, esco, place, start, end, seasonal, weekly_hours,
	daily_hours, days_per_week, contract_type, pay_cents, pay_unit, ccnl, ccnl_level, housing, transport, languages,
	licences, posts, state, breaches, cleared_at, coalesce(cleared_by, 0), clear_note, created_at, updated_at`

// SaveVacancy validates and saves a vacancy, new when its ID is 0; it
// needs model.PermEmployers; audited. The vacancy is checked against the
// CCNL table as it stands (model.CheckVacancy, with the employer's
// agreement when the vacancy names none): Breaches says what it breaks. A
// coordinator's clearance stays only while the breaches are those cleared;
// a change that breaks anything else holds the vacancy again.
func (d *DB) SaveVacancy(ctx context.Context, v *model.Vacancy) error {
	v.Title, v.Place = strings.TrimSpace(v.Title), strings.TrimSpace(v.Place)
	if v.State == "" {
		v.State = model.VacancyOpen
	}
	if err := v.Validate(); err != nil {
		return err
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		g, err := d.deskGrant(ctx, tx, model.PermEmployers)
		if err != nil {
			return err
		}
		if err := d.checkVacancy(ctx, tx, v); err != nil {
			return err
		}
		action := model.ActionCreate
		if v.ID == 0 {
			err = d.insertVacancy(ctx, tx, v)
		} else {
			action, err = model.ActionUpdate, d.updateVacancy(ctx, tx, v)
		}
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("employer %d: %s", v.EmployerID, v.Title)
		if v.Held() {
			detail += "; held: " + breachCodes(v.Breaches)
		}
		return d.audit(ctx, tx, g.id, action, "vacancy", v.ID, detail)
	})
	if err != nil {
		return fmt.Errorf("save vacancy %q: %w", v.Title, err)
	}
	return nil
}

// checkVacancy sets the vacancy's breaches, against the table and the
// employer's agreement.
func (d *DB) checkVacancy(ctx context.Context, tx *sql.Tx, v *model.Vacancy) error {
	var employerCCNL string
	err := tx.QueryRowContext(ctx, "SELECT ccnl FROM employers WHERE id = ?", v.EmployerID).Scan(&employerCCNL)
	if errors.Is(err, sql.ErrNoRows) {
		return &model.Error{Code: model.ErrNotFound, Field: "employer", Message: fmt.Sprintf("no employer %d", v.EmployerID)}
	}
	if err != nil {
		return err
	}
	table, err := ccnlTable(ctx, tx)
	if err != nil {
		return err
	}
	check := *v
	if check.CCNL == "" {
		check.CCNL = employerCCNL
	}
	v.Breaches = model.CheckVacancy(&check, table)
	return nil
}

func (d *DB) insertVacancy(ctx context.Context, tx *sql.Tx, v *model.Vacancy) error {
	now := d.Now().UTC()
	v.UID, v.CreatedAt, v.UpdatedAt = newUID(), now, now
	v.ClearedAt, v.ClearedBy, v.ClearNote = time.Time{}, 0, "" // a new vacancy is not cleared
	breaches, _ := json.Marshal(v.Breaches)
	res, err := tx.ExecContext(ctx, `INSERT INTO vacancies (uid, employer_id, title, cp2011, isco, esco, place, start, end,
		seasonal, weekly_hours, daily_hours, days_per_week, contract_type, pay_cents, pay_unit, ccnl, ccnl_level, housing,
		transport, languages, licences, posts, state, breaches, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		append([]any{v.UID}, append(vacancyValues(v), string(breaches), formatTime(now), formatTime(now))...)...)
	if err != nil {
		return err
	}
	v.ID, _ = res.LastInsertId()
	return nil
}

func (d *DB) updateVacancy(ctx context.Context, tx *sql.Tx, v *model.Vacancy) error {
	old, err := scanVacancy(tx.QueryRowContext(ctx, "SELECT "+vacancyColumns+" FROM vacancies WHERE id = ?", v.ID))
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("vacancy", v.ID)
	}
	if err != nil {
		return err
	}
	if old.EmployerID != v.EmployerID {
		return &model.Error{Code: model.ErrConflict, Field: "employer", Message: "a vacancy cannot move to another employer"}
	}
	v.UID, v.CreatedAt, v.UpdatedAt = old.UID, old.CreatedAt, d.Now().UTC()
	v.ClearedAt, v.ClearedBy, v.ClearNote = old.ClearedAt, old.ClearedBy, old.ClearNote
	if !slices.Equal(old.Breaches, v.Breaches) {
		v.ClearedAt, v.ClearedBy, v.ClearNote = time.Time{}, 0, ""
	}
	breaches, _ := json.Marshal(v.Breaches)
	_, err = tx.ExecContext(ctx, `UPDATE vacancies SET employer_id = ?, title = ?, cp2011 = ?, isco = ?, esco = ?, place = ?,
		start = ?, end = ?, seasonal = ?, weekly_hours = ?, daily_hours = ?, days_per_week = ?, contract_type = ?,
		pay_cents = ?, pay_unit = ?, ccnl = ?, ccnl_level = ?, housing = ?, transport = ?, languages = ?, licences = ?,
		posts = ?, state = ?, breaches = ?, cleared_at = ?, cleared_by = ?, clear_note = ?, updated_at = ? WHERE id = ?`,
		append(vacancyValues(v), string(breaches), formatTime(v.ClearedAt), nullID(v.ClearedBy), v.ClearNote,
			formatTime(v.UpdatedAt), v.ID)...)
	return err
}

// vacancyValues are the vacancy's columns from employer_id to state.
func vacancyValues(v *model.Vacancy) []any {
	return []any{v.EmployerID, v.Title, v.CP2011, v.ISCO, v.ESCO, v.Place, formatDay(v.Start), formatDay(v.End), v.Seasonal,
		v.WeeklyHours, v.DailyHours, v.DaysPerWeek, v.ContractType, v.PayCents, string(v.PayUnit), v.CCNL, v.CCNLLevel,
		v.Housing, v.Transport, strings.Join(v.Languages, " "), strings.Join(v.Licences, "\n"), v.Posts, string(v.State)}
}

// ClearVacancy records a coordinator's decision that a held vacancy may be
// proposed after all (the figures were wrong, the employer explained), with
// the reason; audited. It needs model.PermFlags.
func (d *DB) ClearVacancy(ctx context.Context, id int64, note string) error {
	note = strings.TrimSpace(note)
	if err := requiredNote(note); err != nil {
		return err
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		g, err := d.deskGrant(ctx, tx, model.PermFlags)
		if err != nil {
			return err
		}
		v, err := scanVacancy(tx.QueryRowContext(ctx, "SELECT "+vacancyColumns+" FROM vacancies WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("vacancy", id)
		}
		if err != nil {
			return err
		}
		if !v.Held() {
			return &model.Error{Code: model.ErrConflict, Field: "breaches", Message: "this vacancy is not held"}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE vacancies SET cleared_at = ?, cleared_by = ?, clear_note = ? WHERE id = ?",
			formatTime(d.Now()), nullID(g.id), note, id); err != nil {
			return err
		}
		return d.audit(ctx, tx, g.id, "clear", "vacancy", id, breachCodes(v.Breaches))
	})
	if err != nil {
		return fmt.Errorf("clear vacancy %d: %w", id, err)
	}
	return nil
}

// Vacancy reads one vacancy.
func (d *DB) Vacancy(ctx context.Context, id int64) (v *model.Vacancy, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.deskGrant(ctx, tx, ""); err != nil {
			return err
		}
		v, err = scanVacancy(tx.QueryRowContext(ctx, "SELECT "+vacancyColumns+" FROM vacancies WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("vacancy", id)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("vacancy %d: %w", id, err)
	}
	return v, nil
}

// Vacancies lists the vacancies of an employer (all employers when 0), in
// the given states (all when none), newest first.
func (d *DB) Vacancies(ctx context.Context, employerID int64, states ...model.VacancyState) (out []model.Vacancy, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.deskGrant(ctx, tx, ""); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+vacancyColumns+` FROM vacancies WHERE (?1 = 0 OR employer_id = ?1)
			ORDER BY created_at DESC, id DESC`, employerID)
		return eachRow(rows, err, func(s scanner) error {
			v, err := scanVacancy(s)
			if err == nil && (len(states) == 0 || slices.Contains(states, v.State)) {
				out = append(out, *v)
			}
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("vacancies of employer %d: %w", employerID, err)
	}
	return out, nil
}

func scanVacancy(s scanner) (*model.Vacancy, error) {
	var v model.Vacancy
	var start, end, unit, langs, licences, state, breaches, cleared, created, updated string
	if err := s.Scan(&v.ID, &v.UID, &v.EmployerID, &v.Title, &v.CP2011, &v.ISCO, &v.ESCO, &v.Place, &start, &end,
		&v.Seasonal, &v.WeeklyHours, &v.DailyHours, &v.DaysPerWeek, &v.ContractType, &v.PayCents, &unit, &v.CCNL,
		&v.CCNLLevel, &v.Housing, &v.Transport, &langs, &licences, &v.Posts, &state, &breaches, &cleared, &v.ClearedBy,
		&v.ClearNote, &created, &updated); err != nil {
		return nil, err
	}
	v.Start, v.End, v.PayUnit, v.State = dayOf(start), dayOf(end), model.PayUnit(unit), model.VacancyState(state)
	v.Languages, v.Licences = strings.Fields(langs), splitLines(licences)
	if err := json.Unmarshal([]byte(breaches), &v.Breaches); err != nil {
		return nil, fmt.Errorf("breaches of vacancy %d: %w", v.ID, err)
	}
	v.ClearedAt, v.CreatedAt, v.UpdatedAt = parseTime(cleared), parseTime(created), parseTime(updated)
	return &v, nil
}

func breachCodes(bs []model.Breach) string {
	codes := make([]string, len(bs))
	for i, b := range bs {
		codes[i] = b.Code + " (" + b.Index + ")"
	}
	return strings.Join(codes, ", ")
}
