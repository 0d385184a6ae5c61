package model

// Codelists of the skills profile (bilancio di competenze): tables as data,
// each code stable (it is what the store keeps), with Italian and English
// labels for the operator.

// CEFRLevels are the six common reference levels of the CEFR (QCER).
var CEFRLevels = []string{"A1", "A2", "B1", "B2", "C1", "C2"}

// CEFRSkills are the five areas of the CEFR self-assessment grid (as the
// Europass language passport has them).
var CEFRSkills = []Code{
	{"listening", "Ascolto", "Listening"},
	{"reading", "Lettura", "Reading"},
	{"spoken_interaction", "Interazione orale", "Spoken interaction"},
	{"spoken_production", "Produzione orale", "Spoken production"},
	{"writing", "Produzione scritta", "Writing"},
}

// ItalianCertificates are the certificates and courses of Italian as a
// second language a person may hold.
var ItalianCertificates = []Code{
	{"cils", "CILS (Università per Stranieri di Siena)", "CILS (University for Foreigners of Siena)"},
	{"celi", "CELI (Università per Stranieri di Perugia)", "CELI (University for Foreigners of Perugia)"},
	{"plida", "PLIDA (Società Dante Alighieri)", "PLIDA (Dante Alighieri Society)"},
	{"cert_it", "CERT.IT (Università Roma Tre)", "CERT.IT (Roma Tre University)"},
	{"cpia", "Corso CPIA (attestato)", "CPIA course (certificate)"},
	{"other", "Altro", "Other"},
}

// ISCEDLevels are the nine levels of ISCED 2011, the EU's classification
// of education.
var ISCEDLevels = []Code{
	{"0", "Educazione della prima infanzia", "Early childhood education"},
	{"1", "Istruzione primaria", "Primary education"},
	{"2", "Istruzione secondaria inferiore", "Lower secondary education"},
	{"3", "Istruzione secondaria superiore", "Upper secondary education"},
	{"4", "Istruzione post-secondaria non terziaria", "Post-secondary non-tertiary education"},
	{"5", "Istruzione terziaria di ciclo breve", "Short-cycle tertiary education"},
	{"6", "Laurea o livello equivalente", "Bachelor's or equivalent level"},
	{"7", "Laurea magistrale o livello equivalente", "Master's or equivalent level"},
	{"8", "Dottorato o livello equivalente", "Doctoral or equivalent level"},
}

// Recognition statuses of a qualification earned abroad.
var RecognitionStatuses = []Code{
	{"none", "Nessuna richiesta", "Not requested"},
	{"requested", "Richiesta in corso", "Requested"},
	{"dichiarazione_valore", "Dichiarazione di valore", "Declaration of value (dichiarazione di valore)"},
	{"equipollenza", "Equipollenza", "Equivalence (equipollenza)"},
	{"cimea", "Attestato di comparabilità CIMEA", "CIMEA statement of comparability"},
}

// EducationDocuments are the papers a person may have of a course of study.
var EducationDocuments = []Code{
	{"diploma", "Diploma o titolo originale", "Original diploma or degree"},
	{"transcript", "Certificato degli esami", "Transcript of records"},
	{"translation", "Traduzione giurata", "Sworn translation"},
	{"apostille", "Legalizzazione o apostille", "Legalisation or apostille"},
	{"copy", "Copia o foto", "Copy or photo"},
}

// LicenceCategories are the Italian driving licence categories (Codice
// della strada, art. 116), the driver qualification card CQC and the KB
// certificate for taxi and hire-with-driver services.
var LicenceCategories = []Code{
	{"AM", "AM: ciclomotori", "AM: mopeds"},
	{"A1", "A1: motocicli leggeri", "A1: light motorcycles"},
	{"A2", "A2: motocicli fino a 35 kW", "A2: motorcycles up to 35 kW"},
	{"A", "A: motocicli", "A: motorcycles"},
	{"B1", "B1: quadricicli", "B1: quadricycles"},
	{"B", "B: autoveicoli fino a 3,5 t", "B: motor vehicles up to 3.5 t"},
	{"BE", "BE: B con rimorchio", "BE: B with trailer"},
	{"C1", "C1: autocarri fino a 7,5 t", "C1: lorries up to 7.5 t"},
	{"C1E", "C1E: C1 con rimorchio", "C1E: C1 with trailer"},
	{"C", "C: autocarri", "C: lorries"},
	{"CE", "CE: C con rimorchio", "CE: C with trailer"},
	{"D1", "D1: minibus fino a 16 passeggeri", "D1: minibuses up to 16 passengers"},
	{"D1E", "D1E: D1 con rimorchio", "D1E: D1 with trailer"},
	{"D", "D: autobus", "D: buses"},
	{"DE", "DE: D con rimorchio", "DE: D with trailer"},
	{"CQC", "CQC: carta di qualificazione del conducente", "CQC: driver qualification card"},
	{"KB", "KB: certificato di abilitazione professionale (taxi, NCC)", "KB: professional certificate (taxi, hire with driver)"},
}

// CertificateKinds are the safety and sector certificates the desks ask
// about.
var CertificateKinds = []Code{
	{"safety_general", "Formazione generale sicurezza (D.Lgs 81/08, 4 ore)", "General safety training (D.Lgs 81/08, 4 hours)"},
	{"safety_specific", "Formazione specifica sicurezza (D.Lgs 81/08, rischio basso, medio o alto)",
		"Specific safety training (D.Lgs 81/08, low, medium or high risk)"},
	{"haccp", "HACCP (igiene degli alimenti)", "HACCP (food hygiene)"},
	{"forklift", "Abilitazione carrelli elevatori", "Forklift operator certificate"},
	{"ple", "Abilitazione piattaforme di lavoro elevabili (PLE)", "Mobile elevating work platform (MEWP) certificate"},
	{"tractor", "Abilitazione trattori agricoli o forestali", "Agricultural or forestry tractor certificate"},
	{"first_aid", "Addetto al primo soccorso", "First aid officer"},
	{"fire", "Addetto antincendio", "Fire warden"},
	{"other", "Altro attestato", "Other certificate"},
}

// DigCompLevels are DigComp's four broad proficiency levels, for a simple
// self-assessment of digital skills.
var DigCompLevels = []Code{
	{"foundation", "Base", "Foundation"},
	{"intermediate", "Intermedio", "Intermediate"},
	{"advanced", "Avanzato", "Advanced"},
	{"highly_specialised", "Altamente specializzato", "Highly specialised"},
}

// DigCompAreas are DigComp's five competence areas.
var DigCompAreas = []Code{
	{"information", "Alfabetizzazione su informazioni e dati", "Information and data literacy"},
	{"communication", "Comunicazione e collaborazione", "Communication and collaboration"},
	{"content", "Creazione di contenuti digitali", "Digital content creation"},
	{"safety", "Sicurezza", "Safety"},
	{"problem_solving", "Risolvere problemi", "Problem solving"},
}

// ValidationStates are the steps of a competence on the path of D.Lgs
// 13/2013: identified and made transparent, submitted for validation,
// validated (or not), submitted for certification, certified.
var ValidationStates = []Code{
	{"transparency", "Individuata e messa in trasparenza", "Identified and made transparent"},
	{"validation_requested", "Inviata a validazione", "Submitted for validation"},
	{"validated", "Validata", "Validated"},
	{"not_validated", "Non validata", "Not validated"},
	{"certification_requested", "Inviata a certificazione", "Submitted for certification"},
	{"certified", "Certificata", "Certified"},
}

// EvidenceKinds are the kinds of evidence of a competence.
var EvidenceKinds = []Code{
	{"document", "Documento", "Document"},
	{"observation", "Osservazione sul lavoro", "Observation at work"},
	{"employer_statement", "Dichiarazione del datore di lavoro", "Employer statement"},
	{"self_declaration", "Autodichiarazione", "Self-declaration"},
	{"test", "Prova pratica", "Practical test"},
	{"certificate", "Attestato o certificato", "Certificate"},
}

// WorkHours are the working patterns a person is available for.
var WorkHours = []Code{
	{"full_time", "Tempo pieno", "Full time"},
	{"part_time", "Tempo parziale", "Part time"},
	{"seasonal", "Stagionale", "Seasonal"},
	{"shifts", "Turni, anche notturni", "Shifts, nights included"},
	{"any", "Qualsiasi", "Any"},
}

// TransportModes are how a person can get to work.
var TransportModes = []Code{
	{"own_car", "Auto propria", "Own car"},
	{"motorbike", "Moto o motorino", "Motorbike or moped"},
	{"bicycle", "Bicicletta", "Bicycle"},
	{"public", "Mezzi pubblici", "Public transport"},
	{"none", "Nessun mezzo", "No transport"},
}

// WorkSectors are the sectors the desks place people in, for the curated
// skills.
var WorkSectors = []Code{
	{"agriculture", "Agricoltura", "Agriculture"},
	{"care", "Assistenza alla persona", "Care"},
	{"construction", "Edilizia", "Construction"},
	{"logistics", "Logistica e trasporti", "Logistics and transport"},
	{"hospitality", "Alberghi e ristorazione", "Hospitality"},
	{"food", "Industria alimentare", "Food processing"},
	{"manufacturing", "Manifattura", "Manufacturing"},
}

// hasCode reports whether list has the code.
func hasCode(list []Code, code string) bool {
	_, ok := findCode(list, code)
	return ok
}
