package model

import (
	"slices"
	"strings"
)

// ESCOSkillPrefix starts every ESCO skill URI.
const ESCOSkillPrefix = "http://data.europa.eu/esco/skill/"

// SkillKind sorts the curated skills: those of a sector, transversal ones,
// digital ones.
type SkillKind string

const (
	SkillSector      SkillKind = "sector"
	SkillTransversal SkillKind = "transversal"
	SkillDigital     SkillKind = "digital"
)

// CuratedSkill is a skill the profile proposes: an ESCO skill concept (a
// skill group of the skills pillar, or a transversal skill: the reference
// ESCO files hold no single occupational skills), with ESCO's English label,
// an Italian label and the sectors and ISCO-08 groups it is proposed for
// (an occupation whose ISCO code starts with one of them; none for every
// occupation).
//
// The Italian labels are the project's drafts (ESCO publishes no Italian
// skill labels in the reference files). The names the window shows and the
// documents print are in the locale files (locales/doc-skillnames.*.toml,
// made from this table), where a reviewer corrects them like any other
// text; IT here is what the type-ahead searches.
type CuratedSkill struct {
	ID         string // the end of the URI: "S6.4.3" or a UUID
	EN, IT     string
	ITReviewed bool
	Kind       SkillKind
	Sectors    []string // WorkSectors codes
	ISCO       []string // ISCO-08 code prefixes
}

// URI is the skill's ESCO URI.
func (s CuratedSkill) URI() string { return ESCOSkillPrefix + s.ID }

// Label is the Italian label for "it", the English one otherwise.
func (s CuratedSkill) Label(lang string) string {
	return Code{s.ID, s.IT, s.EN}.Label(lang)
}

// sk builds a curated skill from space-separated sector and ISCO lists.
func sk(kind SkillKind, id, en, it, sectors, isco string) CuratedSkill {
	return CuratedSkill{ID: id, EN: en, IT: it, Kind: kind, Sectors: strings.Fields(sectors), ISCO: strings.Fields(isco)}
}

const allSectors = "agriculture care construction logistics hospitality food manufacturing"

// CuratedSkills are the skills proposed for the desks' sectors.
var CuratedSkills = []CuratedSkill{
	// Agriculture
	sk(SkillSector, "S6.4.1", "cultivating land and crops", "coltivazione della terra e delle colture", "agriculture", "61 6310 92"),
	sk(SkillSector, "S6.4.2", "planting crops, trees, or other plants", "semina e messa a dimora di colture, alberi e piante", "agriculture", "61 92"),
	sk(SkillSector, "S6.4.3", "pruning, cutting and harvesting, trees crops and other plants", "potatura, taglio e raccolta di alberi, colture e piante", "agriculture", "61 62 92"),
	sk(SkillSector, "S8.1.2", "operating agricultural or forestry equipment", "guida del trattore e di macchine agricole o forestali", "agriculture", "61 62 8341 92"),
	sk(SkillSector, "S6.9.1", "tending and breeding animals", "cura e allevamento degli animali", "agriculture", "612 613 92"),
	sk(SkillSector, "S6.9.3", "moving and herding animals", "conduzione e pascolo degli animali", "agriculture", "612 92"),
	sk(SkillSector, "S6.9.5", "feeding and grooming animals", "alimentazione e governo degli animali", "agriculture", "612 613 92"),
	sk(SkillSector, "S2.8.5", "monitoring environmental conditions", "controllo delle condizioni ambientali (clima, suolo, serra)", "agriculture", "61"),
	sk(SkillSector, "S6.1.1", "sorting materials or products", "cernita e selezione dei prodotti", "agriculture food manufacturing logistics", "61 75 81 92 93"),
	sk(SkillSector, "S6.1.3", "packaging objects", "confezionamento e imballaggio", "agriculture food manufacturing logistics", "75 81 92 93"),
	sk(SkillSector, "S2.5.2", "weighing", "pesatura", "agriculture food logistics", "61 75 92 93"),
	// Care
	sk(SkillSector, "S3.6.2", "assisting with personal needs", "assistenza alla persona nei bisogni quotidiani", "care", "53 91"),
	sk(SkillSector, "S3.6.1", "assisting people with mobility", "aiuto alla persona negli spostamenti", "care", "53"),
	sk(SkillSector, "S3.6.3", "caring for children", "cura dei bambini", "care", "531 91"),
	sk(SkillSector, "S3.4.2", "accompanying people", "accompagnamento delle persone", "care", "53 5162"),
	sk(SkillSector, "S2.8.6", "monitoring health conditions", "osservazione dello stato di salute", "care", "53 32"),
	sk(SkillSector, "S3.1.3", "assisting people to access services", "aiuto alla persona nell'accesso ai servizi", "care", "53 34"),
	sk(SkillSector, "S3.4.3", "assisting people with paperwork", "aiuto alla persona nelle pratiche", "care", "53 34"),
	sk(SkillSector, "S6.12", "washing and maintaining textiles and clothing", "lavaggio e cura di biancheria e abiti", "care hospitality", "53 91 5152"),
	sk(SkillSector, "S6.11.2", "cleaning interior and exterior of buildings", "pulizia di ambienti interni ed esterni", "care hospitality", "5152 53 91"),
	sk(SkillSector, "S3.5.1", "preparing food and drinks", "preparazione di cibi e bevande", "care hospitality food", "512 53 5152 94"),
	// Construction
	sk(SkillSector, "S7.1.1", "installing structural masonry materials", "costruzione di murature", "construction", "711 931"),
	sk(SkillSector, "S7.1.4", "installing concrete components", "getto e posa del calcestruzzo", "construction", "711 931"),
	sk(SkillSector, "S7.1.3", "installing wooden structural components", "carpenteria in legno", "construction", "711 752"),
	sk(SkillSector, "S7.1.5", "installing roofing", "posa di coperture e tetti", "construction", "712"),
	sk(SkillSector, "S7.2.2", "installing plumbing or piping equipment or systems", "installazione di impianti idraulici", "construction", "712"),
	sk(SkillSector, "S7.2.3", "installing insulation materials", "posa di materiali isolanti", "construction", "712"),
	sk(SkillSector, "S7.3.2", "appyling textured or masonry coatings", "intonacatura", "construction", "711 712 931"),
	sk(SkillSector, "S7.3.3", "applying protective or decorative solutions or coatings", "tinteggiatura e verniciatura", "construction manufacturing", "713"),
	sk(SkillSector, "S7.3.4", "installing floor and wall coverings", "posa di pavimenti e rivestimenti", "construction", "712"),
	sk(SkillSector, "S8.1.1", "operating earthmoving equipment", "guida di macchine per il movimento terra", "construction", "8342 931"),
	sk(SkillSector, "S6.2.4", "climbing", "lavoro in quota", "construction agriculture", "71 6113 931"),
	sk(SkillSector, "S6.7.5", "hammering, nailing and riveting", "martellatura, chiodatura e rivettatura", "construction manufacturing", "71 72 752"),
	sk(SkillSector, "S6.13.2", "disposing of non-hazardous waste or debris", "smaltimento di rifiuti e macerie", "construction", "931 96"),
	sk(SkillSector, "S2.1.3", "interpreting technical documentation and diagrams", "lettura di disegni e documenti tecnici", "construction manufacturing", "71 72 74 81"),
	sk(SkillSector, "S7.1.6", "joining parts using soldering, welding or brazing techniques", "saldatura e brasatura", "construction manufacturing", "72"),
	// Logistics
	sk(SkillSector, "S6.2.1", "loading and unloading goods and, materials", "carico e scarico delle merci", "logistics", "83 93"),
	sk(SkillSector, "S6.2.2", "moving or lifting materials, equipment, or supplies", "movimentazione manuale dei carichi", "logistics construction", "93 931"),
	sk(SkillSector, "S6.2.3", "storing goods and materials", "stoccaggio delle merci in magazzino", "logistics", "432 93"),
	sk(SkillSector, "S8.1.3", "operating lifting or moving equipment", "guida del carrello elevatore e di mezzi di sollevamento", "logistics construction manufacturing", "834 93"),
	sk(SkillSector, "S8.2.1", "driving heavy vehicles", "guida di mezzi pesanti", "logistics", "833"),
	sk(SkillSector, "S8.2.2", "driving light vehicles", "guida di veicoli leggeri", "logistics care", "832 9621"),
	sk(SkillSector, "S6.1.2", "marking materials or objects for identification", "etichettatura delle merci", "logistics manufacturing", "43 93"),
	sk(SkillSector, "S2.2.5", "maintaining operational records", "registrazione delle operazioni (bolle, inventari)", "logistics", "432 93"),
	// Hospitality
	sk(SkillSector, "S3.5.2", "serving food and drinks", "servizio ai tavoli e al banco", "hospitality", "513"),
	sk(SkillSector, "S6.11.1", "cleaning tools, equipment, workpieces and vehicles", "pulizia di attrezzature, stoviglie e mezzi", "hospitality food", "91 94"),
	sk(SkillSector, "A1.12.3", "provide high quality client service", "servizio al cliente di qualità", "hospitality", "51 52 42"),
	sk(SkillSector, "S1.6.1", "selling products or services", "vendita di prodotti e servizi", "hospitality", "52"),
	sk(SkillSector, "S4.4.2", "executing financial transactions", "gestione della cassa e dei pagamenti", "hospitality", "42 52"),
	sk(SkillSector, "S3.4.1", "providing information to the public and clients", "informazioni al pubblico e ai clienti", "hospitality", "42 51"),
	sk(SkillSector, "S1.11.3", "developing recipes or menus", "preparazione di ricette e menu", "hospitality food", "343 512"),
	// Food processing
	sk(SkillSector, "S6.5.7", "fabricating food and related products", "produzione di alimenti", "food", "751 816 93"),
	sk(SkillSector, "S8.5.4", "operating food processing machinery", "conduzione di macchine per la lavorazione degli alimenti", "food", "816"),
	sk(SkillSector, "S6.3.1", "preparing mixtures or solutions", "preparazione di miscele e impasti", "food manufacturing", "751 81"),
	sk(SkillSector, "S6.9.4", "hunting, trapping and slaughtering animals", "macellazione", "food", "7511"),
	sk(SkillSector, "S2.8.1", "monitoring, inspecting and testing equipment, systems and products", "controllo di qualità dei prodotti", "food manufacturing", "75 81"),
	// Manufacturing
	sk(SkillSector, "S6.5.4", "assembling mechanical products", "montaggio di prodotti meccanici", "manufacturing", "72 82"),
	sk(SkillSector, "S6.5.3", "assembling electrical and electronic products", "montaggio di prodotti elettrici ed elettronici", "manufacturing", "74 82"),
	sk(SkillSector, "S6.5.5", "assembling furniture", "montaggio di mobili", "manufacturing", "752 82"),
	sk(SkillSector, "S6.5.6", "fabricating garments and textile products", "confezione di abiti e prodotti tessili", "manufacturing", "753 815"),
	sk(SkillSector, "S8.5.2", "operating packaging machinery", "conduzione di macchine confezionatrici", "manufacturing food", "81 93"),
	sk(SkillSector, "S8.5.8", "operating cutting, grinding and smoothing machinery", "conduzione di macchine per taglio e levigatura", "manufacturing", "72 81"),
	sk(SkillSector, "S8.5.7", "operating metal, plastic or rubber forming equipment", "conduzione di macchine per formare metallo, plastica o gomma", "manufacturing", "81"),
	sk(SkillSector, "S8.7.2", "maintaining mechanical equipment", "manutenzione di attrezzature meccaniche", "manufacturing agriculture", "72"),
	sk(SkillSector, "S6.7.4", "using precision hand tools", "uso di attrezzi manuali di precisione", "manufacturing", "7"),
	sk(SkillSector, "S2.5.1", "measuring dimensions and related properties", "misurazione di dimensioni", "manufacturing construction", "71 72 75"),
	// Transversal (ESCO transversal skills)
	sk(SkillTransversal, "d2d9051a-10e1-41c5-9cfb-bbdc58016176", "follow safety precautions in work practices", "rispettare le misure di sicurezza sul lavoro", allSectors, ""),
	sk(SkillTransversal, "6816e28f-a48d-41c7-8492-309f50c049fc", "follow hygienic work practices", "rispettare le pratiche igieniche sul lavoro", "food hospitality care", ""),
	sk(SkillTransversal, "fba28975-4544-4d37-8971-9bd72534018c", "attend to hygiene", "curare l'igiene", "food hospitality care", ""),
	sk(SkillTransversal, "60c78287-22eb-4103-9c8c-28deaa460da0", "work in teams", "lavorare in squadra", allSectors, ""),
	sk(SkillTransversal, "c29aa9d2-4da8-4bdd-831c-8d4a2fb51730", "work independently", "lavorare in autonomia", allSectors, ""),
	sk(SkillTransversal, "7a147904-22b3-498a-b4d9-7bceeb86b45d", "cope with pressure", "reggere la pressione", allSectors, ""),
	sk(SkillTransversal, "49de9958-2aa4-4eef-a89d-fe5d5bcd28c4", "adapt to change", "adattarsi ai cambiamenti", allSectors, ""),
	sk(SkillTransversal, "113b4428-0a31-4199-8496-070af7854b91", "meet commitments", "rispettare gli impegni", allSectors, ""),
	sk(SkillTransversal, "c10d5d87-36cf-42f5-8a12-e560fb5f4af8", "demonstrate intercultural competence", "mostrare competenza interculturale", allSectors, ""),
	sk(SkillTransversal, "a992f345-7c06-4982-8fc9-5fab55e316af", "follow environmentally-sustainable work practices", "lavorare nel rispetto dell'ambiente", allSectors, ""),
	sk(SkillTransversal, "19ba11f3-9c99-41fd-a7c9-f77e6a026186", "carry out work-related calculations", "fare i calcoli necessari al lavoro", allSectors, ""),
	sk(SkillTransversal, "ab75d510-ac75-482d-b671-bb3bad741f07", "carry out work-related measurements", "fare le misurazioni necessarie al lavoro", allSectors, ""),
	sk(SkillTransversal, "95a41cf5-4037-4c96-91a8-c34b41637224", "support colleagues", "aiutare i colleghi", allSectors, ""),
	// Digital (ESCO transversal skills of the digital area)
	sk(SkillDigital, "20ba084f-129c-4c5e-b39f-539913e0acc4", "operate handheld devices", "usare dispositivi portatili (lettori, palmari, smartphone)", "logistics manufacturing", ""),
	sk(SkillDigital, "5f1dd9f6-dcb4-4384-88c9-f9f6a75305c9", "use online communication tools", "usare strumenti di comunicazione online", allSectors, ""),
	sk(SkillDigital, "d908a818-70ef-419e-9d60-8f459114cb2f", "use e-services", "usare i servizi online", allSectors, ""),
	sk(SkillDigital, "698be2d3-8768-422d-a2d3-1cb701816089", "search for information online", "cercare informazioni online", allSectors, ""),
	sk(SkillDigital, "6efef9df-ac86-45ca-8b1b-a8178ef17b5c", "solve location and navigation problems by using GPS tools", "orientarsi con il navigatore GPS", "logistics care", ""),
}

// CuratedSkillByID finds a curated skill by its URI or the end of it.
func CuratedSkillByID(id string) (CuratedSkill, bool) {
	id = strings.TrimPrefix(strings.TrimSpace(id), ESCOSkillPrefix)
	for _, s := range CuratedSkills {
		if s.ID == id {
			return s, true
		}
	}
	return CuratedSkill{}, false
}

// ProposedSkills are the sector skills proposed for occupations of the
// given ISCO-08 codes (a skill whose ISCO prefixes match one of them), then
// the transversal and digital skills of the sectors those skills are in,
// each once, in the table's order.
func ProposedSkills(isco ...string) []CuratedSkill {
	var out []CuratedSkill
	sectors := map[string]bool{}
	for _, s := range CuratedSkills {
		if s.Kind != SkillSector {
			continue
		}
		if slices.ContainsFunc(isco, func(code string) bool {
			return slices.ContainsFunc(s.ISCO, func(p string) bool { return code != "" && strings.HasPrefix(code, p) })
		}) {
			out = append(out, s)
			for _, sec := range s.Sectors {
				sectors[sec] = true
			}
		}
	}
	for _, s := range CuratedSkills {
		if s.Kind != SkillSector && slices.ContainsFunc(s.Sectors, func(sec string) bool { return sectors[sec] }) {
			out = append(out, s)
		}
	}
	return out
}

// SearchSkills is the skills type-ahead over the curated skills' Italian
// and English labels, with the rules of Search.
func SearchSkills(query string, limit int) []CuratedSkill {
	q := foldSearch(query)
	words := strings.Fields(q)
	if len(words) == 0 || limit <= 0 {
		return nil
	}
	type hit struct {
		s    CuratedSkill
		rank int
	}
	var hits []hit
	for _, s := range CuratedSkills {
		best := -1
		for i, l := range []string{s.IT, s.EN} {
			if r, ok := matchRank(foldSearch(l), q, words); ok && (best < 0 || r*2+i < best) {
				best = r*2 + i
			}
		}
		if best >= 0 {
			hits = append(hits, hit{s, best})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.rank - b.rank })
	var out []CuratedSkill
	for i := 0; i < len(hits) && i < limit; i++ {
		out = append(out, hits[i].s)
	}
	return out
}
