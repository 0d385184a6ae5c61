package store

// indicatorSources are the queries the indicators count from, each run
// once per computation however many indicators read it: rows of (person,
// date of the event YYYY-MM-DD, key1, key2) in the period [?1, ?2] (?3 is
// the day after ?2, so that a timestamp column is compared as it is
// indexed, >= ?1 AND < ?3, rather than through substr). key1 holds comma
// separated codes an indicator may pick rows by (indicatorParts) and that
// feed the service_kind and exit_outcome breakdowns; key2 feeds the
// outcome breakdown. Persons' sex, birth date, citizenships, ISCED band
// and housing follow (indicatorPeople).
var indicatorSources = map[string]string{
	"persons": `SELECT id, substr(created_at, 1, 10), '', '' FROM persons WHERE created_at >= ?1 AND created_at < ?3`,
	"cases": `SELECT c.person_id, substr(c.opened_at, 1, 10), '', '' FROM cases c
		WHERE c.opened_at >= ?1 AND c.opened_at < ?3`,
	// key1: the areas of the plan's goals.
	"plans": `SELECT c.person_id, substr(pl.agreed_at, 1, 10),
		coalesce((SELECT group_concat(DISTINCT g.area) FROM plan_goals g WHERE g.plan_id = pl.id), ''), ''
		FROM plans pl JOIN cases c ON c.id = pl.case_id
		WHERE pl.agreed_at <> '' AND pl.agreed_at >= ?1 AND pl.agreed_at < ?3`,
	"referrals": `SELECT c.person_id, substr(r.sent_at, 1, 10), s.kind, r.status FROM referrals r
		JOIN cases c ON c.id = r.case_id JOIN services s ON s.id = r.service_id
		WHERE r.sent_at >= ?1 AND r.sent_at < ?3`,
	"proposals": `SELECT c.person_id, substr(p.proposed_at, 1, 10), '', '' FROM proposals p
		JOIN cases c ON c.id = p.case_id WHERE p.proposed_at >= ?1 AND p.proposed_at < ?3`,
	"hirings": `SELECT c.person_id, p.hired_from, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.hired_from BETWEEN ?1 AND ?2`,
	"internships": `SELECT c.person_id, i.start, '', '' FROM internships i JOIN cases c ON c.id = i.case_id
		WHERE i.start BETWEEN ?1 AND ?2`,
	"enterprises": `SELECT c.person_id, e.registered_at, '', '' FROM enterprises e JOIN cases c ON c.id = e.case_id
		WHERE e.registered_at <> '' AND e.registered_at BETWEEN ?1 AND ?2`,
	// key1: "improved" when the version's Italian is above the first version's.
	"skills": `SELECT person_id, date, CASE WHEN improved THEN 'improved' ELSE '' END, ''
		FROM skills_facts WHERE date BETWEEN ?1 AND ?2`,
	// The first application for a recognition, whenever it was.
	"recognition": `SELECT person_id, min(date), '', '' FROM skills_facts WHERE recognition
		GROUP BY person_id HAVING min(date) BETWEEN ?1 AND ?2`,
	// key1: the outcomes at exit.
	"closures": `SELECT c.person_id, substr(c.closed_at, 1, 10), c.exit_outcomes, '' FROM cases c
		WHERE c.status = 'closed' AND c.exit_reason <> '' AND c.closed_at >= ?1 AND c.closed_at < ?3`,
	"still_4w": `SELECT c.person_id, date(p.hired_from, '+28 days') AS d, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.still_4w = 'yes' AND d BETWEEN ?1 AND ?2`,
	"still_6m": `SELECT c.person_id, date(p.hired_from, '+6 months') AS d, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.still_6m = 'yes' AND d BETWEEN ?1 AND ?2`,
}

// indicatorPart is one source an indicator counts from, all its rows or
// those whose key1 holds the code.
type indicatorPart struct{ source, code string }

// indicatorParts say, for each computed indicator, the sources it counts
// from: a person counts once, at the first of their events in any part.
var indicatorParts = map[string][]indicatorPart{
	"reach":                 {{"persons", ""}},
	"in_charge":             {{"cases", ""}},
	"esf_participants":      {{"cases", ""}},
	"plan_agreed":           {{"plans", ""}},
	"referrals":             {{"referrals", ""}},
	"anti_trafficking":      {{"referrals", "anti_trafficking"}},
	"hired":                 {{"hirings", ""}},
	"work_path":             {{"plans", "work"}, {"proposals", ""}, {"internships", ""}},
	"training":              {{"plans", "training"}, {"referrals", "training"}},
	"language_course":       {{"plans", "italian"}, {"referrals", "cpia"}},
	"internships":           {{"internships", ""}},
	"enterprises":           {{"enterprises", ""}},
	"career_guidance":       {{"skills", ""}},
	"recognition_applied":   {{"recognition", ""}},
	"cefr_improved":         {{"skills", "improved"}},
	"leavers":               {{"closures", ""}},
	"employed_at_exit":      {{"closures", "employed"}},
	"in_education_at_exit":  {{"closures", "education"}},
	"qualification_at_exit": {{"closures", "qualification"}},
	"employed_4w":           {{"still_4w", ""}},
	"employed_6m":           {{"still_6m", ""}},
}

// indicatorQuestions are the questions whose answers the indicator
// queries read: a scratch store (LoadScratch) keeps only these.
var indicatorQuestions = map[string]bool{"documents.housing": true}

// IndicatorQuestion tells a question whose answers the indicators read:
// of an export's answers, only those are loaded to count over exports.
func IndicatorQuestion(id string) bool { return indicatorQuestions[id] }

// indicatorPeopleQuery reads what the person breakdowns need: sex, birth
// (an erased person keeps sex, birth year and citizenships, model.Person.
// Anonymise, so the birth year stands in for the date), citizenships, the
// highest completed ISCED level of the first skills profile (-1: none),
// and whether the person is homeless or affected by housing exclusion (an
// informal domicile, or the interview's housing answer).
const indicatorPeopleQuery = `SELECT p.id, p.uid, p.sex,
	CASE WHEN p.birth_date <> '' THEN p.birth_date WHEN p.birth_year > 0 THEN CAST(p.birth_year AS TEXT) ELSE '' END,
	p.citizenships, -1, p.domicile_informal
	FROM persons p WHERE ?1 = '' OR p.case_code LIKE ?1 || '-%'`

// indicatorFactsQuery reads the persons' ISCED level and housing answers
// apart, in one pass, rather than once per person (indicatorPeople).
const indicatorFactsQuery = `SELECT person_id, isced, homeless FROM person_facts`
