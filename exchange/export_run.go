package exchange

import (
	"context"
	"fmt"
	"io"
	"time"

	"sportello/store"
)

// exportRun is what an export makes of the records it reads, part by part.
type exportRun struct {
	desk      Desk
	scope     Scope // without UpTo, which the snapshot gives
	now       time.Time
	bases     bool           // each record carries its sync base (a bundle)
	pseudo    *pseudonymiser // nil for a full export
	progress  func(float64)
	unchecked bool     // records not checked against the schema: only for the benchmarks
	entities  []string // the entities to read, in the document's order; nil for all (documentEntities)
}

// newExportRun gathers what turning the records into the document needs.
func newExportRun(ctx context.Context, db *store.DB, k *keys, opt Options, since string,
	progress func(float64)) (*exportRun, error) {
	desk, err := deskOf(ctx, db, k)
	if err != nil {
		return nil, err
	}
	r := &exportRun{desk: desk, scope: Scope{Kind: ScopeComplete}, now: time.Now(), progress: progress}
	if since != "" {
		r.scope.Kind, r.scope.Since = ScopeIncremental, since
	}
	r.bases = opt.Format == FormatBundle
	if opt.Pseudonymised {
		regional, err := RegionalKey(ctx, db)
		if err != nil {
			return nil, fmt.Errorf("regional key: %w", err)
		}
		r.pseudo = &pseudonymiser{key: k.pseudonym, regional: regional, textAsked: textQuestions(questionnaires())}
	}
	return r, nil
}

// tabularSource is a tabular export's tables, read and checked already:
// their heads (names and columns) and how to read them; the document's
// counts and the change-log position it reaches.
type tabularSource struct {
	heads  []Table
	read   tableReader
	counts map[string]int
	upTo   int64
}

// encode writes the records to w in format: JSON and bundles as they are
// read, the tabular formats from tab. It returns the document's counts and
// the change-log position it reaches.
func (r *exportRun) encode(ctx context.Context, db *store.DB, opt store.SnapshotOptions, w io.Writer, format string,
	k *keys, tab *tabularSource) (counts map[string]int, upTo int64, err error) {
	switch format {
	case FormatJSON:
		return r.writeStreamed(ctx, db, opt, w, " ")
	case FormatBundle:
		head, err := auditHead(ctx, db)
		if err != nil {
			return nil, 0, err
		}
		err = writeBundleData(w, r.desk, stamp(r.now), k.signing, head, func(data io.Writer) (map[string]int, error) {
			counts, upTo, err = r.writeStreamed(ctx, db, opt, data, "")
			return counts, err
		})
		return counts, upTo, err
	case FormatCSV, FormatParquet:
		if err := checkArchiveTables(tab.heads); err != nil {
			return nil, 0, err
		}
		write := writeCSVTables
		if format == FormatParquet {
			write = writeParquetTables
		}
		err = write(w, tab.read)
	default:
		err = writeXLSXTables(w, tab.heads, tab.read)
	}
	return tab.counts, tab.upTo, err
}

// auditHead is the desk's audit head a bundle carries, nil if it has none.
func auditHead(ctx context.Context, db *store.DB) (*AuditHead, error) {
	id, hash, err := db.AuditHead(ctx)
	if err != nil || id == 0 {
		return nil, err
	}
	return &AuditHead{EventID: id, Hash: hash}, nil
}
