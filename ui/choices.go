package ui

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// choice is a Select whose options show translated labels but whose value
// is a code. It extends the Select (rather than wrapping one), so that the
// driver finds it on the canvas and its list opens where it is.
type choice struct {
	widget.Select
	codes  []string
	labels []string
}

func newChoice(u *App, codes, labels []string) *choice {
	c := &choice{codes: codes, labels: labels}
	c.Options = labels
	c.PlaceHolder = u.t("form.choose")
	c.ExtendBaseWidget(c)
	return c
}

// code is the selected option's code, or "".
func (c *choice) code() string {
	i := c.SelectedIndex()
	if i < 0 {
		return ""
	}
	return c.codes[i]
}

// setCode selects the option with code, or clears the selection.
func (c *choice) setCode(code string) {
	for i, x := range c.codes {
		if x == code {
			c.SetSelectedIndex(i)
			return
		}
	}
	c.ClearSelected()
}

// enumChoice offers the values of an enumeration, translated.
func enumChoice[T ~string](u *App, kind string, values []T) *choice {
	codes := make([]string, len(values))
	labels := make([]string, len(values))
	for i, v := range values {
		codes[i], labels[i] = string(v), u.label(kind, v)
	}
	return newChoice(u, codes, labels)
}

// countryName is the country's name in the interface language.
func (u *App) countryName(c model.Country) string {
	if u.tr.Lang() == "en" {
		return c.NameEN
	}
	return c.NameIT
}

// languageChoice offers the beneficiary languages, named in the interface
// language (Fyne's select cannot order a right-to-left name).
func languageChoice(u *App) *choice {
	var codes, labels []string
	for _, l := range model.Languages() {
		codes = append(codes, l.Tag)
		labels = append(labels, u.label("lang", l.Tag)+" ("+l.Tag+")")
	}
	return newChoice(u, codes, labels)
}

// splitList reads a comma-separated list, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
