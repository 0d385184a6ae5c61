package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// LoadScratch loads a whole load of pseudonymised records into a scratch
// store (LoadScratchPart with persons named by their Key, then
// FinishScratch): a record that refers to one not in data is refused.
func (d *DB) LoadScratch(ctx context.Context, data *ScratchData) error {
	part := &ScratchPart{Persons: data.Persons, Cases: data.Cases}
	for i, p := range data.Profiles {
		part.Profiles = append(part.Profiles, ScratchProfile{Owner: data.ProfileOwners[i], Profile: p})
	}
	left, err := d.LoadScratchPart(ctx, part)
	if err != nil {
		return err
	}
	if m, ok := left.Missing(); ok {
		return fmt.Errorf("load scratch: %s", m.Text(func(k string) string { return k }, "loaded"))
	}
	return d.FinishScratch(ctx)
}

// LoadScratchPart writes a part of pseudonymised records into a scratch
// store in one transaction: persons by their Key (a person already there
// stays one person, registered at the earliest date and with an informal
// domicile if any desk recorded one), cases and what hangs on them under
// their own keys. Fields an export does not carry (names, codes, free
// text) are left empty, and of the answers only those the indicators read
// (indicatorQuestions) are kept. It gives back what refers to a person or
// a case not loaded yet. Any other store refuses with ErrNotScratch.
func (d *DB) LoadScratchPart(ctx context.Context, part *ScratchPart) (*ScratchPart, error) {
	if !d.scratch {
		return nil, fmt.Errorf("load scratch: %w", ErrNotScratch)
	}
	left := &ScratchPart{}
	err := d.update(ctx, func(tx *sql.Tx) error {
		l := &scratchLoader{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, left: left}
		defer l.close()
		return l.part(part)
	})
	if err != nil {
		return nil, fmt.Errorf("load scratch: %w", err)
	}
	return left, nil
}

// FinishScratch numbers the skills profiles again per person by date
// (then by their version at their desk, then in the order loaded), across
// desks, so that version 1 is the person's first, and makes their facts
// (0012_indicator_facts.sql) follow: what is known at entry is the first
// version's.
func (d *DB) FinishScratch(ctx context.Context) error {
	err := d.update(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE skills_profiles SET version = n.version FROM (
				SELECT p.id, row_number() OVER (PARTITION BY p.person_id ORDER BY p.date, o.version, o.id) AS version
				FROM skills_profiles p JOIN scratch_profiles o ON o.id = p.id) AS n
			WHERE skills_profiles.id = n.id;
			UPDATE skills_facts SET version = p.version FROM skills_profiles p JOIN scratch_profiles o ON o.id = p.id
			WHERE skills_facts.profile_id = p.id;
			UPDATE person_facts SET (isced, italian_base) = (SELECT isced, italian FROM skills_facts f
				WHERE f.person_id = person_facts.person_id ORDER BY version LIMIT 1)
			WHERE person_id IN (SELECT p.person_id FROM skills_profiles p JOIN scratch_profiles o ON o.id = p.id);
			UPDATE skills_facts SET improved = italian > coalesce((SELECT italian_base FROM person_facts pf
				WHERE pf.person_id = skills_facts.person_id), 0)
			WHERE person_id IN (SELECT p.person_id FROM skills_profiles p JOIN scratch_profiles o ON o.id = p.id);
			DELETE FROM scratch_profiles`)
		return err
	})
	if err != nil {
		return fmt.Errorf("finish scratch: %w", err)
	}
	return nil
}

// errScratchMissing: a record refers to one not loaded (yet).
var errScratchMissing = errors.New("not loaded")

// ScratchMissing is the first record a part left over, and the record it
// refers to, by kind and key.
type ScratchMissing struct{ What, Key, To, ToKey string }

// Missing gives the first record of a part left over and what it refers
// to; false for an empty part.
func (p *ScratchPart) Missing() (ScratchMissing, bool) {
	switch {
	case len(p.Cases) > 0:
		return ScratchMissing{"case", p.Cases[0].Key, "person", p.Cases[0].PersonKey}, true
	case len(p.OfCases) > 0:
		what, key := p.OfCases[0].first()
		return ScratchMissing{what, key, "case", p.OfCases[0].CaseKey}, true
	case len(p.Goals) > 0:
		return ScratchMissing{"goal", "", "plan", p.Goals[0].PlanKey}, true
	case len(p.Answers) > 0:
		return ScratchMissing{"answer", "", "interview", p.Answers[0].InterviewKey}, true
	case len(p.Profiles) > 0:
		return ScratchMissing{"skills profile", p.Profiles[0].Profile.UID, "person", p.Profiles[0].Owner}, true
	}
	return ScratchMissing{}, false
}

// first names the first record of a case's records, by kind and key.
func (r *ScratchRecords) first() (what, key string) {
	switch {
	case len(r.Plans) > 0:
		return "plan", r.Plans[0].Key
	case len(r.Referrals) > 0:
		return "referral", r.Referrals[0].Key
	case len(r.Proposals) > 0:
		return "proposal", r.Proposals[0].Key
	case len(r.Internships) > 0:
		return "internship", r.Internships[0].Key
	case len(r.Enterprises) > 0:
		return "enterprise", r.Enterprises[0].Key
	case len(r.Interviews) > 0:
		return "interview", r.Interviews[0].Key
	}
	return "record", ""
}

// Text says the record left over: "case K refers to person P, who is not
// WHERE", keys named by name.
func (m ScratchMissing) Text(name func(key string) string, where string) string {
	what := m.What
	if m.Key != "" {
		what += " " + name(m.Key)
	} else {
		what = "a " + what
	}
	who := "which"
	if m.To == "person" {
		who = "who"
	}
	return fmt.Sprintf("%s refers to %s %s, %s is not %s", what, m.To, name(m.ToKey), who, where)
}

// scratchLoader carries LoadScratchPart's transaction and what it leaves.
type scratchLoader struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt // each statement prepared once a part
	left  *ScratchPart
}

func (l *scratchLoader) close() {
	for _, st := range l.stmts {
		st.Close()
	}
}

func (l *scratchLoader) stmt(q string) (*sql.Stmt, error) {
	st, ok := l.stmts[q]
	if !ok {
		var err error
		if st, err = l.tx.PrepareContext(l.ctx, q); err != nil {
			return nil, err
		}
		l.stmts[q] = st
	}
	return st, nil
}

func (l *scratchLoader) exec(q string, args ...any) (int64, error) {
	st, err := l.stmt(q)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(l.ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// id gives the one integer q selects; errScratchMissing when none.
func (l *scratchLoader) id(q string, args ...any) (int64, error) {
	st, err := l.stmt(q)
	if err != nil {
		return 0, err
	}
	var id int64
	err = st.QueryRowContext(l.ctx, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errScratchMissing
	}
	return id, err
}

func (l *scratchLoader) part(p *ScratchPart) error {
	for i := range p.Persons {
		if err := l.person(&p.Persons[i]); err != nil {
			return fmt.Errorf("person %s: %w", p.Persons[i].Key, err)
		}
	}
	for i := range p.Cases {
		if err := l.caseOf(&p.Cases[i]); err != nil {
			return fmt.Errorf("case %s: %w", p.Cases[i].Key, err)
		}
	}
	for i := range p.OfCases {
		if err := l.ofCase(&p.OfCases[i]); err != nil {
			return fmt.Errorf("records of case %s: %w", p.OfCases[i].CaseKey, err)
		}
	}
	for _, g := range p.Goals {
		if err := l.goal(g); err != nil {
			return fmt.Errorf("goal of plan %s: %w", g.PlanKey, err)
		}
	}
	for _, a := range p.Answers {
		if err := l.answer(a); err != nil {
			return fmt.Errorf("answer of interview %s: %w", a.InterviewKey, err)
		}
	}
	for _, sp := range p.Profiles {
		if err := l.profile(sp); err != nil {
			return fmt.Errorf("skills profile %s: %w", sp.Profile.UID, err)
		}
	}
	return nil
}

func (l *scratchLoader) person(p *ScratchPerson) error {
	created := formatTime(p.CreatedAt)
	var year int
	fmt.Sscanf(p.Birth, "%4d", &year)
	// A case code only has to be unique: the key is, and the code's number
	// follows the last.
	id, err := l.id(`INSERT INTO persons (uid, case_code, code_year, code_seq, family_name, sex, birth_date, birth_year,
		citizenships, domicile_informal, created_at, updated_at)
		VALUES (?1, ?1, 0, (SELECT coalesce(max(code_seq), 0) + 1 FROM persons WHERE code_year = 0), '', ?2, ?3, ?4, ?5, ?6, ?7, ?7)
		ON CONFLICT (uid) DO UPDATE SET created_at = min(created_at, excluded.created_at),
			domicile_informal = domicile_informal OR excluded.domicile_informal
		RETURNING id`,
		p.Key, string(p.Sex), p.Birth, year, strings.Join(p.Citizenships, " "), p.DomicileInformal, created)
	if err != nil {
		return err
	}
	ref := p.Ref
	if ref == "" {
		ref = p.Key
	}
	_, err = l.exec(`INSERT OR REPLACE INTO scratch_refs (ref, person_id) VALUES (?, ?)`, ref, id)
	return err
}

func (l *scratchLoader) caseOf(c *ScratchCase) error {
	person, err := l.id(`SELECT person_id FROM scratch_refs WHERE ref = ?`, c.PersonKey)
	if errors.Is(err, errScratchMissing) {
		l.left.Cases = append(l.left.Cases, *c)
		return nil
	}
	if err != nil {
		return err
	}
	id, err := l.exec(`INSERT INTO cases (uid, person_id, opened_at, closed_at, status, priority, exit_reason, exit_outcomes)
		VALUES (?, ?, ?, ?, ?, 'normal', ?, ?)`, c.Key, person, formatTime(c.OpenedAt), formatTime(c.ClosedAt), c.Status,
		c.ExitReason, strings.Join(c.ExitOutcomes, ","))
	if err != nil {
		return err
	}
	return l.records(id, &c.ScratchRecords)
}

func (l *scratchLoader) ofCase(o *ScratchOfCase) error {
	id, err := l.id(`SELECT id FROM cases WHERE uid = ?`, o.CaseKey)
	if errors.Is(err, errScratchMissing) {
		l.left.OfCases = append(l.left.OfCases, *o)
		return nil
	}
	if err != nil {
		return err
	}
	return l.records(id, &o.ScratchRecords)
}

// ScratchPersons counts the persons of a scratch store: one for each key.
func (d *DB) ScratchPersons(ctx context.Context) (int, error) {
	var n int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM persons").Scan(&n); err != nil {
		return 0, fmt.Errorf("scratch persons: %w", err)
	}
	return n, nil
}
