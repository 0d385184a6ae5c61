package locales

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// A language's corrections travel between desks as one file in go-i18n's
// TOML, the format of locales/ itself: a desk imports it (the differences
// shown first), and the project can take it into locales/AREA.LANG.toml
// as a new reviewed version by copying its tables. gettext PO or XLIFF
// would need a converter both ways; translators' tools that read go-i18n
// TOML (goi18n merge, Weblate's go-i18n TOML format) read it as it is.

// WriteCorrections writes texts (message ID → text) as a TOML message
// file, the header lines first as comments.
func WriteCorrections(w io.Writer, header []string, texts map[string]string) error {
	root := map[string]any{}
	for id, text := range texts {
		parts := strings.Split(id, ".")
		m := root
		for _, p := range parts[:len(parts)-1] {
			sub, ok := m[p].(map[string]any)
			if !ok {
				sub = map[string]any{}
				m[p] = sub
			}
			m = sub
		}
		m[parts[len(parts)-1]] = text
	}
	var b bytes.Buffer
	for _, h := range header {
		fmt.Fprintf(&b, "# %s\n", strings.ReplaceAll(h, "\n", " "))
	}
	b.WriteString("\n")
	if err := toml.NewEncoder(&b).Encode(root); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// ReadCorrections reads a file WriteCorrections wrote (or any go-i18n TOML
// message file): the texts by message ID, each checked as a correction
// (CheckCorrection). A text that does not fit its sentence refuses the
// whole file, naming the message.
func ReadCorrections(r io.Reader) (map[string]string, error) {
	var m map[string]any
	if _, err := toml.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("not a TOML message file: %w", err)
	}
	out := map[string]string{}
	flattenTexts("", m, out)
	ids := make([]string, 0, len(out))
	for id := range out {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := CheckCorrection(id, out[id]); err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
	}
	return out, nil
}

// Change is a text a file of corrections would change.
type Change struct {
	ID, Before, After string
}

// Changes lists, by message ID, the texts of lang that incoming would
// change: what a person reads now (a correction, else the draft) and what
// they would read.
func Changes(lang string, incoming map[string]string) []Change {
	var out []Change
	for id, after := range incoming {
		before := CorrectionText(lang, id)
		if before == "" {
			before = Source(lang, id)
		}
		if strings.TrimSpace(before) != strings.TrimSpace(after) {
			out = append(out, Change{ID: id, Before: before, After: after})
		}
	}
	slices.SortFunc(out, func(a, b Change) int { return strings.Compare(a.ID, b.ID) })
	return out
}
