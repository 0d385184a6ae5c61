package model

import "strings"

// ISCOGroups are the ISCO-08 groups the project uses: the 10 major groups
// (one digit, 0 to 9) and every unit group (four digits) that the
// questionnaire offers as an occupation, sorted by code. EN is the ILO's
// ISCO-08 title, as ESCO publishes it. IT is the project's own translation of
// that title, made to be faithful rather than to follow ISTAT's CP2011
// (a different classification); it is not an official label.
var ISCOGroups = []Code{
	{"0", "Professioni delle forze armate", "Armed forces occupations"},
	{"1", "Dirigenti", "Managers"},
	{"2", "Professioni intellettuali e scientifiche", "Professionals"},
	{"3", "Tecnici e professioni intermedie", "Technicians and associate professionals"},
	{"4", "Impiegati d'ufficio", "Clerical support workers"},
	{"5", "Addetti ai servizi e alle vendite", "Service and sales workers"},
	{"5120", "Cuochi", "Cooks"},
	{"5322", "Addetti all'assistenza personale a domicilio", "Home-based personal care workers"},
	{"6", "Lavoratori qualificati dell'agricoltura, delle foreste e della pesca",
		"Skilled agricultural, forestry and fishery workers"},
	{"6111", "Coltivatori di colture di pieno campo e di ortaggi", "Field crop and vegetable growers"},
	{"7", "Artigiani e operai specializzati", "Craft and related trades workers"},
	{"7112", "Muratori e professioni affini", "Bricklayers and related workers"},
	{"8", "Conduttori di impianti e di macchinari e addetti al montaggio",
		"Plant and machine operators and assemblers"},
	{"9", "Professioni elementari", "Elementary occupations"},
	{"9112", "Addetti alle pulizie e aiutanti in uffici, alberghi e altri esercizi",
		"Cleaners and helpers in offices, hotels and other establishments"},
	{"9211", "Braccianti delle coltivazioni agricole", "Crop farm labourers"},
	{"9312", "Manovali delle opere di ingegneria civile", "Civil engineering labourers"},
	{"9333", "Addetti alla movimentazione delle merci", "Freight handlers"},
	{"9412", "Aiutanti di cucina", "Kitchen helpers"},
}

// ISCOGroup finds an ISCO-08 group by its code, given bare ("9211") or as
// the questionnaire's option ("isco_9211", in any case).
func ISCOGroup(code string) (Code, bool) {
	code = strings.TrimSpace(code)
	if len(code) > len("isco_") && strings.EqualFold(code[:len("isco_")], "isco_") {
		code = code[len("isco_"):]
	}
	return findCode(ISCOGroups, code)
}
