package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"sportello/store"
)

// rowOf gives a row's cell by its column's name; "" for a column the
// table lacks (an older version's).
type rowOf func(col string) string

// tableJoin is what the tables of an export read before others need: the
// languages and education of each skills profile (a desk has few).
type tableJoin struct {
	langs map[string][]Lingua
	edu   map[string][]TitoloStudio
}

func newTableJoin() *tableJoin {
	return &tableJoin{langs: map[string][]Lingua{}, edu: map[string][]TitoloStudio{}}
}

// tableBatch is what rows of an export's tables add up to: records, and
// the goals and answers that name their plan or interview by its ID.
type tableBatch struct {
	doc     *Document
	goals   []store.ScratchGoal
	answers []store.ScratchAnswer
}

// size is how many records and rows a batch holds.
func (b *tableBatch) size() int { return b.doc.recordCount() + len(b.goals) + len(b.answers) }

// indicatorTables are the tables of an export the indicators read, in the
// order they are read (what is joined before what joins it), each with
// what one row adds to a document; the rest stays empty.
var indicatorTables = []struct {
	name string
	row  func(j *tableJoin, b *tableBatch, r rowOf)
}{
	{"export", func(_ *tableJoin, b *tableBatch, r rowOf) {
		d := b.doc
		d.Format, d.FormatVersion, d.Mode = r("format"), r("format_version"), r("mode")
		d.Desk.ID, d.Scope.Kind, d.GeneratedAt = r("desk_id"), r("scope"), r("generated_at")
		if r("regional_keyed") != "" {
			d.Regional = &Regional{Keyed: r("regional_keyed") == "true", KeyFingerprint: r("regional_key_fingerprint")}
		}
	}},
	{"services", func(_ *tableJoin, b *tableBatch, r rowOf) {
		d := b.doc
		d.Services = append(d.Services, Service{ID: r("id"), Kind: r("kind")})
	}},
	{"profile_languages", func(j *tableJoin, _ *tableBatch, r rowOf) {
		l := Lingua{Lingua: r("lingua"), Madrelingua: r("madrelingua") == "true", Livello: r("livello")}
		for _, skill := range []string{"listening", "reading", "spoken_interaction", "spoken_production", "writing"} {
			if v := r(skill); v != "" {
				if l.Livelli == nil {
					l.Livelli = map[string]string{}
				}
				l.Livelli[skill] = v
			}
		}
		j.langs[r("profile_id")] = append(j.langs[r("profile_id")], l)
	}},
	{"profile_education", func(j *tableJoin, _ *tableBatch, r rowOf) {
		j.edu[r("profile_id")] = append(j.edu[r("profile_id")], TitoloStudio{ISCED: r("isced"),
			Conseguito: r("conseguito") == "true", Riconoscimento: r("riconoscimento")})
	}},
	{"persons", func(_ *tableJoin, b *tableBatch, r rowOf) {
		d := b.doc
		p := Person{ID: r("id"), SexRecorded: r("sex_recorded"), DataNascita: r("data_nascita"),
			DomicileInformal: r("domicile_informal") == "true", CreatedAt: r("created_at"),
			RegionalPseudonym: r("regional_pseudonym")}
		for _, iso := range strings.Fields(r("cittadinanza_iso")) {
			p.Cittadinanza = append(p.Cittadinanza, Country{ISO: iso})
		}
		d.Persons = append(d.Persons, p)
	}},
	{"cases", func(_ *tableJoin, b *tableBatch, r rowOf) {
		d := b.doc
		d.Cases = append(d.Cases, Case{ID: r("id"), PersonID: r("person_id"), OpenedAt: r("opened_at"),
			ClosedAt: r("closed_at"), Status: r("status"), ExitReason: r("exit_reason"),
			ExitOutcomes: strings.Fields(r("exit_outcomes"))})
	}},
	{"plans", func(_ *tableJoin, b *tableBatch, r rowOf) {
		v, _ := strconv.Atoi(r("version"))
		b.doc.Plans = append(b.doc.Plans, Plan{ID: r("id"), CaseID: r("case_id"), Version: v, Status: r("status"),
			AgreedAt: r("agreed_at")})
	}},
	{"plan_goals", func(_ *tableJoin, b *tableBatch, r rowOf) {
		b.goals = append(b.goals, store.ScratchGoal{PlanKey: r("plan_id"), Area: r("area")})
	}},
	{"referrals", func(_ *tableJoin, b *tableBatch, r rowOf) {
		d := b.doc
		d.Referrals = append(d.Referrals, Referral{ID: r("id"), CaseID: r("case_id"), ServiceID: r("service_id"),
			Status: r("status"), SentAt: r("sent_at")})
	}},
	{"interviews", func(_ *tableJoin, b *tableBatch, r rowOf) {
		b.doc.Interviews = append(b.doc.Interviews, Interview{ID: r("id"), CaseID: r("case_id"), Date: r("date"),
			Kind: r("kind")})
	}},
	{"answers", func(_ *tableJoin, b *tableBatch, r rowOf) {
		if q := r("question_id"); store.IndicatorQuestion(q) {
			b.answers = append(b.answers, store.ScratchAnswer{InterviewKey: r("interview_id"), QuestionID: q, Value: r("value")})
		}
	}},
	{"proposals", func(_ *tableJoin, b *tableBatch, r rowOf) {
		d := b.doc
		d.Proposals = append(d.Proposals, Proposal{ID: r("id"), CaseID: r("case_id"), State: r("state"),
			ProposedAt: r("proposed_at"), DataInizio: r("data_inizio"), Still4Weeks: r("still_4w"), Still6Months: r("still_6m")})
	}},
	{"internships", func(_ *tableJoin, b *tableBatch, r rowOf) {
		d := b.doc
		d.Internships = append(d.Internships, Internship{ID: r("id"), CaseID: r("case_id"), DataInizio: r("data_inizio"),
			DataFine: r("data_fine")})
	}},
	{"enterprises", func(_ *tableJoin, b *tableBatch, r rowOf) {
		d := b.doc
		d.Enterprises = append(d.Enterprises, Enterprise{ID: r("id"), CaseID: r("case_id"), RegisteredAt: r("registered_at")})
	}},
	{"skills_profiles", func(j *tableJoin, b *tableBatch, r rowOf) {
		d := b.doc
		v, _ := strconv.Atoi(r("version"))
		d.SkillsProfiles = append(d.SkillsProfiles, SkillsProfile{ID: r("id"), PersonID: r("person_id"), Version: v,
			Date: r("date"), Lingue: j.langs[r("id")], TitoliStudio: j.edu[r("id")]})
	}},
}

// columnsOf makes a table's rows readable by column name.
func columnsOf(columns []string) func(row []string) rowOf {
	idx := map[string]int{}
	for i, c := range columns {
		idx[c] = i
	}
	return func(row []string) rowOf {
		return func(col string) string {
			if i, ok := idx[col]; ok && i < len(row) {
				return row[i]
			}
			return ""
		}
	}
}

// csvBatch is how many rows of an export's table are loaded at once.
var csvBatch = 5000

// tableRows reads one table of an export a row at a time: its header
// first, then each row, given with how to read it by column name.
type tableRows func(each func(cells func([]string) rowOf, row []string) error) error

// csvTables are the tables of an export's CSV form, each a file of the
// archive.
func csvTables(zr *zip.Reader) map[string]tableRows {
	tables := map[string]tableRows{}
	for _, f := range zr.File {
		if table, ok := strings.CutSuffix(f.Name, ".csv"); ok {
			tables[table] = func(each func(func([]string) rowOf, []string) error) error {
				return eachCSVFileRow(f, each)
			}
		}
	}
	return tables
}

// sheetTables are the tables of an export's XLSX form, each a sheet of the
// workbook.
func sheetTables(wb *workbook) map[string]tableRows {
	tables := map[string]tableRows{}
	for _, s := range wb.sheets {
		tables[s.name] = func(each func(func([]string) rowOf, []string) error) error {
			var cells func([]string) rowOf
			_, err := wb.eachRow(s, func(row []string) error {
				if cells == nil {
					cells = columnsOf(append([]string(nil), row...))
					return nil
				}
				if emptyRow(row) {
					return nil // a row left empty, or emptied in a spreadsheet
				}
				return each(cells, row)
			})
			return err
		}
	}
	return tables
}

// tabularExport reads an export's CSV or XLSX form for the indicators a
// table and a row at a time: the envelope first, checked before anything
// is loaded, then each table in indicatorTables' order, its rows loaded
// csvBatch at a time: a plan's goals and an interview's answers (only
// those the indicators read) after it, the skills profiles' languages and
// education kept until the profiles are read.
func (r *indicatorRun) tabularExport(name string, tables map[string]tableRows, feed *scratchFeed) error {
	if tables["export"] == nil {
		return ErrNotAnExport
	}
	j := newTableJoin()
	var env *Document
	for _, it := range indicatorTables {
		rows := tables[it.name]
		if rows == nil {
			continue
		}
		batch := &tableBatch{doc: &Document{}}
		if env != nil {
			batch.doc.Desk = env.Desk
		}
		flush := func() error {
			err := feed.addBatch(batch)
			batch = &tableBatch{doc: &Document{Desk: env.Desk}}
			return err
		}
		err := rows(func(cells func([]string) rowOf, row []string) error {
			it.row(j, batch, cells(row))
			if env != nil && batch.size() >= csvBatch {
				return flush()
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("%w: %s: %w", ErrNotAnExport, it.name, err)
		}
		if it.name == "export" {
			env = batch.doc
			if err := r.envelope(name, env); err != nil {
				return err
			}
			continue
		}
		if err := flush(); err != nil {
			return err
		}
	}
	return nil
}

// recordCount is how many records a document's lists hold.
func (d *Document) recordCount() int {
	n := 0
	for _, c := range d.Counts() {
		n += c
	}
	return n
}

// eachCSVFileRow reads a CSV file of an archive a row at a time: its header
// first, then each row, given with how to read it by column name.
func eachCSVFileRow(f *zip.File, each func(cells func([]string) rowOf, row []string) error) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	r := bufio.NewReaderSize(rc, 64<<10)
	if bom, _ := r.Peek(len(csvBOM)); bytes.Equal(bom, []byte(csvBOM)) {
		r.Discard(len(csvBOM))
	}
	var cells func([]string) rowOf
	width, line := 0, 0
	return eachCSVRow(r, func(row []string) error {
		line++
		if cells == nil {
			cells, width = columnsOf(row), len(row)
			return nil
		}
		if len(row) != width {
			return fmt.Errorf("row %d has %d cells, want %d", line-1, len(row), width)
		}
		return each(cells, row)
	})
}
