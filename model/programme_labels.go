package model

// Labels of the programme indicators' breakdowns, in Italian and English,
// for the Indicators screen, the workbook and the PDF report (issue #16).
// A value with no label here (a service kind, a referral status, an exit
// outcome) is named by its own codelist, see BreakdownValueLabel.

// BreakdownNames names each breakdown code.
var BreakdownNames = []Code{
	{BreakdownSex, "Sesso", "Sex"},
	{BreakdownAgeBand, "Età", "Age"},
	{BreakdownThirdCountry, "Cittadini di paesi terzi", "Third-country nationals"},
	{BreakdownISCED, "Istruzione (ISCED)", "Education (ISCED)"},
	{BreakdownHomeless, "Senza dimora o esclusione abitativa", "Homeless or affected by housing exclusion"},
	{BreakdownServiceKind, "Tipo di servizio", "Kind of service"},
	{BreakdownOutcome, "Esito", "Outcome"},
	{BreakdownExitOutcome, "Esito all'uscita", "Outcome at exit"},
}

// breakdownValues names the values of the person breakdowns.
var breakdownValues = map[string][]Code{
	BreakdownSex: {{"F", "Donne", "Women"}, {"M", "Uomini", "Men"}, {"X", "Non binario", "Non-binary"},
		{"unknown", "Non indicato", "Not stated"}},
	BreakdownAgeBand: {{AgeUnder18, "Sotto i 18", "Under 18"}, {Age18to29, "18–29", "18–29"}, {Age30to54, "30–54", "30–54"},
		{Age55Plus, "55 e oltre", "55 and over"}, {AgeUnknown, "Non nota", "Unknown"}},
	BreakdownThirdCountry: {{"true", "Sì", "Yes"}, {"false", "No (UE/SEE/CH)", "No (EU/EEA/CH)"}},
	BreakdownISCED: {{ISCED0to2, "ISCED 0–2", "ISCED 0–2"}, {ISCED3to4, "ISCED 3–4", "ISCED 3–4"},
		{ISCED5to8, "ISCED 5–8", "ISCED 5–8"}, {ISCEDUnknown, "Non noto", "Unknown"}},
	BreakdownHomeless: {{"true", "Sì", "Yes"}, {"false", "No", "No"}},
}

// BreakdownName is the breakdown's name in lang ("it" or any other for English).
func BreakdownName(code, lang string) string {
	if c, ok := findCode(BreakdownNames, code); ok {
		return c.Label(lang)
	}
	return code
}

// BreakdownValues lists a breakdown's values in display order; a breakdown
// over a codelist lists the codelist. Values met in data but not listed
// come after, in the caller's order.
func BreakdownValues(code string) []Code {
	switch code {
	case BreakdownServiceKind:
		out := make([]Code, 0, len(ServiceKinds))
		for _, k := range ServiceKinds {
			out = append(out, Code{string(k), serviceKindIT[k], serviceKindEN[k]})
		}
		return out
	case BreakdownOutcome:
		out := make([]Code, 0, len(ReferralStatuses))
		for _, s := range ReferralStatuses {
			out = append(out, Code{string(s), referralStatusIT[s], referralStatusEN[s]})
		}
		return out
	case BreakdownExitOutcome:
		return ExitOutcomes
	}
	return breakdownValues[code]
}

// BreakdownValueLabel names one value of a breakdown in lang; an unknown
// value is shown as it is.
func BreakdownValueLabel(code, value, lang string) string {
	if c, ok := findCode(BreakdownValues(code), value); ok {
		return c.Label(lang)
	}
	return value
}

// IndicatorName is the indicator's short name in lang.
func (in ProgrammeIndicator) Name(lang string) string {
	return Code{in.ID, in.NameIT, in.NameEN}.Label(lang)
}

// Definition is the indicator's definition in lang.
func (in ProgrammeIndicator) Definition(lang string) string {
	return Code{in.ID, in.DefIT, in.DefEN}.Label(lang)
}

var serviceKindIT = map[ServiceKind]string{ServiceCPI: "Centro per l'impiego", ServiceAntiTrafficking: "Ente antitratta",
	ServiceLegalAid: "Assistenza legale", ServiceHealth: "Sanità (ASL)", ServiceHousing: "Alloggio", ServiceUnion: "Sindacato",
	ServiceTraining: "Formazione", ServiceCPIA: "CPIA (italiano)", ServiceSocial: "Servizi sociali"}

var serviceKindEN = map[ServiceKind]string{ServiceCPI: "Job centre", ServiceAntiTrafficking: "Anti-trafficking body",
	ServiceLegalAid: "Legal aid", ServiceHealth: "Health (ASL)", ServiceHousing: "Housing", ServiceUnion: "Trade union",
	ServiceTraining: "Training", ServiceCPIA: "CPIA (Italian)", ServiceSocial: "Social services"}

var referralStatusIT = map[ReferralStatus]string{ReferralDraft: "Bozza", ReferralSent: "Inviato", ReferralAccepted: "Accolto",
	ReferralRefused: "Rifiutato", ReferralCompleted: "Concluso"}

var referralStatusEN = map[ReferralStatus]string{ReferralDraft: "Draft", ReferralSent: "Sent", ReferralAccepted: "Accepted",
	ReferralRefused: "Refused", ReferralCompleted: "Completed"}
