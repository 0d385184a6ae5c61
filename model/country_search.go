package model

import "strings"

// countryAliases are other names an operator may type for a country: the
// English or Italian name it had until recently, or the name people still
// use ("Turkey" for Türkiye, "Swaziland" for Eswatini). The pickers match
// them as well as NameIT and NameEN.
var countryAliases = map[string][]string{
	"CD": {"Zaire", "RDC", "DRC", "Congo-Kinshasa"},
	"CG": {"Congo-Brazzaville"},
	"CI": {"Ivory Coast", "Costa d'Avorio"},
	"CV": {"Cape Verde"},
	"CZ": {"Czech Republic", "Cechia"},
	"GB": {"Gran Bretagna", "Great Britain", "Inghilterra", "England", "UK"},
	"MK": {"Macedonia"},
	"MM": {"Birmania", "Burma"},
	"NL": {"Olanda", "Holland"},
	"PS": {"Territori palestinesi", "Palestinian territories"},
	"RU": {"Federazione Russa", "Russian Federation"},
	"SZ": {"Swaziland"},
	"TL": {"Timor Est", "East Timor"},
	"TR": {"Turkey", "Türkei"},
	"US": {"USA", "Stati Uniti", "America"},
	"VA": {"Santa Sede", "Holy See", "Vaticano"},
}

// CountrySearchNames are the names a picker matches for c: its Italian and
// English names and the aliases above.
func CountrySearchNames(c Country) []string {
	return append([]string{c.NameIT, c.NameEN}, countryAliases[c.ISO2]...)
}

// Fold lowercases s and strips the accents of Latin letters, so that "cote"
// finds "Côte d'Ivoire" and "turkiye" finds "Türkiye".
func Fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ı':
			return 'i'
		case 'ş', 'ș':
			return 's'
		case 'ţ', 'ț':
			return 't'
		case 'ğ':
			return 'g'
		case 'ă':
			return 'a'
		}
		return r
	}, foldName(strings.TrimSpace(s)))
}
