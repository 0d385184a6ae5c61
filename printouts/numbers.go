package printouts

import (
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"sportello/typeset"
)

// Numbers a person reads are written the way their language writes them
// (CLDR's decimal and grouping signs, golang.org/x/text): 1.234,50 in
// Italian, 1,234.50 in English, 1 234,50 in French, always with the digits
// 0–9 the documents use throughout. The Italian side keeps the Italian way.

// numberIn is v in lang's way, with at most frac decimals (exactly frac
// when fixed).
func numberIn(lang string, v float64, frac int, fixed bool) string {
	tag, err := language.Parse(lang + "-u-nu-latn")
	if err != nil {
		tag = language.Italian
	}
	opts := []number.Option{number.MaxFractionDigits(frac)}
	if fixed {
		opts = append(opts, number.MinFractionDigits(frac))
	}
	return message.NewPrinter(tag).Sprint(number.Decimal(v, opts...))
}

// euroIn is an amount of cents in euros, in lang's way.
func euroIn(lang string, cents int64) string {
	return typeset.IsolateLTR("€ " + numberIn(lang, float64(cents)/100, 2, true))
}

// hoursIn is a number of hours in lang's way.
func hoursIn(lang string, h float64) string {
	return typeset.IsolateLTR(numberIn(lang, h, 2, false))
}
