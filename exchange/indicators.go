package exchange

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"sportello/store"
)

// ExportFile is one export given to IndicatorsOverExports: its name, for
// messages, and its bytes: Data, or else the file at Path, read as it
// goes.
type ExportFile struct {
	Name string
	Data []byte
	Path string
}

// ExportFileError is why IndicatorsOverExports refused one of its files,
// by name: one of the errors below (errors.Is), or what failed reading it.
type ExportFileError struct {
	Name string
	Err  error
}

func (e *ExportFileError) Error() string { return "indicators over " + e.Name + ": " + e.Err.Error() }
func (e *ExportFileError) Unwrap() error { return e.Err }

// Errors of IndicatorsOverExports; each comes in an ExportFileError
// ("indicators over NAME: ..."), so test them with errors.Is.
var (
	// ErrNotAnExport: the file is not a Sportello export in JSON.
	ErrNotAnExport = errors.New("not a Sportello export in JSON, CSV or XLSX (the Parquet form and bundles are not read here)")
	// ErrEncryptedExport: the export is encrypted; decrypt it first.
	ErrEncryptedExport = errors.New("the export is encrypted with age: decrypt it first")
	// ErrFutureVersion: the export is of a format version this program does not know.
	ErrFutureVersion = errors.New("the export is of a format version newer than this program reads: update Sportello")
	// ErrNotPseudonymised: a full export names people; only pseudonymised ones are counted here.
	ErrNotPseudonymised = errors.New("a full export names people: give the pseudonymised export")
	// ErrIncrementalExport: an incremental export holds only what changed, so it would undercount.
	ErrIncrementalExport = errors.New("an incremental export holds only what changed: give a complete export")
	// ErrSameDesk: two exports of one desk would count its records twice.
	ErrSameDesk = errors.New("two exports of the same desk: give one complete export per desk")
	// ErrRegionalKeysDiffer: the desks used different regional keys, so
	// their pseudonyms cannot be matched.
	ErrRegionalKeysDiffer = errors.New("the exports were made with different regional keys, so the same person cannot be recognised across them")
)

// ExportsInfo tells what IndicatorsOverExportsInfo counted over.
type ExportsInfo struct {
	Files          int
	Persons        int      // distinct persons after matching regional pseudonyms
	Unkeyed        []string // files made without a regional key: their persons cannot be matched with other desks'
	KeyFingerprint string   // of the regional key, "" when no file had one
}

// IndicatorsOverExports computes every programme indicator over [from,
// to] across the pseudonymised exports of many desks without merging
// them: the exports are loaded into a scratch store (store.OpenScratch),
// persons keyed by their regional pseudonym so that a person registered
// at two desks is counted once, and the desks' own indicator queries run
// over it. Each file is an export in its JSON, CSV or XLSX form; the JSON
// form is read a part of a list at a time, checked against the schema as
// it goes, so that the memory taken does not grow with the exports. The
// scratch store is discarded before returning.
func IndicatorsOverExports(ctx context.Context, from, to time.Time, files []ExportFile) (*store.IndicatorReport, error) {
	rep, _, err := IndicatorsOverExportsInfo(ctx, from, to, files)
	return rep, err
}

// IndicatorsOverExportsInfo is IndicatorsOverExports, also telling how
// many files and persons it counted and whether persons could be matched
// across desks.
func IndicatorsOverExportsInfo(ctx context.Context, from, to time.Time, files []ExportFile) (*store.IndicatorReport, *ExportsInfo, error) {
	db, err := store.OpenScratch(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("indicators over exports: %w", err)
	}
	defer db.Close()
	run := &indicatorRun{db: db, info: &ExportsInfo{Files: len(files)}, desks: map[string]string{}}
	for _, f := range files {
		if err := run.file(ctx, f); err != nil {
			return nil, nil, &ExportFileError{Name: f.Name, Err: err}
		}
	}
	if err := db.FinishScratch(ctx); err != nil {
		return nil, nil, fmt.Errorf("indicators over exports: %w", err)
	}
	if run.info.Persons, err = db.ScratchPersons(ctx); err != nil {
		return nil, nil, fmt.Errorf("indicators over exports: %w", err)
	}
	rep, err := db.ComputeIndicators(ctx, from, to)
	if err != nil {
		return nil, nil, fmt.Errorf("indicators over exports: %w", err)
	}
	return rep, run.info, nil
}

// indicatorRun is the files read so far into the scratch store.
type indicatorRun struct {
	db    *store.DB
	info  *ExportsInfo
	desks map[string]string // desk ID → the file of that desk
	keyOf string            // the first file with a regional key
}

// envelope checks a file's envelope before its records are loaded: an
// export of this format and a version this program reads, pseudonymised
// and complete, of a desk no other file is from, made with the same
// regional key as the others.
func (r *indicatorRun) envelope(name string, doc *Document) error {
	if err := checkForIndicators(doc.Format, doc.FormatVersion); err != nil {
		return err
	}
	if err := usableForIndicators(doc); err != nil {
		return err
	}
	if other, ok := r.desks[doc.Desk.ID]; ok {
		return fmt.Errorf("%w (%s)", ErrSameDesk, other)
	}
	r.desks[doc.Desk.ID] = name
	switch k := doc.Regional; {
	case k == nil || !k.Keyed:
		r.info.Unkeyed = append(r.info.Unkeyed, name)
	case r.info.KeyFingerprint == "":
		r.info.KeyFingerprint, r.keyOf = k.KeyFingerprint, name
	case k.KeyFingerprint != r.info.KeyFingerprint:
		return fmt.Errorf("%w (%s has key %s, %s has key %s)", ErrRegionalKeysDiffer,
			r.keyOf, r.info.KeyFingerprint, name, k.KeyFingerprint)
	}
	return nil
}

// checkForIndicators refuses what is not this format, or of a version
// newer than this program's.
func checkForIndicators(format, version string) error {
	if format != Format {
		return ErrNotAnExport
	}
	if !knownVersion(version) {
		return fmt.Errorf("%w (version %q, this program reads up to %s)", ErrFutureVersion, version, FormatVersion)
	}
	return nil
}

// usableForIndicators refuses a full export and an incremental one.
func usableForIndicators(doc *Document) error {
	switch {
	case doc.Mode != ModePseudonymised:
		return ErrNotPseudonymised
	case doc.Scope.Kind != ScopeComplete:
		return ErrIncrementalExport
	}
	return nil
}

// knownVersion tells a format version this program reads: 1.0 up to
// FormatVersion.
func knownVersion(v string) bool {
	major, minor, ok := strings.Cut(v, ".")
	_, ours, _ := strings.Cut(FormatVersion, ".")
	m, err := strconv.Atoi(minor)
	o, _ := strconv.Atoi(ours)
	return ok && major == "1" && err == nil && m >= 0 && m <= o
}
