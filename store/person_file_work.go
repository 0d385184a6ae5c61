package store

// The way to work in a person's file: proposals, internships, enterprises,
// and the names of the employers and job offers they refer to.

import (
	"context"
	"fmt"

	"sportello/model"
)

// readFileWork reads, under each case of f, its proposals, internships and
// enterprise paths, then the names of the employers and job offers.
func readFileWork(ctx context.Context, q querier, f *model.PersonFile) error {
	employers, vacancies := map[int64]bool{}, map[int64]bool{}
	for i := range f.Cases {
		c := &f.Cases[i]
		var err error
		if c.Proposals, err = proposalsOfCase(ctx, q, c.ID); err != nil {
			return fmt.Errorf("reading proposals: %w", err)
		}
		if c.Internships, err = internshipsOfCase(ctx, q, c.ID); err != nil {
			return fmt.Errorf("reading internships: %w", err)
		}
		if c.Enterprises, err = enterprisesOfCase(ctx, q, c.ID); err != nil {
			return fmt.Errorf("reading enterprises: %w", err)
		}
		for _, p := range c.Proposals {
			employers[p.EmployerID], vacancies[p.VacancyID] = true, true
		}
		for _, in := range c.Internships {
			employers[in.EmployerID] = true
		}
	}
	f.Employers, f.Vacancies = map[int64]string{}, map[int64]string{}
	if err := namesOf(ctx, q, "SELECT id, name FROM employers", employers, f.Employers); err != nil {
		return fmt.Errorf("reading employers' names: %w", err)
	}
	if err := namesOf(ctx, q, "SELECT id, title FROM vacancies", vacancies, f.Vacancies); err != nil {
		return fmt.Errorf("reading job offers' titles: %w", err)
	}
	return nil
}

// namesOf puts in out the name of each row of query (id, name) that want
// holds.
func namesOf(ctx context.Context, q querier, query string, want map[int64]bool, out map[int64]string) error {
	if len(want) == 0 {
		return nil
	}
	rows, err := q.QueryContext(ctx, query)
	return eachRow(rows, err, func(s scanner) error {
		var id int64
		var name string
		if err := s.Scan(&id, &name); err != nil {
			return err
		}
		if want[id] {
			out[id] = name
		}
		return nil
	})
}
