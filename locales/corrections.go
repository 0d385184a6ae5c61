package locales

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/BurntSushi/toml"
)

// A desk's mediators correct the drafts of the texts a person reads
// (issue #18): the store keeps their corrections and the areas they marked
// reviewed, and hands them here (SetCorrections, SetAreaReview) when the
// desk opens and whenever one changes. Every Localizer of a person's texts
// (ForPerson) reads a correction before the embedded text, so it takes
// effect at once on screen and in the next printout.

var layer = struct {
	sync.RWMutex
	texts   map[string]map[string]string // lang → message ID → corrected text
	reviews map[string]map[string]Review // lang → review area → who reviewed it, when
}{texts: map[string]map[string]string{}, reviews: map[string]map[string]Review{}}

// SetCorrections replaces the corrections of lang (nil or empty: none).
func SetCorrections(lang string, texts map[string]string) {
	layer.Lock()
	defer layer.Unlock()
	layer.texts[lang] = texts
}

// SetAreaReviews replaces the review areas lang's mediators marked reviewed.
func SetAreaReviews(lang string, reviews map[string]Review) {
	layer.Lock()
	defer layer.Unlock()
	layer.reviews[lang] = reviews
}

// correction is lang's corrected text of id, if a mediator corrected it.
func correction(lang, id string) (string, bool) {
	layer.RLock()
	defer layer.RUnlock()
	s, ok := layer.texts[lang][id]
	return s, ok
}

// CorrectionText is the desk's corrected text of id in lang as written,
// placeholders unfilled; empty when there is none.
func CorrectionText(lang, id string) string {
	s, _ := correction(lang, id)
	return s
}

// Corrected reports whether lang's text of id is a desk's correction.
func Corrected(lang, id string) bool {
	_, ok := correction(lang, id)
	return ok
}

// ReviewArea is a set of texts a mediator reviews and marks reviewed at
// once: the questionnaire, or the texts of one document.
type ReviewArea struct {
	ID       string   // "q", "doc.consent"…
	Prefixes []string // the message IDs in it start with one of these
}

// ReviewAreas lists the areas of the texts a person reads, in the order
// the review screen offers them. doc.common holds what every document
// shares (signatures, page numbers, dates, the draft notice).
var ReviewAreas = []ReviewArea{
	{"doc.consent", []string{"doc.consent."}},
	{"doc.notice", []string{"doc.notice."}},
	{"doc.rights", []string{"doc.rights."}},
	{"q", []string{"q."}},
	{"doc.common", []string{"doc.common.", "doc.date.", "doc.area.", "doc.specimen."}},
	{"doc.referral", []string{"doc.referral."}},
	{"doc.plan", []string{"doc.plan."}},
	{"doc.slip", []string{"doc.slip."}},
	{"doc.skills", []string{"doc.skills.", "doc.cefr."}},
	{"doc.work", []string{"doc.work.", "doc.cv.", "doc.candidate.", "doc.internship."}},
}

// AreaOf is the review area of a message ID, "" when it is no person's text.
func AreaOf(id string) string {
	for _, a := range ReviewAreas {
		for _, p := range a.Prefixes {
			if strings.HasPrefix(id, p) {
				return a.ID
			}
		}
	}
	return ""
}

// AreaKeys lists the Italian message IDs of a review area, sorted.
func AreaKeys(area string) ([]string, error) {
	var out []string
	for _, a := range []Area{AreaQuestionnaire, AreaDocuments} {
		keys, err := Keys(a, Default)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if AreaOf(k) == area {
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

// ReviewOfArea is the review state of one area of lang's texts: reviewed
// when the language was reviewed as a whole (ReviewOf) or a mediator of
// this desk marked the area reviewed.
func ReviewOfArea(lang, area string) Review {
	if r := ReviewOf(lang); r.State == Reviewed {
		return r
	}
	layer.RLock()
	defer layer.RUnlock()
	if r, ok := layer.reviews[lang][area]; ok && r.State == Reviewed {
		return r
	}
	return Review{State: Draft}
}

// DocumentReviewed reports whether a document's texts in lang are reviewed:
// its own area and the texts documents share.
func DocumentReviewed(lang, area string) bool {
	return ReviewOfArea(lang, area).State == Reviewed && ReviewOfArea(lang, "doc.common").State == Reviewed
}

// ErrCorrection is the kind of every error of CheckCorrection.
var ErrCorrection = errors.New("the corrected text does not fit its sentence")

// CorrectionError says why a corrected text does not fit its sentence.
type CorrectionError struct {
	Kind      string   // "unknown", "empty", "template", "placeholders" or "numbers"
	Want, Got []string // the placeholders or numbers the source has, and the text
	Detail    string
}

func (e *CorrectionError) Error() string {
	msg := ErrCorrection.Error() + ": " + e.Kind
	if e.Kind == "placeholders" || e.Kind == "numbers" {
		msg += fmt.Sprintf(": it must keep %s (it has %s)", strings.Join(e.Want, " "), strings.Join(e.Got, " "))
	}
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

func (e *CorrectionError) Unwrap() error { return ErrCorrection }

var (
	placeholderRE = regexp.MustCompile(`\{\{[^}]*\}\}`)
	numberRE      = regexp.MustCompile(`[0-9]+`)
)

// CheckCorrection checks a corrected text of id against the Italian
// source, so that a correction cannot break a sentence: not empty, a
// template that reads, the same placeholders ({{.Name}}, {{.Date}}…) and
// the same numbers (a phone number, an article of law, hours) as the
// source. Its error is a *CorrectionError.
func CheckCorrection(id, text string) error {
	src := Source(Default, id)
	if src == "" || AreaOf(id) == "" {
		return &CorrectionError{Kind: "unknown", Detail: id}
	}
	if strings.TrimSpace(text) == "" {
		return &CorrectionError{Kind: "empty"}
	}
	if _, err := template.New(id).Parse(text); err != nil {
		return &CorrectionError{Kind: "template", Detail: err.Error()}
	}
	if want, got := setOf(placeholderRE.FindAllString(src, -1)), setOf(placeholderRE.FindAllString(text, -1)); !slices.Equal(want, got) {
		return &CorrectionError{Kind: "placeholders", Want: want, Got: got}
	}
	if want, got := setOf(numberRE.FindAllString(placeholderRE.ReplaceAllString(src, ""), -1)),
		setOf(numberRE.FindAllString(placeholderRE.ReplaceAllString(text, ""), -1)); !slices.Equal(want, got) {
		return &CorrectionError{Kind: "numbers", Want: want, Got: got}
	}
	return nil
}

// execute fills a corrected text's placeholders.
func execute(id, text string, data any) (string, error) {
	if !strings.Contains(text, "{{") {
		return text, nil
	}
	t, err := template.New(id).Parse(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// setOf is the distinct strings, sorted.
func setOf(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}

// Source is the embedded text of id in lang before any correction, as
// written in its file with its placeholders; empty when lang has none of
// its own. For the review screen, beside the correction.
func Source(lang, id string) string {
	return rawTexts(lang)[id]
}

var rawCache sync.Map // lang → map[string]string

// rawTexts are lang's embedded texts of a person (q and doc areas), by ID.
func rawTexts(lang string) map[string]string {
	if m, ok := rawCache.Load(lang); ok {
		return m.(map[string]string)
	}
	out := map[string]string{}
	for _, area := range []Area{AreaQuestionnaire, AreaDocuments} {
		names := []string{string(area) + "." + lang + ".toml"}
		more, _ := fs.Glob(files, string(area)+"-*."+lang+".toml")
		for _, name := range append(names, more...) {
			b, err := files.ReadFile(name)
			if err != nil {
				continue
			}
			var m map[string]any
			if toml.Unmarshal(b, &m) == nil {
				flattenTexts("", m, out)
			}
		}
	}
	rawCache.Store(lang, out)
	return out
}

// flattenTexts puts the texts of a parsed TOML file into out by ID (a
// message with plural forms by its "other").
func flattenTexts(prefix string, m map[string]any, out map[string]string) {
	for k, v := range m {
		switch v := v.(type) {
		case string:
			out[prefix+k] = v
		case map[string]any:
			if isMessage(v) {
				if s, ok := v["other"].(string); ok {
					out[prefix+k] = s
				}
				continue
			}
			flattenTexts(prefix+k+".", v, out)
		}
	}
}
