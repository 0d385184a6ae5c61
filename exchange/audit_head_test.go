package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// A bundle's manifest carries the desk's audit head at export, under the
// signature: changed, the bundle is refused as tampered; absent (a bundle
// of an earlier version), it is still read. Only bundles have a manifest.
func TestBundleCarriesTheAuditHead(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PUA", 3)
	id, hash, err := a.AuditHead(ctx)
	if err != nil || id == 0 {
		t.Fatalf("AuditHead = %d %q %v", id, hash, err)
	}
	good, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	m, _, err := readBundle(good)
	if err != nil {
		t.Fatal(err)
	}
	after, afterHash, _ := a.AuditHead(ctx)
	if m.AuditHead == nil || m.AuditHead.EventID < id || m.AuditHead.EventID > after ||
		!regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(m.AuditHead.Hash) {
		t.Fatalf("manifest audit head %+v; the desk's head was %d before the export, %d after", m.AuditHead, id, after)
	}
	if m.AuditHead.EventID == after && m.AuditHead.Hash != afterHash {
		t.Errorf("manifest head %+v, the desk's %d %s", m.AuditHead, after, afterHash)
	}
	manifest := manifestOf(t, good)
	if !bytes.Contains(manifest, []byte(`"audit_head"`)) {
		t.Fatalf("manifest without audit_head:\n%s", manifest)
	}
	for name, change := range map[string]func(map[string]any){
		"head's hash changed":  func(m map[string]any) { m["audit_head"].(map[string]any)["hash"] = strings.Repeat("0", 64) },
		"head's event changed": func(m map[string]any) { m["audit_head"].(map[string]any)["event_id"] = 1 },
		"head removed":         func(m map[string]any) { delete(m, "audit_head") },
	} {
		bad := rezip(t, good, manifestName, func(b []byte) []byte {
			var v map[string]any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			change(v)
			out, _ := json.Marshal(v)
			return out
		})
		var be *BundleError
		if _, _, err := readBundle(bad); !errors.As(err, &be) || be.Code != BundleTampered {
			t.Errorf("%s: %v, want refused as tampered", name, err)
		}
	}
	// A bundle made without a head (an earlier version) is read.
	k, err := deskKeys(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	_, doc, _ := readBundle(good)
	var old bytes.Buffer
	if err := writeBundle(&old, doc, k.signing); err != nil {
		t.Fatal(err)
	}
	if m, _, err := readBundle(old.Bytes()); err != nil || m.AuditHead != nil {
		t.Errorf("a bundle without a head: %+v %v", m, err)
	}
	if bytes.Contains(manifestOf(t, old.Bytes()), []byte("audit_head")) {
		t.Error("a bundle without a head names one")
	}
	// The chain's key stays on the desk, in every format.
	key, err := a.Setting(ctx, "audit.chain_key")
	if err != nil || len(key) != 64 {
		t.Fatalf("chain key %q %v", key, err)
	}
	files := map[string][]byte{"bundle data": bundleData(t, good), "bundle manifest": manifest}
	for _, f := range []string{FormatJSON, FormatCSV, FormatXLSX} {
		files[f], _ = export(t, a, Options{Format: f, Plaintext: true, Operator: coord})
	}
	for name, b := range files {
		if bytes.Contains(b, []byte(key)) || bytes.Contains(b, []byte("chain_key")) {
			t.Errorf("the %s carries the chain's key", name)
		}
	}
}

// manifestOf reads manifest.json out of a bundle.
func manifestOf(t *testing.T, b []byte) []byte {
	t.Helper()
	var out []byte
	rezip(t, b, manifestName, func(m []byte) []byte { out = m; return m })
	return out
}
