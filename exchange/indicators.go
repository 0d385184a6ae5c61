package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"sportello/store"
)

// ExportFile is one export given to IndicatorsOverExports: its name, for
// messages, and its bytes.
type ExportFile struct {
	Name string
	Data []byte
}

// Errors of IndicatorsOverExports; each comes wrapped with the file's name
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
// them: the exports are loaded into a scratch store in memory, persons
// keyed by their regional pseudonym so that a person registered at two
// desks is counted once, and the desks' own indicator queries run over
// it. Each file is an export in its JSON, CSV or XLSX form. The scratch
// store is discarded before returning.
func IndicatorsOverExports(ctx context.Context, from, to time.Time, files []ExportFile) (*store.IndicatorReport, error) {
	rep, _, err := IndicatorsOverExportsInfo(ctx, from, to, files)
	return rep, err
}

// IndicatorsOverExportsInfo is IndicatorsOverExports, also telling how
// many files and persons it counted and whether persons could be matched
// across desks.
func IndicatorsOverExportsInfo(ctx context.Context, from, to time.Time, files []ExportFile) (*store.IndicatorReport, *ExportsInfo, error) {
	info := &ExportsInfo{Files: len(files)}
	docs := make([]*Document, len(files))
	desks, keyOf := map[string]string{}, ""
	for i, f := range files {
		doc, err := readExportForIndicators(f.Data)
		if err != nil {
			return nil, nil, fmt.Errorf("indicators over %s: %w", f.Name, err)
		}
		if other, ok := desks[doc.Desk.ID]; ok {
			return nil, nil, fmt.Errorf("indicators over %s: %w (%s)", f.Name, ErrSameDesk, other)
		}
		desks[doc.Desk.ID] = f.Name
		switch r := doc.Regional; {
		case r == nil || !r.Keyed:
			info.Unkeyed = append(info.Unkeyed, f.Name)
		case info.KeyFingerprint == "":
			info.KeyFingerprint, keyOf = r.KeyFingerprint, f.Name
		case r.KeyFingerprint != info.KeyFingerprint:
			return nil, nil, fmt.Errorf("indicators over %s: %w (%s has key %s, %s has key %s)", f.Name, ErrRegionalKeysDiffer,
				keyOf, info.KeyFingerprint, f.Name, r.KeyFingerprint)
		}
		docs[i] = doc
	}
	data := &store.ScratchData{}
	for i, doc := range docs {
		if err := scratchOf(doc, data); err != nil {
			return nil, nil, fmt.Errorf("indicators over %s: %w", files[i].Name, err)
		}
	}
	docs = nil
	db, err := store.OpenScratch(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("indicators over exports: %w", err)
	}
	defer db.Close()
	if err := db.LoadScratch(ctx, data); err != nil {
		return nil, nil, fmt.Errorf("indicators over exports: %w", err)
	}
	persons := map[string]bool{}
	for _, p := range data.Persons {
		persons[p.Key] = true
	}
	info.Persons = len(persons)
	rep, err := db.ComputeIndicators(ctx, from, to)
	if err != nil {
		return nil, nil, fmt.Errorf("indicators over exports: %w", err)
	}
	return rep, info, nil
}

// readExportForIndicators reads a pseudonymised, complete export of a
// version this program knows: the JSON form, checked against the schema,
// or the CSV or XLSX form, of whose tables it reads what the indicators
// need.
func readExportForIndicators(data []byte) (*Document, error) {
	if isAge(data) {
		return nil, ErrEncryptedExport
	}
	if tables := tablesOf(data); tables != nil {
		doc := documentOfTables(tables)
		if err := checkForIndicators(doc.Format, doc.FormatVersion); err != nil {
			return nil, err
		}
		return doc, usableForIndicators(doc)
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	var head struct {
		Format        string `json:"format"`
		FormatVersion string `json:"format_version"`
	}
	if len(trimmed) == 0 || trimmed[0] != '{' || json.Unmarshal(trimmed, &head) != nil {
		return nil, ErrNotAnExport
	}
	if err := checkForIndicators(head.Format, head.FormatVersion); err != nil {
		return nil, err
	}
	if err := ValidateJSON(trimmed); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotAnExport, err)
	}
	doc, err := decodeDocument(bytes.NewReader(trimmed))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotAnExport, err)
	}
	return doc, usableForIndicators(doc)
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
