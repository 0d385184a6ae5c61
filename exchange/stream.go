package exchange

import (
	"bufio"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// writeDocument writes a document's JSON record by record, so that a
// regional-size export never holds its whole text in memory. The bytes are
// those of json.Marshal (indent "") or of json.MarshalIndent(d, "", indent)
// followed by a newline. Only lists and pointers (Regional) are omitempty
// in a Document.
func writeDocument(w io.Writer, d *Document, indent string) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	v := reflect.ValueOf(d).Elem()
	t := v.Type()
	nl := func(depth int) string {
		if indent == "" {
			return ""
		}
		return "\n" + strings.Repeat(indent, depth)
	}
	colon := ":"
	if indent != "" {
		colon = ": "
	}
	marshal := func(x any, depth int) ([]byte, error) {
		if indent == "" {
			return json.Marshal(x)
		}
		return json.MarshalIndent(x, strings.Repeat(indent, depth), indent)
	}
	bw.WriteString("{")
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if opts == "omitempty" && emptyField(v.Field(i)) {
			continue // added by a later minor version (skills_profiles, regional), as json.Marshal leaves it out
		}
		if i > 0 {
			bw.WriteString(",")
		}
		key, _ := json.Marshal(name)
		bw.WriteString(nl(1))
		bw.Write(key)
		bw.WriteString(colon)
		field := v.Field(i)
		if f.Type.Kind() != reflect.Slice || field.IsNil() || field.Len() == 0 {
			b, err := marshal(field.Interface(), 1)
			if err != nil {
				return err
			}
			bw.Write(b)
			continue
		}
		bw.WriteString("[")
		for j := range field.Len() {
			if j > 0 {
				bw.WriteString(",")
			}
			b, err := marshal(field.Index(j).Interface(), 2)
			if err != nil {
				return err
			}
			bw.WriteString(nl(2))
			bw.Write(b)
		}
		bw.WriteString(nl(1) + "]")
	}
	bw.WriteString(nl(0) + "}")
	if indent != "" {
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// emptyField tells a list or pointer json.Marshal's omitempty leaves out.
func emptyField(f reflect.Value) bool {
	if f.Kind() == reflect.Pointer {
		return f.IsNil()
	}
	return f.Len() == 0
}
