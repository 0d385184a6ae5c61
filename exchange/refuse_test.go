package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"filippo.io/age"

	"sportello/model"
	"sportello/store"
)

// rezip rewrites a bundle, changing one of its files.
func rezip(t testing.TB, b []byte, name string, change func([]byte) []byte) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range z.File {
		r, _ := f.Open()
		data, _ := io.ReadAll(r)
		if f.Name == name {
			data = change(data)
		}
		fw, _ := w.Create(f.Name)
		fw.Write(data)
	}
	w.Close()
	return out.Bytes()
}

// Every bad bundle is refused with its reason, and the desk is unchanged.
func TestImportRefusals(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PUA", 4)
	good, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	other, _ := age.GenerateX25519Identity()
	forOther, _ := export(t, a, Options{Format: FormatBundle, Operator: coord, Recipient: other.Recipient().String()})
	plainJSON, _ := export(t, a, Options{Format: FormatJSON, Plaintext: true, Operator: coord})
	known := desk(t, "PUB") // has merged A's work before, so knows A's key
	accept(t, known, good)
	if _, err := importBytes(ctx, known, good, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	clash2, _ := seeded(t, "PUA", 2)
	accept(t, clash2, good)
	trusting := desk(t, "PUB") // accepted A's key, merged nothing yet
	accept(t, trusting, good)
	kA, err := deskKeys(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	// Bundles A itself could sign, with what no bundle may hold.
	signed := func(change func(*Document)) []byte {
		_, doc, err := readBundle(good)
		if err != nil {
			t.Fatal(err)
		}
		change(doc)
		var out bytes.Buffer
		if err := writeBundle(&out, doc, kA.signing); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}

	tests := []struct {
		name string
		db   *store.DB // nil: a new empty desk
		data []byte
		code string
	}{
		{"truncated", nil, good[:len(good)*2/3], BundleTruncated},
		{"empty", nil, nil, BundleNotBundle},
		{"not a bundle", nil, plainJSON, BundleNotBundle},
		{"data changed", nil, rezip(t, good, dataName, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"status":"open"`), []byte(`"status":"closed"`), 1)
		}), BundleTampered},
		{"manifest changed", nil, rezip(t, good, manifestName, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"persons": 4`), []byte(`"persons": 5`), 1)
		}), BundleTampered},
		{"foreign version", nil, rezip(t, good, manifestName, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"format_version": "`+FormatVersion+`"`), []byte(`"format_version": "2.0"`), 1)
		}), BundleVersion},
		{"re-signed by another key", known, resign(t, good), BundleTampered},
		{"encrypted for another desk", nil, forOther, BundleEncrypted},
		{"own desk", a, good, BundleOwnDesk},
		{"case codes collide", clash2, good, BundleCaseCodes},
		{"from a desk not accepted", nil, good, BundleUnknownDesk},
		{"a person twice", trusting, signed(func(d *Document) {
			twin := d.Persons[1]
			twin.ID = d.Persons[0].ID
			d.Persons = append(d.Persons, twin)
		}), BundleDuplicate},
		{"a consent twice", trusting, signed(func(d *Document) { d.Consents = append(d.Consents, d.Consents[0]) }), BundleDuplicate},
		{"a NUL in a name", trusting, signed(func(d *Document) { d.Persons[0].Nome += "\x00" }), BundleNUL},
		{"a NUL in a note", trusting, signed(func(d *Document) { d.Interviews[0].Notes = "prima\x00dopo" }), BundleNUL},
		{"bytes that are not UTF-8", trusting, resignData(t, good, kA.signing, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"cognome":"`), []byte("\"cognome\":\"\xff\xfe"), 1)
		}), BundleUTF8},
		{"half a UTF-16 pair", trusting, resignData(t, good, kA.signing, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"cognome":"`), []byte(`"cognome":"\ud800`), 1)
		}), BundleUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := tc.db
			if db == nil {
				db = desk(t, "PUB")
			}
			before := state(t, db)
			_, err := importBytes(ctx, db, tc.data, ImportOptions{})
			var be *BundleError
			if !errors.As(err, &be) || be.Code != tc.code {
				t.Fatalf("got %v, want a refusal %q", err, tc.code)
			}
			if after := state(t, db); after != before {
				t.Fatalf("a refused import changed the desk:\n%s\n---\n%s", before, after)
			}
		})
	}
}

// A bundle encrypted for the desk, changed or cut short anywhere in its
// encrypted chunks, is refused before anything is merged, and the desk is
// unchanged; the same bundle intact merges. The bundle is decrypted a chunk
// at a time as it is read, never whole in memory.
func TestImportEncryptedRefusals(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PUA", 240)
	b := desk(t, "PUB")
	good, _ := bundleFor(t, a, coord, b)
	if len(good) < 3*64<<10 {
		t.Fatalf("a bundle of %d bytes has too few chunks to spoil in the middle", len(good))
	}
	flip := func(at int) []byte {
		bad := bytes.Clone(good)
		bad[at] ^= 0x20
		return bad
	}
	for _, tc := range []struct {
		name  string
		data  []byte
		codes []string
	}{
		{"cut in the middle", good[:len(good)/2], []string{BundleTampered}},
		{"cut by one byte", good[:len(good)-1], []string{BundleTampered}},
		{"a byte changed in the first chunk", flip(300), []string{BundleTampered}},
		{"a byte changed in a middle chunk", flip(len(good) / 2), []string{BundleTampered}},
		{"a byte changed in the last chunk", flip(len(good) - 5), []string{BundleTampered}},
		{"a byte changed in the header", flip(40), []string{BundleTruncated, BundleEncrypted}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := state(t, b)
			_, err := importBytes(ctx, b, tc.data, ImportOptions{})
			var be *BundleError
			if !errors.As(err, &be) || !slices.Contains(tc.codes, be.Code) {
				t.Fatalf("got %v, want a refusal %q", err, tc.codes)
			}
			if after := state(t, b); after != before {
				t.Fatalf("a refused import changed the desk:\n%s\n---\n%s", before, after)
			}
		})
	}
	if _, err := importBytes(ctx, b, good, ImportOptions{}); err != nil {
		t.Fatalf("the intact bundle: %v", err)
	}
}

// resign replaces a bundle's signature with one by a stranger's key, as
// someone who changed the data would have to.
func resign(t testing.TB, good []byte) []byte {
	t.Helper()
	_, stranger, _ := ed25519.GenerateKey(nil)
	_, doc, err := readBundle(good)
	if err != nil {
		t.Fatal(err)
	}
	doc.Persons[0].Telefono = "000"
	var out bytes.Buffer
	if err := writeBundle(&out, doc, stranger); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A pseudonymised export cannot be merged; the refusal says so.
func TestImportRefusesPseudonymised(t *testing.T) {
	a, coord := seeded(t, "PUA", 2)
	k, err := deskKeys(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	data := bundleData(t, mustExport(t, a, coord))
	var doc Document
	json.Unmarshal(data, &doc)
	(&pseudonymiser{key: k.pseudonym}).pseudonymise(&doc)
	var out bytes.Buffer
	writeBundle(&out, &doc, k.signing)
	_, err = importBytes(context.Background(), desk(t, "PUB"), out.Bytes(), ImportOptions{})
	var be *BundleError
	if !errors.As(err, &be) || be.Code != BundlePseudonym || !strings.Contains(err.Error(), "pseudonymised") {
		t.Fatalf("got %v", err)
	}
}

func mustExport(t testing.TB, db *store.DB, coord *model.Operator) []byte {
	b, _ := export(t, db, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	return b
}

// resignData changes a bundle's data.json as bytes and signs it again with
// key, as the desk owning key could: a bundle whose signature holds.
func resignData(t testing.TB, b []byte, key ed25519.PrivateKey, change func([]byte) []byte) []byte {
	t.Helper()
	man, _, err := readBundle(b)
	if err != nil {
		t.Fatal(err)
	}
	data := change(bundleData(t, b))
	sum := sha256.Sum256(data)
	m := *man
	m.DataSHA256, m.Signature = hex.EncodeToString(sum[:]), ""
	unsigned, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	m.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, unsigned))
	manifest, _ := json.MarshalIndent(m, "", "  ")
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range []struct {
		name string
		data []byte
	}{{dataName, data}, {manifestName, manifest}} {
		fw, _ := w.Create(f.name)
		fw.Write(f.data)
	}
	w.Close()
	return out.Bytes()
}

// The text guard sees what JSON decoding would pass on or change, however
// the file is cut into reads, and lets every real text through.
func TestTextGuard(t *testing.T) {
	tests := []struct {
		name, data, code string
	}{
		{"plain", `{"a":"Traoré, ترجمة, 中文 \\u0000 \"x\" \n"}`, ""},
		{"surrogate pair", `{"a":"\ud83d\ude00"}`, ""},
		{"replacement character typed", "{\"a\":\"\uFFFD\"}", ""},
		{"escaped NUL", `{"a":"x\u0000"}`, BundleNUL},
		{"raw NUL", "{\"a\":\"x\x00\"}", BundleNUL},
		{"invalid byte", "{\"a\":\"x\xc3\x28\"}", BundleUTF8},
		{"UTF-8 surrogate", "{\"a\":\"\xed\xa0\x80\"}", BundleUTF8},
		{"cut at the end", "{\"a\":\"\xe4\xb8", BundleUTF8},
		{"lone high surrogate", `{"a":"\ud800x"}`, BundleUTF8},
		{"lone low surrogate", `{"a":"\udc00"}`, BundleUTF8},
		{"high then another escape", `{"a":"\ud800\n"}`, BundleUTF8},
	}
	for _, tc := range tests {
		for _, chunk := range []int{1, 2, 3, 1 << 20} {
			g := &textGuard{}
			for b := []byte(tc.data); len(b) > 0; {
				n := min(chunk, len(b))
				g.Write(b[:n])
				b = b[n:]
			}
			got := ""
			if p := g.done(); p != nil {
				got = p.Code
			}
			if got != tc.code {
				t.Errorf("%s, read %d bytes at a time: %q, want %q", tc.name, chunk, got, tc.code)
			}
		}
	}
}
