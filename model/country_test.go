package model

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestCountriesTable(t *testing.T) {
	list := Countries()
	if len(list) < 120 {
		t.Errorf("Countries() has %d entries, want at least 120", len(list))
	}
	zCode := regexp.MustCompile(`^Z\d{3}$`)
	iso2 := regexp.MustCompile(`^[A-Z]{2}$`)
	iso3 := regexp.MustCompile(`^[A-Z]{3}$`)
	istat := regexp.MustCompile(`^\d{3}$`)
	seen := map[string]map[string]bool{"ISO2": {}, "ISO3": {}, "ISTAT": {}, "Cadastral": {}}
	unique := func(kind, v string, c Country) {
		if seen[kind][v] {
			t.Errorf("%s %q used twice (again by %+v)", kind, v, c)
		}
		seen[kind][v] = true
	}
	for i, c := range list {
		if i > 0 && foldName(list[i-1].NameIT) > foldName(c.NameIT) {
			t.Errorf("Countries() not sorted by NameIT: %q before %q", list[i-1].NameIT, c.NameIT)
		}
		if !iso2.MatchString(c.ISO2) || !iso3.MatchString(c.ISO3) || !istat.MatchString(c.ISTAT) ||
			c.NameIT == "" || c.NameEN == "" {
			t.Errorf("malformed country %+v", c)
		}
		unique("ISO2", c.ISO2, c)
		unique("ISO3", c.ISO3, c)
		unique("ISTAT", c.ISTAT, c)
		if c.ISO2 == "IT" {
			if c.ISO3 != "ITA" || c.ISTAT != "100" || c.Cadastral != "" {
				t.Errorf("Italy is %+v", c)
			}
			continue
		}
		if !zCode.MatchString(c.Cadastral) {
			t.Errorf("%s: cadastral code %q is not a Z code", c.ISO2, c.Cadastral)
		}
		unique("Cadastral", c.Cadastral, c)
	}
	if !seen["ISO2"]["IT"] {
		t.Error("Italy is missing")
	}
}

// TestCountriesCollation checks that Countries ignores case and accents, as
// an operator scanning a picker expects, rather than sorting by bytes.
func TestCountriesCollation(t *testing.T) {
	for in, want := range map[string]string{
		"São Tomé e Príncipe": "sao tome e principe",
		"Perù":                "peru",
		"Città del Vaticano":  "citta del vaticano",
		"ÉLAN Çà":             "elan ca",
		"Costa d'Avorio":      "costa d'avorio",
	} {
		if got := foldName(in); got != want {
			t.Errorf("foldName(%q) = %q, want %q", in, got, want)
		}
	}
	pos := map[string]int{}
	for i, c := range Countries() {
		pos[c.ISO2] = i
	}
	// San Marino < São Tomé e Príncipe < Senegal; byte order would put São
	// Tomé after Svizzera.
	if !(pos["SM"] < pos["ST"] && pos["ST"] < pos["SN"]) {
		t.Errorf("São Tomé e Príncipe sorted at %d, want between San Marino (%d) and Senegal (%d)",
			pos["ST"], pos["SM"], pos["SN"])
	}
	if got := sortCountries([]Country{{NameIT: "b"}, {NameIT: "Á"}, {NameIT: "a"}, {NameIT: "A"}}); got[0].NameIT != "A" ||
		got[1].NameIT != "a" || got[2].NameIT != "Á" || got[3].NameIT != "b" {
		t.Errorf("sortCountries = %v, want A a Á b", got)
	}
}

func TestCountriesIsACopy(t *testing.T) {
	a := Countries()
	a[0].NameIT = "changed"
	if b := Countries(); b[0].NameIT == "changed" {
		t.Error("Countries() returns the package table itself")
	}
}

func TestCountryLookups(t *testing.T) {
	tests := []struct {
		iso2, cadastral string
		wantISO3        string // "" when not found
	}{
		{"AL", "Z100", "ALB"},
		{"al", "z100", "ALB"},
		{" Ma ", " z330 ", "MAR"},
		{"ua", "Z138", "UKR"},
		{"PE", "Z611", "PER"},
		{"BD", "Z249", "BGD"},
		{"XK", "Z160", "KOS"},
		{"", "", ""},
		{"ZZ", "Z999", ""},
		{"ALB", "Z10", ""},
	}
	for _, tt := range tests {
		c, ok := CountryByISO2(tt.iso2)
		if ok != (tt.wantISO3 != "") || c.ISO3 != tt.wantISO3 {
			t.Errorf("CountryByISO2(%q) = %+v, %v; want ISO3 %q", tt.iso2, c, ok, tt.wantISO3)
		}
		c, ok = CountryByCadastral(tt.cadastral)
		if ok != (tt.wantISO3 != "") || c.ISO3 != tt.wantISO3 {
			t.Errorf("CountryByCadastral(%q) = %+v, %v; want ISO3 %q", tt.cadastral, c, ok, tt.wantISO3)
		}
	}
	if c, ok := CountryByISO2("it"); !ok || c.ISTAT != "100" {
		t.Errorf("CountryByISO2(\"it\") = %+v, %v", c, ok)
	}
	for _, c := range Countries() {
		if got, ok := CountryByISO2(c.ISO2); !ok || got != c {
			t.Errorf("CountryByISO2(%q) = %+v, %v; want %+v", c.ISO2, got, ok, c)
		}
		if c.Cadastral == "" {
			continue
		}
		if got, ok := CountryByCadastral(c.Cadastral); !ok || got != c {
			t.Errorf("CountryByCadastral(%q) = %+v, %v; want %+v", c.Cadastral, got, ok, c)
		}
	}
}

// renamed records every country whose NameIT differs on purpose from ISTAT's
// denomination in the ANPR codelist: ISO3 -> the codelist's spelling. Our
// names are the modern Italian ones an operator looks for, where ISTAT
// inverts them, appends a former name or keeps an old one.
var renamed = map[string]string{
	"PSE": "Territori dell'Autonomia Palestinese",
	"BEN": "Benin (ex Dahomey)",
	"BFA": "Burkina Faso (ex Alto Volta)",
	"CAF": "Centrafricana, Repubblica",
	"CHN": "Cinese, Repubblica Popolare",
	"COD": "Congo, Repubblica democratica del (ex Zaire)",
	"COG": "Congo (Repubblica del)",
	"CZE": "Ceca, Repubblica",
	"DOM": "Dominicana, Repubblica",
	"FSM": "Micronesia, Stati Federati",
	"GNB": "Guinea Bissau",
	"IRN": "Iran, Repubblica Islamica del",
	"KOR": "Corea, Repubblica (Corea del Sud)",
	"LKA": "Sri Lanka (ex Ceylon)",
	"MHL": "Marshall, Isole",
	"MKD": "Macedonia, Repubblica di",
	"MMR": "Myanmar (ex Birmania)",
	"PRK": "Corea, Repubblica Popolare Democratica (Corea del Nord)",
	"RUS": "Russa, Federazione",
	"SLB": "Salomone, Isole",
	"SRB": "Serbia, Repubblica di",
	"SSD": "Sud Sudan, Repubblica del",
	"STP": "São Tomé e Principe",
	"SWZ": "Swaziland",
	"TWN": "Taiwan (ex Formosa)",
	"VAT": "Stato della Città del Vaticano",
	"ZAF": "Sud Africa",
	"ZWE": "Zimbabwe (ex Rhodesia)",
}

// TestCountriesMatchReference checks the table against the ANPR codelist of
// foreign states, when the shared reference files are checked out next to
// the repository: codes and names of every country, and that every state
// currently valid in the codelist is in the table.
func TestCountriesMatchReference(t *testing.T) {
	f, err := os.Open("../../shared/reference/anpr/tab_stati_esteri.csv")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("../shared/reference absent: reference check skipped")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) < 2 {
		t.Fatal("tab_stati_esteri.csv has no rows")
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[strings.TrimPrefix(strings.TrimSpace(name), "\ufeff")] = i
	}
	for _, name := range []string{"CODISO3166_1_ALPHA3", "CODAT", "CODISTAT", "DENOMINAZIONEISTAT", "DATAFINEVALIDITA", "TIPO"} {
		if _, ok := col[name]; !ok {
			t.Fatalf("tab_stati_esteri.csv has no column %s", name)
		}
	}
	field := func(row []string, name string) string { return strings.TrimSpace(row[col[name]]) }
	valid := map[string][]string{} // ISO3 -> currently valid row
	for _, row := range records[1:] {
		if field(row, "DATAFINEVALIDITA") == "31/12/9999" {
			valid[field(row, "CODISO3166_1_ALPHA3")] = row
		}
	}

	ours := map[string]bool{}
	for _, c := range Countries() {
		ours[c.ISO3] = true
		if c.ISO2 == "IT" {
			continue
		}
		row, ok := valid[c.ISO3]
		if !ok {
			t.Errorf("%s (%s): no currently valid row in the reference", c.ISO3, c.NameIT)
			continue
		}
		same := func(what, ours, theirs string) {
			if !strings.EqualFold(strings.TrimSpace(ours), theirs) {
				t.Errorf("%s: %s is %q, the reference says %q", c.ISO3, what, ours, theirs)
			}
		}
		same("ISTAT", c.ISTAT, field(row, "CODISTAT"))
		same("Cadastral", c.Cadastral, field(row, "CODAT"))
		ref := field(row, "DENOMINAZIONEISTAT")
		spelling, isRenamed := renamed[c.ISO3]
		switch {
		case !isRenamed:
			same("NameIT", c.NameIT, ref)
		case spelling != ref:
			t.Errorf("%s: renamed records the reference spelling %q, the reference says %q", c.ISO3, spelling, ref)
		case strings.EqualFold(c.NameIT, ref):
			t.Errorf("%s: NameIT %q is the reference spelling: drop it from renamed", c.ISO3, c.NameIT)
		}
	}
	for iso3 := range renamed {
		if !ours[iso3] {
			t.Errorf("renamed has %s, which is not in the table", iso3)
		}
	}
	for iso3, row := range valid {
		if field(row, "TIPO") == "STATO" && !ours[iso3] {
			t.Errorf("%s (%s): a currently valid state in the reference, missing from the table",
				iso3, field(row, "DENOMINAZIONEISTAT"))
		}
	}
}
