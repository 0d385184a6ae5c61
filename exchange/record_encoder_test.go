package exchange

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzRecordEncoderAsMarshal: the export's encoder (goccy/go-json, for
// speed) writes a record byte for byte as encoding/json's Marshal does,
// which the schema, the hashes of records and the other desks go by:
// HTML's characters escaped, U+2028 and U+2029 escaped, invalid UTF-8 as
// U+FFFD, empty values left out, lists and pointers as Marshal has them.
func FuzzRecordEncoderAsMarshal(f *testing.F) {
	for _, s := range []string{"", "Rossi", "<b>&amp;</b>", "a\u2028b\u2029c", "\xff\xfe", "tab\tnew\nline\x00\x1f",
		"\"quoted\" \\ back", "محمد", "ਹਰਜੀਤ ਕੌਰ", "\u200f\u202bنص\u202c", "😀 emoji", "é\u0301"} {
		f.Add(s, s+"x", true)
	}
	var e recordEncoder
	f.Fuzz(func(t *testing.T, a, b string, informal bool) {
		p := &Person{ID: "0190c8a2-0000-7000-8000-000000000001", Cognome: a, Nome: b, OwnScriptName: a + b,
			Aliases: []string{b, a}, DomicileInformal: informal, Cittadinanza: []Country{{ISTAT: a, ISO: b}},
			Vulnerabilities: []string{}, TitoloSoggiorno: Permit{Tipo: b}, Sync: &Sync{Base: a}}
		want, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("encoder wrote\n%s\nMarshal\n%s", got, want)
		}
	})
}
