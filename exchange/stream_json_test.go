package exchange

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// decodeRecord gives what json.Unmarshal gives, for every record of a
// desk's export and for the odd cases json.Marshal may write.
func TestDecodeRecordAsUnmarshal(t *testing.T) {
	db, coord := workDesk(t, "PUA")
	addProfile(t, db, firstCode(t, db), "bracciante")
	data, _ := export(t, db, Options{Format: FormatJSON, Plaintext: true, Operator: coord})
	var lists map[string]json.RawMessage
	if err := json.Unmarshal(data, &lists); err != nil {
		t.Fatal(err)
	}
	var records []json.RawMessage
	for _, raw := range lists {
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			records = append(records, list...)
		}
		records = append(records, raw)
	}
	for _, odd := range []string{`{}`, `[]`, `""`, `"a\"b\\c\n\u003c\u2028\ud83d\ude00"`, `"città à"`, `-0`, `1e300`,
		`1.5E-3`, `[null,true,false,{"a":[{}]}]`, `{"a":1,"a":2}`, `9007199254740993`, `"\ufffd"`, "\"a\xffb\""} {
		records = append(records, json.RawMessage(odd))
	}
	if len(records) < 50 {
		t.Fatalf("only %d records", len(records))
	}
	for _, r := range records {
		var compact bytes.Buffer
		if err := json.Compact(&compact, r); err != nil {
			t.Fatal(err)
		}
		got, err := decodeRecord(compact.Bytes())
		var want any
		if werr := json.Unmarshal(compact.Bytes(), &want); (err == nil) != (werr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%.80s: got %v (%v), want %v (%v)", compact.String(), got, err, want, werr)
		}
	}
}

// indentRecord writes what json.Indent writes.
func TestIndentRecordAsIndent(t *testing.T) {
	db, coord := workDesk(t, "PUA")
	data, _ := export(t, db, Options{Format: FormatJSON, Plaintext: true, Operator: coord})
	var lists map[string]json.RawMessage
	if err := json.Unmarshal(data, &lists); err != nil {
		t.Fatal(err)
	}
	srcs := []json.RawMessage{json.RawMessage(`{}`), json.RawMessage(`[[],{},[{}],{"a":[]}]`),
		json.RawMessage(`{"a\"]}":"x,y:{z}\\","b":[1,-2.5e3,true,null]}`),
		json.RawMessage(strings.Repeat(`{"deep":[`, 12) + `1` + strings.Repeat(`]}`, 12))} // deeper than newlines
	for _, raw := range lists {
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			srcs = append(srcs, list...)
		}
		srcs = append(srcs, raw)
	}
	for _, src := range srcs {
		var compact, want bytes.Buffer
		if err := json.Compact(&compact, src); err != nil {
			t.Fatal(err)
		}
		for _, ind := range [][2]string{{"  ", " "}, {"", "\t"}, {">", ""}} {
			want.Reset()
			if err := json.Indent(&want, compact.Bytes(), ind[0], ind[1]); err != nil {
				t.Fatal(err)
			}
			if got := indentRecord(nil, compact.Bytes(), ind[0], ind[1]); !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("%.60s: got\n%s\nwant\n%s", compact.String(), got, want.Bytes())
			}
		}
	}
}
