package store

// indicatorQueries give, for each computed indicator, rows of (person,
// date of the event YYYY-MM-DD, key1, key2) in the period [?1, ?2] (?3 is
// the day after ?2, so that a timestamp column is compared as it is
// indexed, >= ?1 AND < ?3, rather than through substr); key1
// feeds the service_kind and exit_outcome breakdowns (exit outcomes comma
// separated), key2 the outcome breakdown. Persons' sex, birth date,
// citizenships, ISCED band and housing follow (indicatorPeople).
var indicatorQueries = map[string]string{
	"work_path": planGoal("work") + ` UNION ALL SELECT c.person_id, substr(p.proposed_at, 1, 10), '', '' FROM proposals p
		JOIN cases c ON c.id = p.case_id WHERE p.proposed_at >= ?1 AND p.proposed_at < ?3
		UNION ALL SELECT c.person_id, i.start, '', '' FROM internships i JOIN cases c ON c.id = i.case_id
		WHERE i.start BETWEEN ?1 AND ?2`,
	"training":        planGoal("training") + " UNION ALL " + referredTo("training"),
	"language_course": planGoal("italian") + " UNION ALL " + referredTo("cpia"),
	"reach": `SELECT id, substr(created_at, 1, 10), '', '' FROM persons
		WHERE created_at >= ?1 AND created_at < ?3`,
	"internships": `SELECT c.person_id, i.start, '', '' FROM internships i JOIN cases c ON c.id = i.case_id
		WHERE i.start BETWEEN ?1 AND ?2`,
	"in_charge": `SELECT c.person_id, substr(c.opened_at, 1, 10), '', '' FROM cases c
		WHERE c.opened_at >= ?1 AND c.opened_at < ?3`,
	"plan_agreed": `SELECT c.person_id, substr(pl.agreed_at, 1, 10), '', '' FROM plans pl JOIN cases c ON c.id = pl.case_id
		WHERE pl.agreed_at <> '' AND pl.agreed_at >= ?1 AND pl.agreed_at < ?3`,
	"referrals": `SELECT c.person_id, substr(r.sent_at, 1, 10), s.kind, r.status FROM referrals r
		JOIN cases c ON c.id = r.case_id JOIN services s ON s.id = r.service_id
		WHERE r.sent_at >= ?1 AND r.sent_at < ?3`,
	"anti_trafficking": referredTo("anti_trafficking"),
	"hired": `SELECT c.person_id, p.hired_from, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.hired_from BETWEEN ?1 AND ?2`,
	"enterprises": `SELECT c.person_id, e.registered_at, '', '' FROM enterprises e JOIN cases c ON c.id = e.case_id
		WHERE e.registered_at <> '' AND e.registered_at BETWEEN ?1 AND ?2`,
	"career_guidance": `SELECT person_id, date, '', '' FROM skills_facts WHERE date BETWEEN ?1 AND ?2`,
	"recognition_applied": `SELECT person_id, min(date), '', '' FROM skills_facts WHERE recognition
		GROUP BY person_id HAVING min(date) BETWEEN ?1 AND ?2`,
	"cefr_improved": `SELECT f.person_id, f.date, '', '' FROM skills_facts f JOIN person_facts pf ON pf.person_id = f.person_id
		WHERE f.date BETWEEN ?1 AND ?2 AND f.italian > pf.italian_base`,
	"leavers":               closedWith(""),
	"employed_at_exit":      closedWith("employed"),
	"in_education_at_exit":  closedWith("education"),
	"qualification_at_exit": closedWith("qualification"),
	"employed_4w": `SELECT c.person_id, date(p.hired_from, '+28 days') AS d, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.still_4w = 'yes' AND d BETWEEN ?1 AND ?2`,
	"employed_6m": `SELECT c.person_id, date(p.hired_from, '+6 months') AS d, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.still_6m = 'yes' AND d BETWEEN ?1 AND ?2`,
}

// closedWith selects the persons whose case was closed in the period with
// its exit data and the exit outcome (any, when empty); key1 carries the
// outcomes.
func closedWith(outcome string) string {
	q := `SELECT c.person_id, substr(c.closed_at, 1, 10), c.exit_outcomes, '' FROM cases c
		WHERE c.status = 'closed' AND c.exit_reason <> '' AND c.closed_at >= ?1 AND c.closed_at < ?3`
	if outcome != "" {
		q += ` AND ',' || c.exit_outcomes || ',' LIKE '%,` + outcome + `,%'`
	}
	return q
}

// planGoal selects the persons with a plan agreed in the period with a
// goal in the area.
func planGoal(area string) string {
	return `SELECT c.person_id, substr(pl.agreed_at, 1, 10), '', '' FROM plans pl JOIN cases c ON c.id = pl.case_id
		WHERE pl.agreed_at <> '' AND pl.agreed_at >= ?1 AND pl.agreed_at < ?3
		AND EXISTS (SELECT 1 FROM plan_goals g WHERE g.plan_id = pl.id AND g.area = '` + area + `')`
}

// referredTo selects the persons referred in the period to a service of the kind.
func referredTo(kind string) string {
	return `SELECT c.person_id, substr(r.sent_at, 1, 10), '', '' FROM referrals r
		JOIN cases c ON c.id = r.case_id JOIN services s ON s.id = r.service_id
		WHERE s.kind = '` + kind + `' AND r.sent_at >= ?1 AND r.sent_at < ?3`
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
	p.citizenships, coalesce(f.isced, -1), p.domicile_informal OR coalesce(f.homeless, 0)
	FROM persons p LEFT JOIN person_facts f ON f.person_id = p.id
	WHERE ?1 = '' OR p.case_code LIKE ?1 || '-%'`
