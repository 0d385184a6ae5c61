package model

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

// LanguageByTag finds a beneficiary language.
func LanguageByTag(tag string) (Language, bool) {
	for _, l := range BeneficiaryLanguages {
		if l.Tag == tag {
			return l, true
		}
	}
	return Language{}, false
}
