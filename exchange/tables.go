package exchange

import (
	"strconv"
	"strings"
)

// Tables flattens a document for spreadsheets: one table per kind of
// record, the parts of a record (answers, goals, actions, budget lines, jobs)
// in tables of their own that name their record's id. Column names are the
// JSON field names; lists are joined with spaces.
func (d *Document) Tables() []Table {
	b := func(v bool) string { return strconv.FormatBool(v) }
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	country := func(c *Country) (string, string) {
		if c == nil {
			return "", ""
		}
		return c.ISTAT, c.ISO
	}
	// Each table is made apart and kept by pointer: a pointer into a
	// growing slice of tables would be left behind when the slice moves,
	// and the rows written through it lost.
	var t []*Table
	add := func(name string, cols ...string) *Table {
		t = append(t, &Table{Name: name, Columns: cols, Rows: [][]string{}})
		return t[len(t)-1]
	}
	info := add("export", "format", "format_version", "generated_at", "desk_id", "desk_name", "organisation",
		"mode", "scope", "since", "up_to", "regional_keyed", "regional_key_fingerprint")
	keyed, fingerprint := "", ""
	if d.Regional != nil {
		keyed, fingerprint = b(d.Regional.Keyed), d.Regional.KeyFingerprint
	}
	info.Rows = append(info.Rows, []string{d.Format, d.FormatVersion, d.GeneratedAt, d.Desk.ID, d.Desk.Name,
		d.Desk.Organisation, d.Mode, d.Scope.Kind, d.Scope.Since, n(d.Scope.UpTo), keyed, fingerprint})

	ops := add("operators", "id", "username", "full_name", "role", "active")
	for _, o := range d.Operators {
		ops.Rows = append(ops.Rows, []string{o.ID, o.Username, o.FullName, o.Role, b(o.Active)})
	}
	svc := add("services", "id", "name", "kind", "address", "phone", "email", "hours", "languages", "area", "notes")
	for _, s := range d.Services {
		svc.Rows = append(svc.Rows, []string{s.ID, s.Name, s.Kind, s.Address, s.Phone, s.Email, s.Hours,
			strings.Join(s.Languages, " "), s.Area, s.Notes})
	}
	per := add("persons", "id", "case_code", "cognome", "nome", "own_script_name", "aliases", "sesso", "sex_recorded",
		"data_nascita", "stato_nascita_istat", "stato_nascita_iso", "cittadinanza_istat", "cittadinanza_iso",
		"languages", "preferred_language", "telefono", "domicilio", "domicile_informal", "codice_fiscale",
		"titolo_soggiorno_tipo", "titolo_soggiorno_numero", "titolo_soggiorno_scadenza", "titolo_soggiorno_stato",
		"vulnerabilities", "channel", "created_at", "updated_at", "regional_pseudonym")
	for _, p := range d.Persons {
		istat, iso := country(p.StatoNascita)
		var cistat, ciso []string
		for _, c := range p.Cittadinanza {
			cistat, ciso = append(cistat, c.ISTAT), append(ciso, c.ISO)
		}
		per.Rows = append(per.Rows, []string{p.ID, p.CaseCode, p.Cognome, p.Nome, p.OwnScriptName,
			strings.Join(p.Aliases, "; "), p.Sesso, p.SexRecorded, p.DataNascita, istat, iso,
			strings.Join(cistat, " "), strings.Join(ciso, " "), strings.Join(p.Languages, " "), p.PreferredLang,
			p.Telefono, p.Domicilio, b(p.DomicileInformal), p.CodiceFiscale, p.TitoloSoggiorno.Tipo,
			p.TitoloSoggiorno.Numero, p.TitoloSoggiorno.Scadenza, p.TitoloSoggiorno.Stato,
			strings.Join(p.Vulnerabilities, "; "), p.Channel, p.CreatedAt, p.UpdatedAt, p.RegionalPseudonym})
	}
	cas := add("cases", "id", "person_id", "opened_at", "closed_at", "status", "operator_id", "team", "priority",
		"exit_reason", "exit_outcomes", "exit_contract", "exit_note")
	for _, c := range d.Cases {
		cas.Rows = append(cas.Rows, []string{c.ID, c.PersonID, c.OpenedAt, c.ClosedAt, c.Status, c.OperatorID,
			strings.Join(c.Team, " "), c.Priority, c.ExitReason, strings.Join(c.ExitOutcomes, " "), c.ExitContract, c.ExitNote})
	}
	d.interviewTables(add)
	d.planTables(add)
	con := add("consents", "id", "person_id", "purpose", "service_id", "employer_id", "notice_version", "language",
		"mediator", "state", "date", "scan_name", "recorded_by")
	for _, c := range d.Consents {
		con.Rows = append(con.Rows, []string{c.ID, c.PersonID, c.Purpose, c.ServiceID, c.EmployerID, c.NoticeVersion,
			c.Language, c.Mediator, c.State, c.Date, c.ScanName, c.RecordedBy})
	}
	ref := add("referrals", "id", "case_id", "service_id", "reason", "urgency", "consent_id", "legal_basis", "status",
		"created", "sent_at", "answered_at", "completed_at", "follow_up", "feedback", "code")
	for _, r := range d.Referrals {
		ref.Rows = append(ref.Rows, []string{r.ID, r.CaseID, r.ServiceID, r.Reason, r.Urgency, r.ConsentID,
			r.LegalBasis, r.Status, r.Created, r.SentAt, r.AnsweredAt, r.CompletedAt, r.FollowUp, r.Feedback, r.Code})
	}
	act := add("activities", "id", "date", "kind", "participants", "place", "notes", "operator_id", "created_at")
	for _, a := range d.Activities {
		act.Rows = append(act.Rows, []string{a.ID, a.Date, a.Kind, strconv.Itoa(a.Participants), a.Place, a.Notes,
			a.OperatorID, a.CreatedAt})
	}
	d.profileTables(add)
	d.workTables(add)
	out := make([]Table, len(t))
	for i, tb := range t {
		out[i] = *tb
	}
	return out
}

func (d *Document) interviewTables(add func(string, ...string) *Table) {
	ivs := add("interviews", "id", "case_id", "date", "kind", "operator_id", "mediator", "language",
		"questionnaire_version", "notes", "duration_s", "place", "status", "section", "livello_studio",
		"screening_computed_at", "screening_trafficking", "screening_decision", "screening_decision_note",
		"screening_decided_by", "screening_decided_at")
	ans := add("answers", "interview_id", "question_id", "value", "updated_at")
	jobs := add("esperienze_lavoro", "interview_id", "settore_ateco", "qualifica_isco08", "data_inizio", "data_fine",
		"tipo_contratto")
	for _, iv := range d.Interviews {
		level := ""
		if iv.SAP != nil {
			level = iv.SAP.LivelloStudio
			for _, e := range iv.SAP.EsperienzeLavoro {
				jobs.Rows = append(jobs.Rows, []string{iv.ID, e.SettoreAteco, e.QualificaISCO, e.DataInizio, e.DataFine,
					e.TipoContratto})
			}
		}
		sc := []string{"", "", "", "", "", ""}
		if s := iv.Screening; s != nil {
			sc = []string{s.ComputedAt, strconv.FormatBool(s.Trafficking), s.Decision, s.DecisionNote, s.DecidedBy,
				s.DecidedAt}
		}
		ivs.Rows = append(ivs.Rows, append([]string{iv.ID, iv.CaseID, iv.Date, iv.Kind, iv.OperatorID, iv.Mediator,
			iv.Language, iv.QuestionnaireVersion, iv.Notes, strconv.FormatInt(iv.DurationS, 10), iv.Place, iv.Status,
			strconv.Itoa(iv.Section), level}, sc...))
		for _, a := range iv.Answers {
			ans.Rows = append(ans.Rows, []string{iv.ID, a.QuestionID, a.Value, a.UpdatedAt})
		}
	}
}

func (d *Document) planTables(add func(string, ...string) *Table) {
	pls := add("plans", "id", "case_id", "version", "status", "reviews", "agreed_at", "signed_by", "agreed_by",
		"created_at", "updated_at")
	goals := add("plan_goals", "plan_id", "goal", "area", "text")
	acts := add("plan_actions", "plan_id", "goal", "what", "operator_id", "service_id", "due", "status", "outcome")
	bud := add("plan_budget", "plan_id", "purpose", "planned_cents", "spent_cents", "note")
	for _, p := range d.Plans {
		pls.Rows = append(pls.Rows, []string{p.ID, p.CaseID, strconv.Itoa(p.Version), p.Status,
			strings.Join(p.Reviews, " "), p.AgreedAt, p.SignedBy, p.AgreedBy, p.CreatedAt, p.UpdatedAt})
		for i, g := range p.Goals {
			goal := strconv.Itoa(i + 1)
			goals.Rows = append(goals.Rows, []string{p.ID, goal, g.Area, g.Text})
			for _, a := range g.Actions {
				acts.Rows = append(acts.Rows, []string{p.ID, goal, a.What, a.OperatorID, a.ServiceID, a.Due, a.Status,
					a.Outcome})
			}
		}
		for _, l := range p.Budget {
			bud.Rows = append(bud.Rows, []string{p.ID, l.Purpose, strconv.FormatInt(l.PlannedCents, 10),
				strconv.FormatInt(l.SpentCents, 10), l.Note})
		}
	}
}
