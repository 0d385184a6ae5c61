package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/exchange"
	"sportello/model"
	"sportello/store"
)

// The import of another desk's bundle, and what a refusal says.

// refusalKeys say, for each reason a bundle is refused, what is wrong and what to do.
var refusalKeys = map[string]string{
	exchange.BundleNotBundle: "exchange.refused_not_bundle", exchange.BundleTruncated: "exchange.refused_truncated",
	exchange.BundleTampered: "exchange.refused_tampered", exchange.BundleVersion: "exchange.refused_version",
	exchange.BundleMalformed: "exchange.refused_malformed", exchange.BundlePseudonym: "exchange.refused_pseudonymised",
	exchange.BundleOwnDesk: "exchange.refused_own_desk", exchange.BundleEncrypted: "exchange.refused_encrypted",
	exchange.BundleCaseCodes: "exchange.refused_case_codes", exchange.BundleReferences: "exchange.refused_references",
	exchange.BundleUnknownDesk: "exchange.refused_unknown_desk", exchange.BundleDuplicate: "exchange.refused_duplicate_record",
	exchange.BundleNUL: "exchange.refused_nul_character", exchange.BundleUTF8: "exchange.refused_invalid_unicode",
	exchange.BundleTooLarge: "exchange.refused_too_large", exchange.BundleRecordTooLarge: "exchange.refused_record_too_large",
	exchange.BundleTooDeep: "exchange.refused_too_deep", exchange.BundleExpands: "exchange.refused_expands",
}

// RefusalKey is the message key that says, in the user's language, why a
// bundle was refused and what to do; the command line uses it too.
func RefusalKey(code string) string {
	if key, ok := refusalKeys[code]; ok {
		return key
	}
	return "exchange.refused_other"
}

func (v *exchangeView) onImport() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		v.onImportFrom(path)
	}, v.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".sportello", ".age"}))
	d.Show()
}

// onImportFrom merges the bundle at path in the background and says what
// came of it; a refused bundle changes nothing. A bundle from a desk not
// accepted yet shows that desk's fingerprint, for a coordinator to compare
// and accept (the trust panel, which then imports the file again).
func (v *exchangeView) onImportFrom(path string) {
	u := v.u
	v.trust.hide()
	v.importBtn.Disable()
	v.importStatus.Importance = widget.MediumImportance
	say(v.importStatus, u.t("exchange.importing"))
	say(v.importDetail, "")
	db, op := v.db, u.op
	write(u, func(ctx context.Context) (*exchange.ImportResult, error) {
		f, err := os.Open(path) // read as the merge goes, never whole
		if err != nil {
			return nil, unreadable{err}
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return nil, unreadable{err}
		}
		return exchange.Import(ctx, db, f, info.Size(), exchange.ImportOptions{Operator: op, FileName: filepath.Base(path)})
	}, func(res *exchange.ImportResult) { v.imported(path, res, nil) }, func(err error) { v.imported(path, nil, err) })
}

// unreadable is a bundle file that could not be read.
type unreadable struct{ error }

// imported says what came of an import: res when it went well, err when not.
func (v *exchangeView) imported(path string, res *exchange.ImportResult, err error) {
	u := v.u
	v.importBtn.Enable()
	var be *exchange.BundleError
	var unknown *exchange.UnknownDeskError
	var unread unreadable
	switch {
	case errors.As(err, &unread):
		v.importStatus.Importance = widget.DangerImportance
		v.importStatus.SetText(u.tr.Tf("exchange.cannot_read", map[string]any{"Path": path, "Detail": unread.Error()}))
	case errors.As(err, &unknown):
		v.importStatus.Importance = widget.DangerImportance
		v.importStatus.SetText(u.t(RefusalKey(unknown.Code)))
		v.trust.show(unknown, path)
	case errors.As(err, &be):
		v.importStatus.Importance = widget.DangerImportance
		v.importStatus.SetText(u.t(RefusalKey(be.Code)))
		say(v.importDetail, be.Detail)
	case err != nil:
		v.importStatus.Importance = widget.DangerImportance
		v.importStatus.SetText(u.tr.Tf("exchange.import_failed", map[string]any{"Detail": v.detail(err)}))
	default:
		desk := firstOf(res.From.Name, res.From.Organisation, res.From.CasePrefix)
		if res.From.CasePrefix != "" && desk != res.From.CasePrefix {
			desk += " (" + res.From.CasePrefix + ")"
		}
		v.importStatus.Importance = widget.MediumImportance
		v.importStatus.SetText(u.tr.Tf("exchange.imported", map[string]any{"Desk": desk, "Added": res.Added,
			"Updated": res.Updated, "Unchanged": res.Unchanged, "Kept": res.Kept, "Conflicts": res.Conflicts}))
		var hints []string
		if res.Conflicts > 0 {
			hints = append(hints, u.t("exchange.imported_conflicts"))
		}
		if res.Added > 0 && u.op.May(model.PermDuplicates) { // the other desk may have registered the same people
			hints = append(hints, u.t("duplicates.after_import"))
		}
		say(v.importDetail, strings.Join(hints, " "))
		v.conflicts.reload()
		v.reloadImports()
	}
}

// reloadImports reads the import log again.
func (v *exchangeView) reloadImports() {
	db := v.db
	load(v.u, func(ctx context.Context) ([]store.ImportEntry, error) {
		return db.Imports(ctx)
	}, v.showImports, func(error) {})
}

// showImports lists the bundles merged here, newest first: when, from which
// desk, which file (by the start of its SHA-256, as the sender's log has it),
// and what came of it.
func (v *exchangeView) showImports(log []store.ImportEntry) {
	u := v.u
	v.importLog.RemoveAll()
	if len(log) == 0 {
		v.importLog.Add(widget.NewLabel(u.t("exchange.import_log_empty")))
	}
	for _, e := range log {
		head := widget.NewLabelWithStyle(strings.Join([]string{e.At.Local().Format("02/01/2006 15:04"), e.DeskName,
			e.FileName, "SHA-256 " + e.BundleSHA[:min(12, len(e.BundleSHA))]}, " · "), fyne.TextAlignLeading,
			fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		c := e.Counts
		more := wrappedText(u.tr.Tf("exchange.import_log_counts", map[string]any{"Added": c["added"],
			"Updated": c["updated"], "Unchanged": c["unchanged"], "Kept": c["kept"], "Conflicts": c["conflicts"]}))
		more.SizeName = theme.SizeNameCaptionText
		v.importLog.Add(container.NewVBox(head, more))
	}
	v.importLog.Refresh()
}
