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
