package exchange

import (
	"context"
	"strings"

	"sportello/store"
)

// spillTables reads the records a part at a time, checks each part against
// the schema and writes its tables' rows to a spill (tabular_spill.go), for
// the tabular forms: their memory does not grow with the desk. With a
// limit (a sheet's rows), a table longer than that stops the reading. It
// gives the spill, to write from and close, the document's counts and the
// change-log position it reaches. Nothing is given if a record does not
// follow the schema.
func (r *exportRun) spillTables(ctx context.Context, db *store.DB, opt store.SnapshotOptions,
	limit int) (*tableSpill, map[string]int, int64, error) {
	spill, err := newTableSpill()
	if err != nil {
		return nil, nil, 0, err
	}
	var valid *partValidator
	var upTo int64
	counts := map[string]int{}
	placed := map[string]int{} // records of each list so far: a part's first one's place
	small := &Document{}       // the employers and vacancies, which the SAP views join
	err = r.stream(ctx, db, opt, func(s streamed) error {
		if s.head != nil {
			env := r.envelope(s.head.UpTo)
			upTo = s.head.UpTo
			counts = env.Counts()
			if err := validateEnvelope(env); err != nil {
				return err
			}
			var err error
			if valid, err = newPartValidator(env.Mode == ModePseudonymised); err != nil {
				return err
			}
			return spill.add(env.Tables()) // the export's row, and every table's place and columns
		}
		for _, l := range documentLists(s.part) {
			if n := l.items.Len(); n > 0 {
				valid.check(l.name, l.items, placed[l.name])
				placed[l.name] += n
			}
		}
		for name, n := range s.part.Counts() {
			counts[name] += n
		}
		small.Employers = append(small.Employers, s.part.Employers...)
		small.Vacancies = append(small.Vacancies, s.part.Vacancies...)
		if err := spill.add(partTables(s.part, small)); err != nil {
			return err
		}
		if limit == 0 {
			return nil
		}
		for name, n := range spill.counts() {
			if n > limit {
				return errTooLongForSheet(name)
			}
		}
		return nil
	})
	if err == nil && valid != nil {
		err = valid.result()
	}
	if err != nil {
		spill.close()
		return nil, nil, 0, schemaFailure(err)
	}
	return spill, counts, upTo, nil
}

// partTables are a part's tables but the export's row, its SAP views made
// with the employers and vacancies of small, read before (work_tables.go).
func partTables(part, small *Document) []Table {
	tables := part.Tables()[1:]
	if len(part.Proposals)+len(part.Internships)+len(part.Enterprises) == 0 {
		return tables
	}
	view := &Document{Employers: small.Employers, Vacancies: small.Vacancies, Proposals: part.Proposals,
		Internships: part.Internships, Enterprises: part.Enterprises}
	sap := map[string]Table{}
	for _, t := range view.Tables() {
		if strings.HasPrefix(t.Name, "sap_") {
			sap[t.Name] = t
		}
	}
	for i, t := range tables {
		if v, ok := sap[t.Name]; ok {
			tables[i] = v
		}
	}
	return tables
}
