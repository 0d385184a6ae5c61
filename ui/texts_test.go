package ui

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/demo"
	"sportello/store"
)

// catalogueText is one interface text in one language, and the same
// message's text in the other language.
type catalogueText struct {
	id, text, other string
	re              *regexp.Regexp // for a text with {{.Fields}}; nil otherwise
}

// catalogue reads the interface message files (ui*.LANG.toml) of lang, as
// "id" → text; a plural form is "id.one", "id.other".
func catalogue(t *testing.T, lang string) map[string]string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join("..", "locales", "ui*."+lang+".toml"))
	if len(names) == 0 {
		t.Fatalf("no ui*.%s.toml in ../locales", lang)
	}
	out := map[string]string{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			switch v := v.(type) {
			case string:
				out[prefix+k] = v
			case map[string]any:
				walk(prefix+k+".", v)
			}
		}
	}
	for _, n := range names {
		var m map[string]any
		if _, err := toml.DecodeFile(n, &m); err != nil {
			t.Fatal(err)
		}
		walk("", m)
	}
	return out
}

var (
	placeholder = regexp.MustCompile(`\{\{[^}]*\}\}`)
	numeric     = regexp.MustCompile(`\.(Count|N|Total|Minutes|Days|Years|Months|Hours|Done|Max|Min)\b`)
)

// properNames are catalogue texts that are names in every language: the
// product is called Sportello in English too.
var properNames = map[string]bool{"Sportello": true}

// onlyIn lists the texts of one catalogue that the other says differently:
// seen on a screen in the other language, they are left untranslated.
// Texts with fewer than three letters of their own (a bare "{{.Name}}",
// "N.") would match anything, and are left out.
func onlyIn(texts, others map[string]string) (exact map[string]catalogueText, templates []catalogueText) {
	exact = map[string]catalogueText{}
	mine := map[string]bool{}
	for _, text := range others {
		mine[text] = true
	}
	for id, text := range texts {
		other, ok := others[id]
		// A text both catalogues have ("Note": Italian notes, English
		// note) says nothing of the language; a proper name neither.
		if !ok || other == text || mine[text] || properNames[text] {
			continue
		}
		literal := placeholder.ReplaceAllString(text, "")
		if strings.IndexFunc(literal, unicode.IsLetter) < 0 || len([]rune(literal)) < 3 {
			continue
		}
		c := catalogueText{id: id, text: text, other: other}
		if literal == text {
			exact[text] = c
			continue
		}
		// A count is digits; any other field, any text.
		pattern := ""
		for i, p := range placeholder.Split(text, -1) {
			if i > 0 {
				field := placeholder.FindAllString(text, -1)[i-1]
				pattern += map[bool]string{true: `[0-9]+`, false: `.+`}[numeric.MatchString(field)]
			}
			pattern += regexp.QuoteMeta(p)
		}
		c.re = regexp.MustCompile(`^` + pattern + `$`)
		templates = append(templates, c)
	}
	sort.Slice(templates, func(i, j int) bool { return templates[i].id < templates[j].id })
	return exact, templates
}

// pieces splits what a widget shows into the texts it may be made of: a
// button "Avanti (Ctrl+Invio)", a line "Nome · Ruolo", lines of a label.
var pieceSep = regexp.MustCompile(`\s*(?:[·:()\n|—–]|\s{2,})\s*`)

func pieces(s string) []string {
	out := []string{strings.TrimSpace(s)}
	for _, line := range strings.Split(s, "\n") {
		out = append(out, strings.TrimSpace(line))
	}
	for _, p := range pieceSep.Split(s, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// shownTexts lists every text the window shows, dialogs included: labels,
// buttons, placeholders, the options of selects, checks and radios, cards,
// form items, tabs (each tab opened in turn) and the interview's options.
func shownTexts(u *App) []string {
	var roots []fyne.CanvasObject
	roots = append(roots, u.win.Content())
	roots = append(roots, u.win.Canvas().Overlays().List()...)
	seen := map[string]bool{}
	var out []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	var tabs []*container.AppTabs
	gather := func() {
		for _, root := range roots {
			for _, o := range visibleTree(root) {
				if at, ok := o.(*container.AppTabs); ok && !containsTabs(tabs, at) {
					tabs = append(tabs, at)
				}
				add(objectTexts(o)...)
			}
		}
	}
	gather()
	for i := 0; i < len(tabs); i++ { // tabs found in a tab are opened too
		at := tabs[i]
		was := at.SelectedIndex()
		for j := range at.Items {
			at.SelectIndex(j)
			gather()
		}
		at.SelectIndex(was)
	}
	return out
}

func containsTabs(list []*container.AppTabs, at *container.AppTabs) bool {
	for _, x := range list {
		if x == at {
			return true
		}
	}
	return false
}

// objectTexts is what one object shows in words. A person's language,
// drawn by scriptText, is no interface text and is left out.
func objectTexts(o fyne.CanvasObject) []string {
	switch w := o.(type) {
	case *widget.Label:
		return []string{w.Text}
	case *statusLine:
		return []string{w.Text}
	case *canvas.Text:
		return []string{w.Text}
	case *widget.RichText:
		return []string{w.String()}
	case *widget.Button:
		return []string{w.Text}
	case *followButton:
		return []string{w.Text}
	case *widget.Hyperlink:
		return []string{w.Text}
	case *widget.Check:
		return []string{w.Text}
	case *widget.CheckGroup:
		return w.Options
	case *widget.RadioGroup:
		return w.Options
	case *widget.Entry:
		return []string{w.PlaceHolder}
	case *picker:
		out := []string{w.PlaceHolder}
		for _, opt := range w.options {
			out = append(out, opt.label)
		}
		return out
	case *widget.SelectEntry:
		return []string{w.PlaceHolder}
	case *widget.Select:
		return append([]string{w.PlaceHolder, w.Selected}, w.Options...)
	case *choice:
		return append([]string{w.PlaceHolder, w.Selected}, w.Options...)
	case *widget.Card:
		return []string{w.Title, w.Subtitle}
	case *widget.Form:
		out := []string{w.SubmitText, w.CancelText}
		for _, it := range w.Items {
			out = append(out, it.Text, it.HintText)
		}
		return out
	case *container.AppTabs:
		var out []string
		for _, it := range w.Items {
			out = append(out, it.Text)
		}
		return out
	case *widget.Accordion:
		var out []string
		for _, it := range w.Items {
			out = append(out, it.Title)
		}
		return out
	case *optionButton:
		return []string{w.operator}
	case *matchRow:
		return []string{w.text}
	}
	return nil
}

// visitScreens signs in on a demo desk speaking lang and opens every main
// screen in turn, calling visit on each.
func visitScreens(t *testing.T, lang string, visit func(screen string, u *App)) {
	t.Helper()
	u, db := newTestApp(t)
	u.win.Resize(fyne.NewSize(1600, 1000)) // every toolbar button shown
	seedDesk(t, db, 6)
	if err := db.SaveSettings(t.Context(), map[string]string{store.SettingLanguage: lang}, 0); err != nil {
		t.Fatal(err)
	}
	u.loadSettings()
	u.Start()
	visit("login", u)
	typeInto(t, u, u.t("login.username"), demo.Coordinator)
	typeInto(t, u, u.t("login.password"), demo.Password)
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.op == nil || u.tr.Lang() != lang {
		t.Fatalf("not signed in in %s; screen says:\n%s", lang, texts(u))
	}
	visit("today, person list", u)
	h := u.home
	for _, tool := range []struct{ screen, button string }{
		{"open referrals", "home.referrals"}, {"services", "home.services"}, {"activities", "activities.button"},
		{"settings", "home.settings"}, {"exchange", "exchange.button"}, {"audit view", "audit.button"},
		{"indicators", "programme.button"}, {"duplicates", "duplicates.button"},
	} {
		test.Tap(button(t, u, u.t(tool.button)))
		visit(tool.screen, u)
	}
	openTargets(t, u)
	visit("settings: programme targets", u)
	h.show(newTextsReview(u).build())
	visit("texts for persons", u)
	h.onRegister()
	visit("registration form", u)
	visitEmployers(t, u, visit)

	for row := 0; row < 3; row++ {
		h.list.list.UnselectAll()
		h.list.list.Select(row)
		visit(fmt.Sprintf("case view (row %d)", row), u)
	}
	for _, fromCase := range []struct{ screen, button string }{
		{"plan", "case.plan"}, {"consents", "case.consents"}, {"referrals", "case.referrals"},
		{"printouts", "case.print"}, {"rights request", "rights_request.button"},
	} {
		test.Tap(button(t, u, u.t(fromCase.button)))
		visit(fromCase.screen, u)
		h.back()
	}
	visitWork(t, u, visit)
	visitWorkPaths(t, u, visit)
	test.Tap(button(t, u, u.t("erase.action")))
	visit("erase", u)
	test.Tap(overlayButton(t, u, u.t("form.cancel")))

	test.Tap(button(t, u, u.t("case.new_interview")))
	visit("interview start", u)
	typeInto(t, u, u.t("interview.mediator"), "Samira Belkacem")
	test.Tap(button(t, u, u.t("interview.start")))
	if u.inter == nil {
		t.Fatalf("the interview did not start:\n%s", texts(u))
	}
	s := u.inter
	for {
		visit(fmt.Sprintf("interview, section %d", s.section+1), u)
		if s.section == len(s.qn.Sections)-1 {
			break
		}
		test.Tap(button(t, u, keyed(u, "interview.next")))
	}
	s.setView(viewOperator)
	visit("interview, operator view", u)
	s.setView(viewPerson)
	visit("interview, person view", u)
}

// visitEmployers opens the Employers screen, a flagged employer's page with
// a held vacancy, and the forms of an employer and of a vacancy.
func visitEmployers(t *testing.T, u *App, visit func(screen string, u *App)) {
	t.Helper()
	if err := demo.SeedWork(t.Context(), u.base.(*store.DB)); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, u, u.t("employers.button")))
	visit("employers", u)
	test.Tap(button(t, u, "Vivai del Circeo (demo)"))
	visit("employer page (flagged, held vacancy)", u)
	test.Tap(button(t, u, u.t("employers.edit_vacancy")))
	visit("vacancy form", u)
	test.Tap(button(t, u, u.t("form.cancel")))
	test.Tap(button(t, u, u.t("employers.edit")))
	visit("employer form", u)
	test.Tap(button(t, u, u.t("form.cancel")))
	test.Tap(button(t, u, u.t("employers.back")))
	test.Tap(button(t, u, "Azienda Agricola Le Serre (demo)"))
	test.Tap(button(t, u, u.t("work_match.candidates")))
	visit("vacancy candidates", u)
}

// visitWork opens the case's work view and its tabs of matching vacancies
// and proposals.
func visitWork(t *testing.T, u *App, visit func(screen string, u *App)) {
	t.Helper()
	test.Tap(button(t, u, u.t("work.button")))
	visit("work: matching vacancies", u)
	for _, o := range objects(u) {
		if tabs, ok := o.(*container.AppTabs); ok {
			tabs.SelectIndex(1)
		}
	}
	visit("work: proposals", u)
	u.home.back()
}

// TestEveryScreenInOneLanguage opens every main screen in English and
// fails on any text of the Italian catalogue (one the English catalogue
// says differently) that it shows, then the reverse in Italian.
func TestEveryScreenInOneLanguage(t *testing.T) {
	cat := map[string]map[string]string{"it": catalogue(t, "it"), "en": catalogue(t, "en")}
	names := map[string]string{"it": "Italian", "en": "English"}
	for _, tc := range []struct{ lang, other string }{{"en", "it"}, {"it", "en"}} {
		t.Run(tc.lang, func(t *testing.T) {
			exact, templates := onlyIn(cat[tc.other], cat[tc.lang])
			screens := 0
			visitScreens(t, tc.lang, func(screen string, u *App) {
				screens++
				found := map[string]bool{}
				shown := shownTexts(u)
				t.Logf("%s: %d texts", screen, len(shown))
				for _, s := range shown {
					for _, p := range pieces(s) {
						c, ok := exact[p]
						for i := 0; !ok && i < len(templates); i++ {
							c, ok = templates[i], templates[i].re.MatchString(p)
						}
						if ok && !found[c.id] {
							found[c.id] = true
							t.Errorf("%s screen %q shows %q: the %s text of %s (in %s: %q)",
								names[tc.lang], screen, s, names[tc.other], c.id, names[tc.lang], c.other)
						}
					}
				}
			})
			if screens < 20 {
				t.Errorf("only %d screens visited", screens)
			}
		})
	}
}

// visitWorkPaths opens the Work screen's internships and enterprise tabs,
// and the form of each, then goes back to the case.
func visitWorkPaths(t *testing.T, u *App, visit func(screen string, u *App)) {
	t.Helper()
	test.Tap(button(t, u, u.t("work.button")))
	var tabs *container.AppTabs
	for _, o := range objects(u) {
		if at, ok := o.(*container.AppTabs); ok {
			tabs = at
		}
	}
	if tabs == nil {
		t.Fatalf("no tabs on the Work screen:\n%s", texts(u))
	}
	tabs.SelectIndex(2)
	visit("work: internships", u)
	test.Tap(button(t, u, u.t("internships.new")))
	visit("work: internship form", u)
	test.Tap(button(t, u, u.t("form.cancel")))
	tabs.SelectIndex(3)
	visit("work: enterprise", u)
	test.Tap(button(t, u, u.t("enterprise.new")))
	test.Tap(button(t, u, u.t("enterprise.add_application")))
	visit("work: enterprise form", u)
	test.Tap(button(t, u, u.t("form.cancel")))
	test.Tap(overlayButton(t, u, u.t("leave.discard"))) // an application was added
	u.home.back()
}
