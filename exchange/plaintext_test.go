package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"sportello/model"
)

// A full export names people: it is written only encrypted, unless a
// coordinator asks for plaintext. Pseudonymised exports may go without a
// recipient, as before. A refused export writes nothing.
func TestFullExportIsEncryptedUnlessPlaintext(t *testing.T) {
	db, coord := seeded(t, "PUA", 3)
	clerk := &model.Operator{ID: 2, Role: model.RoleOperator}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	key := id.Recipient().String()
	tests := []struct {
		name    string
		opt     Options
		want    error  // nil: written
		mode    string // of the document written
		sealed  bool   // encrypted for id
		hasName bool   // the document names the persons
	}{
		{name: "full json, no recipient", opt: Options{Format: FormatJSON, Operator: coord}, want: ErrNeedsRecipient},
		{name: "full csv, no recipient", opt: Options{Format: FormatCSV, Operator: coord}, want: ErrNeedsRecipient},
		{name: "full xlsx, no recipient", opt: Options{Format: FormatXLSX, Operator: coord}, want: ErrNeedsRecipient},
		{name: "bundle, no recipient", opt: Options{Format: FormatBundle, Operator: coord}, want: ErrNeedsRecipient},
		{name: "changes since the last export, no recipient", opt: Options{Format: FormatJSON, Operator: coord,
			Incremental: true}, want: ErrNeedsRecipient},
		{name: "plaintext by an operator", opt: Options{Format: FormatJSON, Plaintext: true, Operator: clerk},
			want: ErrNeedsCoordinator},
		{name: "plaintext by nobody", opt: Options{Format: FormatCSV, Plaintext: true}, want: ErrNeedsCoordinator},
		{name: "plaintext and a recipient", opt: Options{Format: FormatJSON, Plaintext: true, Recipient: key,
			Operator: coord}, want: ErrPlaintextWithRecipient},
		{name: "pseudonymised, plaintext and a recipient", opt: Options{Format: FormatJSON, Pseudonymised: true,
			Plaintext: true, Recipient: key, Operator: clerk}, want: ErrPlaintextWithRecipient},
		{name: "plaintext by a coordinator", opt: Options{Format: FormatJSON, Plaintext: true, Operator: coord},
			mode: ModeFull, hasName: true},
		{name: "full, encrypted for the recipient", opt: Options{Format: FormatJSON, Recipient: key, Operator: coord},
			mode: ModeFull, sealed: true, hasName: true},
		{name: "pseudonymised by an operator, no recipient", opt: Options{Format: FormatJSON, Pseudonymised: true,
			Operator: clerk}, mode: ModePseudonymised},
		{name: "pseudonymised by nobody, no recipient", opt: Options{Format: FormatJSON, Pseudonymised: true},
			mode: ModePseudonymised},
		{name: "pseudonymised, encrypted", opt: Options{Format: FormatJSON, Pseudonymised: true, Recipient: key},
			mode: ModePseudonymised, sealed: true},
	}
	persons, err := db.FindPersons(context.Background(), model.PersonFilter{Limit: 1})
	if err != nil || len(persons) == 0 {
		t.Fatal(persons, err)
	}
	name := persons[0].FamilyName
	if len(name) < 4 {
		t.Fatalf("the demo's family name %q is too short to look for", name)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckOptions(tt.opt); !errors.Is(err, tt.want) {
				t.Errorf("CheckOptions: %v, want %v", err, tt.want)
			}
			var out bytes.Buffer
			_, err := Export(context.Background(), db, &out, tt.opt)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("got %v, want %v", err, tt.want)
				}
				if out.Len() != 0 {
					t.Errorf("a refused export wrote %d bytes", out.Len())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			data := out.Bytes()
			if tt.sealed {
				if bytes.Contains(data, []byte(`"format"`)) {
					t.Fatal("an encrypted export holds plain JSON")
				}
				r, err := age.Decrypt(bytes.NewReader(data), id)
				if err != nil {
					t.Fatalf("decrypting: %v", err)
				}
				if data, err = io.ReadAll(r); err != nil {
					t.Fatal(err)
				}
			}
			var doc Document
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatalf("not a document: %v", err)
			}
			if doc.Mode != tt.mode {
				t.Errorf("mode %q, want %q", doc.Mode, tt.mode)
			}
			if named := bytes.Contains(data, []byte(name)); named != tt.hasName {
				t.Errorf("the document names %q: %v, want %v", name, named, tt.hasName)
			}
		})
	}
}

// The refusals say what they are about, in a form the window and the
// command line can put in the user's language.
func TestPlaintextErrors(t *testing.T) {
	if model.ErrorCode(ErrNeedsRecipient) != model.ErrRequired || ErrNeedsRecipient.Field != "recipient" ||
		!strings.Contains(ErrNeedsRecipient.Error(), "encrypted") {
		t.Errorf("ErrNeedsRecipient: %+v", ErrNeedsRecipient)
	}
	if model.ErrorCode(ErrPlaintextWithRecipient) != model.ErrInvalid || ErrPlaintextWithRecipient.Field != "recipient" ||
		!strings.Contains(ErrPlaintextWithRecipient.Error(), "plaintext") {
		t.Errorf("ErrPlaintextWithRecipient: %+v", ErrPlaintextWithRecipient)
	}
}

// The export log and the audit trail say that a full export was written in
// plaintext; an encrypted or pseudonymised one is not called so.
func TestPlaintextExportIsLoggedAndAudited(t *testing.T) {
	ctx := context.Background()
	db, coord := seeded(t, "PUA", 2)
	id, _ := age.GenerateX25519Identity()
	runs := []struct {
		opt       Options
		plaintext bool
	}{
		{Options{Format: FormatCSV, Plaintext: true, Operator: coord}, true},
		{Options{Format: FormatJSON, Recipient: id.Recipient().String(), Label: "Regione", Operator: coord}, false},
		{Options{Format: FormatJSON, Pseudonymised: true, Operator: coord}, false},
	}
	for _, r := range runs {
		res := func() *Result { _, res := export(t, db, r.opt); return res }()
		if err := LogExport(ctx, db, r.opt, res, "file"); err != nil {
			t.Fatal(err)
		}
	}
	log, err := db.Exports(ctx)
	if err != nil || len(log) != len(runs) {
		t.Fatalf("export log %+v, %v", log, err)
	}
	for i, r := range runs {
		e := log[len(log)-1-i] // newest first
		if got := e.Label == PlaintextLabel && e.Recipient == "" && !e.Pseudonymised; got != r.plaintext {
			t.Errorf("%s export logged as %+v: plaintext %v, want %v", e.Format, e, got, r.plaintext)
		}
		if r.opt.Label != "" && e.Label != r.opt.Label {
			t.Errorf("the recipient's name %q became %q", r.opt.Label, e.Label)
		}
		trail, err := db.AuditTrail(ctx, "export", e.ID)
		if err != nil || len(trail) != 1 || trail[0].Action != model.ActionExport || trail[0].OperatorID != coord.ID {
			t.Fatalf("audit of export %d: %+v %v", e.ID, trail, err)
		}
		if got := strings.Contains(trail[0].Detail, PlaintextLabel); got != r.plaintext {
			t.Errorf("audit detail %q: says plaintext %v, want %v", trail[0].Detail, got, r.plaintext)
		}
	}
}

// A folder that cannot be written to is a FileError, not the writer's.
func TestWritePrivateFileInAMissingFolder(t *testing.T) {
	called := false
	err := WritePrivateFile(filepath.Join(t.TempDir(), "no", "such", "file"), func(*os.File) error {
		called = true
		return nil
	})
	var fe *FileError
	if !errors.As(err, &fe) || called {
		t.Fatalf("got %v (writer called: %v)", err, called)
	}
}
