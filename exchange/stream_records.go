package exchange

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"sync"

	gojson "github.com/goccy/go-json"
)

// recordWriter writes a document's JSON as its records come, list by list
// in the document's order, each record checked against the schema on the
// way: the bytes are writeDocument's for the same document, and no more
// than a part of its records is ever in memory.
type recordWriter struct {
	bw            *bufio.Writer
	indent        string
	lists         []listField
	at            int  // the list being written; -1 before the first
	open          bool // whether the list at has its "["
	n             int  // records written in the list at
	counts        map[string]int
	rs            *recordSchemas
	pseudonymised bool
	unchecked     bool // no schema check: only for the benchmarks, to tell what the check costs
}

// listField is one of a Document's lists.
type listField struct {
	name      string
	omitEmpty bool // left out when it has no records (a later minor version's)
}

// documentListFields are Document's lists, in order.
var documentListFields = func() []listField {
	var out []listField
	t := reflect.TypeFor[Document]()
	for i := range t.NumField() {
		if f := t.Field(i); f.Type.Kind() == reflect.Slice {
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			out = append(out, listField{name: name, omitEmpty: opts == "omitempty"})
		}
	}
	return out
}()

// newRecordWriter checks env, a document with no records, against the
// schema and writes its head (the fields before the lists) to w.
func newRecordWriter(w io.Writer, env *Document, indent string) (*recordWriter, error) {
	rs, err := compiledRecords()
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(env)
	if err != nil {
		return nil, err
	}
	if err := ValidateJSON(data); err != nil {
		return nil, err
	}
	rw := &recordWriter{bw: bufio.NewWriterSize(w, 1<<20), indent: indent, lists: documentListFields, at: -1,
		counts: env.Counts(), rs: rs, pseudonymised: env.Mode == ModePseudonymised}
	return rw, rw.head(env)
}

// head writes the document's fields before its lists, as writeDocument does.
func (rw *recordWriter) head(env *Document) error {
	v := reflect.ValueOf(env).Elem()
	t := v.Type()
	rw.bw.WriteString("{")
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type.Kind() == reflect.Slice {
			break
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if opts == "omitempty" && emptyField(v.Field(i)) {
			continue
		}
		if i > 0 {
			rw.bw.WriteString(",")
		}
		b, err := rw.marshal(v.Field(i).Interface(), 1)
		if err != nil {
			return err
		}
		rw.key(name)
		rw.bw.Write(b)
	}
	return nil
}

func (rw *recordWriter) nl(depth int) string {
	if rw.indent == "" {
		return ""
	}
	return "\n" + strings.Repeat(rw.indent, depth)
}

func (rw *recordWriter) key(name string) {
	k, _ := json.Marshal(name)
	rw.bw.WriteString(rw.nl(1))
	rw.bw.Write(k)
	if rw.indent == "" {
		rw.bw.WriteString(":")
	} else {
		rw.bw.WriteString(": ")
	}
}

func (rw *recordWriter) marshal(x any, depth int) ([]byte, error) {
	if rw.indent == "" {
		return json.Marshal(x)
	}
	return json.MarshalIndent(x, strings.Repeat(rw.indent, depth), rw.indent)
}

// moveTo ends the lists before list li (and the one being written).
func (rw *recordWriter) moveTo(li int) {
	for rw.at < li {
		if rw.at >= 0 {
			l := rw.lists[rw.at]
			switch {
			case rw.open:
				rw.bw.WriteString(rw.nl(1) + "]")
			case !l.omitEmpty:
				rw.bw.WriteString(",")
				rw.key(l.name)
				rw.bw.WriteString("[]")
			}
		}
		rw.at, rw.open, rw.n = rw.at+1, false, 0
	}
}

// encoded is a record as written, or the problems that keep it out.
type encoded struct {
	data     []byte
	problems []string
}

// write checks and writes the records of list li, which comes after any
// list written before. Records that do not follow the schema stop the
// export with a SchemaError before any of them is written.
func (rw *recordWriter) write(li int, records reflect.Value) error {
	rw.moveTo(li)
	l := rw.lists[li]
	out := rw.encode(l.name, records)
	e := &SchemaError{}
	for i, r := range out {
		for _, p := range r.problems {
			e.Problems = append(e.Problems, fmt.Sprintf("%s[%d]%s", l.name, rw.n+i, p))
		}
	}
	if len(e.Problems) > 0 {
		return e
	}
	for _, r := range out {
		if !rw.open {
			rw.bw.WriteString(",")
			rw.key(l.name)
			rw.bw.WriteString("[")
			rw.open = true
		} else {
			rw.bw.WriteString(",")
		}
		rw.bw.WriteString(rw.nl(2))
		rw.bw.Write(r.data)
		rw.n++
	}
	if _, ok := rw.counts[l.name]; ok {
		rw.counts[l.name] += len(out)
	}
	return nil
}

// encode marshals and checks records on every core.
func (rw *recordWriter) encode(list string, records reflect.Value) []encoded {
	out := make([]encoded, records.Len())
	var next sync.Mutex
	i := 0
	prefix := strings.Repeat(rw.indent, 2)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(out)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var e recordEncoder
			for {
				next.Lock()
				j := i
				i++
				next.Unlock()
				if j >= len(out) {
					return
				}
				rec := records.Index(j)
				if rec.CanAddr() {
					rec = rec.Addr() // marshalled the same, without a copy of the record
				}
				out[j] = rw.encodeOne(&e, list, rec.Interface(), prefix)
			}
		}()
	}
	wg.Wait()
	return out
}

// recordEncoder is one goroutine's encoder (goccy/go-json's, which writes
// encoding/json's bytes quicker: FuzzRecordEncoderAsMarshal) and the
// buffer it writes into, used again for every record: what json.Marshal
// writes, without a new buffer each time.
type recordEncoder struct {
	buf bytes.Buffer
	enc *gojson.Encoder
}

// marshal gives rec as json.Marshal does, in a buffer valid until the next call.
func (e *recordEncoder) marshal(rec any) ([]byte, error) {
	if e.enc == nil {
		e.enc = gojson.NewEncoder(&e.buf)
	}
	e.buf.Reset()
	if err := e.enc.Encode(rec); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(e.buf.Bytes(), []byte{'\n'}), nil
}

func (rw *recordWriter) encodeOne(e *recordEncoder, list string, rec any, prefix string) encoded {
	data, err := e.marshal(rec)
	if err != nil {
		return encoded{problems: []string{": " + err.Error()}}
	}
	var found []string
	if !rw.unchecked {
		found = validateRecordJSON(rw.rs, list, data, rw.pseudonymised)
	}
	if rw.indent != "" {
		data = indentRecord(make([]byte, 0, len(data)*3/2), data, prefix, rw.indent)
	} else {
		data = bytes.Clone(data)
	}
	return encoded{data: data, problems: found}
}

// finish ends the lists and the document.
func (rw *recordWriter) finish() error {
	rw.moveTo(len(rw.lists))
	rw.bw.WriteString(rw.nl(0) + "}")
	if rw.indent != "" {
		rw.bw.WriteString("\n")
	}
	return rw.bw.Flush()
}
