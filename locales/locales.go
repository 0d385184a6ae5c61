// Package locales embeds Sportello's translations (go-i18n TOML files, one
// per language) and gives a Localizer per language.
//
// go-i18n matches a requested language to the closest one it has, and that
// can be a sibling (a missing Urdu resolved to Arabic). A Localizer here
// checks the tag it matched and falls back to Italian, never to a sibling.
package locales

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.toml
var files embed.FS

// Default is the language of the interface when nothing else is chosen.
const Default = "it"

// Interface lists the complete interface languages.
var Interface = []string{"it", "en"}

var bundle = mustBundle()

func mustBundle() *i18n.Bundle {
	b := i18n.NewBundle(language.Italian)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, _ := fs.Glob(files, "*.toml")
	for _, n := range names {
		if _, err := b.LoadMessageFileFS(files, n); err != nil {
			panic(fmt.Sprintf("locales: %s: %v", n, err))
		}
	}
	return b
}

// Localizer translates message IDs into one language.
type Localizer struct {
	lang string
	loc  *i18n.Localizer
}

// New returns a Localizer for lang (a BCP 47 tag). When no file exists for
// lang's own language, it falls back to Italian.
func New(lang string) *Localizer {
	tag, err := language.Parse(lang)
	if err == nil {
		base, _ := tag.Base()
		for _, t := range bundle.LanguageTags() {
			if b, _ := t.Base(); b == base {
				return &Localizer{lang: t.String(), loc: i18n.NewLocalizer(bundle, t.String())}
			}
		}
	}
	return &Localizer{lang: Default, loc: i18n.NewLocalizer(bundle, Default)}
}

// Lang is the language this Localizer actually speaks.
func (l *Localizer) Lang() string { return l.lang }

// T translates a message ID. A missing ID gives the ID itself, so a gap is
// visible instead of blank (and the locale tests fail on it).
func (l *Localizer) T(id string) string { return l.Tf(id, nil) }

// Tf translates a message ID with template data, e.g. {{.Name}}.
func (l *Localizer) Tf(id string, data map[string]any) string {
	msg, tag, err := l.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil || !sameBase(tag, l.lang) {
		return id
	}
	return msg
}

// N translates a message with plural forms for count n ({{.Count}}).
func (l *Localizer) N(id string, n int) string {
	msg, tag, err := l.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, PluralCount: n,
		TemplateData: map[string]any{"Count": n}})
	if err != nil || !sameBase(tag, l.lang) {
		return id
	}
	return msg
}

func sameBase(tag language.Tag, lang string) bool {
	want, err := language.Parse(lang)
	if err != nil {
		return false
	}
	a, _ := tag.Base()
	b, _ := want.Base()
	return a == b
}

// Languages lists the languages that have a message file, sorted.
func Languages() []string {
	var out []string
	for _, t := range bundle.LanguageTags() {
		out = append(out, t.String())
	}
	sort.Strings(out)
	return out
}

// Keys lists the message IDs in lang's file, sorted.
func Keys(lang string) ([]string, error) {
	b, err := files.ReadFile(lang + ".toml")
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := toml.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	var out []string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			sub, ok := v.(map[string]any)
			if ok && !isMessage(sub) {
				walk(prefix+k+".", sub)
				continue
			}
			out = append(out, prefix+k)
		}
	}
	walk("", m)
	sort.Strings(out)
	return out, nil
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
