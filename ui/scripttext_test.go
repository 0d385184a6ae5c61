package ui

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"sportello/printouts"
	"sportello/typeset"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares img with testdata/name, or writes it with -update.
func golden(t *testing.T, name string, img image.Image) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(want, buf.Bytes()) {
		failed := filepath.Join("testdata", "failed", name)
		os.MkdirAll(filepath.Dir(failed), 0o755)
		os.WriteFile(failed, buf.Bytes(), 0o644)
		t.Errorf("%s differs from the golden image; see %s (run with -update if the change is right)", name, failed)
	}
}

// TestScriptTextGolden draws the widget, in a window of Fyne's test driver,
// for sentences in every script and direction, and compares the pixels.
// The widget draws with the bundled fonts only, so this is the same on
// every machine.
func TestScriptTextGolden(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct{ name, lang, text string }{
		{"ar_phone", "ar", printouts.Specimen("ar").Sentences[2]},
		{"ur_name", "ur", printouts.Specimen("ur").Sentences[1]},
		{"fa_mixed", "fa", printouts.Specimen("fa").Sentences[6]},
		{"bn_paragraph", "bn", printouts.Specimen("bn").Sentences[0]},
		{"pa_case", "pa", printouts.Specimen("pa").Sentences[4]},
		{"ti_numbers", "ti", printouts.Specimen("ti").Sentences[5]},
		{"zh_appointment", "zh", printouts.Specimen("zh").Sentences[3]},
		{"en_with_arabic", "en", "Name: محمد 123 علي (" + typeset.IsolateLTR("+39 333 123 4567") + ")"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := test.NewTempWindow(t, container.NewVBox(newScriptParagraph(c.text, c.lang)))
			w.Resize(fyne.NewSize(420, 160))
			golden(t, "scripttext_"+c.name+".png", w.Canvas().Capture())
		})
	}
}

// TestScriptTextSizes: a single line is as wide as its text; a paragraph
// wraps to the width it is given and grows in height.
func TestScriptTextSizes(t *testing.T) {
	test.NewTempApp(t)
	name := newScriptText("نام", "fa")
	long := newScriptText("نام به خط زبان خودتان", "fa")
	if name.MinSize().Width >= long.MinSize().Width {
		t.Errorf("single lines: %v is not narrower than %v", name.MinSize(), long.MinSize())
	}
	p := newScriptParagraph(printouts.Specimen("ar").Sentences[0], "ar")
	w := test.NewTempWindow(t, container.NewVBox(p))
	w.Resize(fyne.NewSize(300, 600))
	narrow := p.MinSize().Height
	w.Resize(fyne.NewSize(900, 600))
	wide := p.MinSize().Height
	if narrow <= wide {
		t.Errorf("a paragraph at 300px is %.0f high, at 900px %.0f: it should wrap to more lines when narrow", narrow, wide)
	}
}

// TestScriptTextLetsGoOfItsLayoutOnceDrawn: a text drawn keeps only its
// measures, not the layout that holds its script's faces (the Chinese
// ones are 15 MB); drawn again, it is set again, pixel for pixel the same.
func TestScriptTextLetsGoOfItsLayoutOnceDrawn(t *testing.T) {
	test.NewTempApp(t)
	text := newScriptParagraph(printouts.Specimen("zh").Sentences[3], "zh")
	w := test.NewTempWindow(t, container.NewVBox(text))
	w.Resize(fyne.NewSize(420, 160))
	first := w.Canvas().Capture()
	r := test.WidgetRenderer(text).(*scriptTextRenderer)
	if r.layout != nil {
		t.Error("the text, drawn, still holds its layout and its faces")
	}
	if r.measure.Width <= 0 || r.measure.Height <= 0 {
		t.Errorf("the text, drawn, lost its measures: %+v", r.measure)
	}
	size := text.Size()
	if a, b := r.draw(int(size.Width), int(size.Height)), r.draw(int(size.Width), int(size.Height)); !bytes.Equal(pixels(t, a), pixels(t, b)) {
		t.Error("set again to be drawn again, the text differs")
	}
	text.Refresh()
	if !bytes.Equal(pixels(t, first), pixels(t, w.Canvas().Capture())) {
		t.Error("the window drawn again differs")
	}
}

func pixels(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
