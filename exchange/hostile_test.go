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
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// hostileBundle signs with key a bundle whose data.json is good's with
// what comes after the first at replaced by head, then body written n
// times, then tail: a file of gigabytes is made and compressed as it is
// written, never held. manifest, if not nil, replaces the manifest.
func hostileBundle(t testing.TB, good []byte, key ed25519.PrivateKey, at, head, body, tail string, n int, manifest []byte) []byte {
	t.Helper()
	man, _, err := readBundle(good)
	if err != nil {
		t.Fatal(err)
	}
	data := bundleData(t, good)
	i := bytes.Index(data, []byte(at))
	if i < 0 {
		t.Fatalf("%q is not in the data", at)
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	fw, err := w.CreateHeader(&zip.FileHeader{Name: dataName, Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	dw := io.MultiWriter(fw, h)
	dw.Write(data[:i+len(at)])
	dw.Write([]byte(head))
	chunk := []byte(strings.Repeat(body, max(1, (1<<16)/max(1, len(body)))))
	per := len(chunk) / max(1, len(body))
	for left := n; left > 0; left -= per {
		k := min(left, per)
		dw.Write(chunk[:k*len(body)])
	}
	dw.Write([]byte(tail))
	dw.Write(data[i+len(at):])
	if manifest == nil {
		m := *man
		m.DataSHA256, m.Signature = hex.EncodeToString(h.Sum(nil)), ""
		unsigned, _ := json.Marshal(m)
		m.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, unsigned))
		manifest, _ = json.MarshalIndent(m, "", "  ")
	}
	mw, _ := w.Create(manifestName)
	mw.Write(manifest)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// heapAbort stops the tests when an import takes more heap than this.
const heapAbort = 4 << 30

// peakHeap runs f and gives the most heap in use while it ran, sampled
// every millisecond, above what was in use before.
func peakHeap(f func()) uint64 {
	runtime.GC()
	start := time.Now()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapInuse)
			mu.Unlock()
			if m.HeapInuse > base+heapAbort {
				panic(fmt.Sprintf("more than %d MB of heap in use after %v: stopped before it takes the machine", heapAbort>>20, time.Since(start).Round(time.Millisecond)))
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	runtime.ReadMemStats(&ms)
	mu.Lock()
	defer mu.Unlock()
	return max(peak, ms.HeapInuse) - base
}

// A hostile bundle of about a megabyte, signed by a desk this desk
// accepted, is refused with its own reason, in tens of megabytes of
// memory, and the desk is unchanged; a real bundle still imports.
func TestImportHostileBundles(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PUA", 2)
	good, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	kA, err := deskKeys(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	db := desk(t, "PUB")
	accept(t, db, good)

	bigManifest := append([]byte("{"), bytes.Repeat([]byte(" "), 2<<20)...)
	tests := []struct {
		name                 string
		at, head, body, tail string
		n                    int
		manifest             []byte
		code                 string
	}{
		// A gigabyte of one letter in a person's surname.
		{"one letter, a gigabyte", `"cognome":"`, "", "a", "", 1 << 30 / bombScale, nil, BundleRecordTooLarge},
		// Or in the document's envelope, outside any record.
		{"envelope string", `"generated_at":"`, "", "a", "", 1 << 30 / bombScale, nil, BundleRecordTooLarge},
		// A record of 20 MB that does not compress to nothing.
		{"enormous string", `"cognome":"`, "", "Traoré ترجمة 中文 0123456789 ", "", 20 << 20 / 40, nil, BundleRecordTooLarge},
		// Three hundred million empty activities.
		{"empty records", `"activities":[`, "", "{},", "", 1 << 28 / bombScale, nil, BundleExpands},
		// Millions of empty citizenships in one person.
		{"empty nested objects", `"cittadinanza":[`, "", "{},", "", 5 << 20, nil, BundleExpands},
		// Empty lists nested a hundred thousand deep.
		{"deep nesting", `"activities":[`, "", "[", strings.Repeat("]", 100000) + ",", 100000, nil, BundleTooDeep},
		{"deep objects", `"cognome":`, "", `{"a":`, "", 100000, nil, BundleTooDeep},
		// A manifest of megabytes.
		{"manifest too large", `"persons":[`, "", "", "", 0, bigManifest, BundleTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			bundle := hostileBundle(t, good, kA.signing, tc.at, tc.head, tc.body, tc.tail, tc.n, tc.manifest)
			built := time.Since(start)
			before := state(t, db)
			var err error
			start = time.Now()
			peak := peakHeap(func() { _, err = importBytes(ctx, db, bundle, ImportOptions{}) })
			t.Logf("%d KB bundle: built in %v, refused in %v, peak heap %d MB: %v", len(bundle)>>10, built.Round(time.Millisecond),
				time.Since(start).Round(time.Millisecond), peak>>20, err)
			var be *BundleError
			if !errors.As(err, &be) || be.Code != tc.code {
				t.Errorf("got %v, want a refusal %q", err, tc.code)
			}
			if peak > 100<<20 {
				t.Errorf("peak heap %d MB", peak>>20)
			}
			if after := state(t, db); after != before {
				t.Fatalf("a refused import changed the desk:\n%s\n---\n%s", before, after)
			}
		})
	}
	t.Run("a real bundle", func(t *testing.T) {
		if _, err := importBytes(ctx, db, good, ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		if got, want := fingerprint(t, db, false), fingerprint(t, a, false); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("the import did not bring the other desk's records")
		}
	})
}

// A real bundle costs to decode a small part of what the limits allow.
func TestRealBundleWithinLimits(t *testing.T) {
	a, coord := seeded(t, "PUA", 60)
	good, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	z, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name != dataName {
			continue
		}
		g := &textGuard{}
		r, _ := f.Open()
		if _, err := io.Copy(g, r); err != nil {
			t.Fatal(err)
		}
		ratio := float64(g.cost) / float64(f.CompressedSize64)
		t.Logf("data.json: %d bytes, %d compressed, cost %d: %.1f times its compressed size", f.UncompressedSize64, f.CompressedSize64, g.cost, ratio)
		if ratio > maxExpansion/2 {
			t.Errorf("a real bundle costs %.1f times its compressed size, the limit is %d", ratio, maxExpansion)
		}
	}
}
