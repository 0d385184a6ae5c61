package exchange

import (
	"io"
	"strconv"
	"strings"
)

// tablesOf reads the tables of a CSV archive or a workbook (XLSX); nil
// when src is neither, or holds no export table.
func tablesOf(src io.ReaderAt, size int64) []Table {
	for _, read := range []func() ([]Table, error){
		func() ([]Table, error) { return ReadCSV(src, size) },
		func() ([]Table, error) { return ReadXLSX(io.NewSectionReader(src, 0, size)) },
	} {
		if ts, err := read(); err == nil {
			for _, t := range ts {
				if t.Name == "export" {
					return ts
				}
			}
		}
	}
	return nil
}

// tableRows gives each row of a table as a function from column name to
// cell; a column the table lacks (an older version's) reads "".
type tableRows map[string][]func(col string) string

func rowsOf(tables []Table) tableRows {
	out := tableRows{}
	for _, t := range tables {
		idx := map[string]int{}
		for i, c := range t.Columns {
			idx[c] = i
		}
		for _, row := range t.Rows {
			out[t.Name] = append(out[t.Name], func(col string) string {
				if i, ok := idx[col]; ok && i < len(row) {
					return row[i]
				}
				return ""
			})
		}
	}
	return out
}

// documentOfTables rebuilds from an export's tables the part of its
// document the indicators read (scratchOf); the rest stays empty.
func documentOfTables(tables []Table) *Document {
	rows := rowsOf(tables)
	d := &Document{}
	if e := rows["export"]; len(e) == 1 {
		r := e[0]
		d.Format, d.FormatVersion, d.Mode = r("format"), r("format_version"), r("mode")
		d.Desk.ID, d.Scope.Kind = r("desk_id"), r("scope")
		if r("regional_keyed") != "" {
			d.Regional = &Regional{Keyed: r("regional_keyed") == "true", KeyFingerprint: r("regional_key_fingerprint")}
		}
	}
	words := strings.Fields
	for _, r := range rows["persons"] {
		p := Person{ID: r("id"), SexRecorded: r("sex_recorded"), DataNascita: r("data_nascita"),
			DomicileInformal: r("domicile_informal") == "true", CreatedAt: r("created_at"),
			RegionalPseudonym: r("regional_pseudonym")}
		for _, iso := range words(r("cittadinanza_iso")) {
			p.Cittadinanza = append(p.Cittadinanza, Country{ISO: iso})
		}
		d.Persons = append(d.Persons, p)
	}
	for _, r := range rows["services"] {
		d.Services = append(d.Services, Service{ID: r("id"), Kind: r("kind")})
	}
	for _, r := range rows["cases"] {
		d.Cases = append(d.Cases, Case{ID: r("id"), PersonID: r("person_id"), OpenedAt: r("opened_at"),
			ClosedAt: r("closed_at"), Status: r("status"), ExitReason: r("exit_reason"), ExitOutcomes: words(r("exit_outcomes"))})
	}
	goals := map[string][]Goal{}
	for _, r := range rows["plan_goals"] {
		goals[r("plan_id")] = append(goals[r("plan_id")], Goal{Area: r("area")})
	}
	for _, r := range rows["plans"] {
		v, _ := strconv.Atoi(r("version"))
		d.Plans = append(d.Plans, Plan{ID: r("id"), CaseID: r("case_id"), Version: v, Status: r("status"),
			AgreedAt: r("agreed_at"), Goals: goals[r("id")]})
	}
	for _, r := range rows["referrals"] {
		d.Referrals = append(d.Referrals, Referral{ID: r("id"), CaseID: r("case_id"), ServiceID: r("service_id"),
			Status: r("status"), SentAt: r("sent_at")})
	}
	answers := map[string][]Answer{}
	for _, r := range rows["answers"] {
		answers[r("interview_id")] = append(answers[r("interview_id")], Answer{QuestionID: r("question_id"), Value: r("value")})
	}
	for _, r := range rows["interviews"] {
		d.Interviews = append(d.Interviews, Interview{ID: r("id"), CaseID: r("case_id"), Date: r("date"), Kind: r("kind"),
			Answers: answers[r("id")]})
	}
	for _, r := range rows["proposals"] {
		d.Proposals = append(d.Proposals, Proposal{ID: r("id"), CaseID: r("case_id"), State: r("state"),
			ProposedAt: r("proposed_at"), DataInizio: r("data_inizio"), Still4Weeks: r("still_4w"), Still6Months: r("still_6m")})
	}
	for _, r := range rows["internships"] {
		d.Internships = append(d.Internships, Internship{ID: r("id"), CaseID: r("case_id"), DataInizio: r("data_inizio"),
			DataFine: r("data_fine")})
	}
	for _, r := range rows["enterprises"] {
		d.Enterprises = append(d.Enterprises, Enterprise{ID: r("id"), CaseID: r("case_id"), RegisteredAt: r("registered_at")})
	}
	profileTablesInto(d, rows)
	return d
}

// profileTablesInto adds the skills profiles with their languages and
// education.
func profileTablesInto(d *Document, rows tableRows) {
	langs, edu := map[string][]Lingua{}, map[string][]TitoloStudio{}
	for _, r := range rows["profile_languages"] {
		l := Lingua{Lingua: r("lingua"), Madrelingua: r("madrelingua") == "true", Livello: r("livello")}
		for _, skill := range []string{"listening", "reading", "spoken_interaction", "spoken_production", "writing"} {
			if v := r(skill); v != "" {
				if l.Livelli == nil {
					l.Livelli = map[string]string{}
				}
				l.Livelli[skill] = v
			}
		}
		langs[r("profile_id")] = append(langs[r("profile_id")], l)
	}
	for _, r := range rows["profile_education"] {
		edu[r("profile_id")] = append(edu[r("profile_id")], TitoloStudio{ISCED: r("isced"),
			Conseguito: r("conseguito") == "true", Riconoscimento: r("riconoscimento")})
	}
	for _, r := range rows["skills_profiles"] {
		v, _ := strconv.Atoi(r("version"))
		d.SkillsProfiles = append(d.SkillsProfiles, SkillsProfile{ID: r("id"), PersonID: r("person_id"), Version: v,
			Date: r("date"), Lingue: langs[r("id")], TitoliStudio: edu[r("id")]})
	}
}
