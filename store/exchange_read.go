package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"sportello/model"
)

// Snapshot is what an export reads: every exchanged record, or those changed
// after a point of the change log, read in one transaction so that the
// export is consistent. Records refer to each other by local IDs; UIDs maps
// every local ID of every entity to its stable ID, since references reach
// records outside an incremental change set.
type Snapshot struct {
	UpTo           int64 // the change-log position the snapshot reaches
	Operators      []model.Operator
	Services       []model.Service
	Persons        []model.Person
	Cases          []model.Case
	Interviews     []model.Interview
	Screenings     map[int64]*model.ScreeningRecord // by interview ID
	Plans          []model.Plan
	Consents       []model.Consent
	Scans          map[int64][]byte // by consent ID, when asked for
	Referrals      []model.Referral
	Activities     []model.Activity
	SkillsProfiles []model.SkillsProfile       // every version: see changedFilter
	UIDs           map[string]map[int64]string // entity → local ID → uid
	Erasures       map[int64]model.Erasure     // by person ID: the persons erased (erase_exchange.go)
	PersonMerges   []PersonMerge               // every file merged into another here (duplicate_exchange.go)
	Bases          map[string]string           // a streamed part's records' sync bases by uid, when asked (SyncBases)
	workSnapshot                               // employers, vacancies, proposals, internships, enterprises (1.3)
}

// SnapshotOptions choose what a snapshot holds.
type SnapshotOptions struct {
	AfterRev int64     // only records changed after this change-log position; < 0 for all
	Since    time.Time // only records changed at or after this time; zero for all
	Scans    bool      // read the consents' signed scans too
	PartSize int       // records in a part of a streamed snapshot (StreamSnapshot); 0 for partSize
	Bases    bool      // a streamed snapshot's parts carry their records' sync bases (Snapshot.Bases)
}

// Entities are the exchanged kinds of record, in the order a merge applies
// them (a record only refers to kinds before it).
var Entities = []string{"operator", "service", "employer", "vacancy", "person", "case", "interview", "plan", "consent",
	"referral", "activity", "skills_profile", "proposal", "internship", "enterprise"}

// entityTables maps an entity to its table.
var entityTables = map[string]string{"operator": "operators", "service": "services", "person": "persons",
	"case": "cases", "interview": "interviews", "plan": "plans", "consent": "consents", "referral": "referrals",
	"activity": "activities", "skills_profile": "skills_profiles", "employer": "employers", "vacancy": "vacancies",
	"proposal": "proposals", "internship": "internships", "enterprise": "enterprises"}

// ChangePosition is the change log's latest position.
func (d *DB) ChangePosition(ctx context.Context) (int64, error) {
	var rev int64
	err := d.q(ctx).QueryRowContext(ctx, "SELECT coalesce(max(rev), 0) FROM changes").Scan(&rev)
	return rev, err
}

// Snapshot reads the records an export needs; step, when not nil, is told
// each kind of record as it is read.
func (d *DB) Snapshot(ctx context.Context, opt SnapshotOptions, step func(entity string)) (*Snapshot, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := d.actorMay(ctx, tx, model.PermExchange); err != nil {
		return nil, err
	}
	s := &Snapshot{Screenings: map[int64]*model.ScreeningRecord{}, Scans: map[int64][]byte{},
		UIDs: map[string]map[int64]string{}}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(rev), 0) FROM changes").Scan(&s.UpTo); err != nil {
		return nil, err
	}
	for _, e := range Entities {
		if step != nil {
			step(e)
		}
		if s.UIDs[e], err = readUIDs(ctx, tx, entityTables[e]); err != nil {
			return nil, err
		}
		where, args := changedFilter(e, opt, s.UpTo)
		if err := readEntity(ctx, tx, sqlRows(ctx, tx), s, e, where, args, opt.Scans); err != nil {
			return nil, fmt.Errorf("reading %s: %w", entityTables[e], err)
		}
	}
	if s.Erasures, err = readErasures(ctx, tx); err != nil {
		return nil, err
	}
	if s.PersonMerges, err = readPersonMerges(ctx, tx); err != nil {
		return nil, err
	}
	return s, nil
}

// changedFilter selects the rows of an entity the options ask for.
//
// Skills profile versions are not in the change log (migration 0007 gave
// them no trigger): they are never changed, so every version travels in
// every export, incremental ones too, and a merge adds only those it lacks.
func changedFilter(entity string, opt SnapshotOptions, upTo int64) (string, []any) {
	switch {
	case entity == "skills_profile":
		return "1", nil
	case opt.AfterRev >= 0:
		return "id IN (SELECT row_id FROM changes WHERE entity = ? AND rev > ? AND rev <= ?)",
			[]any{entity, opt.AfterRev, upTo}
	case !opt.Since.IsZero():
		return "id IN (SELECT row_id FROM changes WHERE entity = ? AND at >= ?)", []any{entity, formatTime(opt.Since)}
	}
	return "1", nil
}

func readUIDs(ctx context.Context, q querier, table string) (map[int64]string, error) {
	m := map[int64]string{}
	rows, err := q.QueryContext(ctx, "SELECT id, uid FROM "+table)
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		var uid string
		if err := s.Scan(&id, &uid); err != nil {
			return err
		}
		m[id] = uid
		return nil
	})
	return m, err
}

// rowsFunc runs a query with its arguments and calls fn on each row:
// through database/sql (sqlRows) or SQLite's own statements (rawRows).
type rowsFunc func(query string, args []any, fn func(sc scanner) error) error

// sqlRows is rowsFunc through q.
func sqlRows(ctx context.Context, q querier) rowsFunc {
	return func(query string, args []any, fn func(sc scanner) error) error {
		rows, err := q.QueryContext(ctx, query, args...)
		return eachRow(rows, err, fn)
	}
}

// readEntity reads the records of entity where selects into s: the largest
// kinds (persons, cases, interviews with their answers, consents) through
// rows, the others through q.
func readEntity(ctx context.Context, q querier, rows rowsFunc, s *Snapshot, entity, where string, args []any,
	scans bool) error {
	each := func(query string, fn func(sc scanner) error) error {
		if entity == "person" {
			return rows(query, args, fn)
		}
		r, err := q.QueryContext(ctx, query, args...)
		return eachRow(r, err, fn)
	}
	switch entity {
	case "operator":
		return each("SELECT "+operatorColumns+" FROM operators WHERE "+where+" ORDER BY id", func(sc scanner) error {
			o, err := scanOperator(sc)
			if err == nil {
				o.PasswordHash = ""
				s.Operators = append(s.Operators, *o)
			}
			return err
		})
	case "service":
		return each("SELECT "+serviceColumns+" FROM services WHERE "+where+" ORDER BY id", func(sc scanner) error {
			v, err := scanService(sc)
			if err == nil {
				s.Services = append(s.Services, *v)
			}
			return err
		})
	case "person":
		return each("SELECT "+personColumns+" FROM persons WHERE "+where+" ORDER BY id", func(sc scanner) error {
			p, err := scanPerson(sc)
			if err == nil {
				s.Persons = append(s.Persons, *p)
			}
			return err
		})
	case "case":
		return readCases(rows, s, where, args)
	case "interview":
		return readInterviews(rows, s, where, args)
	case "plan":
		return readPlans(ctx, q, s, where, args)
	case "consent":
		return readConsents(rows, s, where, args, scans)
	case "referral":
		return each("SELECT "+referralColumns+" FROM referrals r WHERE "+qualifyID(where, "r")+
			" ORDER BY r.id", func(sc scanner) error {
			r, err := scanReferral(sc)
			if err == nil {
				s.Referrals = append(s.Referrals, *r)
			}
			return err
		})
	case "skills_profile":
		var err error
		s.SkillsProfiles, err = skillsProfilesWhere(ctx, q, where+" ORDER BY id", args...)
		return err
	case "activity":
		return each("SELECT "+activityColumns+" FROM activities WHERE "+where+" ORDER BY id", func(sc scanner) error {
			a, err := scanActivity(sc)
			if err == nil {
				s.Activities = append(s.Activities, *a)
			}
			return err
		})
	case "employer", "vacancy", "proposal", "internship", "enterprise":
		return readWork(ctx, q, s, entity, where, args)
	}
	return fmt.Errorf("unknown entity %q", entity)
}

func readCases(rows rowsFunc, s *Snapshot, where string, args []any) error {
	at := map[int64]int{}
	err := rows(`SELECT id, uid, person_id, opened_at, closed_at, status, coalesce(operator_id, 0),
		priority, exit_reason, exit_outcomes, exit_contract, exit_note FROM cases WHERE `+where+" ORDER BY id", args, func(sc scanner) error {
		var c model.Case
		var opened, closed, status, prio, outcomes string
		if err := sc.Scan(&c.ID, &c.UID, &c.PersonID, &opened, &closed, &status, &c.OperatorID, &prio,
			&c.ExitReason, &outcomes, &c.ExitContract, &c.ExitNote); err != nil {
			return err
		}
		c.ExitOutcomes = splitCodes(outcomes)
		c.OpenedAt, c.ClosedAt = parseTime(opened), parseTime(closed)
		c.Status, c.Priority = model.CaseStatus(status), model.Priority(prio)
		at[c.ID] = len(s.Cases)
		s.Cases = append(s.Cases, c)
		return nil
	})
	if err != nil {
		return err
	}
	return rows("SELECT case_id, operator_id FROM case_team WHERE case_id IN (SELECT id FROM cases WHERE "+
		where+") ORDER BY case_id, operator_id", args, func(sc scanner) error {
		var caseID, op int64
		if err := sc.Scan(&caseID, &op); err != nil {
			return err
		}
		c := &s.Cases[at[caseID]]
		c.Team = append(c.Team, op)
		return nil
	})
}
