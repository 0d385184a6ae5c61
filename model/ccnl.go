package model

import (
	"fmt"
	"time"
)

// CCNL is a national collective agreement (contratto collettivo nazionale
// di lavoro) as the desk checks vacancies against it: the minimum hourly
// pay of each level, and the limits of hours. Figures are data with the
// date they hold from and where they come from; a coordinator updates them
// (store.SaveCCNLLevel) when an agreement is renewed.
type CCNL struct {
	ID          string
	Name        string
	Ateco       string    // the ATECO 2007 section it mostly covers
	NormalHours float64   // normal weekly hours: pay by the month or day is turned into hourly pay with them
	MaxWeekly   float64   // most weekly hours, overtime included
	MaxDaily    float64   // most hours in a day
	MarginPct   int       // pay up to this much below the minimum is not called clearly below
	ValidFrom   time.Time // the date the figures hold from
	Source      string
	Levels      []CCNLLevel
}

// CCNLLevel is one level (livello, area, categoria) of an agreement.
type CCNLLevel struct {
	Code     string
	Label    string
	MinCents int64 // minimum gross pay per hour, in euro cents
}

// Level finds a level of the agreement by its code.
func (c *CCNL) Level(code string) (CCNLLevel, bool) {
	for _, l := range c.Levels {
		if l.Code == code {
			return l, true
		}
	}
	return CCNLLevel{}, false
}

// FindCCNL finds an agreement of a table by its ID.
func FindCCNL(table []CCNL, id string) (*CCNL, bool) {
	for i := range table {
		if table[i].ID == id {
			return &table[i], true
		}
	}
	return nil, false
}

// Legal limits of working time that hold whatever the agreement says
// (D.Lgs. 66/2003): 48 hours a week on average, overtime included (art.
// 4), and 11 hours of rest in every 24 (art. 7), so at most 13 hours of
// work in a day; one day of rest in seven (art. 9).
const (
	LegalMaxWeekly  = 48
	LegalMaxDaily   = 13
	LegalMaxWeekday = 6
)

// indicative is the source note of the figures the program brings.
const indicative = "INDICATIVE figures, rounded, entered for Sportello's first use and not copied from the signed " +
	"tables: a coordinator checks them against the agreement in force (CNEL archive of collective agreements) " +
	"and the provincial agreements, and updates them"

// DefaultCCNLs are the main agreements of the desks' sectors, with
// INDICATIVE minimum pay: they flag a vacancy for a coordinator to look at,
// never decide on their own that pay is unlawful.
var DefaultCCNLs = []CCNL{
	{ID: "agri", Name: "CCNL operai agricoli e florovivaisti", Ateco: "A", NormalHours: 39, MaxWeekly: LegalMaxWeekly,
		MaxDaily: LegalMaxDaily, MarginPct: 10, ValidFrom: dateUTC(2024, 1, 1), Source: indicative +
			"; provincial agreements (contratti provinciali) set the pay actually due",
		Levels: []CCNLLevel{{"area_1", "Area 1 (specializzati)", 960}, {"area_2", "Area 2 (qualificati)", 880},
			{"area_3", "Area 3 (comuni)", 800}}},
	{ID: "domestic", Name: "CCNL lavoro domestico (colf e badanti)", Ateco: "T", NormalHours: 40, MaxWeekly: 54,
		MaxDaily: 10, MarginPct: 10, ValidFrom: dateUTC(2025, 1, 1), Source: indicative +
			"; live-in levels (conviventi) are the monthly minimum over 54 hours a week",
		Levels: []CCNLLevel{{"A", "A (non convivente)", 540}, {"B", "B (non convivente)", 680},
			{"BS", "BS (non convivente)", 720}, {"C", "C (non convivente)", 760}, {"CS", "CS (non convivente)", 800},
			{"D", "D (non convivente)", 920}, {"B_live_in", "B (convivente)", 440}, {"BS_live_in", "BS (convivente)", 470},
			{"CS_live_in", "CS (convivente)", 540}}},
	{ID: "construction", Name: "CCNL edilizia industria", Ateco: "F", NormalHours: 40, MaxWeekly: LegalMaxWeekly,
		MaxDaily: LegalMaxDaily, MarginPct: 10, ValidFrom: dateUTC(2024, 1, 1), Source: indicative,
		Levels: []CCNLLevel{{"1", "1° livello (operaio comune)", 1000}, {"2", "2° livello (operaio qualificato)", 1120},
			{"3", "3° livello (operaio specializzato)", 1240}, {"4", "4° livello (operaio di IV livello)", 1320}}},
	{ID: "logistics", Name: "CCNL logistica, trasporto merci e spedizione", Ateco: "H", NormalHours: 39,
		MaxWeekly: LegalMaxWeekly, MaxDaily: LegalMaxDaily, MarginPct: 10, ValidFrom: dateUTC(2024, 1, 1), Source: indicative,
		Levels: []CCNLLevel{{"6", "6° livello", 1050}, {"5", "5° livello", 1120}, {"4", "4° livello", 1180},
			{"3", "3° livello", 1250}}},
	{ID: "tourism", Name: "CCNL turismo - pubblici esercizi", Ateco: "I", NormalHours: 40, MaxWeekly: LegalMaxWeekly,
		MaxDaily: LegalMaxDaily, MarginPct: 10, ValidFrom: dateUTC(2024, 1, 1), Source: indicative,
		Levels: []CCNLLevel{{"6S", "6° livello super", 900}, {"6", "6° livello", 930}, {"5", "5° livello", 980},
			{"4", "4° livello", 1050}}},
	{ID: "food", Name: "CCNL industria alimentare", Ateco: "C", NormalHours: 40, MaxWeekly: LegalMaxWeekly,
		MaxDaily: LegalMaxDaily, MarginPct: 10, ValidFrom: dateUTC(2024, 1, 1), Source: indicative,
		Levels: []CCNLLevel{{"6", "6° livello", 1110}, {"5", "5° livello", 1200}, {"4", "4° livello", 1270},
			{"3", "3° livello", 1350}}},
}

func dateUTC(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Validate checks an agreement of the table, as a coordinator edits it.
func (c *CCNL) Validate() error {
	var v ValidationErrors
	v.add(requiredText("id", c.ID, MaxNameLen))
	v.add(requiredText("name", c.Name, MaxNameLen))
	v.add(requiredText("source", c.Source, 2*MaxTextLen))
	if c.ValidFrom.IsZero() {
		v.add(newError("valid_from", ErrRequired, "say from when the figures hold"))
	}
	if c.NormalHours <= 0 || c.MaxWeekly < c.NormalHours || c.MaxWeekly > 7*24 || c.MaxDaily <= 0 || c.MaxDaily > 24 {
		v.add(newError("hours", ErrInvalid, "hours: 0 < normal <= most a week <= 168, 0 < most a day <= 24"))
	}
	if c.MarginPct < 0 || c.MarginPct > 50 {
		v.add(newError("margin", ErrInvalid, "the margin is a percentage from 0 to 50"))
	}
	for i, l := range c.Levels {
		if l.Code == "" || l.MinCents <= 0 {
			v.add(newError(fmt.Sprintf("levels.%d", i), ErrInvalid, "a level needs a code and a minimum pay above zero"))
		}
	}
	return v.err()
}
