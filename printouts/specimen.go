package printouts

import (
	"fmt"
	"io"

	"sportello/locales"
	"sportello/model"
	"sportello/typeset"
)

// sampleOwnName is a fictional name written in each language's script, for
// the specimen's mixed sentences.
var sampleOwnName = map[string]string{
	"ar": "أمينة رحيمي", "fa": "امینه رحیمی", "ps": "امینه رحیمي", "ur": "امینہ رحیمی",
	"pa": "ਅਮੀਨਾ ਰਹੀਮੀ", "hi": "अमीना रहीमी", "bn": "আমিনা রহিমি", "ti": "ኣሚና ራሂሚ", "zh": "阿米娜·拉希米",
	"uk": "Аміна Рахімі", "ru": "Амина Рахими",
}

// SampleData is the fictional data the specimen puts into its sentences.
func SampleData(lang string) map[string]any {
	own := sampleOwnName[lang]
	if own == "" {
		own = "Amina Rahimi"
	}
	return map[string]any{
		"Name":    typeset.Isolate("Amina Rahimi"),
		"OwnName": typeset.Isolate(own),
		"Phone":   typeset.IsolateLTR("800 290 290"),
		"Date":    typeset.IsolateLTR("03/12/2026"),
		"Time":    typeset.IsolateLTR("10:30"),
		"Code":    typeset.IsolateLTR("PUA-2026-000123"),
	}
}

// specimenKeys are the specimen's sentences, in page order.
var specimenKeys = []string{"doc.specimen.paragraph", "doc.specimen.name_line", "doc.specimen.phone_line",
	"doc.specimen.appointment_line", "doc.specimen.case_line", "doc.specimen.numbers_line", "doc.specimen.mixed_line"}

// SpecimenText is one language's specimen: its title, its name in itself,
// and the sentences with the sample data inserted (isolated), in logical order.
type SpecimenText struct {
	Lang      string
	Title     string
	Name      string
	Sentences []string
}

// Specimen returns lang's specimen texts.
func Specimen(lang string) SpecimenText {
	tr := locales.ForPerson(lang)
	data := SampleData(lang)
	s := SpecimenText{Lang: lang, Title: tr.T("doc.specimen.title"), Name: tr.T("doc.specimen.language_name")}
	for _, k := range specimenKeys {
		s.Sentences = append(s.Sentences, tr.Tf(k, data))
	}
	return s
}

// RenderSpecimen writes the language specimen: one A4 page per language,
// with the language's name, a paragraph and mixed sentences (names, digits,
// dates, parentheses, a phone number), for mediators to confirm "this reads
// right". Each page says whether its text is reviewed or still a draft.
func RenderSpecimen(w io.Writer, langs []model.Language) error {
	d := newDoc("Sportello: language specimen")
	total := len(langs)
	d.footer = func(page int) string {
		return fmt.Sprintf("Sportello · campione delle lingue / language specimen · %d/%d", page, total)
	}
	for _, l := range langs {
		d.newPage()
		spec := Specimen(l.Tag)
		rev := locales.ReviewOf(l.Tag)
		status := "Bozza, non ancora rivista da un mediatore / Draft, not yet reviewed by a mediator"
		if rev.State == locales.Reviewed {
			status = fmt.Sprintf("Rivisto da / reviewed by %s, %s", rev.By, rev.Date)
		}
		d.para(fmt.Sprintf("%s (%s) · %s · %s", l.English, l.Tag, l.Script, l.Direction), "en", typeset.Style{Size: 10, Bold: true}, 2)
		d.para(status, "it", typeset.Style{Size: 9}, 14)
		d.para(spec.Name, l.Tag, typeset.Style{Size: 26, Bold: true}, 6)
		d.para(spec.Title, l.Tag, typeset.Style{Size: 13, Bold: true}, 12)
		for i, s := range spec.Sentences {
			after := 8.0
			if i == 0 {
				after = 16
			}
			d.para(s, l.Tag, typeset.Style{Size: 12, LineHeight: 1.5}, after)
		}
	}
	if err := d.pdf.Error(); err != nil {
		return err
	}
	return d.output(w)
}
