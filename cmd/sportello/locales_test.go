package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sportello/assets"
	"sportello/locales"
	"sportello/model"
	"sportello/ui"
)

// keyLike is the shape of a message ID.
var keyLike = regexp.MustCompile(`^[a-z_]+(\.[A-Za-z_]+)+$`)

// translators are the functions whose first argument is a message ID.
var translators = map[string]bool{"t": true, "T": true, "Tf": true, "N": true, "add": true}

// codeKeys scans the non-test Go files of the packages that show text and
// returns the message IDs passed to a translator (must exist) and every
// key-like string literal (counts as a use).
func codeKeys(t *testing.T) (called, literals map[string]bool) {
	called, literals = map[string]bool{}, map[string]bool{}
	for _, dir := range []string{"../../ui", "../../printouts", "../../report", "."} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			tree, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(tree, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING && keyLike.MatchString(s) {
						literals[s] = true
					}
				case *ast.CallExpr:
					name := ""
					switch fn := n.Fun.(type) {
					case *ast.Ident:
						name = fn.Name
					case *ast.SelectorExpr:
						name = fn.Sel.Name
					}
					if translators[name] && len(n.Args) > 0 {
						if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							s, _ := strconv.Unquote(lit.Value)
							if keyLike.MatchString(s) {
								called[s] = true
							}
						}
					}
				}
				return true
			})
		}
	}
	return called, literals
}

// TestLocalesComplete fails when a key the code uses is missing in Italian
// or English, or when a key in a file is used nowhere.
func TestLocalesComplete(t *testing.T) {
	called, literals := codeKeys(t)
	dynamic := map[string]bool{}
	for _, k := range ui.DynamicKeys() {
		dynamic[k] = true
	}
	for _, c := range append(commands(), command{name: "window"}) {
		dynamic["cli.help_"+c.name] = true
	}
	if len(called) < 50 || len(dynamic) < 50 {
		t.Fatalf("the scan found too few keys (%d called, %d dynamic): is it reading the sources?", len(called), len(dynamic))
	}
	for _, lang := range locales.Interface {
		keys, err := locales.Keys(locales.AreaInterface, lang)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		have := map[string]bool{}
		for _, k := range keys {
			have[k] = true
			if !literals[k] && !dynamic[k] {
				t.Errorf("%s.toml: %q is used nowhere", lang, k)
			}
		}
		for k := range called {
			if strings.HasPrefix(k, "doc.") || strings.HasPrefix(k, "q.") {
				continue // the person's texts: checked by the printouts and questionnaire tests
			}
			if !have[k] {
				t.Errorf("%s.toml: %q is used in the code but missing", lang, k)
			}
		}
		for k := range dynamic {
			if !have[k] {
				t.Errorf("%s.toml: %q is built by the code but missing", lang, k)
			}
		}
		tr := locales.New(lang)
		for k := range have {
			if msg := tr.T(k); msg == k || strings.TrimSpace(msg) == "" {
				t.Errorf("%s: %q does not translate", lang, k)
			}
		}
	}
}

func TestLocaleFallback(t *testing.T) {
	cases := []struct{ asked, got string }{
		{"it", "it"}, {"en", "en"}, {"en-GB", "en"}, {"it-CH", "it"},
		// No interface file for these: Italian, never a sibling language.
		{"ur", "it"}, {"fa", "it"}, {"ps", "it"}, {"pa", "it"}, {"xx", "it"}, {"", "it"}, {"not a tag!", "it"},
	}
	for _, c := range cases {
		if got := locales.New(c.asked).Lang(); got != c.got {
			t.Errorf("New(%q) speaks %q, want %q", c.asked, got, c.got)
		}
	}
	if got := locales.New("ur").T("login.sign_in"); got != "Accedi" {
		t.Errorf("ur falls back to %q, want the Italian text", got)
	}
}

// TestQuestionnaireInEveryLanguage: every text the bundled questionnaires
// need is in every beneficiary language's file, and the files hold no text
// the questionnaire does not use.
func TestQuestionnaireInEveryLanguage(t *testing.T) {
	need := map[string]bool{}
	for _, v := range assets.QuestionnaireVersions() {
		data, _ := assets.Questionnaire(v)
		qn, err := model.ParseQuestionnaire(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range qn.Keys() {
			need[k] = true
		}
	}
	for _, l := range model.BeneficiaryLanguages {
		keys, err := locales.Keys(locales.AreaQuestionnaire, l.Tag)
		if err != nil {
			t.Fatalf("%s: %v", l.Tag, err)
		}
		have := map[string]bool{}
		for _, k := range keys {
			have[k] = true
			if !need[k] {
				t.Errorf("q.%s.toml: %q is used by no questionnaire", l.Tag, k)
			}
		}
		for k := range need {
			if !have[k] {
				t.Errorf("q.%s.toml: %q is missing", l.Tag, k)
			}
		}
	}
}
