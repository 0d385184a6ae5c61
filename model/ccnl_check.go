package model

import "math"

// Breach is one way a vacancy breaks the collective agreement or the law,
// with the index of exploitation of art. 603-bis c.p. it touches ("i603.1"
// pay, "i603.2" working time, as model.Indicator names them).
type Breach struct {
	Code   string  // one of the Breach* codes
	Index  string  // "i603.1" or "i603.2"
	Limit  float64 // the least pay (cents an hour) or the most hours or days allowed
	Actual float64 // what the vacancy offers
}

// Breach codes.
const (
	BreachPay         = "pay_below_ccnl" // hourly pay clearly below the agreement's minimum for the level
	BreachWeeklyHours = "weekly_hours"   // more weekly hours than the agreement or the law allows
	BreachDailyHours  = "daily_hours"    // more hours in a day than allowed
	BreachRestDay     = "rest_day"       // no weekly day of rest
)

// CheckVacancy finds what in a vacancy breaks the collective agreement it
// refers to (its CCNL and level, looked up in table) or the law: pay
// clearly below the level's minimum (more than the agreement's margin
// below, once turned into pay per hour with the vacancy's own hours), more
// hours a week or a day than the agreement or the law allows, no day of
// rest in the week. Without an agreement in the table only the law's
// limits of hours are checked. Hours or pay not given are not checked.
func CheckVacancy(v *Vacancy, table []CCNL) []Breach {
	maxWeekly, maxDaily := float64(LegalMaxWeekly), float64(LegalMaxDaily)
	c, hasCCNL := FindCCNL(table, v.CCNL)
	if hasCCNL {
		maxWeekly, maxDaily = math.Min(maxWeekly, c.MaxWeekly), math.Min(maxDaily, c.MaxDaily)
		if c.MaxWeekly > LegalMaxWeekly { // an agreement the 48 hours do not bind (domestic work)
			maxWeekly = c.MaxWeekly
		}
	}
	var out []Breach
	if v.WeeklyHours > maxWeekly {
		out = append(out, Breach{BreachWeeklyHours, "i603.2", maxWeekly, v.WeeklyHours})
	}
	if v.DailyHours > maxDaily {
		out = append(out, Breach{BreachDailyHours, "i603.2", maxDaily, v.DailyHours})
	}
	if v.DaysPerWeek > LegalMaxWeekday {
		out = append(out, Breach{BreachRestDay, "i603.2", LegalMaxWeekday, float64(v.DaysPerWeek)})
	}
	if !hasCCNL || v.PayCents <= 0 {
		return out
	}
	level, ok := c.Level(v.CCNLLevel)
	if !ok {
		return out
	}
	hourly := HourlyPay(v, c.NormalHours)
	if floor := float64(level.MinCents) * float64(100-c.MarginPct) / 100; hourly > 0 && hourly < floor {
		out = append(out, Breach{BreachPay, "i603.1", float64(level.MinCents), math.Round(hourly)})
	}
	return out
}

// HourlyPay turns a vacancy's pay into gross cents per hour worked, with
// the vacancy's own hours (normalHours a week, spread over its days or
// six, where it gives none); 0 when it cannot be told.
func HourlyPay(v *Vacancy, normalHours float64) float64 {
	weekly := v.WeeklyHours
	if weekly <= 0 {
		weekly = normalHours
	}
	daily := v.DailyHours
	if daily <= 0 {
		days := float64(v.DaysPerWeek)
		if days <= 0 {
			days = 6
		}
		daily = weekly / days
	}
	pay := float64(v.PayCents)
	switch v.PayUnit {
	case PayHour:
		return pay
	case PayDay:
		if daily > 0 {
			return pay / daily
		}
	case PayMonth:
		if weekly > 0 {
			return pay / (weekly * 52 / 12)
		}
	}
	return 0
}
