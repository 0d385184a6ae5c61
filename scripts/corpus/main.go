// Command corpus writes, for every beneficiary language, the specimen's
// mixed sentences as laid out by the typeset package (PNG) and as plain
// text, so scripts/compare-pango.sh can set the same text with Pango, the
// reference renderer, and put both side by side. A tool for the docs, not
// part of the program.
package main

import (
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"

	"sportello/model"
	"sportello/printouts"
	"sportello/typeset"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: corpus OUTDIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	s := typeset.NewSetter(nil)
	const size, width = 22, 900
	for _, l := range model.BeneficiaryLanguages {
		spec := printouts.Specimen(l.Tag)
		for _, k := range []int{2, 6} { // the phone line and the mixed line
			name := fmt.Sprintf("%s-%d", l.Tag, k)
			lay := s.Set(typeset.Paragraph{Text: spec.Sentences[k], Lang: l.Tag}, typeset.Style{Size: size}, width)
			f, err := os.Create(filepath.Join(dir, name+".png"))
			if err != nil {
				fail(err)
			}
			if err := png.Encode(f, typeset.Image(lay, size, 1, color.Black)); err != nil {
				fail(err)
			}
			f.Close()
			if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(spec.Sentences[k]), 0o644); err != nil {
				fail(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+".dir"), []byte(string(l.Direction)), 0o644); err != nil {
				fail(err)
			}
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
