package locales

import "strings"

// SkillName is the name of a skill the profile proposes (an ESCO skill
// concept, by its ID) in lang: the text of doc-skillnames.*.toml, which a
// reviewer corrects like any other text (the Italian names are the
// project's drafts: ESCO publishes none), or en, ESCO's English label, where
// lang has no name of its own.
func SkillName(lang, id, en string) string {
	key := "doc.skillname." + strings.NewReplacer(".", "_", "-", "_").Replace(id)
	l := ForPerson(lang)
	s := l.T(key)
	if s == key || l.Lang() != Default && s == ForPerson(Default).T(key) {
		return en // no name in lang: not the Italian in its place
	}
	return s
}
