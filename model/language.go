package model

import (
	"fmt"
	"regexp"
	"slices"
	"sync/atomic"
)

// Direction of a script.
type Direction string

const (
	LTR Direction = "ltr"
	RTL Direction = "rtl"
)

// Language is a language a beneficiary may be interviewed in.
type Language struct {
	Tag       string // BCP 47
	Native    string // the language's name in itself
	English   string
	Script    string // ISO 15924
	Direction Direction
}

// BeneficiaryLanguages are the languages of questionnaires and printouts,
// in the order the design lists them, then those issue #18 added for the
// workers of Italian agriculture and care work.
var BeneficiaryLanguages = []Language{
	{"it", "Italiano", "Italian", "Latn", LTR},
	{"en", "English", "English", "Latn", LTR},
	{"fr", "Français", "French", "Latn", LTR},
	{"es", "Español", "Spanish", "Latn", LTR},
	{"ro", "Română", "Romanian", "Latn", LTR},
	{"sq", "Shqip", "Albanian", "Latn", LTR},
	{"uk", "Українська", "Ukrainian", "Cyrl", LTR},
	{"ru", "Русский", "Russian", "Cyrl", LTR},
	{"ar", "العربية", "Arabic", "Arab", RTL},
	{"fa", "فارسی", "Persian (Dari/Farsi)", "Arab", RTL},
	{"ps", "پښتو", "Pashto", "Arab", RTL},
	{"ur", "اردو", "Urdu", "Arab", RTL},
	{"pa", "ਪੰਜਾਬੀ", "Punjabi (Gurmukhi)", "Guru", LTR},
	{"hi", "हिन्दी", "Hindi", "Deva", LTR},
	{"bn", "বাংলা", "Bengali", "Beng", LTR},
	{"ti", "ትግርኛ", "Tigrinya", "Ethi", LTR},
	{"zh", "中文", "Chinese", "Hans", LTR},
	{"wo", "Wolof", "Wolof", "Latn", LTR},
	{"bm", "Bamanankan", "Bambara", "Latn", LTR},
	{"ff", "Pulaar", "Fula (Pulaar)", "Latn", LTR},
	{"so", "Soomaali", "Somali", "Latn", LTR},
	{"tl", "Tagalog", "Tagalog", "Latn", LTR},
	{"si", "සිංහල", "Sinhala", "Sinh", LTR},
	{"ta", "தமிழ்", "Tamil", "Taml", LTR},
	{"am", "አማርኛ", "Amharic", "Ethi", LTR},
	{"tr", "Türkçe", "Turkish", "Latn", LTR},
	{"ckb", "کوردیی ناوەندی", "Kurdish (Sorani)", "Arab", RTL},
	{"bg", "Български", "Bulgarian", "Cyrl", LTR},
}

// LanguageByTag finds a beneficiary language, shipped or added by the
// desk (SetDeskLanguages).
func LanguageByTag(tag string) (Language, bool) {
	for _, l := range Languages() {
		if l.Tag == tag {
			return l, true
		}
	}
	return Language{}, false
}

// deskLanguages are the languages the desk added (issue #18), handed over
// by the store when the desk opens and whenever one is added.
var deskLanguages atomic.Pointer[[]Language]

// SetDeskLanguages sets the languages the desk added.
func SetDeskLanguages(ls []Language) {
	c := slices.Clone(ls)
	deskLanguages.Store(&c)
}

// Languages lists every beneficiary language: the shipped ones in their
// order, then those the desk added.
func Languages() []Language {
	out := slices.Clone(BeneficiaryLanguages)
	if extra := deskLanguages.Load(); extra != nil {
		out = append(out, *extra...)
	}
	return out
}

// FontScripts are the scripts (ISO 15924) the bundled fonts draw: a
// language a desk adds is written in one of them.
var FontScripts = []string{"Latn", "Cyrl", "Arab", "Beng", "Guru", "Deva", "Ethi", "Sinh", "Taml", "Hans"}

// tagRE is the shape of a BCP 47 tag a desk may add: a language subtag,
// then optional script, region or variant subtags.
var tagRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// Validate checks a language a desk adds: a BCP 47 tag not shipped nor
// added already, its name in itself, a script the bundled fonts draw, a
// direction.
func (l Language) Validate() error {
	var v ValidationErrors
	switch {
	case !tagRE.MatchString(l.Tag):
		v.add(newError("tag", ErrInvalid, fmt.Sprintf("%q is not a BCP 47 language tag (such as ha, om or sd-Arab)", l.Tag)))
	default:
		if _, ok := LanguageByTag(l.Tag); ok {
			v.add(newError("tag", ErrConflict, fmt.Sprintf("the language %q is already there", l.Tag)))
		}
	}
	v.add(requiredText("native", l.Native, MaxNameLen))
	v.add(optionalText("english", l.English, MaxNameLen))
	if !slices.Contains(FontScripts, l.Script) {
		v.add(newError("script", ErrInvalid, fmt.Sprintf("no bundled font draws the script %q", l.Script)))
	}
	if l.Direction != LTR && l.Direction != RTL {
		v.add(newError("direction", ErrInvalid, fmt.Sprintf("unknown direction %q", l.Direction)))
	}
	return v.err()
}
