package model

import (
	"strconv"
	"strings"
)

// The exploitation indicators Sportello screens for. These are the
// project's own tables; tests compare them with ../shared/reference.

// ILOIndicators are the ILO's 11 indicators of forced labour (2012),
// numbered as the ILO numbers them; the ref of indicator n is "ilo.n".
var ILOIndicators = [11]struct{ EN, IT string }{
	{"Abuse of vulnerability", "Abuso della condizione di vulnerabilità"},
	{"Deception", "Inganno"},
	{"Restriction of movement", "Limitazione della libertà di movimento"},
	{"Isolation", "Isolamento"},
	{"Physical and sexual violence", "Violenza fisica e sessuale"},
	{"Intimidation and threats", "Intimidazioni e minacce"},
	{"Retention of identity documents", "Trattenimento dei documenti di identità"},
	{"Withholding of wages", "Trattenimento/mancato pagamento della retribuzione"},
	{"Debt bondage", "Servitù per debiti"},
	{"Abusive working and living conditions", "Condizioni di lavoro e di vita abusive"},
	{"Excessive overtime", "Straordinario eccessivo"},
}

// Art603Indices are the four 'indici di sfruttamento' of art. 603-bis c. 3
// c.p. (L. 199/2016), in the law's words; the ref of index n is "i603.n".
var Art603Indices = [4]string{
	"la reiterata corresponsione di retribuzioni in modo palesemente difforme dai contratti collettivi nazionali o territoriali stipulati dalle organizzazioni sindacali più rappresentative a livello nazionale, o comunque sproporzionato rispetto alla quantità e qualità del lavoro prestato",
	"la reiterata violazione della normativa relativa all'orario di lavoro, ai periodi di riposo, al riposo settimanale, all'aspettativa obbligatoria, alle ferie",
	"la sussistenza di violazioni delle norme in materia di sicurezza e igiene nei luoghi di lavoro",
	"la sottoposizione del lavoratore a condizioni di lavoro, a metodi di sorveglianza o a situazioni alloggiative degradanti",
}

// Delphi dimensions of the ILO/EC indicators of trafficking of adults for
// labour exploitation (2009), by short code.
var DelphiDimensions = []struct{ Code, Name string }{
	{"dr", "deceptive_recruitment"},
	{"cr", "coercive_recruitment"},
	{"rv", "recruitment_abuse_of_vulnerability"},
	{"ec", "exploitative_conditions"},
	{"cd", "coercion_at_destination"},
	{"vd", "abuse_of_vulnerability_at_destination"},
}

// DelphiIndicator is one ILO/EC Delphi indicator: its dimension, a slug
// (the ref is "delphi.<dimension>.<slug>"), its strength (S strong, M
// medium, W weak) and its English wording.
type DelphiIndicator struct {
	Dimension string
	Slug      string
	Strength  byte
	EN        string
}

// DelphiIndicators are the 67 indicators for adults trafficked for labour.
var DelphiIndicators = []DelphiIndicator{
	{"dr", "job", 'S', "Deceived about the nature of the job, location or employer"},
	{"dr", "wages", 'M', "Deceived about wages/earnings"},
	{"dr", "conditions", 'M', "Deceived about conditions of work"},
	{"dr", "n4", 'M', "Deceived about content or legality of work contract"},
	{"dr", "n5", 'M', "Deceived about housing and living conditions"},
	{"dr", "n6", 'M', "Deceived about legal documentation or obtaining legal migration status"},
	{"dr", "n7", 'M', "Deceived about travel and recruitment conditions"},
	{"dr", "n8", 'M', "Deceived about family reunification"},
	{"dr", "n9", 'M', "Deceived through promises of marriage or adoption"},
	{"dr", "n10", 'W', "Deceived about access to education opportunities"},
	{"cr", "n1", 'S', "Violence on victims"},
	{"cr", "n2", 'M', "Threats of violence against victim"},
	{"cr", "n3", 'M', "Abduction, forced marriage, forced adoption or selling of victim"},
	{"cr", "debt", 'M', "Debt bondage"},
	{"cr", "n5", 'M', "Confiscation of documents"},
	{"cr", "n6", 'M', "Isolation, confinement or surveillance"},
	{"cr", "n7", 'M', "Threat of denunciation to authorities"},
	{"cr", "n8", 'M', "Threat to inform family, community or public"},
	{"cr", "n9", 'M', "Violence on family (threats or effective)"},
	{"cr", "n10", 'M', "Withholding of money"},
	{"rv", "n1", 'M', "Abuse of difficult family situation"},
	{"rv", "illegal_status", 'M', "Abuse of illegal status"},
	{"rv", "n3", 'M', "Abuse of lack of education (language)"},
	{"rv", "n4", 'M', "Abuse of lack of information"},
	{"rv", "n5", 'M', "Control of exploiters"},
	{"rv", "n6", 'M', "Economic reasons"},
	{"rv", "n7", 'M', "False information about successful migration"},
	{"rv", "n8", 'M', "False information about law, attitude of authorities"},
	{"rv", "n9", 'M', "Family situation"},
	{"rv", "n10", 'M', "Personal situation"},
	{"rv", "n11", 'M', "Psychological and emotional dependency"},
	{"rv", "n12", 'M', "Relationship with authorities/legal status"},
	{"rv", "n13", 'M', "Difficulties in the past"},
	{"rv", "n14", 'M', "Difficulty to organise the travel"},
	{"rv", "n15", 'W', "Abuse of cultural/religious beliefs"},
	{"rv", "n16", 'W', "General context"},
	{"ec", "excessive_hours", 'S', "Excessive working days or hours"},
	{"ec", "living", 'M', "Bad living conditions"},
	{"ec", "hazardous", 'M', "Hazardous work"},
	{"ec", "low_pay", 'M', "Low or no salary"},
	{"ec", "n5", 'M', "No respect of labour laws or contract signed"},
	{"ec", "no_protection", 'M', "No social protection (contract, social insurance, etc.)"},
	{"ec", "n7", 'M', "Very bad working conditions"},
	{"ec", "wage_manipulation", 'M', "Wage manipulation"},
	{"ec", "n9", 'W', "No access to education"},
	{"cd", "documents", 'S', "Confiscation of documents"},
	{"cd", "debt", 'S', "Debt bondage"},
	{"cd", "isolation", 'S', "Isolation, confinement or surveillance"},
	{"cd", "violence", 'S', "Violence on victims"},
	{"cd", "illicit", 'M', "Forced into illicit/criminal activities"},
	{"cd", "n6", 'M', "Forced tasks or clients"},
	{"cd", "n7", 'M', "Forced to act against peers"},
	{"cd", "n8", 'M', "Forced to lie to authorities, family, etc."},
	{"cd", "denunciation", 'M', "Threat of denunciation to authorities"},
	{"cd", "n10", 'M', "Threat to impose even worse working conditions"},
	{"cd", "threats", 'M', "Threats of violence against victim"},
	{"cd", "n12", 'M', "Under strong influence"},
	{"cd", "n13", 'M', "Violence on family (threats or effective)"},
	{"cd", "wages", 'M', "Withholding of wages"},
	{"cd", "n15", 'W', "Threats to inform family, community or public"},
	{"vd", "dependency", 'M', "Dependency on exploiters"},
	{"vd", "unknown_area", 'M', "Difficulties to live in an unknown area"},
	{"vd", "n3", 'M', "Economic reasons"},
	{"vd", "n4", 'M', "Family situation"},
	{"vd", "legal_status", 'M', "Relationship with authorities/legal status"},
	{"vd", "n6", 'W', "Difficulties in the past"},
	{"vd", "n7", 'W', "Personal characteristics"}}

// Indicator is what a ref ("ilo.7", "i603.2", "delphi.cd.documents") names.
type Indicator struct {
	Ref       string
	Framework string // "ilo", "i603" or "delphi"
	EN        string // name or wording
	Dimension string // Delphi only
	Strength  byte   // Delphi only
}

// IndicatorByRef finds an indicator by its ref. Its EN is the table's
// wording (for 603-bis the law's Italian); what the screens and documents
// show is the locale message indicator.<ref> (printouts.IndicatorName).
func IndicatorByRef(ref string) (Indicator, bool) {
	parts := strings.Split(ref, ".")
	switch {
	case len(parts) == 2 && parts[0] == "ilo":
		n, err := strconv.Atoi(parts[1])
		if err != nil || n < 1 || n > len(ILOIndicators) {
			return Indicator{}, false
		}
		return Indicator{Ref: ref, Framework: "ilo", EN: ILOIndicators[n-1].EN}, true
	case len(parts) == 2 && parts[0] == "i603":
		n, err := strconv.Atoi(parts[1])
		if err != nil || n < 1 || n > len(Art603Indices) {
			return Indicator{}, false
		}
		return Indicator{Ref: ref, Framework: "i603", EN: Art603Indices[n-1]}, true
	case len(parts) == 3 && parts[0] == "delphi":
		for _, d := range DelphiIndicators {
			if d.Dimension == parts[1] && d.Slug == parts[2] {
				return Indicator{Ref: ref, Framework: "delphi", EN: d.EN, Dimension: d.Dimension, Strength: d.Strength}, true
			}
		}
	}
	return Indicator{}, false
}

// IndicatorRefs lists the refs of every indicator of the three frameworks,
// in table order: ILO, then 603-bis, then Delphi.
func IndicatorRefs() []string {
	var out []string
	for n := range ILOIndicators {
		out = append(out, "ilo."+strconv.Itoa(n+1))
	}
	for n := range Art603Indices {
		out = append(out, "i603."+strconv.Itoa(n+1))
	}
	for _, d := range DelphiIndicators {
		out = append(out, "delphi."+d.Dimension+"."+d.Slug)
	}
	return out
}
