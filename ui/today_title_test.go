package ui

import (
	"testing"

	"sportello/locales"
	"sportello/model"
)

func TestTodayTitleSaysACappedCountAsASentence(t *testing.T) {
	for _, c := range []struct {
		lang  string
		group model.TodayGroup
		want  string
	}{
		{"it", model.TodayGroup{Kind: model.TodayPermitExpiring, Total: 1},
			"1 permesso di soggiorno in scadenza entro 60 giorni"},
		{"it", model.TodayGroup{Kind: model.TodayPermitExpiring, Total: 1234},
			"1.234 permessi di soggiorno in scadenza entro 60 giorni"},
		{"it", model.TodayGroup{Kind: model.TodayPermitExpiring, Total: 1000, More: true},
			"Più di 1.000 permessi di soggiorno in scadenza entro 60 giorni"},
		{"en", model.TodayGroup{Kind: model.TodayActionOverdue, Total: 1000, More: true},
			"More than 1,000 plan actions overdue"},
	} {
		u := &App{tr: locales.New(c.lang)}
		if got := todayTitle(u, c.group); got != c.want {
			t.Errorf("%s %+v: %q, want %q", c.lang, c.group, got, c.want)
		}
	}
}

func TestCapitalFirstLeavesScriptsWithoutCase(t *testing.T) {
	for in, want := range map[string]string{"più di": "Più di", "Più": "Più", "أكثر من": "أكثر من", "": "", "1 invio": "1 invio"} {
		if got := capitalFirst(in); got != want {
			t.Errorf("capitalFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTodayHeadingWrapsOnASmallScreen(t *testing.T) {
	u := &App{tr: locales.New("it")}
	title := todayTitle(u, model.TodayGroup{Kind: model.TodayReferralOverdue, Total: 1000, More: true})
	h := todayHeading(title)
	if h.Text != title {
		t.Fatalf("heading %q, want %q", h.Text, title)
	}
	// Beside the person list, Today has some 600 points of a 1024×600 screen.
	if w := h.MinSize().Width; w > 300 {
		t.Errorf("the heading needs %.0f points of width: it does not wrap", w)
	}
}
