package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/demo"
	"sportello/exchange"
	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// showExchange opens the exchange screen from the toolbar and returns it.
func showExchange(t *testing.T, u *App) *exchangeView {
	t.Helper()
	test.Tap(button(t, u, u.t("exchange.button")))
	if !strings.Contains(texts(u), u.t("exchange.export_title")) {
		t.Fatalf("the toolbar button does not open the exchange:\n%s", texts(u))
	}
	// The same screen again, to hold on to it.
	v := newExchangeView(u, u.data)
	u.home.show(v.build())
	return v
}

// otherDesk is a second desk of the association, with its own prefix and
// n fictional persons, and its coordinator.
func otherDesk(t *testing.T, n int) (*store.DB, *model.Operator) {
	t.Helper()
	ctx := context.Background()
	db, _, err := store.Create(filepath.Join(t.TempDir(), "aprilia.db"), store.Options{KDF: testKDF})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return testNow }
	if err := db.SaveSettings(ctx, map[string]string{model.SettingCasePrefix: "PUB"}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(ctx, db, n); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveSettings(ctx, map[string]string{store.SettingDesk: "Sportello di Aprilia"}, 0); err != nil {
		t.Fatal(err)
	}
	coord, err := db.OperatorByUsername(ctx, "giulia")
	if err != nil {
		t.Fatal(err)
	}
	return db, coord
}

// bundleFile exports db as a bundle into a file and returns its path.
func bundleFile(t *testing.T, db *store.DB, coord *model.Operator, change func([]byte) []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := exchange.Export(context.Background(), db, &buf, exchange.Options{Format: exchange.FormatBundle,
		Plaintext: true, Operator: coord}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if change != nil {
		data = change(data)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("aprilia-%d.sportello", time.Now().UnixNano()))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func seedDesk(t *testing.T, db *store.DB, n int) {
	t.Helper()
	if _, err := demo.Seed(context.Background(), db, n); err != nil {
		t.Fatal(err)
	}
}

// overlay lists what the dialog on top of the window shows.
func overlay(t *testing.T, u *App) []fyne.CanvasObject {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is shown:\n%s", texts(u))
	}
	return test.LaidOutObjects(top)
}

// plaintextChoice finds the plaintext dialog's checkbox, its warning's
// text when shown, and its Continue button.
func plaintextChoice(t *testing.T, u *App) (*widget.Check, string, *widget.Button) {
	t.Helper()
	var check *widget.Check
	var warning string
	var goOn *widget.Button
	for _, o := range overlay(t, u) {
		switch w := o.(type) {
		case *widget.Check:
			if w.Text == u.t("exchange.plaintext_check") {
				check = w
			}
		case *widget.Label:
			if w.Visible() && w.Text == u.t("exchange.plaintext_warning") {
				warning = w.Text
			}
		case *widget.Button:
			if w.Text == u.t("exchange.plaintext_continue") {
				goOn = w
			}
		}
	}
	if check == nil || goOn == nil {
		t.Fatal("the dialog has no plaintext checkbox or no button to go on")
	}
	return check, warning, goOn
}

// isPrivate fails unless the file at path is its account's only.
func isPrivate(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return // no such permissions
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != exchange.PrivateMode {
		t.Errorf("%s: %v, want mode %v", path, err, exchange.PrivateMode)
	}
}

// A full export names people: with no recipient set it is refused, saying
// why, and a coordinator may write it in plaintext only by ticking a box,
// off by default, that warns; it is then written, private, and logged so.
func TestExportXLSXIsWrittenAndLogged(t *testing.T) {
	u, db, _ := signedInApp(t)
	seedDesk(t, db, 6)
	v := showExchange(t, u)
	if !strings.Contains(texts(u), u.t("exchange.log_empty")) || !strings.Contains(texts(u), u.t("exchange.no_recipient")) {
		t.Fatalf("a new desk's exchange screen:\n%s", texts(u))
	}
	if v.encrypt.Checked || !v.encrypt.Disabled() {
		t.Error("encryption is offered with no recipient in the settings")
	}
	v.format.setCode(exchange.FormatXLSX)
	v.mode.setCode(modeFull)
	if v.mode.Disabled() || v.mode.code() != modeFull {
		t.Fatal("a coordinator cannot choose a full export")
	}
	name := suggestedName(v.options())
	if name != "sportello-2026-03-14.xlsx" {
		t.Errorf("suggested file name %q", name)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, name)

	// Export… refuses, says why on the screen, and offers plaintext, unticked.
	test.Tap(button(t, u, u.t("exchange.export_button")))
	if !strings.Contains(texts(u), u.t("exchange.needs_recipient")) {
		t.Fatalf("the refusal is not explained:\n%s", texts(u))
	}
	check, warning, goOn := plaintextChoice(t, u)
	if check.Checked || warning != "" || !goOn.Disabled() {
		t.Fatalf("plaintext is chosen before the box is ticked (ticked %v, warning %q, go on %v)", check.Checked,
			warning, !goOn.Disabled())
	}
	check.SetChecked(true)
	if _, warning, goOn = plaintextChoice(t, u); warning == "" || goOn.Disabled() {
		t.Fatalf("ticking plaintext: warning %q, go on disabled %v", warning, goOn.Disabled())
	}
	check.SetChecked(false)
	if _, warning, goOn = plaintextChoice(t, u); warning != "" || !goOn.Disabled() {
		t.Fatal("unticking plaintext leaves it chosen")
	}
	test.Tap(overlayButton(t, u, u.t("form.cancel")))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Cancel leaves the dialog open")
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("a refused export wrote %d files", len(left))
	}
	// Even asked directly, the window's export refuses, and says why.
	v.onExportTo(path, v.options())
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a full export without a recipient was written")
	}
	if !strings.Contains(texts(u), u.tr.Tf("exchange.export_failed", map[string]any{"Detail": u.t("exchange.needs_recipient")})) {
		t.Errorf("the refused export is not explained:\n%s", texts(u))
	}

	// The coordinator ticks plaintext and goes on.
	var opt exchange.Options
	v.confirmExport(func(o exchange.Options) { opt = o })
	check, _, goOn = plaintextChoice(t, u)
	check.SetChecked(true)
	test.Tap(goOn)
	if !opt.Plaintext || opt.Recipient != "" || opt.Pseudonymised || opt.Format != exchange.FormatXLSX {
		t.Fatalf("the options after choosing plaintext: %+v", opt)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open")
	}
	v.onExportTo(path, opt)

	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Fatalf("no workbook at %s: %v\n%s", path, err, texts(u))
	}
	isPrivate(t, path)
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("the export left %d files in the folder, want the workbook only", len(left))
	}
	if v.progress.Value != 1 {
		t.Errorf("the progress bar stopped at %v", v.progress.Value)
	}
	log, err := db.Exports(context.Background())
	if err != nil || len(log) != 1 || log[0].FileName != name || log[0].Format != exchange.FormatXLSX || log[0].Pseudonymised ||
		log[0].Recipient != "" || log[0].Label != exchange.PlaintextLabel {
		t.Fatalf("export log %+v, %v", log, err)
	}
	screen := texts(u)
	persons := u.N("exchange.count_persons", 6)
	for _, want := range []string{u.tr.Tf("exchange.exported_plaintext", map[string]any{"File": name, "Counts": v.counts(log[0].Counts)}),
		"XLSX · " + u.t("exchange.log_full") + " · " + u.t("exchange.log_plain"), name + " — " + persons} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen does not say %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, u.t("exchange.log_empty")) {
		t.Error("the log still says it is empty")
	}
	// A region's counts are grouped as the language writes numbers.
	want := map[string]string{"it": "10.000 persone, 1 presa in carico", "en": "10,000 persons, 1 case"}[u.tr.Lang()]
	if got := v.counts(map[string]int{"persons": 10000, "cases": 1}); got != want {
		t.Errorf("counts %q, want %q", got, want)
	}
}

// With a recipient in the settings a full export is encrypted for them
// without a question; unticking encryption refuses it and says to tick it.
func TestFullExportIsEncryptedForTheRecipient(t *testing.T) {
	u, db, _ := signedInApp(t)
	seedDesk(t, db, 3)
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveSettings(context.Background(), map[string]string{exchange.SettingRecipient: id.Recipient().String(),
		exchange.SettingRecipientLabel: "Regione Lazio"}, 0); err != nil {
		t.Fatal(err)
	}
	v := showExchange(t, u)
	v.format.setCode(exchange.FormatJSON)
	v.mode.setCode(modeFull)
	if !v.encrypt.Checked {
		t.Fatal("a full export is not encrypted by default")
	}
	var opt exchange.Options
	asked := false
	v.confirmExport(func(o exchange.Options) { opt, asked = o, true })
	if !asked || opt.Recipient != id.Recipient().String() || opt.Plaintext || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("an encrypted full export: asked %v, %+v", asked, opt)
	}
	path := filepath.Join(t.TempDir(), suggestedName(opt))
	v.onExportTo(path, opt)
	sealed, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, texts(u))
	}
	isPrivate(t, path)
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		t.Fatalf("the export is not encrypted for the recipient: %v", err)
	}
	var doc exchange.Document
	if err := json.NewDecoder(r).Decode(&doc); err != nil || doc.Mode != exchange.ModeFull || len(doc.Persons) != 3 {
		t.Fatalf("decrypted: %v, mode %q, %d persons", err, doc.Mode, len(doc.Persons))
	}

	v.encrypt.SetChecked(false)
	asked = false
	v.confirmExport(func(exchange.Options) { asked = true })
	want := u.tr.Tf("exchange.needs_encryption", map[string]any{"Name": "Regione Lazio"})
	if asked || !strings.Contains(texts(u), want) {
		t.Fatalf("an unencrypted full export: went on %v; the screen:\n%s", asked, texts(u))
	}
	plaintextChoice(t, u) // a coordinator may still choose plaintext
}

// A printed document saved to a file is its account's only, as exports are.
func TestSavedPDFIsPrivate(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "rights-PUA-1-ti.pdf")
	wc, err := storage.Writer(storage.NewFileURI(path)) // as the save dialog gives it
	if err != nil {
		t.Fatal(err)
	}
	pdf := []byte("%PDF-1.7 a fictional document")
	if err := savePDF(wc, pdf); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, pdf) {
		t.Fatalf("saved %q, %v", got, err)
	}
	isPrivate(t, path)
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("%d files in the folder, want the document only", len(left))
	}
}

func TestOperatorCannotChooseAFullExport(t *testing.T) {
	u, db, _ := signedInApp(t)
	seedDesk(t, db, 2)
	marco, err := db.OperatorByUsername(context.Background(), "marco")
	if err != nil || marco.IsCoordinator() {
		t.Fatalf("demo operator marco: %+v %v", marco, err)
	}
	u.signedIn(marco)
	v := showExchange(t, u)
	if !v.mode.Disabled() || v.mode.code() != modePseudo || !strings.Contains(texts(u), u.t("exchange.full_coordinator_only")) {
		t.Fatalf("an operator may choose a full export (mode %q):\n%s", v.mode.code(), texts(u))
	}
	v.format.setCode(exchange.FormatBundle)
	if !v.exportBtn.Disabled() || !strings.Contains(texts(u), u.t("exchange.bundle_coordinator_only")) {
		t.Fatal("an operator may make a bundle for another desk")
	}
	v.format.setCode(exchange.FormatCSV)
	if v.exportBtn.Disabled() || v.mode.code() != modePseudo {
		t.Fatal("an operator cannot make a pseudonymised export")
	}
	path := filepath.Join(t.TempDir(), suggestedName(v.options()))
	v.onExportTo(path, v.options())
	isPrivate(t, path)
	log, _ := db.Exports(context.Background())
	if len(log) != 1 || !log[0].Pseudonymised || !strings.HasSuffix(path, "-pseudo-csv.zip") {
		t.Fatalf("an operator's export: %s, log %+v\n%s", path, log, texts(u))
	}
	if !strings.Contains(texts(u), "CSV · "+u.t("exchange.log_pseudonymised")) {
		t.Errorf("the log does not show the pseudonymised export:\n%s", texts(u))
	}
}

// trustDesk makes db accept the key of the desk that signed the bundle at
// path, as its coordinator op does after comparing the fingerprints.
func trustDesk(t *testing.T, db *store.DB, op *model.Operator, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = exchange.Import(context.Background(), db, bytes.NewReader(data), int64(len(data)), exchange.ImportOptions{})
	var unknown *exchange.UnknownDeskError
	if !errors.As(err, &unknown) {
		t.Fatalf("a bundle from a desk not accepted yet: %v", err)
	}
	if err := exchange.TrustDesk(context.Background(), db, unknown.Desk, unknown.PublicKey, op); err != nil {
		t.Fatal(err)
	}
}

func TestImportABundleFromAnotherDesk(t *testing.T) {
	u, db, op := signedInApp(t)
	seedDesk(t, db, 6)
	other, coord := otherDesk(t, 6)
	path := bundleFile(t, other, coord, nil)
	trustDesk(t, db, op, path)
	v := showExchange(t, u)
	v.onImportFrom(path)

	status := v.importStatus.Text
	want := strings.SplitN(u.tr.Tf("exchange.imported", map[string]any{"Desk": "Sportello di Aprilia (PUB)"}), ":", 2)[0]
	if !strings.HasPrefix(status, want+":") || v.importStatus.Importance == widget.DangerImportance {
		t.Fatalf("import result %q, want it to start with %q", status, want)
	}
	if n, _ := db.CountPersons(context.Background(), ""); n != 12 {
		t.Errorf("%d persons after merging 6 into 6", n)
	}
	if op.May(model.PermDuplicates) != strings.Contains(v.importDetail.Text, u.t("duplicates.after_import")) {
		t.Errorf("new files arrived: the hint to look for duplicates is for the coordinator only: %q", v.importDetail.Text)
	}
	theirs, _ := other.FindPersons(context.Background(), model.PersonFilter{})
	if _, err := db.PersonByCaseCode(context.Background(), theirs[0].CaseCode); err != nil || !strings.HasPrefix(theirs[0].CaseCode, "PUB") {
		t.Errorf("the other desk's person %s did not arrive: %v", theirs[0].CaseCode, err)
	}
	// The merge is in the import log, under the file's name.
	v.tabs.SelectIndex(1)
	if !strings.Contains(texts(u), filepath.Base(path)) || !strings.Contains(texts(u), "Sportello di Aprilia") {
		t.Errorf("the import log does not show the merge:\n%s", texts(u))
	}
}

func TestTruncatedBundleIsRefusedAndChangesNothing(t *testing.T) {
	u, db, _ := signedInApp(t)
	seedDesk(t, db, 3)
	other, coord := otherDesk(t, 3)
	path := bundleFile(t, other, coord, func(b []byte) []byte { return b[:len(b)*2/3] })
	ctx := context.Background()
	persons, _ := db.CountPersons(ctx, "")
	rev, _ := db.ChangePosition(ctx)

	u.setLanguage("en") // the refusal comes in the operator's language
	v := showExchange(t, u)
	v.onImportFrom(path)
	if got := v.importStatus.Text; got != u.t("exchange.refused_truncated") || !strings.HasPrefix(got, "The bundle is incomplete") {
		t.Fatalf("truncated bundle: %q", got)
	}
	if v.importStatus.Importance != widget.DangerImportance || !v.importDetail.Visible() || v.importDetail.Text == "" {
		t.Error("the refusal's detail is not shown")
	}
	if n, _ := db.CountPersons(ctx, ""); n != persons {
		t.Errorf("a refused bundle changed the persons: %d, was %d", n, persons)
	}
	if after, _ := db.ChangePosition(ctx); after != rev {
		t.Errorf("a refused bundle moved the change log from %d to %d", rev, after)
	}
}

func TestConflictIsListedAndSettledByTakingTheirs(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	other, coord := otherDesk(t, 3)
	v := showExchange(t, u)
	first := bundleFile(t, other, coord, nil)
	trustDesk(t, db, op, first)
	v.onImportFrom(first)
	if v.importStatus.Importance == widget.DangerImportance {
		t.Fatalf("first import: %s %s", v.importStatus.Text, v.importDetail.Text)
	}
	// The same person changed on both desks since that exchange.
	found, _ := other.FindPersons(ctx, model.PersonFilter{})
	theirs, _ := other.Person(ctx, found[0].ID)
	ours, err := db.PersonByCaseCode(ctx, theirs.CaseCode)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Phone, ours.Phone = "0773 000 111", "0773 000 222"
	if err := other.UpdatePerson(ctx, theirs, coord.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.UpdatePerson(ctx, ours, op.ID); err != nil {
		t.Fatal(err)
	}
	v.onImportFrom(bundleFile(t, other, coord, nil))
	if !strings.Contains(v.importDetail.Text, u.t("exchange.imported_conflicts")) {
		t.Fatalf("second import: %s / %s", v.importStatus.Text, v.importDetail.Text)
	}
	if want := u.tr.Tf("exchange.tab_conflicts_n", map[string]any{"N": 1}); v.conf.Text != want {
		t.Errorf("conflicts tab says %q, want %q", v.conf.Text, want)
	}
	v.tabs.Select(v.conf)
	row := u.tr.Tf("exchange.conflict_row", map[string]any{"Label": theirs.CaseCode + " " + ours.DisplayName(), "Kind": u.t("exchange.entity_person"),
		"Desk": "Sportello di Aprilia"})
	if !strings.Contains(texts(u), row) {
		t.Fatalf("the conflict is not listed as %q:\n%s", row, texts(u))
	}
	viewsBefore := views(t, db, ours.ID)
	test.Tap(button(t, u, u.t("exchange.conflict_open")))
	if views(t, db, ours.ID) != viewsBefore+1 {
		t.Error("looking at a person's conflict is not audited as a view of their data")
	}
	screen := texts(u)
	if !strings.Contains(screen, "0773 000 111") || !strings.Contains(screen, "0773 000 222") {
		t.Fatalf("the two phones are not shown side by side:\n%s", screen)
	}
	if !strings.Contains(screen, u.t("person.phone")) || strings.Contains(screen, "telefono") && u.t("person.phone") != "telefono" {
		t.Errorf("the field is not named as the form names it (%q):\n%s", u.t("person.phone"), screen)
	}
	test.Tap(button(t, u, u.t("exchange.take_theirs")))
	confirm := overlayButton(t, u, u.t("exchange.confirm_yes"))
	test.Tap(confirm)

	if len(v.conflicts.open) != 0 || !strings.Contains(texts(u), u.t("exchange.conflicts_none")) {
		t.Fatalf("conflicts left after settling:\n%s", texts(u))
	}
	if v.conf.Text != u.t("exchange.tab_conflicts") {
		t.Errorf("the conflicts tab still says %q", v.conf.Text)
	}
	if now, _ := db.Person(ctx, ours.ID); now.Phone != "0773 000 111" {
		t.Errorf("taking the other desk's version left the phone %q", now.Phone)
	}
}

// overlayButton finds a button on the dialog on top of the window.
func overlayButton(t *testing.T, u *App, text string) *widget.Button {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q on the dialog", text)
	return nil
}

func TestSettingsForTheExchange(t *testing.T) {
	u, db, _ := signedInApp(t)
	test.Tap(button(t, u, u.t("home.settings")))
	key, err := exchange.DeskRecipient(context.Background(), db)
	if err != nil || !strings.Contains(texts(u), key) {
		t.Fatalf("this desk's public key %q is not shown (%v)", key, err)
	}
	typeInto(t, u, u.t("exchange.prefix"), "p")
	typeInto(t, u, u.t("exchange.recipient_key"), "not a key")
	test.Tap(button(t, u, u.t("settings.save")))
	if got := fieldError(t, u, u.t("exchange.recipient_key")); got != u.t("exchange.recipient_invalid") {
		t.Errorf("a wrong key: %q", got)
	}
	if got := fieldError(t, u, u.t("exchange.prefix")); got != u.t("exchange.prefix_invalid") {
		t.Errorf("a one-letter prefix: %q", got)
	}
	if v, _ := db.Setting(context.Background(), exchange.SettingRecipient); v != "" {
		t.Fatal("a wrong key was saved")
	}
	entry(t, u, u.t("exchange.prefix")).SetText("")
	typeInto(t, u, u.t("exchange.prefix"), "pub")
	entry(t, u, u.t("exchange.recipient_key")).SetText("")
	typeInto(t, u, u.t("exchange.recipient_key"), key)
	typeInto(t, u, u.t("exchange.recipient_name"), "Regione Lazio")
	test.Tap(button(t, u, u.t("settings.save")))
	for k, want := range map[string]string{model.SettingCasePrefix: "PUB", exchange.SettingRecipient: key,
		exchange.SettingRecipientLabel: "Regione Lazio"} {
		if got, _ := db.Setting(context.Background(), k); got != want {
			t.Errorf("%s saved as %q, want %q", k, got, want)
		}
	}
	// The exchange screen now offers to encrypt for that recipient.
	v := showExchange(t, u)
	want := u.tr.Tf("exchange.encrypt_for", map[string]any{"Name": "Regione Lazio"})
	if v.encrypt.Disabled() || v.encrypt.Text != want {
		t.Fatalf("encryption: disabled %v, %q", v.encrypt.Disabled(), v.encrypt.Text)
	}
	v.encrypt.SetChecked(true)
	if name := suggestedName(v.options()); !strings.HasSuffix(name, ".xlsx.age") {
		t.Errorf("an encrypted export is suggested as %q", name)
	}
}

// Every reason a bundle can be refused has its own message, in both languages.
func TestEveryRefusalIsExplained(t *testing.T) {
	codes := []string{exchange.BundleNotBundle, exchange.BundleTruncated, exchange.BundleTampered, exchange.BundleVersion,
		exchange.BundleMalformed, exchange.BundlePseudonym, exchange.BundleOwnDesk, exchange.BundleEncrypted,
		exchange.BundleCaseCodes, exchange.BundleReferences, exchange.BundleUnknownDesk, exchange.BundleDuplicate,
		exchange.BundleNUL, exchange.BundleUTF8}
	u, _ := newTestApp(t)
	for _, lang := range []string{"it", "en"} {
		u.tr = locales.New(lang)
		seen := map[string]string{}
		for _, c := range codes {
			key, ok := refusalKeys[c]
			if !ok {
				t.Fatalf("no message for refusal %q", c)
			}
			msg := u.t(key)
			if msg == key || seen[msg] != "" {
				t.Errorf("%s: refusal %q says %q (also said for %q)", lang, c, msg, seen[msg])
			}
			seen[msg] = c
		}
	}
}

// views counts the audited looks at a person's data.
func views(t *testing.T, db *store.DB, personID int64) int {
	t.Helper()
	events, err := db.AuditTrail(context.Background(), "person", personID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range events {
		if e.Action == model.ActionView {
			n++
		}
	}
	return n
}

// A bundle from a desk not accepted yet is refused and changes nothing; the
// screen names the desk and shows its key's fingerprint, in large digits
// and as a QR code, with what to do. An operator gets no button; a
// coordinator's "Accept this desk's key" records the key and imports the
// same file.
func TestUnknownDeskShowsItsFingerprintAndACoordinatorAcceptsIt(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	seedDesk(t, db, 2)
	other, coord := otherDesk(t, 3)
	path := bundleFile(t, other, coord, nil)
	fp, err := exchange.DeskFingerprint(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	persons, _ := db.CountPersons(ctx, "")
	rev, _ := db.ChangePosition(ctx)

	marco, err := db.OperatorByUsername(ctx, "marco")
	if err != nil {
		t.Fatal(err)
	}
	u.signedIn(marco)
	v := showExchange(t, u)
	v.tabs.SelectIndex(1)
	v.onImportFrom(path)
	if v.importStatus.Text != u.t("exchange.refused_unknown_desk") || v.importStatus.Importance != widget.DangerImportance {
		t.Fatalf("a bundle from a desk not accepted: %q", v.importStatus.Text)
	}
	screen := texts(u)
	for _, want := range []string{fingerprintLines(fp), u.t("exchange.trust_coordinator_only"),
		u.tr.Tf("exchange.trust_instruction", map[string]any{"Desk": "Sportello di Aprilia (PUB)"})} {
		if !strings.Contains(screen, want) {
			t.Errorf("the refusal does not show %q:\n%s", want, screen)
		}
	}
	if v.trust.digits.SizeName != theme.SizeNameHeadingText || strings.Count(v.trust.digits.Text, "\n") != 2 {
		t.Errorf("the fingerprint is not in large digits, three lines of four groups: %q", v.trust.digits.Text)
	}
	want, _ := qrImage(fp)
	if !v.trust.qr.Visible() || v.trust.qr.Image == nil || v.trust.qr.Image.Bounds() != want.Bounds() {
		t.Error("no QR code of the fingerprint")
	}
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Visible() && b.Text == u.t("exchange.trust_accept") {
			t.Fatal("an operator is offered to accept another desk's key")
		}
	}
	if n, _ := db.CountPersons(ctx, ""); n != persons {
		t.Errorf("a refused bundle changed the persons: %d, was %d", n, persons)
	}
	if after, _ := db.ChangePosition(ctx); after != rev {
		t.Errorf("a refused bundle moved the change log from %d to %d", rev, after)
	}

	u.signedIn(op)
	v = showExchange(t, u)
	v.tabs.SelectIndex(1)
	v.onImportFrom(path)
	test.Tap(button(t, u, u.t("exchange.trust_accept")))
	imported := strings.SplitN(u.tr.Tf("exchange.imported", map[string]any{"Desk": "Sportello di Aprilia (PUB)"}), ":", 2)[0]
	if !strings.HasPrefix(v.importStatus.Text, imported+":") || v.trust.box.Visible() {
		t.Fatalf("after accepting the key: %q, panel shown %v", v.importStatus.Text, v.trust.box.Visible())
	}
	if n, _ := db.CountPersons(ctx, ""); n != persons+3 {
		t.Errorf("%d persons after accepting the desk and merging 3 into %d", n, persons)
	}
	events, _ := db.AuditTrail(ctx, "desk", 1)
	if len(events) != 1 || events[0].Action != model.ActionTrust || events[0].OperatorID != op.ID {
		t.Errorf("the acceptance is not audited with the coordinator: %+v", events)
	}
}

// Settings show this desk's own fingerprint, for the other desks to compare.
func TestSettingsShowThisDesksFingerprint(t *testing.T) {
	u, db, _ := signedInApp(t)
	test.Tap(button(t, u, u.t("home.settings")))
	fp, err := exchange.DeskFingerprint(context.Background(), db)
	if err != nil || !strings.Contains(texts(u), fingerprintLines(fp)) || !strings.Contains(texts(u), u.t("exchange.desk_fingerprint")) {
		t.Fatalf("this desk's fingerprint %q is not shown (%v):\n%s", fp, err, texts(u))
	}
}

// TestSettingsRegionalKey: the region's key is typed, never shown; a wrong
// one is refused on its field and nothing is saved; a right one is kept
// and named by its fingerprint; leaving the field empty keeps it.
func TestSettingsRegionalKey(t *testing.T) {
	u, db, _ := signedInApp(t)
	ctx := context.Background()
	test.Tap(button(t, u, u.t("home.settings")))
	typeInto(t, u, u.t("exchange.regional_key"), "short")
	test.Tap(button(t, u, u.t("settings.save")))
	if got := fieldError(t, u, u.t("exchange.regional_key")); got != u.t("exchange.regional_key_invalid") {
		t.Errorf("a wrong regional key: %q", got)
	}
	if k, _ := exchange.RegionalKey(ctx, db); k != nil {
		t.Fatal("a wrong regional key was saved")
	}
	key, err := exchange.NewRegionalKey()
	if err != nil {
		t.Fatal(err)
	}
	entry(t, u, u.t("exchange.regional_key")).SetText(key)
	test.Tap(button(t, u, u.t("settings.save")))
	saved, err := exchange.RegionalKey(ctx, db)
	want, _ := exchange.ParseRegionalKey(key)
	if err != nil || string(saved) != string(want) {
		t.Fatalf("the regional key saved: %x %v", saved, err)
	}
	test.Tap(button(t, u, u.t("home.settings")))
	e := entry(t, u, u.t("exchange.regional_key"))
	if e.Text != "" || !strings.Contains(e.PlaceHolder, exchange.RegionalKeyFingerprint(want)) || strings.Contains(texts(u), key) {
		t.Errorf("the key should show as its fingerprint only: %q %q", e.Text, e.PlaceHolder)
	}
	test.Tap(button(t, u, u.t("settings.save"))) // empty: kept
	if again, _ := exchange.RegionalKey(ctx, db); string(again) != string(want) {
		t.Error("saving the settings with the field empty lost the regional key")
	}
}
