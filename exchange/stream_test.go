package exchange

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The document written record by record is byte for byte what the
// encoding/json package writes of it whole.
func TestWriteDocumentAsJSONWould(t *testing.T) {
	full, pseudo := schFullDoc(t), schPseudoDoc(t)
	empty := Document{Format: Format, FormatVersion: FormatVersion}
	for _, d := range []*Document{&full, &pseudo, &empty} {
		compact, _ := json.Marshal(d)
		indented, _ := json.MarshalIndent(d, "", " ")
		indented = append(indented, '\n')
		for _, tc := range []struct {
			indent string
			want   []byte
		}{{"", compact}, {" ", indented}} {
			var got bytes.Buffer
			if err := writeDocument(&got, d, tc.indent); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), tc.want) {
				t.Fatalf("indent %q:\ngot  %.300s\nwant %.300s", tc.indent, got.String(), tc.want)
			}
		}
	}
}

// Reading a document record by record gives what reading it whole gives,
// and refuses what strict reading refuses.
func TestDecodeDocumentAsStrictJSON(t *testing.T) {
	full := schFullDoc(t)
	good, _ := json.Marshal(&full)
	var whole Document
	if err := strictJSON(good, &whole); err != nil {
		t.Fatal(err)
	}
	got, err := decodeDocument(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(&whole)
	if !bytes.Equal(a, b) {
		t.Fatal("the document read record by record differs from the one read whole")
	}
	bad := map[string][]byte{
		"unknown field":        bytes.Replace(good, []byte(`"format":`), []byte(`"colour":"red","format":`), 1),
		"unknown record field": bytes.Replace(good, []byte(`"cognome":`), []byte(`"surname":"x","cognome":`), 1),
		"trailing data":        append(append([]byte{}, good...), []byte(`{}`)...),
		"not a list":           bytes.Replace(good, []byte(`"cases":[`), []byte(`"cases":{"a":[`), 1),
		"cut short":            good[:len(good)/2],
		"wrong type":           bytes.Replace(good, []byte(`"duration_s":`), []byte(`"duration_s":"long",`+`"x":`), 1),
	}
	for name, data := range bad {
		var strict Document
		strictErr := strictJSON(data, &strict)
		_, err := decodeDocument(bytes.NewReader(data))
		if err == nil || strictErr == nil {
			t.Errorf("%s: record by record %v, whole %v: both must refuse", name, err, strictErr)
		}
	}
}
