// Package locales embeds Sportello's translations (go-i18n TOML files named
// AREA.LANG.toml: ui for the interface, doc for documents, q for the
// questionnaire) with each language's review state, and gives Localizers.
//
// go-i18n matches a requested language to the closest one it has, and that
// can be a sibling (a missing Urdu resolved to Arabic). A Localizer here
// checks the tag it matched and falls back to Italian, never to a sibling.
package locales

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"weak"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"sportello/internal/recent"
	"sportello/model"
)

//go:embed *.toml review.json
var files embed.FS

// Default is the language of the interface when nothing else is chosen,
// and the language every text falls back to.
const Default = "it"

// Interface lists the complete interface languages.
var Interface = []string{"it", "en"}

// Area is what a message file's texts are for.
type Area string

const (
	AreaInterface     Area = "ui"
	AreaQuestionnaire Area = "q"
	AreaDocuments     Area = "doc"
)

// Areas lists the areas in the order reports show them.
var Areas = []Area{AreaInterface, AreaQuestionnaire, AreaDocuments}

// fileLangs maps each language with message files, as the bundle knows it
// ("fil" for the files named .tl.), to its files.
var fileLangs = sync.OnceValue(func() map[string][]string {
	names, _ := fs.Glob(files, "*.toml")
	out := map[string][]string{}
	for _, n := range names {
		parts := strings.Split(n, ".")
		tag, err := language.Parse(parts[len(parts)-2])
		if err != nil {
			panic(fmt.Sprintf("locales: %s: %v", n, err))
		}
		out[tag.String()] = append(out[tag.String()], n)
	}
	return out
})

// bundles holds each language's bundle, made when the language is asked
// for, with that language's files only: a text it lacks comes from
// Italian's own bundle (Localizer.fallback), never from a copy of
// Italian's texts in each language's bundle (1.6 MB a language).
//
// A bundle stays while a Localizer uses it, and the last few asked for
// stay besides; the others are let go. Settings → Languages reads a
// sentence in every language: their bundles (15 MB) no longer stay with
// the window for good after it. A desk's window speaks two or three of
// the 28 languages.
var bundles struct {
	sync.Mutex
	made map[string]weak.Pointer[i18n.Bundle]
}

// recentBundles is how many bundles stay when no Localizer uses them: a
// document's two languages, and a screen's.
const recentBundles = 4

// recentlyAsked are the last bundles asked for.
var recentlyAsked = recent.New[*i18n.Bundle](recentBundles)

func bundleOf(lang string) *i18n.Bundle {
	bundles.Lock()
	defer bundles.Unlock()
	b := bundles.made[lang].Value()
	if b == nil {
		b = loadBundle(lang)
		if bundles.made == nil {
			bundles.made = map[string]weak.Pointer[i18n.Bundle]{}
		}
		bundles.made[lang] = weak.Make(b)
	}
	recentlyAsked.Keep(b)
	return b
}

// loadBundle reads lang's files into a bundle of their own.
func loadBundle(lang string) *i18n.Bundle {
	b := i18n.NewBundle(language.Italian)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, n := range fileLangs()[lang] {
		if _, err := b.LoadMessageFileFS(files, n); err != nil {
			panic(fmt.Sprintf("locales: %s: %v", n, err))
		}
	}
	return b
}

// Localizer translates message IDs into one language.
type Localizer struct {
	lang     string // the language's subtag as asked ("tl")
	canon    string // and as the bundle knows it ("fil": golang.org/x/text canonicalises)
	loc      *i18n.Localizer
	fallback *i18n.Localizer // Italian, for texts a person's language lacks; nil for the interface
	mark     bool            // a language the desk added: a text it lacks comes in Italian, marked (ItalianMark)
}

// New returns the interface Localizer for lang: Italian or English; any
// other language gets Italian.
func New(lang string) *Localizer {
	base := baseOf(lang)
	for _, l := range Interface {
		if l == base {
			return &Localizer{lang: l, canon: l, loc: i18n.NewLocalizer(bundleOf(l), l)}
		}
	}
	return &Localizer{lang: Default, canon: Default, loc: i18n.NewLocalizer(bundleOf(Default), Default)}
}

// ForPerson returns a Localizer for texts a person reads (documents,
// questionnaire) in lang: a text missing in lang comes in Italian, never
// in a sibling language. A language with no file at all speaks Italian.
func ForPerson(lang string) *Localizer {
	base := baseOf(lang)
	if _, ok := fileLangs()[base]; ok {
		return &Localizer{lang: rawBaseOf(lang), canon: base, loc: i18n.NewLocalizer(bundleOf(base), base),
			fallback: i18n.NewLocalizer(bundleOf(Default), Default)}
	}
	if l, ok := model.LanguageByTag(lang); ok { // a language the desk added: its texts are its corrections
		return &Localizer{lang: l.Tag, canon: l.Tag, loc: i18n.NewLocalizer(bundleOf(Default), Default),
			fallback: i18n.NewLocalizer(bundleOf(Default), Default), mark: true}
	}
	return &Localizer{lang: Default, canon: Default, loc: i18n.NewLocalizer(bundleOf(Default), Default)}
}

// rawBaseOf is the language subtag of a BCP 47 tag as written, lower
// case: "tl" stays "tl" where baseOf gives "fil".
func rawBaseOf(lang string) string {
	tag, err := language.Raw.Parse(lang)
	if err != nil {
		return ""
	}
	b, _ := tag.Base()
	return b.String()
}

// baseOf is the lower-case language subtag of a BCP 47 tag, canonical as
// the bundle knows it (Tagalog's "tl" is "fil"), or "".
func baseOf(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return ""
	}
	b, _ := tag.Base()
	return b.String()
}

// ItalianMark starts a text a desk-added language lacks, printed in
// Italian: the person and the mediator see it is not yet translated.
const ItalianMark = "(IT) "

// Lang is the language this Localizer actually speaks.
func (l *Localizer) Lang() string { return l.lang }

// T translates a message ID. A missing ID gives the ID itself, so a gap is
// visible instead of blank (and the locale tests fail on it).
func (l *Localizer) T(id string) string { return l.Tf(id, nil) }

// Tf translates a message ID with template data, e.g. {{.Name}}.
func (l *Localizer) Tf(id string, data map[string]any) string {
	msg, _ := l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	return msg
}

// Number writes a whole number as the Localizer's language groups its
// digits (100.000 in Italian, 100,000 in English).
func (l *Localizer) Number(n int) string { return Number(l.lang, n) }

// Number writes a whole number as lang groups its digits, for a caller
// that has the language's code but no Localizer to make for one number.
func Number(lang string, n int) string {
	return message.NewPrinter(language.Make(lang)).Sprint(n)
}

// N translates a message with plural forms for count n ({{.Count}}).
func (l *Localizer) N(id string, n int) string {
	msg, _ := l.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n,
		TemplateData: map[string]any{"Count": n}})
	return msg
}

// Nf is N with the template's data given: Count may be the number as the
// language writes it ("33.386"), while n chooses the plural form.
func (l *Localizer) Nf(id string, n int, data map[string]any) string {
	msg, _ := l.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: data})
	return msg
}

// Has reports whether the message exists in this Localizer's own language.
func (l *Localizer) Has(id string) bool {
	_, own := l.localize(&i18n.LocalizeConfig{MessageID: id})
	return own
}

// localize returns the message and whether it came in l's own language.
// A person's text comes corrected when a mediator corrected it.
func (l *Localizer) localize(cfg *i18n.LocalizeConfig) (string, bool) {
	if l.fallback != nil {
		if text, ok := correction(l.lang, cfg.MessageID); ok {
			if msg, err := execute(cfg.MessageID, text, cfg.TemplateData); err == nil {
				return msg, true
			}
		}
	}
	msg, tag, err := l.loc.LocalizeWithTag(cfg)
	if err == nil && baseOf(tag.String()) == l.canon {
		return msg, true
	}
	if l.fallback != nil {
		if msg, tag, err := l.fallback.LocalizeWithTag(cfg); err == nil && baseOf(tag.String()) == Default {
			if l.mark {
				msg = ItalianMark + msg
			}
			return msg, false
		}
	}
	return cfg.MessageID, false
}

// Languages lists the languages that have at least one message file, sorted.
func Languages() []string {
	var out []string
	for t := range fileLangs() {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Keys lists the message IDs in one area's files for lang (AREA.LANG.toml
// and AREA-*.LANG.toml), sorted; none when there is no such file.
func Keys(area Area, lang string) ([]string, error) {
	names := []string{string(area) + "." + lang + ".toml"}
	more, _ := fs.Glob(files, string(area)+"-*."+lang+".toml")
	names = append(names, more...)
	var out []string
	for _, name := range names {
		b, err := files.ReadFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := toml.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, flatten("", m)...)
	}
	sort.Strings(out)
	return out, nil
}

// flatten lists the message IDs of a parsed TOML file.
func flatten(prefix string, m map[string]any) []string {
	var out []string
	for k, v := range m {
		sub, ok := v.(map[string]any)
		if ok && !isMessage(sub) {
			out = append(out, flatten(prefix+k+".", sub)...)
			continue
		}
		out = append(out, prefix+k)
	}
	return out
}

// isMessage reports whether a TOML table is one message with plural forms
// or a description, rather than a group of messages.
func isMessage(m map[string]any) bool {
	for k := range m {
		switch strings.ToLower(k) {
		case "one", "other", "few", "many", "zero", "two", "description", "hash":
		default:
			return false
		}
	}
	return true
}

// Count is how many of an area's texts a language has.
type Count struct {
	Translated int `json:"translated"`
	Total      int `json:"total"`
}

// Coverage counts, per area, the Italian texts that lang also has.
func Coverage(lang string) (map[Area]Count, error) {
	out := map[Area]Count{}
	for _, a := range Areas {
		ref, err := Keys(a, Default)
		if err != nil {
			return nil, err
		}
		have, err := Keys(a, lang)
		if err != nil {
			return nil, err
		}
		set := map[string]bool{}
		for _, k := range have {
			set[k] = true
		}
		c := Count{Total: len(ref)}
		for _, k := range ref {
			if set[k] {
				c.Translated++
			}
		}
		out[a] = c
	}
	return out, nil
}
