package exchange

import (
	"strconv"
	"strings"
	"time"

	"sportello/model"
)

// SkillsProfile is one version of a person's skills profile (1.2; SAP
// section 5, informazioni curriculari: docs/exchange.md maps its fields).
// Versions are never changed: each travels under its own ID, so merging is
// a union. Codes are those of model/skills_codes.go and the standard
// codelists (ISO 639 languages, ISO 3166 countries, the SAP education
// levels, ISCED 2011, CP2011, ISCO-08, ESCO, ATECO 2007).
type SkillsProfile struct {
	ID            string            `json:"id"`
	PersonID      string            `json:"person_id"`
	Version       int               `json:"version"`
	Date          string            `json:"date"` // YYYY-MM-DD
	AuthorID      string            `json:"author_id,omitempty"`
	FromInterview string            `json:"from_interview,omitempty"`
	CreatedAt     string            `json:"created_at"`
	Lingue        []Lingua          `json:"lingue"`
	TitoliStudio  []TitoloStudio    `json:"titoli_studio"`
	Esperienze    []EsperienzaCV    `json:"esperienze"`
	Competenze    []Competenza      `json:"competenze"`
	Informatica   map[string]string `json:"conoscenze_informatiche,omitempty"` // DigComp area -> level
	Patenti       []Patente         `json:"patenti"`
	Abilitazioni  []Abilitazione    `json:"abilitazioni"`
	Disponibilita Disponibilita     `json:"disponibilita"`
	Validazione   []Validazione     `json:"validazione"`
	Notes         string            `json:"notes,omitempty"` // free text: left out of pseudonymised documents
	Sync          *Sync             `json:"sync,omitempty"`
}

// Lingua is a language with its CEFR levels (SAP: lingua, letto, scritto,
// parlato).
type Lingua struct {
	Lingua        string            `json:"lingua,omitempty"` // language tag
	Nome          string            `json:"nome,omitempty"`   // a language without a tag, as the person names it
	Madrelingua   bool              `json:"madrelingua"`
	Livello       string            `json:"livello,omitempty"` // overall CEFR level
	Livelli       map[string]string `json:"livelli,omitempty"` // CEFR skill -> level
	Certificato   string            `json:"certificato,omitempty"`
	LivelloCertif string            `json:"livello_certificato,omitempty"`
}

// TitoloStudio is a course of study (SAP: titolo di studio).
type TitoloStudio struct {
	LivelloStudio  string   `json:"livello_studio,omitempty"` // SAP education level (NED..RDD)
	ISCED          string   `json:"isced,omitempty"`
	Descrizione    string   `json:"descrizione,omitempty"`     // the level as the person's country names it
	CorsoDiStudio  string   `json:"corso_di_studio,omitempty"` // the field
	FrequentatoIn  string   `json:"frequentato_in,omitempty"`  // ISO 3166 alpha-2
	DataInizio     string   `json:"data_inizio,omitempty"`
	DataFine       string   `json:"data_fine,omitempty"`
	Conseguito     bool     `json:"conseguito"`
	Riconoscimento string   `json:"riconoscimento,omitempty"`
	Documenti      []string `json:"documenti,omitempty"`
}

// EsperienzaCV is a job of the profile, coded three ways.
type EsperienzaCV struct {
	Descrizione   string `json:"descrizione,omitempty"` // the job as the person says it
	ESCO          string `json:"esco,omitempty"`
	CP2011        string `json:"cp2011,omitempty"`
	QualificaISCO string `json:"qualifica_isco08,omitempty"`
	SettoreAteco  string `json:"settore_ateco,omitempty"`
	Paese         string `json:"paese,omitempty"`
	Regione       string `json:"regione,omitempty"`
	DataInizio    string `json:"data_inizio,omitempty"`
	DataFine      string `json:"data_fine,omitempty"`
	Mansioni      string `json:"mansioni,omitempty"` // free text
	ConContratto  bool   `json:"con_contratto"`
}

// Competenza is a skill: an ESCO skill of the curated list, or in words.
type Competenza struct {
	ESCO     string   `json:"esco,omitempty"`
	Label    string   `json:"label,omitempty"`
	Evidence []string `json:"evidence,omitempty"`
}

// Patente is a driving licence (SAP: patente di guida).
type Patente struct {
	Categoria    string `json:"categoria"`
	Estera       bool   `json:"estera"`
	Paese        string `json:"paese,omitempty"`
	Convertibile string `json:"convertibile,omitempty"`
	Scadenza     string `json:"scadenza,omitempty"`
}

// Abilitazione is a safety or sector certificate (SAP: patentini,
// abilitazioni).
type Abilitazione struct {
	Tipo      string `json:"tipo"`
	Dettaglio string `json:"dettaglio,omitempty"`
	Data      string `json:"data,omitempty"`
	Scadenza  string `json:"scadenza,omitempty"`
	Evidence  string `json:"evidence,omitempty"`
}

// Disponibilita is when and how the person can work.
type Disponibilita struct {
	Dal           string   `json:"dal,omitempty"`
	Orari         []string `json:"orari,omitempty"`
	Spostamenti   []string `json:"spostamenti,omitempty"`
	Trasferimento string   `json:"trasferimento,omitempty"`          // yes, no, unknown
	Desiderate    []string `json:"occupazioni_desiderate,omitempty"` // ESCO occupations
	Note          string   `json:"note,omitempty"`                   // free text
}

// Validazione is a competence on the path of D.Lgs 13/2013.
type Validazione struct {
	Competenza string     `json:"competenza"`
	Stato      string     `json:"stato"`
	Data       string     `json:"data,omitempty"`
	Ente       string     `json:"ente,omitempty"`
	Evidenze   []Evidenza `json:"evidenze,omitempty"`
}

// Evidenza is a piece of evidence of a competence.
type Evidenza struct {
	Tipo string `json:"tipo"`
	Note string `json:"note,omitempty"`
	Data string `json:"data,omitempty"`
}

// skillsRecord is a profile version in the format.
func skillsRecord(p *model.SkillsProfile, ref func(string, int64) string) SkillsProfile {
	r := SkillsProfile{ID: p.UID, PersonID: ref("person", p.PersonID), Version: p.Version, Date: p.Date.Format(time.DateOnly),
		AuthorID: ref("operator", p.Author), FromInterview: ref("interview", p.FromInterview), CreatedAt: stamp(p.CreatedAt),
		Lingue: []Lingua{}, TitoliStudio: []TitoloStudio{}, Esperienze: []EsperienzaCV{}, Competenze: []Competenza{},
		Informatica: p.Digital, Patenti: []Patente{}, Abilitazioni: []Abilitazione{}, Validazione: []Validazione{}, Notes: p.Notes}
	for _, l := range p.Languages {
		r.Lingue = append(r.Lingue, Lingua{l.Language, l.Name, l.Mother, l.Overall, l.Levels, l.Certificate, l.CertLevel})
	}
	for _, e := range p.Education {
		r.TitoliStudio = append(r.TitoliStudio, TitoloStudio{e.ItalianLevel, e.ISCED, e.Level, e.Field, e.Country,
			e.From.String(), e.To.String(), e.Completed, e.Recognition, e.Documents})
	}
	for _, e := range p.Experiences {
		r.Esperienze = append(r.Esperienze, EsperienzaCV{e.Title, e.ESCO, e.CP2011, e.ISCO, e.Ateco, e.Country, e.Region,
			e.From.String(), e.To.String(), e.Tasks, e.Formal})
	}
	for _, s := range p.Skills {
		r.Competenze = append(r.Competenze, Competenza{s.ESCO, s.Label, s.Evidence})
	}
	for _, l := range p.Licences {
		r.Patenti = append(r.Patenti, Patente{l.Category, l.Foreign, l.Country, l.Convertible, l.Expiry.String()})
	}
	for _, c := range p.Certificates {
		r.Abilitazioni = append(r.Abilitazioni, Abilitazione{c.Kind, c.Detail, c.Date.String(), c.Expiry.String(), c.Evidence})
	}
	a := p.Availability
	r.Disponibilita = Disponibilita{a.From.String(), a.Hours, a.Transport, a.WillingToMove, a.Wanted, a.WantedNote}
	for _, v := range p.Validation {
		out := Validazione{Competenza: v.Competence, Stato: v.State, Data: v.Date.String(), Ente: v.Body}
		for _, e := range v.Evidence {
			out.Evidenze = append(out.Evidenze, Evidenza{e.Kind, e.Note, e.Date.String()})
		}
		r.Validazione = append(r.Validazione, out)
	}
	return r
}

// skillsProfile is a version read back from the format; dates that do not
// parse are left unknown, and the store validates the whole.
func (r *resolver) skillsProfile(s *SkillsProfile) *model.SkillsProfile {
	pd := func(v string) model.PartialDate { d, _ := model.ParsePartialDate(v); return d }
	day, _ := time.Parse(time.DateOnly, s.Date)
	p := &model.SkillsProfile{UID: s.ID, PersonID: r.id("person", s.PersonID), Version: s.Version, Date: day,
		Author: r.id("operator", s.AuthorID), FromInterview: r.id("interview", s.FromInterview), CreatedAt: when(s.CreatedAt),
		Digital: s.Informatica, Notes: s.Notes}
	for _, l := range s.Lingue {
		p.Languages = append(p.Languages, model.LanguageSkill{Language: l.Lingua, Name: l.Nome, Mother: l.Madrelingua,
			Overall: l.Livello, Levels: l.Livelli, Certificate: l.Certificato, CertLevel: l.LivelloCertif})
	}
	for _, e := range s.TitoliStudio {
		p.Education = append(p.Education, model.EducationEntry{Level: e.Descrizione, Country: e.FrequentatoIn,
			From: pd(e.DataInizio), To: pd(e.DataFine), Completed: e.Conseguito, Field: e.CorsoDiStudio,
			ItalianLevel: e.LivelloStudio, ISCED: e.ISCED, Documents: e.Documenti, Recognition: e.Riconoscimento})
	}
	for _, e := range s.Esperienze {
		p.Experiences = append(p.Experiences, model.WorkExperience{Title: e.Descrizione, ESCO: e.ESCO, CP2011: e.CP2011,
			ISCO: e.QualificaISCO, Ateco: e.SettoreAteco, Country: e.Paese, Region: e.Regione, From: pd(e.DataInizio),
			To: pd(e.DataFine), Tasks: e.Mansioni, Formal: e.ConContratto})
	}
	for _, c := range s.Competenze {
		p.Skills = append(p.Skills, model.ProfileSkill{ESCO: c.ESCO, Label: c.Label, Evidence: c.Evidence})
	}
	for _, l := range s.Patenti {
		p.Licences = append(p.Licences, model.DrivingLicence{Category: l.Categoria, Foreign: l.Estera, Country: l.Paese,
			Convertible: l.Convertibile, Expiry: pd(l.Scadenza)})
	}
	for _, c := range s.Abilitazioni {
		p.Certificates = append(p.Certificates, model.Certificate{Kind: c.Tipo, Detail: c.Dettaglio, Date: pd(c.Data),
			Expiry: pd(c.Scadenza), Evidence: c.Evidence})
	}
	a := s.Disponibilita
	p.Availability = model.Availability{From: pd(a.Dal), Hours: a.Orari, Transport: a.Spostamenti,
		WillingToMove: a.Trasferimento, Wanted: a.Desiderate, WantedNote: a.Note}
	for _, v := range s.Validazione {
		e := model.ValidationEntry{Competence: v.Competenza, State: v.Stato, Date: pd(v.Data), Body: v.Ente}
		for _, ev := range v.Evidenze {
			e.Evidence = append(e.Evidence, model.Evidence{Kind: ev.Tipo, Note: ev.Note, Date: pd(ev.Data)})
		}
		p.Validation = append(p.Validation, e)
	}
	return p
}

// pseudonymiseProfile replaces the IDs and drops the free text: the job as
// told, tasks, skills in words, certificate details, notes, the validating
// body and evidence notes. Codes, levels and dates stay.
func (p *pseudonymiser) pseudonymiseProfile(s *SkillsProfile) {
	s.ID, s.PersonID = p.id("skills_profile", s.ID), p.id("person", s.PersonID)
	s.AuthorID, s.FromInterview, s.Notes = p.id("operator", s.AuthorID), p.id("interview", s.FromInterview), ""
	for i := range s.Lingue {
		s.Lingue[i].Nome = ""
	}
	for i := range s.TitoliStudio {
		s.TitoliStudio[i].Descrizione, s.TitoliStudio[i].CorsoDiStudio = "", ""
	}
	for i := range s.Esperienze {
		e := &s.Esperienze[i]
		e.Descrizione, e.Mansioni, e.Regione = "", "", ""
	}
	for i := range s.Competenze {
		s.Competenze[i].Label = ""
	}
	for i := range s.Abilitazioni {
		s.Abilitazioni[i].Dettaglio = ""
	}
	s.Disponibilita.Note = ""
	for i := range s.Validazione {
		v := &s.Validazione[i]
		v.Ente = ""
		if _, curated := model.CuratedSkillByID(v.Competenza); !curated {
			v.Competenza = "" // a competence in words
		}
		for j := range v.Evidenze {
			v.Evidenze[j].Note = ""
		}
	}
}

// emptyProfile is what an erasure leaves of a version: its header only.
func emptyProfile(s *SkillsProfile) {
	*s = SkillsProfile{ID: s.ID, PersonID: s.PersonID, Version: s.Version, Date: s.Date, AuthorID: s.AuthorID,
		FromInterview: s.FromInterview, CreatedAt: s.CreatedAt, Lingue: []Lingua{}, TitoliStudio: []TitoloStudio{},
		Esperienze: []EsperienzaCV{}, Competenze: []Competenza{}, Patenti: []Patente{}, Abilitazioni: []Abilitazione{},
		Validazione: []Validazione{}, Sync: s.Sync}
}

// profileTables flattens the skills profiles for spreadsheets: the
// versions, and their languages, education, jobs and skills in sheets that
// name their version's id.
func (d *Document) profileTables(add func(string, ...string) *Table) {
	pro := add("skills_profiles", "id", "person_id", "version", "date", "author_id", "from_interview", "created_at",
		"disponibile_dal", "orari", "spostamenti", "trasferimento", "occupazioni_desiderate", "patenti", "abilitazioni")
	lng := add("profile_languages", "profile_id", "lingua", "nome", "madrelingua", "livello", "listening", "reading",
		"spoken_interaction", "spoken_production", "writing", "certificato", "livello_certificato")
	edu := add("profile_education", "profile_id", "livello_studio", "isced", "descrizione", "corso_di_studio",
		"frequentato_in", "data_inizio", "data_fine", "conseguito", "riconoscimento")
	exp := add("profile_experiences", "profile_id", "descrizione", "esco", "cp2011", "qualifica_isco08", "settore_ateco",
		"paese", "regione", "data_inizio", "data_fine", "con_contratto")
	skl := add("profile_skills", "profile_id", "esco", "label", "evidence")
	b := strconv.FormatBool
	for _, p := range d.SkillsProfiles {
		var lic, certs []string
		for _, l := range p.Patenti {
			lic = append(lic, l.Categoria)
		}
		for _, c := range p.Abilitazioni {
			certs = append(certs, c.Tipo)
		}
		a := p.Disponibilita
		pro.Rows = append(pro.Rows, []string{p.ID, p.PersonID, strconv.Itoa(p.Version), p.Date, p.AuthorID, p.FromInterview,
			p.CreatedAt, a.Dal, strings.Join(a.Orari, " "), strings.Join(a.Spostamenti, " "), a.Trasferimento,
			strings.Join(a.Desiderate, " "), strings.Join(lic, " "), strings.Join(certs, " ")})
		for _, l := range p.Lingue {
			v := l.Livelli
			lng.Rows = append(lng.Rows, []string{p.ID, l.Lingua, l.Nome, b(l.Madrelingua), l.Livello, v["listening"],
				v["reading"], v["spoken_interaction"], v["spoken_production"], v["writing"], l.Certificato, l.LivelloCertif})
		}
		for _, e := range p.TitoliStudio {
			edu.Rows = append(edu.Rows, []string{p.ID, e.LivelloStudio, e.ISCED, e.Descrizione, e.CorsoDiStudio,
				e.FrequentatoIn, e.DataInizio, e.DataFine, b(e.Conseguito), e.Riconoscimento})
		}
		for _, e := range p.Esperienze {
			exp.Rows = append(exp.Rows, []string{p.ID, e.Descrizione, e.ESCO, e.CP2011, e.QualificaISCO, e.SettoreAteco,
				e.Paese, e.Regione, e.DataInizio, e.DataFine, b(e.ConContratto)})
		}
		for _, s := range p.Competenze {
			skl.Rows = append(skl.Rows, []string{p.ID, s.ESCO, s.Label, strings.Join(s.Evidence, " ")})
		}
	}
}
