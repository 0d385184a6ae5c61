package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"sportello/model"
)

// A pseudonymised export names nobody, keeps the same pseudonym for the
// same person across exports, and still follows the schema.
func TestPseudonymisedExport(t *testing.T) {
	db, coord := seeded(t, "PUA", 10)
	// An interview with free text, which must not leave the desk.
	persons, _ := db.FindPersons(context.Background(), model.PersonFilter{Limit: 1})
	cases, _ := db.CasesOf(context.Background(), persons[0].ID)
	if err := db.CreateInterview(context.Background(), &model.Interview{CaseID: cases[0].ID, Date: time.Now().Add(-time.Hour),
		Kind: model.InterviewFollowUp, Place: model.PlaceDesk, Notes: "Parla del cugino a Fondi",
		Answers: []model.Answer{{QuestionID: "skills.qualification", Value: "Diploma di meccanico, Sylhet"},
			{QuestionID: "skills.education", Value: "lse"}}}, coord.ID); err != nil {
		t.Fatal(err)
	}
	full, _ := export(t, db, Options{Format: FormatJSON, Plaintext: true, Operator: coord})
	var doc Document
	if err := json.Unmarshal(full, &doc); err != nil {
		t.Fatal(err)
	}
	clerk := &model.Operator{ID: 2, Role: model.RoleOperator}
	first, _ := export(t, db, Options{Format: FormatJSON, Pseudonymised: true, Operator: clerk})
	second, _ := export(t, db, Options{Format: FormatJSON, Pseudonymised: true})
	if err := ValidateJSON(first); err != nil {
		t.Fatalf("pseudonymised export against the schema: %v", err)
	}
	for _, p := range doc.Persons {
		for _, secret := range []string{p.Cognome, p.Nome, p.OwnScriptName, p.CaseCode, p.CodiceFiscale, p.Telefono,
			p.ID} {
			if len(secret) > 3 && bytes.Contains(first, []byte(secret)) {
				t.Errorf("the pseudonymised export holds %q", secret)
			}
		}
	}
	for _, iv := range doc.Interviews {
		if iv.Notes != "" && bytes.Contains(first, []byte(iv.Notes)) {
			t.Errorf("the pseudonymised export holds interview notes %q", iv.Notes)
		}
	}
	var a, b Document
	json.Unmarshal(first, &a)
	json.Unmarshal(second, &b)
	text := textQuestions(questionnaires())
	if len(text) == 0 {
		t.Fatal("the questionnaire has no free-text questions to leave out?")
	}
	fullText := 0
	for _, iv := range doc.Interviews {
		for _, ans := range iv.Answers {
			if q, _ := model.SplitAnswerID(ans.QuestionID); text[q] {
				fullText++
			}
		}
	}
	if fullText == 0 {
		t.Fatal("the demo gives no free-text answer, so this test could not see one leak")
	}
	kept := 0
	for _, iv := range a.Interviews {
		for _, ans := range iv.Answers {
			if q, _ := model.SplitAnswerID(ans.QuestionID); text[q] {
				t.Errorf("a free-text answer (%s) is in the pseudonymised export", ans.QuestionID)
			}
			kept++
		}
	}
	if kept == 0 {
		t.Error("the pseudonymised export lost the coded answers too")
	}
	if len(a.Persons) != len(doc.Persons) || a.Mode != ModePseudonymised {
		t.Fatalf("%d persons, mode %q", len(a.Persons), a.Mode)
	}
	for i := range a.Persons {
		if a.Persons[i].ID != b.Persons[i].ID || a.Persons[i].ID == doc.Persons[i].ID {
			t.Fatal("a person's pseudonym must be stable across exports and differ from the ID")
		}
	}
	// The references still join: every case's person is among the persons.
	ids := map[string]bool{}
	for _, p := range a.Persons {
		ids[p.ID] = true
	}
	for _, c := range a.Cases {
		if !ids[c.PersonID] {
			t.Fatalf("case %s refers to a person not in the export", c.ID)
		}
	}
	// A full export needs a coordinator; a bundle is never pseudonymised.
	var sink bytes.Buffer
	if _, err := Export(context.Background(), db, &sink, Options{Format: FormatJSON, Operator: clerk}); !errors.Is(err, ErrNeedsCoordinator) {
		t.Errorf("a full export by an operator: %v", err)
	}
	if _, err := Export(context.Background(), db, &sink, Options{Format: FormatBundle, Pseudonymised: true}); !errors.Is(err, ErrBundlePseudonymised) {
		t.Errorf("a pseudonymised bundle: %v", err)
	}
	if sink.Len() != 0 {
		t.Error("a refused export wrote something")
	}
}

// An incremental export holds what changed since the last export to the
// same recipient, and the export log says so.
func TestIncrementalExport(t *testing.T) {
	ctx := context.Background()
	db, coord := seeded(t, "PUA", 8)
	id, _ := age.GenerateX25519Identity()
	opt := Options{Format: FormatJSON, Operator: coord, Recipient: id.Recipient().String(), Label: "Regione", Incremental: true}
	_, first := export(t, db, opt)
	if first.Since != "" || first.Counts["persons"] != 8 {
		t.Fatalf("the first incremental export should be complete: %+v", first)
	}
	if err := LogExport(ctx, db, opt, first, "one.json.age"); err != nil {
		t.Fatal(err)
	}
	persons, _ := db.FindPersons(ctx, model.PersonFilter{Limit: 1})
	p, _ := db.Person(ctx, persons[0].ID)
	p.Phone = "0773 123 456"
	if err := db.UpdatePerson(ctx, p, coord.ID); err != nil {
		t.Fatal(err)
	}
	out, second := export(t, db, opt)
	if second.Since == "" || second.Counts["persons"] != 1 || second.Counts["interviews"] != 0 {
		t.Fatalf("the second export should hold the one changed person: %+v", second)
	}
	r, err := age.Decrypt(bytes.NewReader(out), id)
	if err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	plain.ReadFrom(r)
	var doc Document
	if err := json.Unmarshal(plain.Bytes(), &doc); err != nil || doc.Scope.Kind != ScopeIncremental ||
		doc.Persons[0].Telefono != "0773 123 456" {
		t.Fatalf("decrypted: %v %+v", err, doc.Scope)
	}
	log, err := db.Exports(ctx)
	if err != nil || len(log) != 1 || log[0].Label != "Regione" || log[0].Counts["persons"] != 8 || log[0].SHA256 != first.SHA256 {
		t.Fatalf("export log: %+v %v", log, err)
	}
}

// Every format is written and reads back with the document's records.
func TestFormats(t *testing.T) {
	db, coord := seeded(t, "PUA", 5)
	j, _ := export(t, db, Options{Format: FormatJSON, Plaintext: true, Operator: coord})
	var doc Document
	json.Unmarshal(j, &doc)
	want := doc.Tables()
	c, _ := export(t, db, Options{Format: FormatCSV, Plaintext: true, Operator: coord})
	fromCSV, err := ReadCSV(bytes.NewReader(c), int64(len(c)))
	if err != nil {
		t.Fatal(err)
	}
	x, _ := export(t, db, Options{Format: FormatXLSX, Plaintext: true, Operator: coord})
	fromXLSX, err := ReadXLSX(bytes.NewReader(x), int64(len(x)))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < min(len(fromXLSX), len(fromCSV)); i++ { // the export's row, its time apart
		if x, c := fromXLSX[i], fromCSV[i]; !reflect.DeepEqual(x, c) {
			t.Errorf("table %s: XLSX %q\nCSV %q", x.Name, x, c)
		}
	}
	for _, got := range [][]Table{fromCSV, fromXLSX} {
		if len(got) != len(want) {
			t.Fatalf("%d tables, want %d", len(got), len(want))
		}
		for i := range want {
			if got[i].Name != want[i].Name || len(got[i].Rows) != len(want[i].Rows) {
				t.Errorf("table %s: %d rows, want %s with %d", got[i].Name, len(got[i].Rows), want[i].Name, len(want[i].Rows))
			}
		}
	}
}

// The age command decrypts an export with the matching identity, as the
// region would.
func TestAgeToolDecrypts(t *testing.T) {
	tool, err := exec.LookPath("age")
	if err != nil {
		t.Skip("the age command is not installed (make test installs it): " + err.Error())
	}
	db, coord := seeded(t, "PUA", 3)
	id, _ := age.GenerateX25519Identity()
	out, _ := export(t, db, Options{Format: FormatJSON, Pseudonymised: true, Operator: coord,
		Recipient: id.Recipient().String()})
	dir := t.TempDir()
	key, file := filepath.Join(dir, "key.txt"), filepath.Join(dir, "export.json.age")
	os.WriteFile(key, []byte("# fictional test identity\n"+id.String()+"\n"), 0o600)
	os.WriteFile(file, out, 0o600)
	plain, err := exec.Command(tool, "-d", "-i", key, file).Output()
	if err != nil {
		t.Fatalf("age -d: %v", err)
	}
	if err := ValidateJSON(plain); err != nil {
		t.Fatalf("decrypted export against the schema: %v", err)
	}
	if !strings.Contains(string(plain), `"mode": "pseudonymised"`) {
		t.Error("the decrypted export is not the pseudonymised document")
	}
}

// FuzzReadBundle: whatever the bytes, reading a bundle never panics, and
// what it accepts follows the schema.
func FuzzReadBundle(f *testing.F) {
	db, coord := seeded(f, "PUA", 2)
	good, _ := export(f, db, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("age-encryption.org/v1\n"))
	f.Add([]byte(`{"format":"sportello-exchange"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, doc, err := readBundle(b)
		if err != nil {
			var be *BundleError
			if !errors.As(err, &be) {
				t.Fatalf("a refusal without a reason: %v", err)
			}
			return
		}
		data, _ := json.Marshal(doc)
		if err := ValidateJSON(data); err != nil {
			t.Fatalf("an accepted bundle does not follow the schema: %v", err)
		}
	})
}

// An XLSX export with a table longer than a sheet is refused with a
// message that names the table and offers CSV; nothing is written.
func TestXLSXTooLongIsRefused(t *testing.T) {
	db, coord := seeded(t, "PUA", 3)
	old := maxSheetRows
	maxSheetRows = 10
	defer func() { maxSheetRows = old }()
	var out bytes.Buffer
	_, err := Export(context.Background(), db, &out, Options{Format: FormatXLSX, Plaintext: true, Operator: coord})
	if model.ErrorCode(err) != model.ErrTooManyRows || !strings.Contains(err.Error(), "answers") || !strings.Contains(err.Error(), "CSV") {
		t.Fatalf("got %v", err)
	}
	if out.Len() != 0 {
		t.Error("a refused export wrote something")
	}
	if _, err := Export(context.Background(), db, &out, Options{Format: FormatCSV, Plaintext: true, Operator: coord}); err != nil {
		t.Errorf("CSV has no such limit: %v", err)
	}
}

// The import log names the file by the SHA-256 the sender's export log
// gives it, encrypted or not: a coordinator can match the two.
func TestImportLogMatchesExportLog(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PUA", 2)
	b := desk(t, "PUB")
	bundle, res := bundleFor(t, a, coord, b)
	in, err := importBytes(ctx, b, bundle, ImportOptions{})
	if err != nil {
		t.Fatalf("a bundle encrypted for this desk: %v", err)
	}
	log, err := b.Imports(ctx)
	if err != nil || len(log) != 1 || log[0].ID != in.ImportID || log[0].BundleSHA != res.SHA256 {
		t.Fatalf("import log %+v (%v), export SHA %s", log, err, res.SHA256)
	}
}
