package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// picker is a type-ahead field over a long list of coded options (countries,
// languages): the operator types part of a name, in Italian or in English,
// and chooses among the matches listed under the field with the arrow keys
// and Enter, or with the mouse. Its value is the chosen option's code.
//
// The matches are listed inline, under the entry, not in a pop-up: a Fyne
// pop-up takes the keyboard away from the entry (the canvas gives keys to
// the top overlay), so typing, Tab and paste would stop working there.
type picker struct {
	widget.Entry
	u       *App
	options []pickOption
	code    string // the chosen option's code, "" while none is chosen
	matches []match
	current int // the highlighted match
	rows    *fyne.Container
	more    *widget.Label
	box     *fyne.Container // the entry and its matches: what the form lays out
	filling bool            // the text is being set by code, not typed

	noMatch, several string // message IDs, with {{.Text}}

	// lookup, when set, finds the options for the typed text itself (a list
	// too long to hold, like the occupations), best first: they replace the
	// options on every edit.
	lookup func(text string) []pickOption

	onChosen  func(code string) // an option was chosen
	onChanged func()            // the text or the choice changed
	onLeft    func(problem string)
}

// pickOption is one choice: its code, the label shown, the names the typed
// text is matched against (names[i] folded is keys[i]) and the codes it
// matches only whole (ISO codes, language tags).
type pickOption struct {
	code, label string
	names, keys []string
	codes       []string
}

// match is an option matching the typed text, and the name it matched by
// (-1 for a code).
type match struct {
	option, name, rank int
}

// maxMatches is how many matches are listed; the others are counted.
const maxMatches = 8

func newPicker(u *App, options []pickOption, noMatch, several string) *picker {
	p := &picker{u: u, options: withKeys(options), noMatch: noMatch, several: several}
	p.PlaceHolder = u.t("form.type_to_search")
	p.OnChanged = p.changed
	p.rows = container.NewVBox()
	p.more = widget.NewLabel("")
	p.more.Importance = widget.LowImportance
	list := container.NewVBox(p.rows, p.more)
	list.Hide()
	p.box = container.NewVBox(p, list)
	p.ExtendBaseWidget(p)
	return p
}

// withKeys folds the options' names into their keys.
func withKeys(options []pickOption) []pickOption {
	for i := range options {
		o := &options[i]
		o.keys = make([]string, len(o.names))
		for j, n := range o.names {
			o.keys[j] = model.Fold(n)
		}
	}
	return options
}

// countryPicker offers every country, by its Italian or English name, a
// former name, or its ISO code.
func countryPicker(u *App) *picker {
	var opts []pickOption
	for _, c := range model.Countries() {
		opts = append(opts, pickOption{code: c.ISO2, label: u.countryName(c), names: model.CountrySearchNames(c),
			codes: []string{c.ISO2, c.ISO3}})
	}
	return newPicker(u, opts, "person.country_no_match", "person.country_several")
}

// languagePicker offers the beneficiary languages, by their Italian,
// English or own name, or their tag.
func languagePicker(u *App) *picker {
	it := locales.New("it")
	var opts []pickOption
	for _, l := range model.Languages() {
		opts = append(opts, pickOption{code: l.Tag, label: u.label("lang", l.Tag) + " (" + l.Tag + ")",
			names: []string{firstOf(itName(it, l.Tag), l.English), l.English, l.Native}, codes: []string{l.Tag}})
	}
	return newPicker(u, opts, "person.language_no_match", "person.language_several")
}

// itName is the Italian name of a language, "" for one the desk added.
func itName(it *locales.Localizer, tag string) string {
	if it.Has("lang." + tag) {
		return it.T("lang." + tag)
	}
	return ""
}

// search lists the options matching q: names starting with it first, then
// names with a word starting with it, then names containing it; a code
// matches only whole.
func (p *picker) search(q string) []match {
	q = model.Fold(q)
	if q == "" {
		return nil
	}
	var out []match
	if p.lookup != nil { // the options are the lookup's matches, in its order
		for i, o := range p.options {
			out = append(out, match{option: i, name: len(o.names) - 1})
		}
		return out
	}
	for i, o := range p.options {
		best := match{option: i, rank: -1}
		for _, c := range o.codes {
			if model.Fold(c) == q {
				best.name, best.rank = -1, 0
			}
		}
		for j, k := range o.keys {
			if r := rankName(k, q); r >= 0 && (best.rank < 0 || r < best.rank) {
				best.name, best.rank = j, r
			}
		}
		if best.rank >= 0 {
			out = append(out, best)
		}
	}
	slices.SortStableFunc(out, func(a, b match) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return strings.Compare(model.Fold(p.options[a.option].label), model.Fold(p.options[b.option].label))
	})
	return out
}

// rankName is 0 when key is or starts with q, 1 when one of its words does,
// 2 when it contains q elsewhere, -1 when it does not.
func rankName(key, q string) int {
	switch {
	case strings.HasPrefix(key, q):
		return 0
	case strings.Contains(key, " "+q), strings.Contains(key, "-"+q), strings.Contains(key, "("+q),
		strings.Contains(key, "'"+q):
		return 1
	case strings.Contains(key, q):
		return 2
	}
	return -1
}

// value is the chosen code; or, when nothing was chosen, the option the text
// names alone (its whole name, or the only match); or the problem to show.
func (p *picker) value() (code, problem string) {
	if p.code != "" {
		return p.code, ""
	}
	text := strings.TrimSpace(p.Text)
	q := model.Fold(text)
	if q == "" {
		return "", ""
	}
	for _, o := range p.options {
		if slices.Contains(o.keys, q) || model.Fold(o.label) == q || slices.ContainsFunc(o.codes,
			func(c string) bool { return model.Fold(c) == q }) {
			return o.code, ""
		}
	}
	data := map[string]any{"Text": text}
	switch m := p.search(q); len(m) {
	case 0:
		return "", p.u.tr.Tf(p.noMatch, data)
	case 1:
		return p.options[m[0].option].code, ""
	default:
		return "", p.u.tr.Tf(p.several, data)
	}
}

// setCode shows the option with code, or empties the field.
func (p *picker) setCode(code string) {
	p.filling = true
	defer func() { p.filling = false }()
	p.code = ""
	p.SetText("")
	for _, o := range p.options {
		if o.code == code {
			p.code = code
			p.SetText(o.label)
		}
	}
	p.close()
}

func (p *picker) choose(i int) {
	p.setCode(p.options[i].code)
	p.report("")
	if p.onChosen != nil {
		p.onChosen(p.code)
	}
	if p.onChanged != nil {
		p.onChanged()
	}
}

func (p *picker) report(problem string) {
	if p.onLeft != nil {
		p.onLeft(problem)
	}
}

// changed runs on every edit: what was chosen is forgotten, the matches
// listed again.
func (p *picker) changed(string) {
	if p.filling {
		return
	}
	p.code = ""
	if p.lookup != nil {
		p.options = withKeys(p.lookup(p.Text))
	}
	p.matches = p.search(p.Text)
	p.current = 0
	p.showMatches()
	if p.onChanged != nil {
		p.onChanged()
	}
}

func (p *picker) showMatches() {
	list := p.box.Objects[1]
	if len(p.matches) == 0 {
		list.Hide()
		return
	}
	p.rows.RemoveAll()
	for n, m := range p.matches[:min(len(p.matches), maxMatches)] {
		o := p.options[m.option]
		text := o.label
		if m.name >= 0 && !strings.Contains(model.Fold(o.label), model.Fold(p.Text)) {
			text += " · " + o.names[m.name] // say why "turkey" found Turchia
		}
		p.rows.Add(newMatchRow(text, n == p.current, func() { p.choose(m.option) }))
	}
	p.more.SetText("")
	p.more.Hide()
	if extra := len(p.matches) - maxMatches; extra > 0 {
		p.more.SetText(p.u.tr.N("form.more_matches", extra))
		p.more.Show()
	}
	list.Show()
}

func (p *picker) close() {
	p.matches = nil
	p.box.Objects[1].Hide()
}

// TypedKey moves through the matches with the arrows, chooses with Enter,
// closes the list with Escape; other keys edit the text.
func (p *picker) TypedKey(ev *fyne.KeyEvent) {
	if n := min(len(p.matches), maxMatches); n > 0 {
		switch ev.Name {
		case fyne.KeyDown, fyne.KeyUp:
			if ev.Name == fyne.KeyDown {
				p.current = min(p.current+1, n-1)
			} else {
				p.current = max(p.current-1, 0)
			}
			p.showMatches()
			return
		case fyne.KeyReturn, fyne.KeyEnter:
			p.choose(p.matches[p.current].option)
			return
		case fyne.KeyEscape:
			p.close()
			return
		}
	}
	p.Entry.TypedKey(ev)
}

// FocusLost settles the field: the option its text names is chosen, or the
// problem is shown on the field; the text is never dropped.
func (p *picker) FocusLost() {
	p.Entry.FocusLost()
	p.close()
	if p.code != "" || strings.TrimSpace(p.Text) == "" {
		p.report("")
		return
	}
	code, problem := p.value()
	if code == "" {
		p.report(problem)
		return
	}
	for i, o := range p.options {
		if o.code == code {
			p.choose(i)
		}
	}
}

// matchRow is one listed match: highlighted when the arrows are on it,
// chosen on mouse press (before the entry loses focus and the list closes).
type matchRow struct {
	widget.BaseWidget
	text     string
	selected bool
	onChoose func()
}

func newMatchRow(text string, selected bool, onChoose func()) *matchRow {
	r := &matchRow{text: text, selected: selected, onChoose: onChoose}
	r.ExtendBaseWidget(r)
	return r
}

func (r *matchRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	if r.selected {
		bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	l := widget.NewLabel(r.text)
	l.TextStyle.Bold = r.selected
	return widget.NewSimpleRenderer(container.NewStack(bg, l))
}

func (r *matchRow) Tapped(*fyne.PointEvent)       { r.onChoose() }
func (r *matchRow) MouseDown(*desktop.MouseEvent) { r.onChoose() }
func (r *matchRow) MouseUp(*desktop.MouseEvent)   {}
func (r *matchRow) Cursor() desktop.Cursor        { return desktop.PointerCursor }
