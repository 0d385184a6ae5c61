package exchange

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"testing"
)

// benchPersons sizes the exchange benchmarks; the README's figures use
// -exchange.persons 100000 (a regional-size desk).
var benchPersons = flag.Int("exchange.persons", 2000, "persons in the exchange benchmarks")

// benchCasesOnly keeps only persons and their cases, as the aim
// is stated; without it every person brings the demo's interviews, plans,
// consents and referrals.
var benchCasesOnly = flag.Bool("exchange.cases-only", false, "persons and cases only in the exchange benchmarks")

// replicate grows a demo document to n persons: copies of its persons with
// their cases, interviews, plans, consents and referrals, each copy with
// new IDs and codes. Accounts and services stay shared.
func replicate(src *Document, n int) *Document {
	out := *src
	out.Persons, out.Cases, out.Interviews, out.Plans = nil, nil, nil, nil
	out.Consents, out.Referrals = nil, nil
	seq := 0
	for k := 0; len(out.Persons) < n; k++ {
		id := func(uid string) string {
			if uid == "" {
				return ""
			}
			sum := sha256.Sum256([]byte(fmt.Sprint(uid, k)))
			return hex.EncodeToString(sum[:16])
		}
		for _, p := range src.Persons {
			if len(out.Persons) == n {
				break
			}
			p.ID, p.CaseCode = id(p.ID), fmt.Sprintf("PUR-2026-%06d", len(out.Persons)+1)
			out.Persons = append(out.Persons, p)
		}
		for _, c := range src.Cases {
			c.ID, c.PersonID = id(c.ID), id(c.PersonID)
			out.Cases = append(out.Cases, c)
		}
		for _, iv := range src.Interviews {
			iv.ID, iv.CaseID = id(iv.ID), id(iv.CaseID)
			out.Interviews = append(out.Interviews, iv)
		}
		for _, p := range src.Plans {
			p.ID, p.CaseID = id(p.ID), id(p.CaseID)
			out.Plans = append(out.Plans, p)
		}
		for _, c := range src.Consents {
			c.ID, c.PersonID = id(c.ID), id(c.PersonID)
			out.Consents = append(out.Consents, c)
		}
		for _, r := range src.Referrals {
			seq++
			r.ID, r.CaseID, r.ConsentID = id(r.ID), id(r.CaseID), id(r.ConsentID)
			r.Code = fmt.Sprintf("INV-2026-%06d", seq)
			out.Referrals = append(out.Referrals, r)
		}
	}
	// Drop the records of persons cut off by n.
	keep := map[string]bool{}
	for _, p := range out.Persons {
		keep[p.ID] = true
	}
	cases := map[string]bool{}
	out.Cases = filter(out.Cases, func(c Case) bool { cases[c.ID] = keep[c.PersonID]; return keep[c.PersonID] })
	out.Interviews = filter(out.Interviews, func(iv Interview) bool { return cases[iv.CaseID] })
	out.Plans = filter(out.Plans, func(p Plan) bool { return cases[p.CaseID] })
	out.Consents = filter(out.Consents, func(c Consent) bool { return keep[c.PersonID] })
	out.Referrals = filter(out.Referrals, func(r Referral) bool { return cases[r.CaseID] })
	return &out
}

func filter[T any](list []T, ok func(T) bool) []T {
	out := list[:0]
	for _, v := range list {
		if ok(v) {
			out = append(out, v)
		}
	}
	return out
}

// regionalBundle makes a signed bundle of n fictional persons.
func regionalBundle(b *testing.B, n int) []byte {
	db, coord := seeded(b, "PUA", 20)
	j, _ := export(b, db, Options{Format: FormatJSON, Plaintext: true, Operator: coord})
	var doc Document
	if err := json.Unmarshal(j, &doc); err != nil {
		b.Fatal(err)
	}
	big := replicate(&doc, n)
	if *benchCasesOnly {
		big.Interviews, big.Plans, big.Consents, big.Referrals = []Interview{}, []Plan{}, []Consent{}, []Referral{}
	}
	_, key, _ := ed25519.GenerateKey(nil)
	var out bytes.Buffer
	if err := writeBundle(&out, big, key); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}

// BenchmarkImport merges a regional-size bundle into an empty desk.
func BenchmarkImport(b *testing.B) {
	bundle := regionalBundle(b, *benchPersons)
	b.ReportMetric(float64(*benchPersons), "persons")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := desk(b, "PUB")
		accept(b, db, bundle)
		b.StartTimer()
		res, err := importBytes(context.Background(), db, bundle, ImportOptions{})
		if err != nil || res.Added == 0 {
			b.Fatalf("%+v %v", res, err)
		}
	}
}

// BenchmarkExport exports a regional-size desk as a bundle, checked
// against the schema, as the command line does.
func BenchmarkExport(b *testing.B) {
	bundle := regionalBundle(b, *benchPersons)
	db := desk(b, "PUB")
	accept(b, db, bundle)
	if _, err := importBytes(context.Background(), db, bundle, ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	coord := coordinator(b, db) // giulia came with the bundle
	b.ReportMetric(float64(*benchPersons), "persons")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Export(context.Background(), db, io.Discard, Options{Format: FormatBundle, Plaintext: true, Operator: coord}); err != nil {
			b.Fatal(err)
		}
	}
}
