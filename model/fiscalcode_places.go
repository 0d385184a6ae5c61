package model

import "slices"

// FormerPlace is a birthplace code of the codice fiscale that is not one of
// today's states: a state that no longer exists, whose people were born in
// what is now one of several countries, or a territory of another state.
// The Agenzia delle Entrate keeps issuing codes with these places, so a
// person born in Belgrade in 1970 carries Z118 (Yugoslavia) for life.
type FormerPlace struct {
	Code   string   // the Z code
	NameIT string   // as the Agenzia names it
	Now    []string // ISO 3166-1 alpha-2 of the countries its territory is in today
	Until  int      // the last year it existed as a state (0 for a territory)
}

// FormerPlaces are the places, not in the country table, that a codice
// fiscale's birthplace may name. Former states: Yugoslavia, the Soviet Union,
// Czechoslovakia, Serbia and Montenegro (codes of the Agenzia delle
// Entrate's table of foreign states, history kept). Territories: those of
// the ANPR codelist of foreign states (tab_stati_esteri, TIPO TERRITORIO,
// with their sovereign state) that carry a Z code there, and Puerto Rico.
var FormerPlaces = []FormerPlace{
	{"Z118", "Jugoslavia", []string{"RS", "HR", "SI", "BA", "MK", "ME", "XK"}, 1992},
	{"Z135", "Unione Sovietica (URSS)", []string{"RU", "UA", "BY", "MD", "LT", "LV", "EE", "GE", "AM", "AZ", "KZ", "KG",
		"TJ", "TM", "UZ"}, 1991},
	{"Z105", "Cecoslovacchia", []string{"CZ", "SK"}, 1992},
	{"Z157", "Serbia e Montenegro", []string{"RS", "ME", "XK"}, 2006},
	{"Z518", "Portorico", []string{"US"}, 0},
	{"Z501", "Isola di Aruba", []string{"NL"}, 0},
	{"Z703", "Isole Cook", []string{"NZ"}, 0},
	{"Z513", "Isola della Martinica", []string{"FR"}, 0},
	{"Z400", "Isole Bermude", []string{"GB"}, 0},
	{"Z530", "Isole Cayman", []string{"GB"}, 0},
	{"Z108", "Isole Faer Oer", []string{"DK"}, 0},
	{"Z519", "Isole Turks e Caicos", []string{"GB"}, 0},
	{"Z525", "Isole Vergini Britanniche", []string{"GB"}, 0},
	{"Z729", "Isole Wallis e Futuna", []string{"FR"}, 0},
	{"Z360", "Mayotte", []string{"FR"}, 0},
	{"Z403", "Saint Pierre e Miquelon", []string{"FR"}, 0},
	{"Z340", "Sant'Elena", []string{"GB"}, 0},
}

// PlaceIsIn tells whether a codice fiscale's foreign birthplace code stands
// for the country iso2 as it is today: its own code, or a former state or
// territory now in it.
func PlaceIsIn(code, iso2 string) bool {
	if c, ok := CountryByISO2(iso2); ok && c.Cadastral == code {
		return true
	}
	for _, f := range FormerPlaces {
		if f.Code == code {
			return slices.Contains(f.Now, iso2)
		}
	}
	return false
}
