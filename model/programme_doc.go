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
and ` + "`outcome`" + ` (the referral's service kind and status). ` + "`model.ISCEDBand`" + ` gives isced_0_2 / 3_4 / 5_8 from the
skills profile's education entries, not yet used as a breakdown.

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

// ProgrammeIndicatorsGaps says what the table does not compute yet.
const ProgrammeIndicatorsGaps = `## Not computed yet

- Results at exit (employed, in education or training, gained a qualification, 4 weeks and 6 months after
  exit): pending the case closure (migration 0011). Hirings are counted from proposals (` + "`hired`" + `);
  proposals' still_4w / still_6m follow-ups could feed the 4-week and 6-month results.
- ESF+ breakdowns by ISCED band, labour status at entry, disability and homelessness (interview answers and the
  skills profile's JSON body), and the AMIF indicators (language courses, career guidance, recognition of
  qualifications applied for, CEFR level improved, from plans' actions and skills profile versions).
- Activities' participants (information sessions, outreach) are anonymous counts, not persons: a sum to
  report apart from ` + "`reach`" + `.
`
