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
