package model

import "testing"

// TestDeskLanguages: a desk adds Hausa; it is found and listed after the
// shipped languages; a tag already there, a tag of the wrong shape, a
// script no bundled font draws and an unknown direction are refused on
// their fields.
func TestDeskLanguages(t *testing.T) {
	t.Cleanup(func() { SetDeskLanguages(nil) })
	ha := Language{Tag: "ha", Native: "Hausa", English: "Hausa", Script: "Latn", Direction: LTR}
	if err := ha.Validate(); err != nil {
		t.Fatal(err)
	}
	SetDeskLanguages([]Language{ha})
	if l, ok := LanguageByTag("ha"); !ok || l.Native != "Hausa" || Languages()[len(Languages())-1].Tag != "ha" {
		t.Errorf("Hausa not found after adding it")
	}
	cases := []struct {
		l     Language
		field string
	}{
		{ha, "tag"}, // added already
		{Language{Tag: "ar", Native: "x", Script: "Arab", Direction: RTL}, "tag"},
		{Language{Tag: "Hausa!", Native: "x", Script: "Latn", Direction: LTR}, "tag"},
		{Language{Tag: "om", Native: "", Script: "Latn", Direction: LTR}, "native"},
		{Language{Tag: "my", Native: "မြန်မာ", Script: "Mymr", Direction: LTR}, "script"},
		{Language{Tag: "sd", Native: "سنڌي", Script: "Arab", Direction: "up"}, "direction"},
	}
	for _, c := range cases {
		err := c.l.Validate()
		if !hasField(err, c.field) {
			t.Errorf("%+v: %v, want an error on %s", c.l, err, c.field)
		}
	}
}

// hasField tells whether err names the field.
func hasField(err error, field string) bool {
	if ve, ok := err.(ValidationErrors); ok {
		for _, e := range ve {
			if e.Field == field {
				return true
			}
		}
		return false
	}
	me, ok := err.(*Error)
	return ok && me.Field == field
}
