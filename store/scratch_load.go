package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"sportello/model"
)

// LoadScratch writes pseudonymised records into a scratch store in one
// transaction: persons by their Key (a person already there stays one
// person, registered at the earliest date and with an informal domicile
// if any desk recorded one), cases and what hangs on them under their
// own keys. Fields an export does not carry (names, codes, free text)
// are left empty, and of the answers only those the indicators read
// (indicatorQuestions) are kept. The change log and the search index are
// left alone, as in a bulk merge. Any other store refuses with
// ErrNotScratch.
func (d *DB) LoadScratch(ctx context.Context, data *ScratchData) error {
	if !d.scratch {
		return fmt.Errorf("load scratch: %w", ErrNotScratch)
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		l := &scratchLoader{ctx: ctx, tx: tx, persons: map[string]int64{}, services: map[string]int64{},
			stmts: map[string]*sql.Stmt{}}
		if err := l.start(); err != nil {
			return err
		}
		defer l.exec("DELETE FROM merge_quiet")
		for i := range data.Persons {
			if err := l.person(&data.Persons[i]); err != nil {
				return fmt.Errorf("person %s: %w", data.Persons[i].Key, err)
			}
		}
		for i := range data.Cases {
			if err := l.caseOf(&data.Cases[i]); err != nil {
				return fmt.Errorf("case %s: %w", data.Cases[i].Key, err)
			}
		}
		return l.profiles(data.Profiles, data.ProfileOwners)
	})
	if err != nil {
		return fmt.Errorf("load scratch: %w", err)
	}
	return nil
}

// scratchLoader carries LoadScratch's transaction and the rows it made.
type scratchLoader struct {
	ctx      context.Context
	tx       *sql.Tx
	persons  map[string]int64 // Key → id
	services map[string]int64 // kind → id
	employer int64
	seq      int
	stmts    map[string]*sql.Stmt // each statement prepared once
}

func (l *scratchLoader) exec(q string, args ...any) (int64, error) {
	st, ok := l.stmts[q]
	if !ok {
		var err error
		if st, err = l.tx.PrepareContext(l.ctx, q); err != nil {
			return 0, err
		}
		l.stmts[q] = st
	}
	res, err := st.ExecContext(l.ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// start quiets the change log and the search index, and makes the one
// employer proposals and internships point to.
func (l *scratchLoader) start() (err error) {
	if _, err := l.exec("INSERT INTO merge_quiet VALUES (2)"); err != nil {
		return err
	}
	now := formatTime(time.Now())
	l.employer, err = l.exec(`INSERT INTO employers (uid, name, created_at, updated_at) VALUES ('scratch', '', ?, ?)`, now, now)
	return err
}

func (l *scratchLoader) person(p *ScratchPerson) error {
	created := formatTime(p.CreatedAt)
	if id, ok := l.persons[p.Key]; ok {
		_, err := l.exec(`UPDATE persons SET created_at = min(created_at, ?), domicile_informal = domicile_informal OR ?
			WHERE id = ?`, created, p.DomicileInformal, id)
		return err
	}
	l.seq++
	var year int
	fmt.Sscanf(p.Birth, "%4d", &year)
	id, err := l.exec(`INSERT INTO persons (uid, case_code, code_year, code_seq, family_name, sex, birth_date, birth_year,
		citizenships, domicile_informal, created_at, updated_at) VALUES (?, ?, 0, ?, '', ?, ?, ?, ?, ?, ?, ?)`,
		p.Key, fmt.Sprintf("R-%d", l.seq), l.seq, string(p.Sex), p.Birth, year, strings.Join(p.Citizenships, " "),
		p.DomicileInformal, created, created)
	l.persons[p.Key] = id
	return err
}

func (l *scratchLoader) caseOf(c *ScratchCase) error {
	person, ok := l.persons[c.PersonKey]
	if !ok {
		return fmt.Errorf("no person %s", c.PersonKey)
	}
	id, err := l.exec(`INSERT INTO cases (uid, person_id, opened_at, closed_at, status, priority, exit_reason, exit_outcomes)
		VALUES (?, ?, ?, ?, ?, 'normal', ?, ?)`, c.Key, person, formatTime(c.OpenedAt), formatTime(c.ClosedAt), c.Status,
		c.ExitReason, strings.Join(c.ExitOutcomes, ","))
	if err != nil {
		return err
	}
	for _, p := range c.Plans {
		if err := l.plan(id, p); err != nil {
			return fmt.Errorf("plan %s: %w", p.Key, err)
		}
	}
	for _, r := range c.Referrals {
		service, err := l.service(r.ServiceKind)
		if err == nil {
			_, err = l.exec(`INSERT INTO referrals (uid, case_id, service_id, reason, urgency, status, created, sent_at, code)
				VALUES (?, ?, ?, '', 'normal', ?, ?, ?, ?)`, r.Key, id, service, r.Status, formatTime(r.SentAt),
				formatTime(r.SentAt), r.Key)
		}
		if err != nil {
			return fmt.Errorf("referral %s: %w", r.Key, err)
		}
	}
	for _, p := range c.Proposals {
		if _, err := l.exec(`INSERT INTO proposals (uid, case_id, employer_id, state, proposed_at, hired_from, still_4w, still_6m)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, p.Key, id, l.employer, p.State, formatTime(p.ProposedAt), p.HiredFrom,
			p.Still4Weeks, p.Still6Months); err != nil {
			return fmt.Errorf("proposal %s: %w", p.Key, err)
		}
	}
	for _, in := range c.Internships {
		if _, err := l.exec(`INSERT INTO internships (uid, case_id, employer_id, tutor, start, end, weekly_hours)
			VALUES (?, ?, ?, '', ?, ?, 0)`, in.Key, id, l.employer, in.Start, in.End); err != nil {
			return fmt.Errorf("internship %s: %w", in.Key, err)
		}
	}
	for _, e := range c.Enterprises {
		if _, err := l.exec(`INSERT INTO enterprises (uid, case_id, idea, registered_at) VALUES (?, ?, '', ?)`,
			e.Key, id, e.RegisteredAt); err != nil {
			return fmt.Errorf("enterprise %s: %w", e.Key, err)
		}
	}
	for _, iv := range c.Interviews {
		if err := l.interview(id, iv); err != nil {
			return fmt.Errorf("interview %s: %w", iv.Key, err)
		}
	}
	return nil
}

func (l *scratchLoader) plan(caseID int64, p ScratchPlan) error {
	id, err := l.exec(`INSERT INTO plans (uid, case_id, version, status, agreed_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, '', '')`, p.Key, caseID, p.Version, p.Status, formatTime(p.AgreedAt))
	for i, area := range p.GoalAreas {
		if err == nil {
			_, err = l.exec(`INSERT INTO plan_goals (plan_id, position, area, text) VALUES (?, ?, ?, '')`, id, i, area)
		}
	}
	return err
}

// service is the one service of a kind that referrals of that kind go to.
func (l *scratchLoader) service(kind string) (int64, error) {
	if id, ok := l.services[kind]; ok {
		return id, nil
	}
	id, err := l.exec(`INSERT INTO services (uid, name, kind) VALUES (?, ?, ?)`, "scratch-"+kind, "scratch "+kind, kind)
	l.services[kind] = id
	return id, err
}

func (l *scratchLoader) interview(caseID int64, iv ScratchInterview) error {
	id, err := l.exec(`INSERT INTO interviews (uid, case_id, date, kind, place) VALUES (?, ?, ?, ?, '')`,
		iv.Key, caseID, iv.Date, iv.Kind)
	for q, v := range iv.Answers {
		if err == nil && indicatorQuestions[q] {
			_, err = l.exec(`INSERT INTO answers (interview_id, question_id, value, updated_at) VALUES (?, ?, ?, '')`, id, q, v)
		}
	}
	return err
}

// profiles writes the skills profiles, numbered again per person by date
// (then by their version at their desk), so that version 1 is the first.
func (l *scratchLoader) profiles(ps []*model.SkillsProfile, owners []string) error {
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		pa, pb := ps[order[a]], ps[order[b]]
		if !pa.Date.Equal(pb.Date) {
			return pa.Date.Before(pb.Date)
		}
		return pa.Version < pb.Version
	})
	versions := map[string]int{}
	for _, i := range order {
		p, owner := ps[i], owners[i]
		person, ok := l.persons[owner]
		if !ok {
			return fmt.Errorf("skills profile %s: no person %s", p.UID, owner)
		}
		versions[owner]++
		body, err := json.Marshal(bodyOf(p))
		if err == nil {
			_, err = l.exec(`INSERT INTO skills_profiles (uid, person_id, version, date, created_at, body)
				VALUES (?, ?, ?, ?, '', ?)`, p.UID, person, versions[owner], p.Date.Format("2006-01-02"), string(body))
		}
		if err != nil {
			return fmt.Errorf("skills profile %s: %w", p.UID, err)
		}
	}
	return nil
}
