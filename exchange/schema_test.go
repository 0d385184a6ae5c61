package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"sportello/model"
)

// Fictional data only: every name, number and code below is invented.

// schID makes a fictional stable ID: 32 hex digits from a number.
func schID(n int) string { return fmt.Sprintf("%032x", n) }

// schTime is a fixed moment plus some hours, RFC 3339 in UTC.
func schTime(hours int) string {
	return time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC).Add(time.Duration(hours) * time.Hour).Format(time.RFC3339)
}

// schFullDoc is a full document with every field of every record filled.
func schFullDoc(t testing.TB) Document {
	result, err := json.Marshal(model.Screening{
		ILO:        []model.Finding{{Ref: "ilo.7", Reasons: []model.Reason{{AnswerID: "work.jobs.wages_withheld#0", Value: "yes"}}}},
		Delphi:     []model.Finding{{Ref: "delphi.ec.wages_withheld", Reasons: []model.Reason{{AnswerID: "work.jobs.wages_withheld#0", Value: "yes"}}}},
		Dimensions: []string{"ec"},
	})
	if err != nil {
		t.Fatal(err)
	}
	op1, op2, svcNV, svcCPI := schID(1001), schID(1002), model.NumeroVerdeUID, schID(2002)
	person, kase, consent := schID(3001), schID(4001), schID(7001)
	base := strings.Repeat("ab", 32)
	return Document{
		Format: Format, FormatVersion: FormatVersion, Mode: ModeFull,
		GeneratedAt: time.Date(2026, 3, 6, 13, 30, 0, 123456789, time.UTC).Format(time.RFC3339Nano),
		Desk:        Desk{ID: schID(9), Name: "Sportello di prova", Organisation: "Associazione Esempio", CasePrefix: "PUA"},
		Scope:       Scope{Kind: ScopeIncremental, Since: "rev:12", UpTo: 57},
		Operators: []Operator{
			{ID: op1, Username: "giulia.r", FullName: "Giulia Rossi", Role: string(model.RoleCoordinator), Active: true, Sync: &Sync{Base: base}},
			{ID: op2, Username: "samir.m", FullName: "Samir Mansour", Role: string(model.RoleMediator), Active: false},
		},
		Services: []Service{
			{ID: svcNV, Name: "Numero Verde Antitratta", Kind: string(model.ServiceAntiTrafficking), Phone: "800 290 290",
				Hours: "24/7", Languages: []string{"it", "en", "ar"}, Area: "Italia", Notes: "Gratuito, anonimo."},
			{ID: svcCPI, Name: "Centro per l'Impiego di Esempio", Kind: string(model.ServiceCPI), Address: "Via Immaginaria 1",
				Email: "cpi@example.org", Languages: []string{}, Sync: &Sync{Base: ""}},
		},
		Persons: []Person{{
			ID: person, CaseCode: "PUA-2026-000123", Cognome: "Mensah", Nome: "Kofi", OwnScriptName: "Kofi Mensah",
			Aliases: []string{"Kwame"}, Sesso: "M", SexRecorded: "M", DataNascita: "1990-01-01",
			StatoNascita: &Country{ISTAT: "423", ISO: "GH"}, Cittadinanza: []Country{{ISTAT: "423", ISO: "GH"}},
			Languages: []string{"en", "tw"}, PreferredLang: "en", Telefono: "+39 333 000 0000",
			Domicilio: "Località Inventata, 12", DomicileInformal: true, CodiceFiscale: "MNSKFO90A01Z318X",
			TitoloSoggiorno: Permit{Tipo: "lavoro subordinato", Numero: "I0000000", Scadenza: "2026-11", Stato: string(model.PermitValid)},
			Vulnerabilities: []string{"no_housing"}, Channel: string(model.ChannelOutreach),
			CreatedAt: schTime(0), UpdatedAt: schTime(5), Sync: &Sync{Base: base},
		}},
		Cases: []Case{{ID: kase, PersonID: person, OpenedAt: schTime(0), ClosedAt: schTime(90), Status: string(model.CaseClosed),
			OperatorID: op1, Team: []string{op2}, Priority: string(model.PriorityHigh)}},
		Interviews: []Interview{{
			ID: schID(5001), CaseID: kase, Date: schTime(1), Kind: string(model.InterviewIntake), OperatorID: op1,
			Mediator: "Samir Mansour", Language: "en", QuestionnaireVersion: "1", Notes: "Primo colloquio.",
			DurationS: 3600, Place: string(model.PlaceOutreach), Status: string(model.InterviewCompleted), Section: 7,
			Answers: []Answer{
				{QuestionID: "work.jobs.sector#0", Value: "a", UpdatedAt: schTime(1)},
				{QuestionID: "work.jobs.wages_withheld#0", Value: "yes", UpdatedAt: schTime(1)},
			},
			Screening: &Screening{ComputedAt: schTime(2), Result: result, Trafficking: false, Decision: model.DecisionNotNow,
				DecisionNote: "Da rivedere.", DecidedBy: op1, DecidedAt: schTime(2)},
			SAP: &SAPFields{EsperienzeLavoro: []Esperienza{{SettoreAteco: "A", QualificaISCO: "9211", DataInizio: "2023-06",
				DataFine: "2024", TipoContratto: "oral"}}, LivelloStudio: "LSE"},
		}},
		Plans: []Plan{{
			ID: schID(6001), CaseID: kase, Version: 2, Status: string(model.PlanAgreed), Reviews: []string{"2026-06-01"},
			AgreedAt: schTime(30), SignedBy: "Kofi Mensah", AgreedBy: op1, CreatedAt: schTime(20), UpdatedAt: schTime(30),
			Goals: []Goal{{Area: string(model.AreaWork), Text: "Trovare un lavoro regolare.", Actions: []Action{
				{What: "Iscrizione al CPI", OperatorID: op1, ServiceID: svcCPI, Due: "2026-04", Status: string(model.ActionDone), Outcome: "Fatto."},
				{What: "Corso di italiano", Status: string(model.ActionPlanned)},
			}}},
			Budget: []Budget{{Purpose: string(model.BudgetTransport), PlannedCents: 12000, SpentCents: 4500, Note: "Abbonamento."}},
		}},
		Consents: []Consent{{ID: consent, PersonID: person, Purpose: string(model.PurposeSharing), ServiceID: svcCPI,
			NoticeVersion: "2026-01", Language: "en", Mediator: "Samir Mansour", State: string(model.ConsentGiven),
			Date: schTime(1), ScanName: "consenso.pdf", Scan: []byte("%PDF-1.4 fictional"), RecordedBy: op1}},
		Referrals: []Referral{{ID: schID(8001), CaseID: kase, ServiceID: svcCPI, Reason: "Ricerca di lavoro.",
			Urgency: string(model.UrgencyNormal), ConsentID: consent, Status: string(model.ReferralCompleted),
			Created: schTime(3), SentAt: schTime(4), AnsweredAt: schTime(24), CompletedAt: schTime(48), FollowUp: "2026-03-20",
			Feedback: "Presa in carico dal CPI.", Code: "INV-2026-000001"}},
		Activities: []Activity{{ID: schID(9001), Date: "2026-02-27", Kind: string(model.ActivityOutreach), Participants: 14,
			Place: "Campi di Esempio", Notes: "Distribuiti volantini.", OperatorID: op2, CreatedAt: schTime(-48)}},
	}
}

// schPseudoDoc is schFullDoc as a pseudonymised export leaves it.
func schPseudoDoc(t testing.TB) Document {
	d := schFullDoc(t)
	d.Mode = ModePseudonymised
	for i := range d.Operators {
		d.Operators[i].Username, d.Operators[i].FullName = "", ""
	}
	for i := range d.Persons {
		p := &d.Persons[i]
		p.CaseCode, p.Cognome, p.Nome, p.OwnScriptName, p.Aliases = "", "", "", "", nil
		p.Telefono, p.Domicilio, p.CodiceFiscale, p.TitoloSoggiorno.Numero = "", "", "", ""
		p.DataNascita = p.DataNascita[:7]
	}
	for i := range d.Interviews {
		iv := &d.Interviews[i]
		iv.Mediator, iv.Notes, iv.Screening.DecisionNote = "", "", ""
	}
	for i := range d.Plans {
		pl := &d.Plans[i]
		pl.SignedBy = ""
		for j := range pl.Goals {
			pl.Goals[j].Text = ""
			for k := range pl.Goals[j].Actions {
				pl.Goals[j].Actions[k].What, pl.Goals[j].Actions[k].Outcome = "", ""
			}
		}
		for j := range pl.Budget {
			pl.Budget[j].Note = ""
		}
	}
	for i := range d.Consents {
		d.Consents[i].Mediator, d.Consents[i].ScanName, d.Consents[i].Scan = "", "", nil
	}
	for i := range d.Referrals {
		r := &d.Referrals[i]
		r.Reason, r.LegalBasis, r.Feedback, r.Code = "", "", "", ""
	}
	for i := range d.Activities {
		d.Activities[i].Notes = ""
	}
	return d
}

func schMarshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestValidateJSONAcceptsValidDocuments(t *testing.T) {
	for name, d := range map[string]Document{"full": schFullDoc(t), "pseudonymised": schPseudoDoc(t)} {
		if err := ValidateJSON(schMarshal(t, d)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A minimal document: no records, no optional field.
	empty := Document{Format: Format, FormatVersion: "1.7", GeneratedAt: schTime(0), Mode: ModeFull,
		Desk:      Desk{ID: schID(1), CasePrefix: "AB1"},
		Scope:     Scope{Kind: ScopeComplete},
		Operators: []Operator{}, Services: []Service{}, Persons: []Person{}, Cases: []Case{}, Interviews: []Interview{},
		Plans: []Plan{}, Consents: []Consent{}, Referrals: []Referral{}, Activities: []Activity{}}
	if err := ValidateJSON(schMarshal(t, empty)); err != nil {
		t.Errorf("empty: %v", err)
	}
}

// schEdit changes the document at a dotted path ("persons.0.sesso"): it sets
// the value, or deletes the key when value is schDelete.
func schEdit(t *testing.T, doc any, path string, value any) {
	t.Helper()
	keys := strings.Split(path, ".")
	v := doc
	for i, k := range keys {
		last := i == len(keys)-1
		switch x := v.(type) {
		case map[string]any:
			if last {
				if value == schDelete {
					delete(x, k)
				} else {
					x[k] = value
				}
				return
			}
			v = x[k]
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n >= len(x) {
				t.Fatalf("bad path %s at %s", path, k)
			}
			if last {
				x[n] = value
				return
			}
			v = x[n]
		default:
			t.Fatalf("bad path %s at %s", path, k)
		}
	}
}

var schDelete = &struct{}{}

func TestValidateJSONRejects(t *testing.T) {
	tests := []struct {
		name  string
		base  string // full or pseudonymised
		path  string
		value any
		want  string // the first problem
	}{
		{"wrong format", "full", "format", "other-format", `format: value must be "sportello-exchange"`},
		{"major version 2", "full", "format_version", "2.0", "format_version: not a version this reader knows: it reads format version 1.x"},
		{"unknown field at the top", "full", "colour", "blue", `document: unknown field "colour"`},
		{"typo in a person's field", "full", "persons.0.sesos", "M", `persons[0]: unknown field "sesos"`},
		{"typo in a nested field", "full", "interviews.0.sap.esperienze_lavoro.0.settore", "A", `interviews[0].sap.esperienze_lavoro[0]: unknown field "settore"`},
		{"missing required field", "full", "persons.0.sesso", schDelete, `persons[0]: missing field "sesso"`},
		{"missing array", "full", "activities", schDelete, `document: missing field "activities"`},
		{"null array", "full", "persons.0.languages", nil, "persons[0].languages: must be a list, not null"},
		{"bad id", "full", "persons.0.id", "KOFI-1", "persons[0].id: not an id (32 lower-case hexadecimal digits)"},
		{"upper-case id", "full", "cases.0.id", strings.ToUpper(schID(0xabc)), "cases[0].id: not an id"},
		{"empty reference", "full", "cases.0.operator_id", "", `cases[0].operator_id: is empty: leave the field out rather than write ""`},
		{"empty team member", "full", "cases.0.team.0", "", "cases[0].team[0]: is empty"},
		{"bad enum sesso", "full", "persons.0.sesso", "X", `persons[0].sesso: value must be one of "", "M", "F"`},
		{"bad mode", "full", "mode", "anonymous", `mode: value must be one of "full", "pseudonymised"`},
		{"bad case status", "full", "cases.0.status", "archived", `cases[0].status: value must be one of "open", "suspended", "closed"`},
		{"bad permit status", "full", "persons.0.titolo_soggiorno.stato", "renewing", "persons[0].titolo_soggiorno.stato: value must be one of"},
		{"bad birth date", "full", "persons.0.data_nascita", "1990-13-01", "persons[0].data_nascita: not a date (YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"birth date in Italian order", "full", "persons.0.data_nascita", "01/01/1990", "persons[0].data_nascita: not a date"},
		{"bad date-time", "full", "cases.0.opened_at", "2026-03-02 09:30", "cases[0].opened_at: not a date and time (RFC 3339"},
		{"date-time without offset", "full", "interviews.0.date", "2026-03-02T09:30:00", "interviews[0].date: not a date and time"},
		{"impossible activity date", "full", "activities.0.date", "2026-02-30", "activities[0].date: not a date (YYYY-MM-DD)"},
		{"partial activity date", "full", "activities.0.date", "2026-02", "activities[0].date: not a date (YYYY-MM-DD)"},
		{"bad ISTAT code", "full", "persons.0.cittadinanza.0.istat", "42", "persons[0].cittadinanza[0].istat: not an ISTAT country code (3 digits)"},
		{"bad ISO code", "full", "persons.0.stato_nascita.iso", "GHA", "persons[0].stato_nascita.iso: not an ISO 3166 country code"},
		{"bad ATECO section", "full", "interviews.0.sap.esperienze_lavoro.0.settore_ateco", "a", "interviews[0].sap.esperienze_lavoro[0].settore_ateco: not an ATECO 2007 section"},
		{"bad ISCO group", "full", "interviews.0.sap.esperienze_lavoro.0.qualifica_isco08", "isco_9211", "interviews[0].sap.esperienze_lavoro[0].qualifica_isco08: not an ISCO-08 unit group"},
		{"bad education level", "full", "interviews.0.sap.livello_studio", "ned", "interviews[0].sap.livello_studio: value must be one of"},
		{"bad codice fiscale", "full", "persons.0.codice_fiscale", "mnskfo90a01z318x", "persons[0].codice_fiscale: not a codice fiscale"},
		{"bad sync base", "full", "operators.0.sync.base", "abc", "operators[0].sync.base: not a hash"},
		{"negative amount", "full", "plans.0.budget.0.planned_cents", -1, "plans[0].budget[0].planned_cents: must be at least 0"},
		{"too many participants", "full", "activities.0.participants", 100001, "activities[0].participants: must be at most 100000"},
		{"number as text", "full", "interviews.0.duration_s", "3600", "interviews[0].duration_s: must be a whole number, not text"},
		{"pseudonymised with a family name", "pseudonymised", "persons.0.cognome", "Mensah", "persons[0].cognome: must be left out of a pseudonymised document"},
		{"pseudonymised with a codice fiscale", "pseudonymised", "persons.0.codice_fiscale", "MNSKFO90A01Z318X", "persons[0].codice_fiscale: must be left out of a pseudonymised document"},
		{"pseudonymised with a scan", "pseudonymised", "consents.0.scan", "JVBERi0=", "consents[0].scan: must be left out of a pseudonymised document"},
		{"pseudonymised with a birth day", "pseudonymised", "persons.0.data_nascita", "1990-01-01", "persons[0].data_nascita: a pseudonymised document keeps only the year and month"},
		{"pseudonymised with a goal text", "pseudonymised", "plans.0.goals.0.text", "Lavoro.", "plans[0].goals[0].text: must be left out of a pseudonymised document"},
		{"pseudonymised with an operator name", "pseudonymised", "operators.1.full_name", "Samir Mansour", "operators[1].full_name: must be left out of a pseudonymised document"},
	}
	docs := map[string][]byte{"full": schMarshal(t, schFullDoc(t)), "pseudonymised": schMarshal(t, schPseudoDoc(t))}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(docs[tt.base]))
			if err != nil {
				t.Fatal(err)
			}
			schEdit(t, doc, tt.path, tt.value)
			err = ValidateJSON(schMarshal(t, doc))
			var se *SchemaError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *SchemaError", err)
			}
			if len(se.Problems) == 0 || !strings.HasPrefix(se.Problems[0], tt.want) {
				t.Errorf("problems %q, want the first to start with %q", se.Problems, tt.want)
			}
			if !strings.Contains(se.Error(), tt.want) {
				t.Errorf("Error() = %q, want it to contain %q", se.Error(), tt.want)
			}
		})
	}
}

// TestValidateJSONNeverQuotesValues: problems say where and what, not the
// value, which may be personal data.
func TestValidateJSONNeverQuotesValues(t *testing.T) {
	d := schFullDoc(t)
	d.Persons[0].CodiceFiscale = "NOT-A-REAL-CF-ZZ"
	d.Persons[0].DataNascita = "31/12/1990"
	d.Persons[0].Sesso = "Maschio"
	err := ValidateJSON(schMarshal(t, d))
	if err == nil {
		t.Fatal("no error")
	}
	for _, v := range []string{"NOT-A-REAL-CF-ZZ", "31/12/1990", "Maschio"} {
		if strings.Contains(err.Error(), v) {
			t.Errorf("the error quotes %q: %v", v, err)
		}
	}
}

func TestSchemaErrorShowsFiveProblems(t *testing.T) {
	d := schFullDoc(t)
	for i := range 11 {
		p := d.Persons[0]
		p.ID = fmt.Sprintf("bad-%d", i)
		d.Persons = append(d.Persons, p)
	}
	err := ValidateJSON(schMarshal(t, d))
	var se *SchemaError
	if !errors.As(err, &se) {
		t.Fatalf("got %v", err)
	}
	if len(se.Problems) != 11 {
		t.Fatalf("%d problems, want 11: %q", len(se.Problems), se.Problems)
	}
	// In document order: persons[1] to persons[11], not persons[1], [10], [11], [2]...
	for i, p := range se.Problems {
		if want := fmt.Sprintf("persons[%d].id: ", i+1); !strings.HasPrefix(p, want) {
			t.Errorf("problem %d = %q, want %q...", i, p, want)
		}
	}
	msg := se.Error()
	if !strings.HasSuffix(msg, "; and 6 more") || strings.Count(msg, "persons[") != 5 {
		t.Errorf("Error() = %q", msg)
	}
	if !strings.HasPrefix(msg, "the document does not follow the exchange format: persons[1].id: not an id") {
		t.Errorf("Error() = %q", msg)
	}
}

func TestValidateJSONNotJSON(t *testing.T) {
	for _, data := range []string{"", "{", `{"format": "sportello-exchange"} {}`, "\xff"} {
		err := ValidateJSON([]byte(data))
		var se *SchemaError
		if err == nil || errors.As(err, &se) {
			t.Errorf("%q: got %v, want a plain error", data, err)
		}
	}
	err := ValidateJSON([]byte(`[]`))
	var se *SchemaError
	if !errors.As(err, &se) || se.Problems[0] != "document: must be an object, not a list" {
		t.Errorf("an array: got %v", err)
	}
}
