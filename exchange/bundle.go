package exchange

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// A bundle is a ZIP archive of two files: data.json, the full document with
// each record's sync base, and manifest.json, which names the desk, holds
// the SHA-256 of data.json and is signed with the desk's ed25519 key.
// Readers find them by name, in either order.
const (
	manifestName = "manifest.json"
	dataName     = "data.json"
	bundleKind   = "bundle"
)

// Limits on reading a bundle, far above what a real desk sends (a
// regional desk's data.json of 100,000 fully documented persons is about
// 1.8 GB, a consent with the scan of its signed paper a few MB), so that a
// hostile bundle is refused before it takes the memory of the computer: a
// ZIP entry that inflates a thousandfold, a record of a gigabyte of one
// letter, millions of empty records, or lists nested thousands deep.
const (
	maxManifestSize = 1 << 20  // manifest.json, uncompressed
	maxDataSize     = 8 << 30  // data.json, uncompressed
	maxRecordSize   = 16 << 20 // one record in data.json: a consent with scans of a few MB fits
	maxDepth        = 64       // nesting of objects and lists in data.json; the format needs 7
	// What decoding data.json may cost, counted as its bytes plus openCost
	// for each object or list and recordCost more for each record (the Go
	// values they become): at most maxExpansion times its compressed size,
	// or maxDecodeFloor for a small bundle. A real bundle costs less than
	// half the limit (TestRealBundleWithinLimits); a zip bomb of empty
	// records a thousand times it.
	openCost       = 64
	recordCost     = 768
	maxExpansion   = 100
	maxDecodeFloor = 48 << 20
)

// Manifest describes a bundle.
type Manifest struct {
	Format        string         `json:"format"`
	FormatVersion string         `json:"format_version"`
	Kind          string         `json:"kind"`
	Desk          Desk           `json:"desk"`
	GeneratedAt   string         `json:"generated_at"`
	Counts        map[string]int `json:"counts"`
	DataSHA256    string         `json:"data_sha256"`
	PublicKey     string         `json:"public_key"` // ed25519, base64
	// AuditHead is the last link of the desk's audit chain when the
	// bundle was made; signed with the rest. Absent in bundles of earlier
	// versions.
	AuditHead *AuditHead `json:"audit_head,omitempty"`
	Signature string     `json:"signature"` // over the manifest with this field empty
}

// AuditHead is the last event of a desk's audit trail and its link in the
// chain (store.DB.AuditHead): whoever keeps a bundle can later tell the
// desk's trail up to that event from a rewritten one.
type AuditHead struct {
	EventID int64  `json:"event_id"`
	Hash    string `json:"hash"` // hex HMAC-SHA256, keyed by a secret that stays on the desk
}

// zipTime fixes the archive's file times, so a bundle depends on its data only.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// writeBundle writes a document as a signed bundle: data.json first,
// written record by record and hashed on the way, then the manifest that
// signs its hash.
func writeBundle(w io.Writer, doc *Document, key ed25519.PrivateKey) error {
	return writeBundleHead(w, doc, key, nil)
}

// writeBundleHead is writeBundle with the desk's audit head in the
// manifest (nil for none).
func writeBundleHead(w io.Writer, doc *Document, key ed25519.PrivateKey, head *AuditHead) error {
	return writeBundleData(w, doc.Desk, doc.GeneratedAt, key, head, func(data io.Writer) (map[string]int, error) {
		return doc.Counts(), writeDocument(data, doc, "")
	})
}

// writeBundleData writes a bundle whose data.json data writes, record by
// record, returning the counts of the records it wrote: data.json first,
// hashed on the way, then the manifest that signs its hash.
func writeBundleData(w io.Writer, desk Desk, generatedAt string, key ed25519.PrivateKey, head *AuditHead,
	data func(io.Writer) (map[string]int, error)) error {
	z := zip.NewWriter(w)
	fw, err := z.CreateHeader(&zip.FileHeader{Name: dataName, Method: zip.Deflate, Modified: zipTime})
	if err != nil {
		return err
	}
	h := sha256.New()
	counts, err := data(io.MultiWriter(fw, h))
	if err != nil {
		return err
	}
	m := Manifest{Format: Format, FormatVersion: FormatVersion, Kind: bundleKind, Desk: desk,
		GeneratedAt: generatedAt, Counts: counts, DataSHA256: hex.EncodeToString(h.Sum(nil)),
		PublicKey: base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)), AuditHead: head}
	unsigned, err := json.Marshal(m)
	if err != nil {
		return err
	}
	m.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, unsigned))
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if fw, err = z.CreateHeader(&zip.FileHeader{Name: manifestName, Method: zip.Deflate, Modified: zipTime}); err != nil {
		return err
	}
	if _, err := fw.Write(manifest); err != nil {
		return err
	}
	return z.Close()
}

// BundleError says why a bundle is refused; nothing was changed.
type BundleError struct {
	Code   string // one of the Bundle* codes
	Detail string
}

// Reasons a bundle is refused.
const (
	BundleNotBundle  = "not_bundle"    // not a ZIP archive with a manifest and data
	BundleTruncated  = "truncated"     // cut short or damaged in transit
	BundleTampered   = "tampered"      // changed after it was signed, or signed by another key
	BundleVersion    = "version"       // another format or a newer major version
	BundleMalformed  = "malformed"     // the data do not follow the published schema
	BundlePseudonym  = "pseudonymised" // a pseudonymised export cannot be merged
	BundleOwnDesk    = "own_desk"      // made by this very desk
	BundleEncrypted  = "encrypted"     // encrypted for another key
	BundleCaseCodes  = "case_codes"    // its case codes collide with this desk's
	BundleReferences = "references"    // a record refers to one that is nowhere
	BundleClash      = "clash"         // a record takes a place another record holds here: kept as a conflict, not refused

	BundleTooLarge       = "too_large"        // manifest.json or data.json larger than any real bundle's
	BundleRecordTooLarge = "record_too_large" // one record larger than maxRecordSize
	BundleTooDeep        = "too_deep"         // data nested deeper than maxDepth
	BundleExpands        = "expands"          // data.json inflates far beyond its compressed size: a compression bomb
)

func (e *BundleError) Error() string { return "bundle refused (" + e.Code + "): " + e.Detail }

func refuse(code, format string, args ...any) *BundleError {
	return &BundleError{Code: code, Detail: fmt.Sprintf(format, args...)}
}

// readBundle opens a bundle's bytes, checks its manifest, signature and
// data, and decodes the document. It changes nothing anywhere.
func readBundle(b []byte) (*Manifest, *Document, error) {
	bf, err := openBundle(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, nil, err
	}
	m := bf.man
	// data.json is decoded as it is read, record by record, and hashed on
	// the way: a regional-size bundle never sits whole in memory as text.
	// A changed file is called tampered before anything else is said of it.
	doc, sum, err := decodeData(bf.data)
	if sum != m.DataSHA256 && sum != "" {
		return nil, nil, refuse(BundleTampered, "its data were changed after the desk signed them")
	}
	if err != nil {
		return nil, nil, err
	}
	if err := ValidateDocument(doc); err != nil {
		return nil, nil, refuse(BundleMalformed, "%v", err)
	}
	if err := checkEnvelope(m, doc); err != nil {
		return nil, nil, err
	}
	return m, doc, nil
}

// checkEnvelope refuses data that name another desk than their manifest,
// or a pseudonymised export.
func checkEnvelope(m *Manifest, doc *Document) error {
	if doc.Desk != m.Desk {
		return refuse(BundleTampered, "its data name another desk than its manifest")
	}
	if doc.Mode != ModeFull {
		return refuse(BundlePseudonym, "a pseudonymised export cannot be merged into a desk")
	}
	return nil
}

// bundleFile is a bundle opened: its manifest, checked and signed, and
// its data.json, not read yet.
type bundleFile struct {
	man  *Manifest
	data *zip.File
}

// openBundle opens a bundle read through r (size bytes) and checks its
// manifest and signature.
func openBundle(r io.ReaderAt, size int64) (*bundleFile, error) {
	z, err := zip.NewReader(r, size)
	if err != nil {
		head := make([]byte, 4)
		if n, _ := r.ReadAt(head, 0); size > 4 && n == 4 && bytes.Equal(head, []byte("PK\x03\x04")) {
			return nil, refuse(BundleTruncated, "the file is cut short or damaged (%v)", err)
		}
		return nil, refuse(BundleNotBundle, "the file is not a Sportello bundle")
	}
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	if files[manifestName] == nil || files[dataName] == nil || len(files) != 2 {
		return nil, refuse(BundleNotBundle, "a bundle holds exactly manifest.json and data.json")
	}
	manifestBytes, err := readZipFile(files[manifestName], maxManifestSize)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := strictJSON(manifestBytes, &m); err != nil {
		return nil, refuse(BundleNotBundle, "its manifest cannot be read: %v", err)
	}
	if m.Format != Format || m.Kind != bundleKind {
		return nil, refuse(BundleVersion, "it is a %q %q, not a %s bundle", m.Format, m.Kind, Format)
	}
	if err := checkVersion(m.FormatVersion); err != nil {
		return nil, err
	}
	if err := verifyManifest(m); err != nil {
		return nil, err
	}
	return &bundleFile{man: &m, data: files[dataName]}, nil
}

func verifyManifest(m Manifest) error {
	pub, err := base64.StdEncoding.DecodeString(m.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return refuse(BundleTampered, "its signing key is unreadable")
	}
	sig, err := base64.StdEncoding.DecodeString(m.Signature)
	if err != nil {
		return refuse(BundleTampered, "its signature is unreadable")
	}
	unsigned := m
	unsigned.Signature = ""
	msg, err := json.Marshal(unsigned)
	if err != nil {
		return err
	}
	if !ed25519.Verify(pub, msg, sig) {
		return refuse(BundleTampered, "its signature does not match: the bundle was changed after it was made")
	}
	return nil
}

// checkVersion accepts the format's major version 1.
func checkVersion(v string) error {
	major, _, _ := strings.Cut(v, ".")
	if major != "1" {
		return refuse(BundleVersion, "it is format version %q; this Sportello reads version 1.x", v)
	}
	return nil
}

func readZipFile(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, refuse(BundleTooLarge, "its %s is larger than %d bytes", f.Name, limit)
	}
	r, err := f.Open()
	if err != nil {
		return nil, refuse(BundleTruncated, "%s cannot be opened (%v)", f.Name, err)
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, refuse(BundleTruncated, "%s is damaged (%v)", f.Name, err)
	}
	if int64(len(b)) > limit {
		return nil, refuse(BundleTooLarge, "its %s is larger than %d bytes", f.Name, limit)
	}
	return b, nil
}

// strictJSON decodes one JSON value and refuses unknown fields and trailing data.
func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("unexpected data after the document")
	}
	return nil
}
