package model

import (
	"fmt"
	"strings"
)

// ProgrammeIndicatorsMarkdown renders the indicators table as the text of
// docs/indicators.md, so that the document never drifts from the table.
func ProgrammeIndicatorsMarkdown() string {
	var b strings.Builder
	b.WriteString(`# Programme indicators / Indicatori del programma

Generated from ` + "`model.ProgrammeIndicators`" + ` (model/programme.go) by
` + "`go test ./model -run TestIndicatorsDoc -update`" + `; do not edit by hand.

Every indicator counts **distinct persons**, each once per indicator (and once per breakdown value), over a
period [from, to], both days included: a person counts if the event named under "counted by" falls in the
period, in the month of their first such event. Erased persons are counted: an erasure keeps an anonymous tally
(DESIGN.md, erasure), so the counts of a past period do not change. Computed by ` + "`store.ComputeIndicators`" + `
(coordinator only). Breakdowns: ` + "`sex`" + ` (as recorded: F, M, X, or unknown), ` + "`age_band`" + ` (under_18, 18_29,
30_54, 55_plus, unknown; age at the event; a birth date with only the year is taken as the year's last day),
` + "`third_country`" + ` (true when no citizenship is in the EU/EEA/CH, ` + "`model.EUEEACH`" + `), ` + "`service_kind`" + `
and ` + "`outcome`" + ` (the referral's service kind and status). ` + "`isced`" + ` (isced_0_2 / 3_4 / 5_8 / unknown: the highest completed level among the
education entries of the person's first skills profile, ` + "`model.ISCEDBand`" + `), ` + "`homeless`" + ` (true when the domicile
is marked informal or the interview answered the housing question with an informal settlement or no home) and
` + "`exit_outcome`" + ` (the outcome recorded at the case's closure).

`)
	for _, in := range ProgrammeIndicators {
		fmt.Fprintf(&b, "## `%s` — %s / %s\n\n", in.ID, in.NameEN, in.NameIT)
		fmt.Fprintf(&b, "- **EN**: %s\n- **IT**: %s\n- **Rule**: %s\n- **Counted by**: `%s`\n", in.DefEN, in.DefIT, in.Rule, in.CountedBy)
		if len(in.Breakdowns) > 0 {
			fmt.Fprintf(&b, "- **Breakdowns**: `%s`\n", strings.Join(in.Breakdowns, "`, `"))
		}
		if in.Pending != "" {
			fmt.Fprintf(&b, "- **Pending**: %s\n", in.Pending)
		}
		b.WriteString("\n")
	}
	b.WriteString(ProgrammeIndicatorsGaps)
	return b.String()
}

// ProgrammeIndicatorsGaps says what the table does not compute, and why.
const ProgrammeIndicatorsGaps = `## Not computed

- ESF+ breakdowns by **labour status at entry** (employed, unemployed, long-term unemployed, inactive) and by
  **disability**: the interview asks neither question, so there is nothing to count. Adding them means two
  questions in the questionnaire (and their translations reviewed by mediators) first.
- Activities' participants (information sessions, outreach) are anonymous counts, not persons: a sum reported
  apart from ` + "`reach`" + `, on the Activities screen.
- Results 12 months after exit: the follow-ups stop at 6 months.
`
