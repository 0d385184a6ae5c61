package locales

import (
	"io/fs"
	"regexp"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"

	"sportello/model"
)

// placeholder is a template field in a message: {{.Employer}}.
var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// messagesOf reads one TOML file's messages, by ID.
func messagesOf(t *testing.T, name string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(files, name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := toml.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]string{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			switch v := v.(type) {
			case map[string]any:
				walk(prefix+k+".", v)
			case string:
				out[prefix+k] = v
			}
		}
	}
	walk("", m)
	return out
}

// fields lists a message's placeholders, sorted.
func fields(msg string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(msg, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return out
}

// TestWorkDocumentsInEveryLanguage: the texts of the documents of the way
// to work (doc-work.*.toml) are in every person language, each key of the
// Italian there with the same placeholders, and nothing more.
func TestWorkDocumentsInEveryLanguage(t *testing.T) {
	it := messagesOf(t, "doc-work.it.toml")
	if len(it) < 30 {
		t.Fatalf("only %d Italian texts", len(it))
	}
	for _, l := range model.BeneficiaryLanguages {
		msgs := messagesOf(t, "doc-work."+l.Tag+".toml")
		for k, v := range it {
			got, ok := msgs[k]
			if !ok || got == "" {
				t.Errorf("%s: %s missing", l.Tag, k)
				continue
			}
			if !slices.Equal(fields(got), fields(v)) {
				t.Errorf("%s: %s has placeholders %v, the Italian %v", l.Tag, k, fields(got), fields(v))
			}
		}
		for k := range msgs {
			if _, ok := it[k]; !ok {
				t.Errorf("%s: %s is not in the Italian", l.Tag, k)
			}
		}
	}
}

// TestAccessTextsMatch: the access document's texts are the same keys,
// with the same placeholders, in each language that has them.
func TestAccessTextsMatch(t *testing.T) {
	it := messagesOf(t, "doc-access.it.toml")
	for _, lang := range []string{"en", "ar", "ur"} {
		msgs := messagesOf(t, "doc-access."+lang+".toml")
		for k, v := range it {
			if got, ok := msgs[k]; !ok || !slices.Equal(fields(got), fields(v)) {
				t.Errorf("%s: %s missing or with other placeholders", lang, k)
			}
		}
		if len(msgs) != len(it) {
			t.Errorf("%s: %d texts, the Italian %d", lang, len(msgs), len(it))
		}
	}
}
