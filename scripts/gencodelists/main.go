// Command gencodelists derives the occupation codelists that package model
// embeds (model/codelists/*.tsv.gz) from the public reference files in
// ../shared/reference: ISTAT CP2011 with its raccordo to ISCO-08, the
// ISCO-08 groups and the ESCO v1.0.8 occupations with their labels in six
// languages, and the Italian ESCO↔CP2011 mapping. Run it from the module
// root, with the reference folder beside the checkout:
//
//	go run ./scripts/gencodelists -ref ../shared/reference -out model/codelists
//
// The output is deterministic (rows sorted, gzip without a timestamp), so
// running it twice changes nothing.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const occPrefix = "http://data.europa.eu/esco/occupation/"

func main() {
	ref := flag.String("ref", "../shared/reference", "the reference folder")
	out := flag.String("out", "model/codelists", "the folder to write the tables in")
	flag.Parse()
	g := gen{ref: *ref, out: *out}
	g.cp2011()
	g.isco()
	g.esco()
	if g.err != nil {
		log.Fatal(g.err)
	}
}

type gen struct {
	ref, out string
	err      error
}

// read reads a reference CSV as maps from column name to value, each value
// cleaned.
func (g *gen) read(path string) []map[string]string {
	rows := g.readRaw(path)
	for _, r := range rows {
		for k, v := range r {
			r[k] = clean(v)
		}
	}
	return rows
}

// readRaw reads a reference CSV as maps from column name to value, as
// written (the English alternative labels are one per line in a cell).
func (g *gen) readRaw(path string) []map[string]string {
	if g.err != nil {
		return nil
	}
	f, err := os.Open(filepath.Join(g.ref, path))
	if err != nil {
		g.err = err
		return nil
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		g.err = fmt.Errorf("%s: %w", path, err)
		return nil
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, name := range recs[0] {
			m[strings.TrimPrefix(name, "\ufeff")] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

// clean collapses white space (no-break spaces included): a TSV cell holds
// no tab or newline.
func clean(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// write gzips the rows, tab-separated, into name.
func (g *gen) write(name string, header []string, rows [][]string) {
	if g.err != nil {
		return
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	fmt.Fprintln(zw, strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Fprintln(zw, strings.Join(r, "\t"))
	}
	if err := zw.Close(); err != nil {
		g.err = err
		return
	}
	g.err = os.WriteFile(filepath.Join(g.out, name), buf.Bytes(), 0o644)
	log.Printf("%s: %d rows, %d bytes", name, len(rows), buf.Len())
}

// cp2011 writes every CP2011 code (five levels) with its Italian label and,
// for the 800 units, the ISCO-08 minor group of ISTAT's raccordo.
func (g *gen) cp2011() {
	isco := map[string]string{}
	for _, r := range g.read("istat-cp2011/cp2011_isco08.csv") {
		isco[r["cp2011_code"]] = r["isco08_minor_group"]
	}
	var rows [][]string
	for _, r := range g.read("istat-cp2011/cp2011_structure.csv") {
		rows = append(rows, []string{r["code"], r["label_it"], isco[r["code"]]})
	}
	g.write("cp2011.tsv.gz", []string{"code", "label_it", "isco08"}, rows)
}

// isco writes the 619 ISCO-08 groups with their labels in five languages.
func (g *gen) isco() {
	var rows [][]string
	for _, r := range g.read("esco-multilang/isco08_labels.csv") {
		rows = append(rows, []string{r["code"], r["label_en"], r["label_it"], r["label_fr"], r["label_es"], r["label_ro"]})
	}
	g.write("isco08.tsv.gz", []string{"code", "en", "it", "fr", "es", "ro"}, rows)
}

// relations abbreviates the SKOS relations of the ESCO↔CP2011 mapping.
var relations = map[string]string{"skos:exactMatch": "=", "skos:closeMatch": "~", "skos:broadMatch": "<",
	"skos:narrowMatch": ">"}

// esco writes the occupations (ID, ISCO-08 unit group, CP2011 codes with
// their relation, preferred labels in six languages) and their alternative
// labels (English from the ESCO export; Italian, French, Spanish and
// Romanian, hidden labels included, from the multilingual corpus).
func (g *gen) esco() {
	cp := map[string][]string{}
	for _, r := range g.read("esco-cp2011-mapping/esco_cp2011_mapping.csv") {
		if r["esco_type"] != "occupation" {
			continue
		}
		rel, ok := relations[r["relation"]]
		if !ok && g.err == nil {
			g.err = fmt.Errorf("mapping: unknown relation %q", r["relation"])
		}
		id := strings.TrimPrefix(r["esco_uri"], occPrefix)
		cp[id] = append(cp[id], rel+r["cp2011_code"])
	}
	occ := g.read("esco-multilang/occupations_labels.csv")
	sort.Slice(occ, func(i, j int) bool { return occ[i]["conceptUri"] < occ[j]["conceptUri"] })
	index := map[string]int{}
	var rows [][]string
	for i, r := range occ {
		id := strings.TrimPrefix(r["conceptUri"], occPrefix)
		index[id] = i
		codes := cp[id]
		sort.Strings(codes)
		rows = append(rows, []string{id, r["iscoGroup"], strings.Join(codes, " "), r["preferredLabel_en"],
			r["preferredLabel_it"], r["preferredLabel_fr"], r["preferredLabel_es"], r["preferredLabel_ro"],
			r["preferredLabel_ar"]})
	}
	g.write("esco_occupations.tsv.gz", []string{"id", "isco08", "cp2011", "en", "it", "fr", "es", "ro", "ar"}, rows)

	var alt [][]string
	seen := map[string]bool{}
	add := func(uri, lang, label string) {
		i, ok := index[strings.TrimPrefix(uri, occPrefix)]
		key := uri + "\t" + lang + "\t" + strings.ToLower(label)
		if !ok || label == "" || seen[key] {
			return
		}
		seen[key] = true
		alt = append(alt, []string{strconv.Itoa(i), lang, label})
	}
	for _, r := range g.readRaw("esco/occupations_en.csv") {
		for _, l := range strings.Split(r["altLabels"], "\n") {
			add(r["conceptUri"], "en", clean(l))
		}
	}
	for _, r := range g.read("esco-multilang/occupations_altlabels.csv") {
		add(r["conceptUri"], r["lang"], r["label"])
	}
	sort.SliceStable(alt, func(i, j int) bool {
		a, _ := strconv.Atoi(alt[i][0])
		b, _ := strconv.Atoi(alt[j][0])
		return a < b
	})
	g.write("esco_altlabels.tsv.gz", []string{"occupation", "lang", "label"}, alt)
}
