package model

import (
	"slices"
	"strings"
)

// Country is a state in the ISTAT/ANPR codelist.
type Country struct {
	ISO2      string // ISO 3166-1 alpha-2, e.g. "AL"
	ISO3      string // alpha-3, e.g. "ALB"
	ISTAT     string // ISTAT 3-digit code, e.g. "201"; Italy "100"
	Cadastral string // codice catastale (Z code) used in the codice fiscale, e.g. "Z100"; Italy ""
	NameIT    string
	NameEN    string
}

// countries is Sportello's country table: Italy and every sovereign state in
// the ANPR codelist of foreign states (tab_stati_esteri, rows valid to
// 31/12/9999 of type STATO), plus Taiwan and the Palestinian territories,
// which the codelist files under ALTRO. Territories of other states (Greenland,
// Aruba, Jersey...) are not in the table.
//
// ISO3, ISTAT and Cadastral are those of the codelist. NameIT is the modern
// Italian name an operator looks for in a picker ("Russia", "Repubblica
// Ceca"), which is usually ISTAT's denomination but not where ISTAT inverts
// it ("Russa, Federazione"), appends a former name ("Benin (ex Dahomey)") or
// keeps an old one ("Swaziland"); TestCountriesMatchReference lists every
// such difference. ISO2 comes from ISO 3166-1; Kosovo, which has no ISO code,
// has the user-assigned "XK" and ANPR's "KOS". NameEN is the current English
// short name.
//
// The source is kept in NameIT order for reading, but Countries sorts anyway.
var countries = []Country{
	{"AF", "AFG", "301", "Z200", "Afghanistan", "Afghanistan"},
	{"AL", "ALB", "201", "Z100", "Albania", "Albania"},
	{"DZ", "DZA", "401", "Z301", "Algeria", "Algeria"},
	{"AD", "AND", "202", "Z101", "Andorra", "Andorra"},
	{"AO", "AGO", "402", "Z302", "Angola", "Angola"},
	{"AG", "ATG", "503", "Z532", "Antigua e Barbuda", "Antigua and Barbuda"},
	{"SA", "SAU", "302", "Z203", "Arabia Saudita", "Saudi Arabia"},
	{"AR", "ARG", "602", "Z600", "Argentina", "Argentina"},
	{"AM", "ARM", "358", "Z252", "Armenia", "Armenia"},
	{"AU", "AUS", "701", "Z700", "Australia", "Australia"},
	{"AT", "AUT", "203", "Z102", "Austria", "Austria"},
	{"AZ", "AZE", "359", "Z253", "Azerbaigian", "Azerbaijan"},
	{"BS", "BHS", "505", "Z502", "Bahamas", "Bahamas"},
	{"BH", "BHR", "304", "Z204", "Bahrein", "Bahrain"},
	{"BD", "BGD", "305", "Z249", "Bangladesh", "Bangladesh"},
	{"BB", "BRB", "506", "Z522", "Barbados", "Barbados"},
	{"BE", "BEL", "206", "Z103", "Belgio", "Belgium"},
	{"BZ", "BLZ", "507", "Z512", "Belize", "Belize"},
	{"BJ", "BEN", "406", "Z314", "Benin", "Benin"},
	{"BT", "BTN", "306", "Z205", "Bhutan", "Bhutan"},
	{"BY", "BLR", "256", "Z139", "Bielorussia", "Belarus"},
	{"BO", "BOL", "604", "Z601", "Bolivia", "Bolivia"},
	{"BA", "BIH", "252", "Z153", "Bosnia-Erzegovina", "Bosnia and Herzegovina"},
	{"BW", "BWA", "408", "Z358", "Botswana", "Botswana"},
	{"BR", "BRA", "605", "Z602", "Brasile", "Brazil"},
	{"BN", "BRN", "309", "Z207", "Brunei", "Brunei"},
	{"BG", "BGR", "209", "Z104", "Bulgaria", "Bulgaria"},
	{"BF", "BFA", "409", "Z354", "Burkina Faso", "Burkina Faso"},
	{"BI", "BDI", "410", "Z305", "Burundi", "Burundi"},
	{"KH", "KHM", "310", "Z208", "Cambogia", "Cambodia"},
	{"CM", "CMR", "411", "Z306", "Camerun", "Cameroon"},
	{"CA", "CAN", "509", "Z401", "Canada", "Canada"},
	{"CV", "CPV", "413", "Z307", "Capo Verde", "Cabo Verde"},
	{"TD", "TCD", "415", "Z309", "Ciad", "Chad"},
	{"CL", "CHL", "606", "Z603", "Cile", "Chile"},
	{"CN", "CHN", "314", "Z210", "Cina", "China"},
	{"CY", "CYP", "315", "Z211", "Cipro", "Cyprus"},
	{"VA", "VAT", "246", "Z106", "Città del Vaticano", "Vatican City"},
	{"CO", "COL", "608", "Z604", "Colombia", "Colombia"},
	{"KM", "COM", "417", "Z310", "Comore", "Comoros"},
	{"CD", "COD", "463", "Z312", "Congo (Repubblica Democratica)", "Democratic Republic of the Congo"},
	{"CG", "COG", "418", "Z311", "Congo (Repubblica)", "Congo"},
	{"KP", "PRK", "319", "Z214", "Corea del Nord", "North Korea"},
	{"KR", "KOR", "320", "Z213", "Corea del Sud", "South Korea"},
	{"CI", "CIV", "404", "Z313", "Costa d'Avorio", "Côte d'Ivoire"},
	{"CR", "CRI", "513", "Z503", "Costa Rica", "Costa Rica"},
	{"HR", "HRV", "250", "Z149", "Croazia", "Croatia"},
	{"CU", "CUB", "514", "Z504", "Cuba", "Cuba"},
	{"DK", "DNK", "212", "Z107", "Danimarca", "Denmark"},
	{"DM", "DMA", "515", "Z526", "Dominica", "Dominica"},
	{"EC", "ECU", "609", "Z605", "Ecuador", "Ecuador"},
	{"EG", "EGY", "419", "Z336", "Egitto", "Egypt"},
	{"SV", "SLV", "517", "Z506", "El Salvador", "El Salvador"},
	{"AE", "ARE", "322", "Z215", "Emirati Arabi Uniti", "United Arab Emirates"},
	{"ER", "ERI", "466", "Z368", "Eritrea", "Eritrea"},
	{"EE", "EST", "247", "Z144", "Estonia", "Estonia"},
	{"SZ", "SWZ", "456", "Z349", "Eswatini", "Eswatini"},
	{"ET", "ETH", "420", "Z315", "Etiopia", "Ethiopia"},
	{"FJ", "FJI", "703", "Z704", "Figi", "Fiji"},
	{"PH", "PHL", "323", "Z216", "Filippine", "Philippines"},
	{"FI", "FIN", "214", "Z109", "Finlandia", "Finland"},
	{"FR", "FRA", "215", "Z110", "Francia", "France"},
	{"GA", "GAB", "421", "Z316", "Gabon", "Gabon"},
	{"GM", "GMB", "422", "Z317", "Gambia", "Gambia"},
	{"GE", "GEO", "360", "Z254", "Georgia", "Georgia"},
	{"DE", "DEU", "216", "Z112", "Germania", "Germany"},
	{"GH", "GHA", "423", "Z318", "Ghana", "Ghana"},
	{"JM", "JAM", "518", "Z507", "Giamaica", "Jamaica"},
	{"JP", "JPN", "326", "Z219", "Giappone", "Japan"},
	{"DJ", "DJI", "424", "Z361", "Gibuti", "Djibouti"},
	{"JO", "JOR", "327", "Z220", "Giordania", "Jordan"},
	{"GR", "GRC", "220", "Z115", "Grecia", "Greece"},
	{"GD", "GRD", "519", "Z524", "Grenada", "Grenada"},
	{"GT", "GTM", "523", "Z509", "Guatemala", "Guatemala"},
	{"GN", "GIN", "425", "Z319", "Guinea", "Guinea"},
	{"GQ", "GNQ", "427", "Z321", "Guinea Equatoriale", "Equatorial Guinea"},
	{"GW", "GNB", "426", "Z320", "Guinea-Bissau", "Guinea-Bissau"},
	{"GY", "GUY", "612", "Z606", "Guyana", "Guyana"},
	{"HT", "HTI", "524", "Z510", "Haiti", "Haiti"},
	{"HN", "HND", "525", "Z511", "Honduras", "Honduras"},
	{"IN", "IND", "330", "Z222", "India", "India"},
	{"ID", "IDN", "331", "Z223", "Indonesia", "Indonesia"},
	{"IR", "IRN", "332", "Z224", "Iran", "Iran"},
	{"IQ", "IRQ", "333", "Z225", "Iraq", "Iraq"},
	{"IE", "IRL", "221", "Z116", "Irlanda", "Ireland"},
	{"IS", "ISL", "223", "Z117", "Islanda", "Iceland"},
	{"MH", "MHL", "712", "Z711", "Isole Marshall", "Marshall Islands"},
	{"SB", "SLB", "725", "Z724", "Isole Salomone", "Solomon Islands"},
	{"IL", "ISR", "334", "Z226", "Israele", "Israel"},
	{"IT", "ITA", "100", "", "Italia", "Italy"},
	{"KZ", "KAZ", "356", "Z255", "Kazakhstan", "Kazakhstan"},
	{"KE", "KEN", "428", "Z322", "Kenya", "Kenya"},
	{"KG", "KGZ", "361", "Z256", "Kirghizistan", "Kyrgyzstan"},
	{"KI", "KIR", "708", "Z731", "Kiribati", "Kiribati"},
	{"XK", "KOS", "272", "Z160", "Kosovo", "Kosovo"},
	{"KW", "KWT", "335", "Z227", "Kuwait", "Kuwait"},
	{"LA", "LAO", "336", "Z228", "Laos", "Laos"},
	{"LS", "LSO", "429", "Z359", "Lesotho", "Lesotho"},
	{"LV", "LVA", "248", "Z145", "Lettonia", "Latvia"},
	{"LB", "LBN", "337", "Z229", "Libano", "Lebanon"},
	{"LR", "LBR", "430", "Z325", "Liberia", "Liberia"},
	{"LY", "LBY", "431", "Z326", "Libia", "Libya"},
	{"LI", "LIE", "225", "Z119", "Liechtenstein", "Liechtenstein"},
	{"LT", "LTU", "249", "Z146", "Lituania", "Lithuania"},
	{"LU", "LUX", "226", "Z120", "Lussemburgo", "Luxembourg"},
	{"MK", "MKD", "253", "Z148", "Macedonia del Nord", "North Macedonia"},
	{"MG", "MDG", "432", "Z327", "Madagascar", "Madagascar"},
	{"MW", "MWI", "434", "Z328", "Malawi", "Malawi"},
	{"MY", "MYS", "340", "Z247", "Malaysia", "Malaysia"},
	{"MV", "MDV", "339", "Z232", "Maldive", "Maldives"},
	{"ML", "MLI", "435", "Z329", "Mali", "Mali"},
	{"MT", "MLT", "227", "Z121", "Malta", "Malta"},
	{"MA", "MAR", "436", "Z330", "Marocco", "Morocco"},
	{"MR", "MRT", "437", "Z331", "Mauritania", "Mauritania"},
	{"MU", "MUS", "438", "Z332", "Mauritius", "Mauritius"},
	{"MX", "MEX", "527", "Z514", "Messico", "Mexico"},
	{"FM", "FSM", "713", "Z735", "Micronesia", "Micronesia"},
	{"MD", "MDA", "254", "Z140", "Moldova", "Moldova"},
	{"MC", "MCO", "229", "Z123", "Monaco", "Monaco"},
	{"MN", "MNG", "341", "Z233", "Mongolia", "Mongolia"},
	{"ME", "MNE", "270", "Z159", "Montenegro", "Montenegro"},
	{"MZ", "MOZ", "440", "Z333", "Mozambico", "Mozambique"},
	{"MM", "MMR", "307", "Z206", "Myanmar", "Myanmar"},
	{"NA", "NAM", "441", "Z300", "Namibia", "Namibia"},
	{"NR", "NRU", "715", "Z713", "Nauru", "Nauru"},
	{"NP", "NPL", "342", "Z234", "Nepal", "Nepal"},
	{"NI", "NIC", "529", "Z515", "Nicaragua", "Nicaragua"},
	{"NE", "NER", "442", "Z334", "Niger", "Niger"},
	{"NG", "NGA", "443", "Z335", "Nigeria", "Nigeria"},
	{"NO", "NOR", "231", "Z125", "Norvegia", "Norway"},
	{"NZ", "NZL", "719", "Z719", "Nuova Zelanda", "New Zealand"},
	{"OM", "OMN", "343", "Z235", "Oman", "Oman"},
	{"NL", "NLD", "232", "Z126", "Paesi Bassi", "Netherlands"},
	{"PK", "PAK", "344", "Z236", "Pakistan", "Pakistan"},
	{"PW", "PLW", "720", "Z734", "Palau", "Palau"},
	{"PA", "PAN", "530", "Z516", "Panama", "Panama"},
	{"PG", "PNG", "721", "Z730", "Papua Nuova Guinea", "Papua New Guinea"},
	{"PY", "PRY", "614", "Z610", "Paraguay", "Paraguay"},
	{"PE", "PER", "615", "Z611", "Perù", "Peru"},
	{"PL", "POL", "233", "Z127", "Polonia", "Poland"},
	{"PT", "PRT", "234", "Z128", "Portogallo", "Portugal"},
	{"QA", "QAT", "345", "Z237", "Qatar", "Qatar"},
	{"GB", "GBR", "219", "Z114", "Regno Unito", "United Kingdom"},
	{"CZ", "CZE", "257", "Z156", "Repubblica Ceca", "Czechia"},
	{"CF", "CAF", "414", "Z308", "Repubblica Centrafricana", "Central African Republic"},
	{"DO", "DOM", "516", "Z505", "Repubblica Dominicana", "Dominican Republic"},
	{"RO", "ROU", "235", "Z129", "Romania", "Romania"},
	{"RW", "RWA", "446", "Z338", "Ruanda", "Rwanda"},
	{"RU", "RUS", "245", "Z154", "Russia", "Russia"},
	{"KN", "KNA", "534", "Z533", "Saint Kitts e Nevis", "Saint Kitts and Nevis"},
	{"LC", "LCA", "532", "Z527", "Saint Lucia", "Saint Lucia"},
	{"VC", "VCT", "533", "Z528", "Saint Vincent e Grenadine", "Saint Vincent and the Grenadines"},
	{"WS", "WSM", "727", "Z726", "Samoa", "Samoa"},
	{"SM", "SMR", "236", "Z130", "San Marino", "San Marino"},
	{"ST", "STP", "448", "Z341", "São Tomé e Príncipe", "São Tomé and Príncipe"},
	{"SN", "SEN", "450", "Z343", "Senegal", "Senegal"},
	{"RS", "SRB", "271", "Z158", "Serbia", "Serbia"},
	{"SC", "SYC", "449", "Z342", "Seychelles", "Seychelles"},
	{"SL", "SLE", "451", "Z344", "Sierra Leone", "Sierra Leone"},
	{"SG", "SGP", "346", "Z248", "Singapore", "Singapore"},
	{"SY", "SYR", "348", "Z240", "Siria", "Syria"},
	{"SK", "SVK", "255", "Z155", "Slovacchia", "Slovakia"},
	{"SI", "SVN", "251", "Z150", "Slovenia", "Slovenia"},
	{"SO", "SOM", "453", "Z345", "Somalia", "Somalia"},
	{"ES", "ESP", "239", "Z131", "Spagna", "Spain"},
	{"LK", "LKA", "311", "Z209", "Sri Lanka", "Sri Lanka"},
	{"US", "USA", "536", "Z404", "Stati Uniti d'America", "United States"},
	{"SS", "SSD", "467", "Z907", "Sud Sudan", "South Sudan"},
	{"ZA", "ZAF", "454", "Z347", "Sudafrica", "South Africa"},
	{"SD", "SDN", "455", "Z348", "Sudan", "Sudan"},
	{"SR", "SUR", "616", "Z608", "Suriname", "Suriname"},
	{"SE", "SWE", "240", "Z132", "Svezia", "Sweden"},
	{"CH", "CHE", "241", "Z133", "Svizzera", "Switzerland"},
	{"TJ", "TJK", "362", "Z257", "Tagikistan", "Tajikistan"},
	{"TW", "TWN", "363", "Z217", "Taiwan", "Taiwan"},
	{"TZ", "TZA", "457", "Z357", "Tanzania", "Tanzania"},
	{"PS", "PSE", "324", "Z161", "Palestina", "Palestine"},
	{"TH", "THA", "349", "Z241", "Thailandia", "Thailand"},
	{"TL", "TLS", "338", "Z242", "Timor Orientale", "Timor-Leste"},
	{"TG", "TGO", "458", "Z351", "Togo", "Togo"},
	{"TO", "TON", "730", "Z728", "Tonga", "Tonga"},
	{"TT", "TTO", "617", "Z612", "Trinidad e Tobago", "Trinidad and Tobago"},
	{"TN", "TUN", "460", "Z352", "Tunisia", "Tunisia"},
	{"TR", "TUR", "351", "Z243", "Turchia", "Türkiye"},
	{"TM", "TKM", "364", "Z258", "Turkmenistan", "Turkmenistan"},
	{"TV", "TUV", "731", "Z732", "Tuvalu", "Tuvalu"},
	{"UA", "UKR", "243", "Z138", "Ucraina", "Ukraine"},
	{"UG", "UGA", "461", "Z353", "Uganda", "Uganda"},
	{"HU", "HUN", "244", "Z134", "Ungheria", "Hungary"},
	{"UY", "URY", "618", "Z613", "Uruguay", "Uruguay"},
	{"UZ", "UZB", "357", "Z259", "Uzbekistan", "Uzbekistan"},
	{"VU", "VUT", "732", "Z733", "Vanuatu", "Vanuatu"},
	{"VE", "VEN", "619", "Z614", "Venezuela", "Venezuela"},
	{"VN", "VNM", "353", "Z251", "Vietnam", "Vietnam"},
	{"YE", "YEM", "354", "Z246", "Yemen", "Yemen"},
	{"ZM", "ZMB", "464", "Z355", "Zambia", "Zambia"},
	{"ZW", "ZWE", "465", "Z337", "Zimbabwe", "Zimbabwe"},
}

var (
	countriesByISO2      = indexCountries(func(c Country) string { return c.ISO2 })
	countriesByCadastral = indexCountries(func(c Country) string { return c.Cadastral })
)

// indexCountries maps key(c) to c for every country with a non-empty key.
func indexCountries(key func(Country) string) map[string]Country {
	m := make(map[string]Country, len(countries))
	for _, c := range countries {
		if k := key(c); k != "" {
			m[k] = c
		}
	}
	return m
}

// sortedCountries is the table in Countries order.
var sortedCountries = sortCountries(countries)

// sortCountries returns a copy of list sorted by NameIT, ignoring case and
// accents ("São Tomé" between "San Marino" and "Senegal"); names that fold
// alike are ordered by their plain spelling.
func sortCountries(list []Country) []Country {
	out := slices.Clone(list)
	slices.SortFunc(out, func(a, b Country) int {
		if c := strings.Compare(foldName(a.NameIT), foldName(b.NameIT)); c != 0 {
			return c
		}
		return strings.Compare(a.NameIT, b.NameIT)
	})
	return out
}

// foldName lowercases s and strips the accents of Latin letters, so that
// names compare as an Italian reader expects.
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā':
			r = 'a'
		case 'ç', 'č', 'ć':
			r = 'c'
		case 'è', 'é', 'ê', 'ë', 'ē':
			r = 'e'
		case 'ì', 'í', 'î', 'ï', 'ī':
			r = 'i'
		case 'ñ':
			r = 'n'
		case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō':
			r = 'o'
		case 'š':
			r = 's'
		case 'ù', 'ú', 'û', 'ü', 'ū':
			r = 'u'
		case 'ý', 'ÿ':
			r = 'y'
		case 'ž':
			r = 'z'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Countries returns a copy of the table sorted by NameIT, ignoring case and
// accents.
func Countries() []Country {
	return slices.Clone(sortedCountries)
}

// CountryByISO2 finds a country by alpha-2 code (case-insensitive).
func CountryByISO2(code string) (Country, bool) {
	c, ok := countriesByISO2[strings.ToUpper(strings.TrimSpace(code))]
	return c, ok
}

// CountryByCadastral finds a country by its Z code (case-insensitive).
func CountryByCadastral(code string) (Country, bool) {
	c, ok := countriesByCadastral[strings.ToUpper(strings.TrimSpace(code))]
	return c, ok
}
