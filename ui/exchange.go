package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/exchange"
	"sportello/model"
	"sportello/store"
)

// exchangeView is "Scambio dati": exports for the regional system or for
// another desk of the association, the export log, the import of another
// desk's bundle, and the conflicts an import left for an operator. A full
// export is a coordinator's; anyone may make a pseudonymised one.
type exchangeView struct {
	u    *App
	db   *store.DB
	tabs *container.AppTabs
	conf *container.TabItem

	format, mode, scope *radio
	encrypt             *widget.Check
	modeHint, encHint   *widget.Label
	plainHint           *widget.Label
	exportBtn           *widget.Button
	progress            *widget.ProgressBar
	exportStatus        *widget.Label
	log                 *fyne.Container
	importLog           *fyne.Container
	recipient, label    string // from the settings
	updating            bool
	exporting           bool // the Export button stays off until it is done

	importBtn                  *widget.Button
	importStatus, importDetail *widget.Label
	trust                      *trustPanel // a bundle from a desk not accepted yet

	conflicts *conflictsPanel
}

// Export modes and scopes, as the radio buttons' codes.
const (
	modeFull, modePseudo   = "full", "pseudonymised"
	scopeAll, scopeChanges = "all", "changes"
)

// formatKeys name the export formats.
var formatKeys = map[string]string{exchange.FormatBundle: "exchange.format_bundle", exchange.FormatJSON: "exchange.format_json",
	exchange.FormatCSV: "exchange.format_csv", exchange.FormatXLSX: "exchange.format_xlsx",
	exchange.FormatParquet: "exchange.format_parquet"}

// newExchangeView makes the view on db, the store bound to the signed-in
// operator (nil when there is none: the view says it is not available).
func newExchangeView(u *App, db *store.DB) *exchangeView {
	v := &exchangeView{u: u, db: db, encrypt: widget.NewCheck("", nil), progress: widget.NewProgressBar(),
		log: container.NewVBox(), importLog: container.NewVBox()}
	v.encrypt.OnChanged = func(bool) { v.update() }
	var formatLabels []string
	for _, f := range exchange.Formats {
		formatLabels = append(formatLabels, u.t(formatKeys[f]))
	}
	v.format = newRadio(exchange.Formats, formatLabels, v.update)
	v.mode = newRadio([]string{modeFull, modePseudo}, []string{u.t("exchange.mode_full"), u.t("exchange.mode_pseudonymised")}, v.update)
	v.scope = newRadio([]string{scopeAll, scopeChanges}, []string{u.t("exchange.scope_all"), u.t("exchange.scope_changes")}, v.update)
	v.modeHint, v.encHint, v.plainHint = hint(), hint(), hint()
	v.exportStatus, v.importStatus = wrapped(), wrapped()
	v.exportStatus.Hide()
	v.importStatus.Hide()
	v.importDetail = hint()
	v.importDetail.SizeName = theme.SizeNameCaptionText
	v.exportBtn = widget.NewButtonWithIcon(u.t("exchange.export_button"), theme.DocumentSaveIcon(), v.onExport)
	v.exportBtn.Importance = widget.HighImportance
	v.importBtn = widget.NewButtonWithIcon(u.t("exchange.import_button"), theme.FolderOpenIcon(), v.onImport)
	v.progress.Hide()
	v.format.setCode(exchange.FormatXLSX)
	v.mode.setCode(modePseudo)
	v.scope.setCode(scopeAll)
	v.conflicts = newConflictsPanel(u, v.db, v.onConflictCount)
	v.trust = newTrustPanel(u, v.db, v.onImportFrom)
	return v
}

// hint is a line in italics under a choice, hidden while empty.
func hint() *widget.Label {
	l := wrapped()
	l.TextStyle.Italic = true
	l.Hide()
	return l
}

func wrapped() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// say sets a hint's text and shows it, or hides it when text is "".
func say(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

func (v *exchangeView) build() fyne.CanvasObject {
	u := v.u
	if v.db == nil {
		return widget.NewLabel(u.t("exchange.not_available"))
	}
	bold := func(key string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(u.t(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := container.New(layout.NewFormLayout(),
		bold("exchange.format"), v.format.RadioGroup,
		bold("exchange.mode"), container.NewVBox(v.mode.RadioGroup, v.modeHint),
		bold("exchange.scope"), v.scope.RadioGroup,
		bold("exchange.encryption"), container.NewVBox(v.encrypt, v.encHint),
	)
	run := container.NewVBox(container.NewHBox(v.exportBtn), v.plainHint, v.progress, v.exportStatus)
	export := container.NewVBox(
		widget.NewCard("", u.t("exchange.export_title"), container.NewVBox(form, widget.NewSeparator(), run)),
		widget.NewCard("", u.t("exchange.log_title"), v.log))
	imp := container.NewVBox(
		widget.NewCard("", u.t("exchange.import_title"), container.NewVBox(wrappedText(u.t("exchange.import_intro")),
			container.NewHBox(v.importBtn), v.importStatus, v.importDetail, v.trust.build())),
		widget.NewCard("", u.t("exchange.import_log_title"), v.importLog))
	scroll := func(o fyne.CanvasObject) fyne.CanvasObject { return container.NewVScroll(container.NewPadded(o)) }
	v.conf = container.NewTabItemWithIcon(u.t("exchange.tab_conflicts"), theme.WarningIcon(), v.conflicts.build())
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(u.t("exchange.tab_export"), theme.UploadIcon(), scroll(export)),
		container.NewTabItemWithIcon(u.t("exchange.tab_import"), theme.DownloadIcon(), scroll(imp)),
		v.conf)
	title := widget.NewLabelWithStyle(u.t("exchange.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.load()
	return container.NewBorder(title, nil, nil, nil, v.tabs)
}

func wrappedText(s string) *widget.Label {
	l := wrapped()
	l.SetText(s)
	return l
}

// load reads the recipient in the settings, the export log and the conflicts.
func (v *exchangeView) load() {
	load(v.u, v.read, v.show, func(err error) { say(v.exportStatus, v.u.errText(err)) })
	v.conflicts.reload()
}

// update makes the choices agree with each other and with the operator's role.
func (v *exchangeView) update() {
	if v.updating {
		return
	}
	v.updating = true
	defer func() { v.updating = false }()
	u := v.u
	coordinator := u.op.May(model.PermExportFull)
	bundle := v.format.code() == exchange.FormatBundle
	if v.exporting {
		v.exportBtn.Disable()
	} else {
		v.exportBtn.Enable()
	}
	switch {
	case bundle:
		v.mode.setCode(modeFull)
		v.mode.Disable()
		if coordinator {
			say(v.modeHint, u.t("exchange.bundle_always_full"))
		} else {
			say(v.modeHint, u.t("exchange.bundle_coordinator_only"))
			v.exportBtn.Disable()
		}
	case !coordinator:
		v.mode.setCode(modePseudo)
		v.mode.Disable()
		say(v.modeHint, u.t("exchange.full_coordinator_only"))
	default:
		v.mode.Enable()
		say(v.modeHint, "")
	}
	if v.recipient == "" {
		v.encrypt.SetChecked(false)
		v.encrypt.Disable()
		v.encrypt.Text = u.t("exchange.encrypt_none")
		say(v.encHint, u.t("exchange.no_recipient"))
	} else {
		v.encrypt.Enable()
		v.encrypt.Text = u.tr.Tf("exchange.encrypt_for", map[string]any{"Name": v.recipientName()})
		say(v.encHint, "")
	}
	v.encrypt.Refresh()
	if v.mode.code() == modeFull && !v.encrypt.Checked && coordinator {
		say(v.plainHint, u.t("exchange.plain_warning"))
	} else {
		say(v.plainHint, "")
	}
}

func (v *exchangeView) recipientName() string {
	if v.label != "" {
		return v.label
	}
	return shortKey(v.recipient)
}

// shortKey shortens an age key for display: age1abcd…wxyz.
func shortKey(key string) string {
	if len(key) <= 16 {
		return key
	}
	return key[:9] + "…" + key[len(key)-4:]
}

// options are the export the choices ask for.
func (v *exchangeView) options() exchange.Options {
	opt := exchange.Options{Format: v.format.code(), Pseudonymised: v.mode.code() == modePseudo,
		Incremental: v.scope.code() == scopeChanges, Operator: v.u.op}
	if v.encrypt.Checked && v.recipient != "" {
		opt.Recipient, opt.Label = v.recipient, v.label
	}
	return opt
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// onConflictCount shows how many conflicts are open on their tab.
func (v *exchangeView) onConflictCount(n int) {
	if v.conf == nil || v.tabs == nil {
		return
	}
	v.conf.Text = v.u.t("exchange.tab_conflicts")
	if n > 0 {
		v.conf.Text = v.u.tr.Tf("exchange.tab_conflicts_n", map[string]any{"N": n})
	}
	v.tabs.Refresh()
}

// radio is a RadioGroup whose options show translated labels but whose
// value is a code. Lay out its RadioGroup, not the radio: the group
// refreshes its own renderer, which a wrapper would not be drawn with.
type radio struct {
	*widget.RadioGroup
	codes []string
}

func newRadio(codes, labels []string, changed func()) *radio {
	r := &radio{codes: codes}
	r.RadioGroup = widget.NewRadioGroup(labels, func(string) { changed() })
	r.Required = true
	return r
}

func (r *radio) code() string {
	for i, o := range r.Options {
		if o == r.Selected {
			return r.codes[i]
		}
	}
	return ""
}

func (r *radio) setCode(code string) {
	for i, c := range r.codes {
		if c == code && r.Selected != r.Options[i] {
			r.SetSelected(r.Options[i])
		}
	}
}
