package store

// indicatorQueries give, for each computed indicator, rows of (person,
// date of the event YYYY-MM-DD, key1, key2) in the period [?1, ?2]; key1
// feeds the service_kind and exit_outcome breakdowns (exit outcomes comma
// separated), key2 the outcome breakdown. Persons' sex, birth date,
// citizenships, ISCED band and housing follow (indicatorPeople).
var indicatorQueries = map[string]string{
	"work_path": planGoal("work") + ` UNION ALL SELECT c.person_id, substr(p.proposed_at, 1, 10), '', '' FROM proposals p
		JOIN cases c ON c.id = p.case_id WHERE substr(p.proposed_at, 1, 10) BETWEEN ?1 AND ?2
		UNION ALL SELECT c.person_id, i.start, '', '' FROM internships i JOIN cases c ON c.id = i.case_id
		WHERE i.start BETWEEN ?1 AND ?2`,
	"training":        planGoal("training") + " UNION ALL " + referredTo("training"),
	"language_course": planGoal("italian") + " UNION ALL " + referredTo("cpia"),
	"reach": `SELECT id, substr(created_at, 1, 10), '', '' FROM persons
		WHERE substr(created_at, 1, 10) BETWEEN ?1 AND ?2`,
	"internships": `SELECT c.person_id, i.start, '', '' FROM internships i JOIN cases c ON c.id = i.case_id
		WHERE i.start BETWEEN ?1 AND ?2`,
	"in_charge": `SELECT c.person_id, substr(c.opened_at, 1, 10), '', '' FROM cases c
		WHERE substr(c.opened_at, 1, 10) BETWEEN ?1 AND ?2`,
	"plan_agreed": `SELECT c.person_id, substr(pl.agreed_at, 1, 10), '', '' FROM plans pl JOIN cases c ON c.id = pl.case_id
		WHERE pl.agreed_at <> '' AND substr(pl.agreed_at, 1, 10) BETWEEN ?1 AND ?2`,
	"referrals": `SELECT c.person_id, substr(r.sent_at, 1, 10), s.kind, r.status FROM referrals r
		JOIN cases c ON c.id = r.case_id JOIN services s ON s.id = r.service_id
		WHERE r.sent_at <> '' AND substr(r.sent_at, 1, 10) BETWEEN ?1 AND ?2`,
	"anti_trafficking": referredTo("anti_trafficking"),
	"hired": `SELECT c.person_id, p.hired_from, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.hired_from BETWEEN ?1 AND ?2`,
	"enterprises": `SELECT c.person_id, e.registered_at, '', '' FROM enterprises e JOIN cases c ON c.id = e.case_id
		WHERE e.registered_at <> '' AND e.registered_at BETWEEN ?1 AND ?2`,
	"career_guidance": `SELECT person_id, date, '', '' FROM skills_profiles WHERE date BETWEEN ?1 AND ?2`,
	"recognition_applied": `SELECT sp.person_id, min(sp.date), '', '' FROM skills_profiles sp, json_each(sp.body, '$.education') e
		WHERE json_valid(sp.body) AND coalesce(json_extract(e.value, '$.Recognition'), '') NOT IN ('', 'none')
		GROUP BY sp.person_id HAVING min(sp.date) BETWEEN ?1 AND ?2`,
	"cefr_improved": `WITH lv AS (` + italianLevels + `),
		base AS (SELECT person_id, level FROM lv WHERE version = (SELECT min(version) FROM skills_profiles s WHERE s.person_id = lv.person_id))
		SELECT lv.person_id, lv.date, '', '' FROM lv JOIN base ON base.person_id = lv.person_id
		WHERE lv.level > base.level AND lv.date BETWEEN ?1 AND ?2`,
	"leavers":               closedWith(""),
	"employed_at_exit":      closedWith("employed"),
	"in_education_at_exit":  closedWith("education"),
	"qualification_at_exit": closedWith("qualification"),
	"employed_4w": `SELECT c.person_id, date(p.hired_from, '+28 days') AS d, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.still_4w = 'yes' AND d BETWEEN ?1 AND ?2`,
	"employed_6m": `SELECT c.person_id, date(p.hired_from, '+6 months') AS d, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.still_6m = 'yes' AND d BETWEEN ?1 AND ?2`,
}

// cefrRank is a CEFR level's rank in SQL: A1 1 … C2 6, anything else 0.
func cefrRank(expr string) string {
	return `((instr('|A1|A2|B1|B2|C1|C2|', '|' || upper(coalesce(` + expr + `, '')) || '|') + 2) / 3)`
}

// italianLevels is each skills profile version's Italian level: the
// highest of its overall and per-skill CEFR levels for Italian.
var italianLevels = `SELECT sp.person_id, sp.version, sp.date, max(max(` + cefrRank("json_extract(l.value, '$.Overall')") + `,
		coalesce((SELECT max(` + cefrRank("k.value") + `) FROM json_each(l.value, '$.Levels') k), 0))) AS level
	FROM skills_profiles sp, json_each(sp.body, '$.languages') l
	WHERE json_valid(sp.body) AND json_extract(l.value, '$.Language') = 'it'
	GROUP BY sp.id`

// closedWith selects the persons whose case was closed in the period with
// its exit data and the exit outcome (any, when empty); key1 carries the
// outcomes.
func closedWith(outcome string) string {
	q := `SELECT c.person_id, substr(c.closed_at, 1, 10), c.exit_outcomes, '' FROM cases c
		WHERE c.status = 'closed' AND c.exit_reason <> '' AND substr(c.closed_at, 1, 10) BETWEEN ?1 AND ?2`
	if outcome != "" {
		q += ` AND ',' || c.exit_outcomes || ',' LIKE '%,` + outcome + `,%'`
	}
	return q
}

// planGoal selects the persons with a plan agreed in the period with a
// goal in the area.
func planGoal(area string) string {
	return `SELECT c.person_id, substr(pl.agreed_at, 1, 10), '', '' FROM plans pl JOIN cases c ON c.id = pl.case_id
		WHERE pl.agreed_at <> '' AND substr(pl.agreed_at, 1, 10) BETWEEN ?1 AND ?2
		AND EXISTS (SELECT 1 FROM plan_goals g WHERE g.plan_id = pl.id AND g.area = '` + area + `')`
}

// referredTo selects the persons referred in the period to a service of the kind.
func referredTo(kind string) string {
	return `SELECT c.person_id, substr(r.sent_at, 1, 10), '', '' FROM referrals r
		JOIN cases c ON c.id = r.case_id JOIN services s ON s.id = r.service_id
		WHERE s.kind = '` + kind + `' AND r.sent_at <> '' AND substr(r.sent_at, 1, 10) BETWEEN ?1 AND ?2`
}

// indicatorQuestions are the questions whose answers the indicator
// queries read: a scratch store (LoadScratch) keeps only these.
var indicatorQuestions = map[string]bool{"documents.housing": true}

// indicatorPeopleQuery reads what the person breakdowns need: sex, birth
// (an erased person keeps sex, birth year and citizenships, model.Person.
// Anonymise, so the birth year stands in for the date), citizenships, the
// highest completed ISCED level of the first skills profile (-1: none),
// and whether the person is homeless or affected by housing exclusion (an
// informal domicile, or the interview's housing answer).
const indicatorPeopleQuery = `SELECT p.id, p.uid, p.sex,
	CASE WHEN p.birth_date <> '' THEN p.birth_date WHEN p.birth_year > 0 THEN CAST(p.birth_year AS TEXT) ELSE '' END,
	p.citizenships, coalesce(ed.isced, -1),
	p.domicile_informal OR EXISTS (SELECT 1 FROM answers a JOIN interviews i ON i.id = a.interview_id JOIN cases c ON c.id = i.case_id
		WHERE c.person_id = p.id AND a.question_id = 'documents.housing' AND a.value IN ('informal_settlement', 'no_home'))
	FROM persons p LEFT JOIN (
		SELECT sp.person_id, max(CAST(json_extract(e.value, '$.ISCED') AS INTEGER)) AS isced
		FROM skills_profiles sp, json_each(sp.body, '$.education') e
		WHERE sp.version = 1 AND json_valid(sp.body) AND json_extract(e.value, '$.Completed')
			AND coalesce(json_extract(e.value, '$.ISCED'), '') <> ''
		GROUP BY sp.person_id) ed ON ed.person_id = p.id`
