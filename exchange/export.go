package exchange

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"strconv"
	"time"

	"filippo.io/age"

	"sportello/assets"
	"sportello/model"
	"sportello/store"
)

// Export formats.
const (
	FormatBundle = "bundle" // signed ZIP for another desk of the association
	FormatJSON   = "json"   // the document
	FormatCSV    = "csv"    // ZIP of CSV tables
	FormatXLSX   = "xlsx"   // workbook, a sheet per table
)

// Formats lists the export formats.
var Formats = []string{FormatBundle, FormatJSON, FormatCSV, FormatXLSX, FormatParquet}

// Options choose an export. A full export names people, so it needs a
// Recipient: without one it is refused, unless a coordinator sets
// Plaintext, and then the log and the audit trail record that it was
// written in plaintext. Plaintext with a Recipient is refused. A
// pseudonymised export may go without a recipient.
type Options struct {
	Format        string
	Pseudonymised bool
	Incremental   bool      // what changed since the last export to Recipient (complete if there was none)
	Since         time.Time // what changed since then; zero for no date
	Recipient     string    // age public key to encrypt to; "" only for a pseudonymised export, or with Plaintext
	Plaintext     bool      // a full export without a recipient, unencrypted: a coordinator's explicit choice
	Label         string    // the recipient's name, for the log
	Operator      *model.Operator
	Progress      func(fraction float64) // 0 to 1, from the goroutine doing the work
}

// Result tells what an export wrote.
type Result struct {
	Counts map[string]int
	Since  string // "" for complete
	UpTo   int64
	SHA256 string // of the file as written
	Size   int64
}

// Export errors have model codes, so the window and the command line can
// say them in the user's language.
var (
	ErrNeedsCoordinator = &model.Error{Code: model.ErrPermission, Field: "mode",
		Message: "a full export needs the coordinator role; a pseudonymised one does not"}
	ErrBundlePseudonymised = &model.Error{Code: model.ErrInvalid, Field: "format",
		Message: "a bundle for another desk is always full: it cannot be pseudonymised"}
	ErrNeedsRecipient = &model.Error{Code: model.ErrRequired, Field: "recipient",
		Message: "a full export names people, so it is written only encrypted: give the recipient's age public key, or a coordinator may ask for plaintext"}
	ErrPlaintextWithRecipient = &model.Error{Code: model.ErrInvalid, Field: "recipient",
		Message: "plaintext and a recipient contradict each other: with a recipient the export is encrypted; drop one of them"}
)

// PlaintextLabel is what the export log and the audit trail record as the
// recipient's name of a full export written in plaintext.
const PlaintextLabel = "plaintext"

// Export writes the desk's records to w as opt asks: read in one
// transaction a part at a time, checked against the published schema,
// then encoded and, with a recipient, encrypted, record by record on the
// way to w, so that its memory does not grow with the desk. The tabular
// formats are written table by table once every record was read and
// checked, from encrypted files that gather a table each
// (tabular_spill.go); XLSX, at most a sheet's rows, reads them back into
// memory to make the workbook. Nothing is written to w if the options are
// refused; a record that does not follow
// the schema, like any error while writing, stops the export and leaves w
// incomplete, so write to a temporary file and rename it. It does not log:
// call LogExport once the file is safely in place.
func Export(ctx context.Context, db *store.DB, w io.Writer, opt Options) (*Result, error) {
	progress := func(f float64) {
		if opt.Progress != nil {
			opt.Progress(f)
		}
	}
	if err := CheckOptions(opt); err != nil {
		return nil, err
	}
	k, err := deskKeys(ctx, db)
	if err != nil {
		return nil, err
	}
	snapOpt := store.SnapshotOptions{AfterRev: -1, Since: opt.Since, Scans: opt.Format == FormatBundle}
	res := &Result{}
	if opt.Incremental {
		if last, ok, err := db.LastExportTo(ctx, opt.Recipient, opt.Pseudonymised); err != nil {
			return nil, err
		} else if ok {
			snapOpt.AfterRev, res.Since = last, "rev:"+strconv.FormatInt(last, 10)
		}
	} else if !opt.Since.IsZero() {
		res.Since = opt.Since.UTC().Format(time.DateOnly)
	}
	progress(0.05)
	run, err := newExportRun(ctx, db, k, opt, res.Since, progress)
	if err != nil {
		return nil, err
	}
	// The tabular formats are read and checked before anything is written,
	// into encrypted files a table each; a workbook's tables, at most a
	// sheet's rows each, are then read back into memory.
	var tabular *tabularSource
	if opt.Format == FormatCSV || opt.Format == FormatParquet || opt.Format == FormatXLSX {
		rows := 0 // no limit
		if opt.Format == FormatXLSX {
			rows = maxSheetRows - 1
		}
		spill, counts, upTo, err := run.spillTables(ctx, db, snapOpt, rows)
		if err != nil {
			return nil, err
		}
		defer spill.close()
		tabular = &tabularSource{heads: spill.heads(), read: spill.tables, counts: counts, upTo: upTo}
	}
	out := &hashingWriter{w: w, h: sha256.New()}
	var dst io.Writer = out
	var sealed io.WriteCloser
	if opt.Recipient != "" {
		r, err := age.ParseX25519Recipient(opt.Recipient)
		if err != nil {
			return nil, CheckRecipient(opt.Recipient)
		}
		if sealed, err = age.Encrypt(out, r); err != nil {
			return nil, err
		}
		dst = sealed
	}
	if res.Counts, res.UpTo, err = run.encode(ctx, db, snapOpt, dst, opt.Format, k, tabular); err != nil {
		return nil, err
	}
	if sealed != nil {
		if err := sealed.Close(); err != nil {
			return nil, err
		}
	}
	res.SHA256, res.Size = hex.EncodeToString(out.h.Sum(nil)), out.n
	progress(1)
	return res, nil
}

// CheckOptions refuses what Export would refuse before reading anything:
// an unknown format, a pseudonymised bundle, a full export without a
// coordinator, a full export without a recipient unless Plaintext is set,
// Plaintext with a recipient, a malformed recipient key. The window and the
// command line call it before they ask for or create a file.
func CheckOptions(opt Options) error {
	known := false
	for _, f := range Formats {
		known = known || f == opt.Format
	}
	if !known {
		return &model.Error{Code: model.ErrInvalid, Field: "format",
			Message: fmt.Sprintf("unknown format %q: bundle, json, csv, xlsx or parquet", opt.Format)}
	}
	if opt.Format == FormatBundle && opt.Pseudonymised {
		return ErrBundlePseudonymised
	}
	if !opt.Pseudonymised && !opt.Operator.May(model.PermExportFull) {
		return ErrNeedsCoordinator
	}
	if opt.Plaintext && opt.Recipient != "" {
		return ErrPlaintextWithRecipient
	}
	if !opt.Pseudonymised && opt.Recipient == "" && !opt.Plaintext {
		return ErrNeedsRecipient
	}
	if opt.Recipient != "" {
		return CheckRecipient(opt.Recipient)
	}
	return nil
}

// hashingWriter counts and hashes what passes through it: the export log
// keeps the file's SHA-256.
type hashingWriter struct {
	w io.Writer
	h hash.Hash
	n int64
}

func (hw *hashingWriter) Write(p []byte) (int, error) {
	n, err := hw.w.Write(p)
	hw.h.Write(p[:n])
	hw.n += int64(n)
	return n, err
}

// maxSheetRows is how many rows a spreadsheet's sheet holds, header included.
var maxSheetRows = 1 << 20

// errTooLongForSheet refuses a workbook with a table longer than a sheet.
func errTooLongForSheet(table string) error {
	return &model.Error{Code: model.ErrTooManyRows, Field: "format",
		Message: fmt.Sprintf("%s has more rows than a spreadsheet's sheet holds (%d): choose CSV or JSON", table, maxSheetRows-1)}
}

func deskOf(ctx context.Context, db *store.DB, k *keys) (Desk, error) {
	d := Desk{ID: k.deskUID}
	for key, dst := range map[string]*string{store.SettingDesk: &d.Name, store.SettingOrganisation: &d.Organisation,
		model.SettingCasePrefix: &d.CasePrefix} {
		v, err := db.Setting(ctx, key)
		if err != nil {
			return d, err
		}
		*dst = v
	}
	if d.CasePrefix == "" {
		d.CasePrefix = model.DefaultCasePrefix
	}
	return d, nil
}

// questionnaires loads every bundled questionnaire version.
func questionnaires() map[string]*model.Questionnaire {
	out := map[string]*model.Questionnaire{}
	for _, v := range assets.QuestionnaireVersions() {
		if b, ok := assets.Questionnaire(v); ok {
			if qn, err := model.ParseQuestionnaire(b); err == nil {
				out[v] = qn
			}
		}
	}
	return out
}

// PlaintextFull tells whether opt writes a full export unencrypted: it
// names people and anyone who gets the file can read it.
func (opt Options) PlaintextFull() bool { return !opt.Pseudonymised && opt.Recipient == "" }

// LogExport records a written export in the desk's log, which is audited.
// A full export written in plaintext is logged with no recipient and
// PlaintextLabel as its name, so the log and the audit trail ("json
// plaintext") both say it.
func LogExport(ctx context.Context, db *store.DB, opt Options, res *Result, fileName string) error {
	label := opt.Label
	if opt.PlaintextFull() {
		label = PlaintextLabel
	}
	e := &store.ExportEntry{Recipient: opt.Recipient, Label: label, Format: opt.Format,
		Pseudonymised: opt.Pseudonymised, Since: res.Since, UpTo: res.UpTo, Counts: res.Counts, FileName: fileName,
		SHA256: res.SHA256}
	if opt.Operator != nil {
		e.OperatorID = opt.Operator.ID
	}
	return db.LogExport(ctx, e)
}
