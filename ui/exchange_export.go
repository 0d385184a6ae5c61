package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/exchange"
	"sportello/model"
	"sportello/store"
)

// The export: a file written beside its target and renamed into place,
// then logged; and the log, newest first.

// countKeys name the kinds of record an export counts, in the order shown.
var countKeys = []struct{ kind, key string }{{"persons", "exchange.count_persons"}, {"cases", "exchange.count_cases"},
	{"interviews", "exchange.count_interviews"}, {"plans", "exchange.count_plans"}, {"consents", "exchange.count_consents"},
	{"referrals", "exchange.count_referrals"}, {"activities", "exchange.count_activities"},
	{"skills_profiles", "exchange.count_skills_profiles"}, {"employers", "exchange.count_employers"},
	{"vacancies", "exchange.count_vacancies"}, {"proposals", "exchange.count_proposals"},
	{"internships", "exchange.count_internships"}, {"enterprises", "exchange.count_enterprises"},
	{"services", "exchange.count_services"}, {"operators", "exchange.count_operators"}}

// suggestedName is the file name the save dialog proposes.
func suggestedName(opt exchange.Options) string {
	name := "sportello-" + nowFunc().Format("2006-01-02")
	if opt.Pseudonymised {
		name += "-pseudo"
	}
	switch opt.Format {
	case exchange.FormatBundle:
		name += ".sportello"
	case exchange.FormatCSV:
		name += "-csv.zip"
	case exchange.FormatParquet:
		name += "-parquet.zip"
	default:
		name += "." + opt.Format
	}
	if opt.Recipient != "" {
		name += ".age"
	}
	return name
}

func (v *exchangeView) onExport() {
	v.confirmExport(func(opt exchange.Options) {
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			path := wc.URI().Path()
			wc.Close() // the export writes a file of its own beside it, then puts it here
			v.onExportTo(path, opt)
		}, v.u.win)
		d.SetFileName(suggestedName(opt))
		d.Show()
	})
}

// confirmExport checks the export the choices ask for before a file is
// chosen, and passes it on to next. A full export names people, so it is
// written only encrypted: without a recipient it is refused, and the screen
// says why. A coordinator may then tick "Write without encryption
// (plaintext)", off by default; ticking it shows a warning, and going on
// asks for a plaintext export, which the export log and audit trail record.
func (v *exchangeView) confirmExport(next func(exchange.Options)) {
	u := v.u
	opt := v.options()
	err := exchange.CheckOptions(opt)
	if err == nil {
		next(opt)
		return
	}
	v.exportStatus.Importance = widget.DangerImportance
	say(v.exportStatus, v.detail(err))
	if !errors.Is(err, exchange.ErrNeedsRecipient) || !u.op.May(model.PermExportFull) {
		return
	}
	plain := widget.NewCheck(u.t("exchange.plaintext_check"), nil)
	warning := hint()
	var d *dialog.CustomDialog
	cancel := widget.NewButton(u.t("form.cancel"), func() { d.Hide() })
	goOn := widget.NewButtonWithIcon(u.t("exchange.plaintext_continue"), theme.WarningIcon(), func() {
		d.Hide()
		say(v.exportStatus, "")
		opt.Plaintext = true
		next(opt)
	})
	goOn.Importance = widget.DangerImportance
	goOn.Disable()
	plain.OnChanged = func(on bool) {
		if on {
			say(warning, u.t("exchange.plaintext_warning"))
			goOn.Enable()
		} else {
			say(warning, "")
			goOn.Disable()
		}
	}
	d = dialog.NewCustomWithoutButtons(u.t("exchange.plaintext_title"),
		container.NewVBox(wrappedText(v.detail(err)), plain, warning), u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, goOn})
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// onExportTo exports to path in the background, with progress; the file
// appears at path only once it is complete, and is then logged.
func (v *exchangeView) onExportTo(path string, opt exchange.Options) {
	u := v.u
	do := u.do
	opt.Progress = func(f float64) { do(func() { v.progress.SetValue(f) }) }
	v.exporting = true
	v.exportBtn.Disable()
	v.progress.SetValue(0)
	v.progress.Show()
	v.exportStatus.Importance = widget.MediumImportance
	say(v.exportStatus, u.t("exchange.exporting"))
	db := v.db
	write(u, func(ctx context.Context) (exported, error) {
		var e exported
		var err error
		if e.res, err = writeExport(ctx, db, path, opt); err != nil {
			return e, err
		}
		e.logErr = exchange.LogExport(ctx, db, opt, e.res, filepath.Base(path))
		e.log, _ = db.Exports(ctx)
		return e, nil
	}, func(e exported) { v.showExported(path, opt, e) }, func(err error) {
		v.exporting = false
		v.progress.Hide()
		v.update()
		v.exportStatus.Importance = widget.DangerImportance
		v.exportStatus.SetText(u.tr.Tf("exchange.export_failed", map[string]any{"Detail": v.detail(err)}))
	})
}

// exported is what an export wrote: its result, whether it was logged, and
// the log as it now stands.
type exported struct {
	res    *exchange.Result
	logErr error
	log    []store.ExportEntry
}

// showExported says what the export wrote, and shows the log.
func (v *exchangeView) showExported(path string, opt exchange.Options, e exported) {
	u := v.u
	v.exporting = false
	v.progress.Hide()
	v.update()
	file := filepath.Base(path)
	if e.logErr != nil {
		v.exportStatus.Importance = widget.DangerImportance
		v.exportStatus.SetText(u.tr.Tf("exchange.log_failed", map[string]any{"File": file, "Detail": v.detail(e.logErr)}))
		return
	}
	counts := v.counts(e.res.Counts)
	msg := u.tr.Tf("exchange.exported", map[string]any{"File": file, "Counts": counts})
	if opt.Recipient != "" {
		msg = u.tr.Tf("exchange.exported_encrypted", map[string]any{"File": file, "Name": v.recipientName(), "Counts": counts})
	} else if opt.PlaintextFull() {
		msg = u.tr.Tf("exchange.exported_plaintext", map[string]any{"File": file, "Counts": counts})
	}
	v.exportStatus.Importance = widget.MediumImportance
	v.exportStatus.SetText(msg)
	v.showLog(e.log)
}

// detail is an error in the user's language when it has a code, as it is otherwise.
func (v *exchangeView) detail(err error) string {
	switch {
	case errors.Is(err, exchange.ErrNeedsRecipient) && v.recipient != "":
		return v.u.tr.Tf("exchange.needs_encryption", map[string]any{"Name": v.recipientName()})
	case errors.Is(err, exchange.ErrNeedsRecipient):
		return v.u.t("exchange.needs_recipient")
	case model.ErrorCode(err) != "":
		return v.u.errText(err)
	}
	return err.Error()
}

// writeExport writes the export to a temporary file beside path and renames
// it into place, so a failed export leaves no half file behind. The file is
// the desk's account's only (0600), whatever the umask: an export may name
// people.
func writeExport(ctx context.Context, db *store.DB, path string, opt exchange.Options) (*exchange.Result, error) {
	var res *exchange.Result
	err := exchange.WritePrivateFile(path, func(f *os.File) (err error) {
		res, err = exchange.Export(ctx, db, f, opt)
		return err
	})
	if err != nil {
		// The save dialog made an empty file at path: take it away again.
		if fi, serr := os.Stat(path); serr == nil && fi.Size() == 0 {
			os.Remove(path)
		}
		return nil, err
	}
	return res, nil
}

// counts says an export's counts in words, the numbers grouped as the
// language writes them: "10.000 persone, 6 prese in carico, …".
func (v *exchangeView) counts(c map[string]int) string {
	var parts []string
	for _, k := range countKeys {
		if n := c[k.kind]; n > 0 {
			parts = append(parts, v.u.tr.Nf(k.key, n, map[string]any{"Count": groupThousands(n, v.u.tr.Lang())}))
		}
	}
	if len(parts) == 0 {
		return v.u.t("exchange.nothing")
	}
	return strings.Join(parts, ", ")
}

func (v *exchangeView) showLog(log []store.ExportEntry) {
	u := v.u
	v.log.RemoveAll()
	if len(log) == 0 {
		v.log.Add(widget.NewLabel(u.t("exchange.log_empty")))
	}
	for _, e := range log {
		mode := u.t("exchange.log_full")
		if e.Pseudonymised {
			mode = u.t("exchange.log_pseudonymised")
		}
		to := u.t("exchange.log_plain")
		if e.Recipient != "" {
			to = u.tr.Tf("exchange.log_encrypted_for", map[string]any{"Name": firstOf(e.Label, shortKey(e.Recipient))})
		}
		head := []string{e.At.Local().Format("02/01/2006 15:04"), strings.ToUpper(e.Format), mode, to}
		if e.Since != "" {
			head = append(head, u.t("exchange.log_changes"))
		}
		line := widget.NewLabelWithStyle(strings.Join(head, " · "), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		line.Wrapping = fyne.TextWrapWord
		more := wrappedText(fmt.Sprintf("%s — %s", e.FileName, v.counts(e.Counts)))
		more.SizeName = theme.SizeNameCaptionText
		v.log.Add(container.NewVBox(line, more))
	}
	v.log.Refresh()
}
