package locales

import (
	"testing"

	"sportello/model"
)

// Every skill the profile proposes has its name in the locale files, in
// Italian and in English; a language without names gets ESCO's English
// label, never the Italian in its place.
func TestSkillNames(t *testing.T) {
	for _, c := range model.CuratedSkills {
		if got := SkillName("it", c.ID, c.EN); got == "" || got == c.EN || got == c.ID {
			t.Errorf("%s: Italian name %q", c.ID, got)
		}
		if got := SkillName("en", c.ID, c.EN); got != c.EN {
			t.Errorf("%s: English name %q, ESCO says %q", c.ID, got, c.EN)
		}
		if got := SkillName("bn", c.ID, c.EN); got != c.EN {
			t.Errorf("%s: Bengali, with no names, gives %q", c.ID, got)
		}
	}
}
