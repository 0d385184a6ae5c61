package model

// ContractTypes are the kinds of employment contract a vacancy offers and a
// hiring records, for the SAP's work experiences (field "tipo di contratto",
// codelist "Tabella Tipo contratti", ../shared/reference/sap). The
// reference names the codelist but does not hold its values: these codes
// are the project's own, one per contract of Italian labour law (D.Lgs.
// 81/2015 and the laws named), and the regional export maps them to the
// ministerial codes once that table is at hand.
var ContractTypes = []Code{
	{"permanent", "Lavoro a tempo indeterminato", "Permanent employment"},
	{"fixed_term", "Lavoro a tempo determinato", "Fixed-term employment"},
	{"seasonal", "Lavoro stagionale a tempo determinato", "Seasonal fixed-term employment"},
	{"agri_fixed", "Operaio agricolo a tempo determinato (OTD)", "Fixed-term farm worker (OTD)"},
	{"agri_permanent", "Operaio agricolo a tempo indeterminato (OTI)", "Permanent farm worker (OTI)"},
	{"apprenticeship", "Apprendistato", "Apprenticeship"},
	{"domestic", "Lavoro domestico", "Domestic work"},
	{"agency", "Somministrazione di lavoro", "Temporary agency work"},
	{"intermittent", "Lavoro intermittente", "On-call (intermittent) work"},
	{"occasional", "Prestazione occasionale", "Occasional work"},
	{"collaboration", "Collaborazione coordinata e continuativa", "Coordinated and continuous collaboration"},
	{"self_employed", "Lavoro autonomo", "Self-employment"},
	{"internship", "Tirocinio extracurricolare", "Traineeship (tirocinio)"},
}

// ContractType finds a contract type by its code.
func ContractType(code string) (Code, bool) { return findCode(ContractTypes, code) }
