package model

import "strings"

// Code is one entry of a standard codelist used by the regional export: the
// code as the codelist writes it, with its Italian and English labels.
type Code struct {
	Code string // e.g. "A", "9211", "NED"
	IT   string // Italian label
	EN   string // English label
}

// Label is the label in the language with the given tag: Italian for "it"
// (and "it-IT" and so on), English for any other tag.
func (c Code) Label(lang string) string {
	if lang == "it" || strings.HasPrefix(lang, "it-") || strings.HasPrefix(lang, "it_") {
		return c.IT
	}
	return c.EN
}

// AtecoSections are the 21 sections (first level) of the ISTAT ATECO 2007
// classification of economic activities, A to U, in order. IT is ISTAT's
// label, in capitals as ISTAT writes it; EN is the label of the same section
// in NACE Rev. 2, of which ATECO 2007 is the Italian version.
//
// ATECO 2007 is the codelist of the SAP (settore of a work experience). It is
// not ATECO 2025, whose sections from K onwards have other letters.
var AtecoSections = []Code{
	{"A", "AGRICOLTURA, SILVICOLTURA E PESCA", "AGRICULTURE, FORESTRY AND FISHING"},
	{"B", "ESTRAZIONE DI MINERALI DA CAVE E MINIERE", "MINING AND QUARRYING"},
	{"C", "ATTIVITÀ MANIFATTURIERE", "MANUFACTURING"},
	{"D", "FORNITURA DI ENERGIA ELETTRICA, GAS, VAPORE E ARIA CONDIZIONATA",
		"ELECTRICITY, GAS, STEAM AND AIR CONDITIONING SUPPLY"},
	{"E", "FORNITURA DI ACQUA; RETI FOGNARIE, ATTIVITÀ DI GESTIONE DEI RIFIUTI E RISANAMENTO",
		"WATER SUPPLY; SEWERAGE, WASTE MANAGEMENT AND REMEDIATION ACTIVITIES"},
	{"F", "COSTRUZIONI", "CONSTRUCTION"},
	{"G", "COMMERCIO ALL'INGROSSO E AL DETTAGLIO; RIPARAZIONE DI AUTOVEICOLI E MOTOCICLI",
		"WHOLESALE AND RETAIL TRADE; REPAIR OF MOTOR VEHICLES AND MOTORCYCLES"},
	{"H", "TRASPORTO E MAGAZZINAGGIO", "TRANSPORTATION AND STORAGE"},
	{"I", "ATTIVITÀ DEI SERVIZI DI ALLOGGIO E DI RISTORAZIONE", "ACCOMMODATION AND FOOD SERVICE ACTIVITIES"},
	{"J", "SERVIZI DI INFORMAZIONE E COMUNICAZIONE", "INFORMATION AND COMMUNICATION"},
	{"K", "ATTIVITÀ FINANZIARIE E ASSICURATIVE", "FINANCIAL AND INSURANCE ACTIVITIES"},
	{"L", "ATTIVITÀ IMMOBILIARI", "REAL ESTATE ACTIVITIES"},
	{"M", "ATTIVITÀ PROFESSIONALI, SCIENTIFICHE E TECNICHE", "PROFESSIONAL, SCIENTIFIC AND TECHNICAL ACTIVITIES"},
	{"N", "NOLEGGIO, AGENZIE DI VIAGGIO, SERVIZI DI SUPPORTO ALLE IMPRESE",
		"ADMINISTRATIVE AND SUPPORT SERVICE ACTIVITIES"},
	{"O", "AMMINISTRAZIONE PUBBLICA E DIFESA; ASSICURAZIONE SOCIALE OBBLIGATORIA",
		"PUBLIC ADMINISTRATION AND DEFENCE; COMPULSORY SOCIAL SECURITY"},
	{"P", "ISTRUZIONE", "EDUCATION"},
	{"Q", "SANITÀ E ASSISTENZA SOCIALE", "HUMAN HEALTH AND SOCIAL WORK ACTIVITIES"},
	{"R", "ATTIVITÀ ARTISTICHE, SPORTIVE, DI INTRATTENIMENTO E DIVERTIMENTO", "ARTS, ENTERTAINMENT AND RECREATION"},
	{"S", "ALTRE ATTIVITÀ DI SERVIZI", "OTHER SERVICE ACTIVITIES"},
	{"T", "ATTIVITÀ DI FAMIGLIE E CONVIVENZE COME DATORI DI LAVORO PER PERSONALE DOMESTICO; " +
		"PRODUZIONE DI BENI E SERVIZI INDIFFERENZIATI PER USO PROPRIO DA PARTE DI FAMIGLIE E CONVIVENZE",
		"ACTIVITIES OF HOUSEHOLDS AS EMPLOYERS; " +
			"UNDIFFERENTIATED GOODS- AND SERVICES-PRODUCING ACTIVITIES OF HOUSEHOLDS FOR OWN USE"},
	{"U", "ORGANIZZAZIONI ED ORGANISMI EXTRATERRITORIALI", "ACTIVITIES OF EXTRATERRITORIAL ORGANISATIONS AND BODIES"},
}

// AtecoSection finds an ATECO 2007 section by its letter, in upper or lower
// case ("a" as the questionnaire stores it, or "A").
func AtecoSection(code string) (Code, bool) {
	return findCode(AtecoSections, strings.ToUpper(strings.TrimSpace(code)))
}

// EducationLevels are the 16 Italian levels of education (titoli di studio,
// first level) of the public codelist published with the OntoPiA ontologies
// (classifications-for-people/education-level), in its order, with its
// Italian and English labels. Some labels differ from the codelist in
// typography only: apostrophes are straight ("Bachelor's degree", where the
// codelist mixes straight and curly ones), and no label keeps the codelist's
// trailing spaces.
//
// The codelist gives LS (two-year master's degree) and LD (single-cycle
// master's degree) the same English label, and ITS a truncated one; they are
// kept as published, so the export matches the codelist.
var EducationLevels = []Code{
	{"NED", "Nessun titolo di studio", "No educational degree"},
	{"PSE", "Licenza elementare/ Attestato di valutazione finale", "Final assessment (Primary school)"},
	{"LSE", "Licenza media o avviamento professionale (conseguito non oltre l'anno 1965) " +
		"/Diploma di Istruzione secondaria di I grado", "Diploma of lower secondary education"},
	{"USV", "Diploma di qualifica professionale di scuola secondaria di II grado di 2-3 anni " +
		"(che non permette l'iscrizione all'Università)", "Diploma of upper secondary education (2-3 years)"},
	{"IFP", "Attestato IFP di qualifica professionale triennale (operatore)/" +
		"Diploma professionale IFP di tecnico (quarto anno) (dal 2005)",
		"Vocational training qualification (three-year courses)/ Professional diploma (fourth year)"},
	{"USG", "Diploma di maturità / diploma di istruzione secondaria di II grado di 4-5 anni " +
		"(che permette l'iscrizione all'università)", "Diploma of upper secondary education (4-5 years)"},
	{"IFTS", "Certificato di specializzazione tecnica superiore IFTS (dal 2000)",
		"Certification of higher technical specialisation"},
	{"ITS", "Diploma di tecnico superiore ITS (corsi biennali) (dal 2013)", "Diploma of Higher Technical"},
	{"CDU", "Diploma universitario di due/tre anni, Scuola diretta a fini speciali, " +
		"altro diploma terziario non universitario", "University diploma"},
	{"L", "Laurea di primo livello", "Bachelor's degree"},
	{"FLA", "Diploma accademico di Alta Formazione Artistica, Musicale e Coreutica di I livello",
		"Fine Arts, Drama, Dance and Music First level academic diploma (Bachelor's degree)"},
	{"LS", "Laurea specialistica/magistrale biennale", "Master's degree"},
	{"LD", "Laurea specialistica/magistrale a ciclo unico o diploma di laurea di 4-6 anni", "Master's degree"},
	{"SLA", "Diploma accademico di Alta Formazione Artistica, Musicale e Coreutica di II livello",
		"Fine Arts, Drama, Dance and Music Second level academic diploma (Master's degree)"},
	{"ACO", "Diploma di Accademia di Belle Arti, Danza, Arte Drammatica, ISIA, ecc. " +
		"Conservatorio (vecchio ordinamento)", "Academy Conservatory old programme"},
	{"RDD", "Dottorato di ricerca/Diploma accademico di formazione alla ricerca",
		"Research Doctorate (PhD)/ Advanced research academic diploma"},
}

// EducationLevel finds an education level by its code, in any case ("ned" as
// the questionnaire stores it, or "NED").
func EducationLevel(code string) (Code, bool) {
	return findCode(EducationLevels, strings.ToUpper(strings.TrimSpace(code)))
}

// SexSAP is the code of s in the sex table of the SAP (Scheda Anagrafica
// Professionale): "M" or "F". The SAP has no other value, so SexOther and
// SexUnknown (and anything else) give "", which the export leaves empty.
func SexSAP(s Sex) string {
	switch s {
	case SexMale:
		return "M"
	case SexFemale:
		return "F"
	}
	return ""
}

// findCode is the entry of list with exactly the given code.
func findCode(list []Code, code string) (Code, bool) {
	for _, c := range list {
		if c.Code == code {
			return c, true
		}
	}
	return Code{}, false
}
