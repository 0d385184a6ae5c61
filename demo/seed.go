// Package demo makes fictional sample data: accounts, persons with their
// cases, interviews, plans, consents, referrals and activities. Every name
// in it is invented.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"sportello/model"
	"sportello/store"
)

// Password is every demo account's password; the README gives it.
const Password = "sportello-demo"

// Coordinator is the demo desk's coordinator account.
const Coordinator = "giulia"

// demoOperators are the demo accounts, one per role. All fictional.
var demoOperators = []model.Operator{
	{Username: "giulia", FullName: "Giulia Ferrante", Role: model.RoleCoordinator},
	{Username: "marco", FullName: "Marco Albani", Role: model.RoleOperator},
	{Username: "samira", FullName: "Samira Belkacem", Role: model.RoleMediator},
	{Username: "elena", FullName: "Elena Rinaldi", Role: model.RoleSocialWorker},
	{Username: "paolo", FullName: "Paolo Gentile", Role: model.RoleLegalAdviser},
}

// demoName is a fictional name in Latin letters and in the person's script.
type demoName struct{ latin, own string }

// demoGroup is a set of fictional names of one origin, with the language
// an interview would be held in.
type demoGroup struct {
	country, lang string
	family        []demoName
	women, men    []demoName
}

var demoGroups = []demoGroup{
	{"BD", "bn", []demoName{{"Hossain", "হোসেন"}, {"Rahman", "রহমান"}, {"Akter", "আক্তার"}},
		[]demoName{{"Fatema", "ফাতেমা"}, {"Nasrin", "নাসরিন"}}, []demoName{{"Rahim", "রহিম"}, {"Sohel", "সোহেল"}}},
	{"PK", "ur", []demoName{{"Khan", "خان"}, {"Butt", "بٹ"}, {"Chaudhry", "چودھری"}},
		[]demoName{{"Ayesha", "عائشہ"}, {"Sana", "ثنا"}}, []demoName{{"Imran", "عمران"}, {"Bilal", "بلال"}}},
	{"IN", "pa", []demoName{{"Singh", "ਸਿੰਘ"}, {"Kaur", "ਕੌਰ"}, {"Gill", "ਗਿੱਲ"}},
		[]demoName{{"Harjit", "ਹਰਜੀਤ"}, {"Simran", "ਸਿਮਰਨ"}}, []demoName{{"Gurpreet", "ਗੁਰਪ੍ਰੀਤ"}, {"Jaspal", "ਜਸਪਾਲ"}}},
	{"MA", "ar", []demoName{{"El Amrani", "العمراني"}, {"Benali", "بنعلي"}, {"Tazi", "التازي"}},
		[]demoName{{"Khadija", "خديجة"}, {"Salma", "سلمى"}}, []demoName{{"Youssef", "يوسف"}, {"Hamza", "حمزة"}}},
	{"AF", "fa", []demoName{{"Ahmadi", "احمدی"}, {"Rahimi", "رحیمی"}, {"Hashimi", "هاشمی"}},
		[]demoName{{"Zahra", "زهرا"}, {"Maryam", "مریم"}}, []demoName{{"Reza", "رضا"}, {"Farid", "فرید"}}},
	{"ER", "ti", []demoName{{"Tesfaye", "ተስፋየ"}, {"Haile", "ሃይለ"}, {"Gebre", "ገብረ"}},
		[]demoName{{"Selam", "ሰላም"}, {"Helen", "ሄለን"}}, []demoName{{"Yonas", "ዮናስ"}, {"Dawit", "ዳዊት"}}},
	{"UA", "uk", []demoName{{"Kovalenko", "Коваленко"}, {"Shevchuk", "Шевчук"}, {"Bondar", "Бондар"}},
		[]demoName{{"Olena", "Олена"}, {"Iryna", "Ірина"}}, []demoName{{"Andrii", "Андрій"}, {"Taras", "Тарас"}}},
	{"CN", "zh", []demoName{{"Zhang", "张"}, {"Wang", "王"}, {"Chen", "陈"}},
		[]demoName{{"Li", "丽"}, {"Mei", "梅"}}, []demoName{{"Wei", "伟"}, {"Jun", "军"}}},
	{"SN", "fr", []demoName{{"Diallo", ""}, {"Ndiaye", ""}, {"Sow", ""}},
		[]demoName{{"Awa", ""}, {"Fatou", ""}}, []demoName{{"Mamadou", ""}, {"Cheikh", ""}}},
	{"ML", "fr", []demoName{{"Traoré", ""}, {"Coulibaly", ""}, {"Keïta", ""}},
		[]demoName{{"Aminata", ""}, {"Mariam", ""}}, []demoName{{"Moussa", ""}, {"Seydou", ""}}},
	{"RO", "ro", []demoName{{"Popescu", ""}, {"Ionescu", ""}, {"Dumitru", ""}},
		[]demoName{{"Ana", ""}, {"Ioana", ""}}, []demoName{{"Mihai", ""}, {"Ștefan", ""}}},
	{"AL", "sq", []demoName{{"Hoxha", ""}, {"Shehu", ""}, {"Dervishi", ""}},
		[]demoName{{"Elira", ""}, {"Blerta", ""}}, []demoName{{"Arben", ""}, {"Gëzim", ""}}},
	{"NG", "en", []demoName{{"Okafor", ""}, {"Adeyemi", ""}, {"Eze", ""}},
		[]demoName{{"Blessing", ""}, {"Chioma", ""}}, []demoName{{"Chinedu", ""}, {"Emeka", ""}}},
	{"IN", "hi", []demoName{{"Sharma", "शर्मा"}, {"Verma", "वर्मा"}, {"Yadav", "यादव"}},
		[]demoName{{"Sunita", "सुनीता"}, {"Pooja", "पूजा"}}, []demoName{{"Ravi", "रवि"}, {"Sanjay", "संजय"}}},
}

// demoMediators are fictional mediators by interview language; languages
// without one are spoken by the operators.
var demoMediators = map[string]string{"ar": "Samira Belkacem", "ur": "Samira Belkacem", "fa": "Samira Belkacem",
	"bn": "Nazrul Islam", "pa": "Harpreet Sandhu", "hi": "Harpreet Sandhu", "ti": "Tigist Alem",
	"uk": "Oksana Marchuk", "zh": "Lin Qiao"}

var demoPlaces = []string{"Via dei Campi 12, Latina", "Località Borgo Nuovo, Foggia (insediamento informale)",
	"Via Garibaldi 40, Ragusa", "Casolare in contrada San Marco, Saluzzo", "Via Roma 3, Rosarno"}

// Make adds fictional persons up to total with everything the demo gives
// them (Seed), then the work records (SeedWork) and the outcomes
// (SeedOutcomes): the demo desk of `sportello demo`.
func Make(ctx context.Context, db *store.DB, total int) (added int, err error) {
	added, err = Seed(ctx, db, total)
	if err == nil {
		err = SeedWork(ctx, db)
	}
	if err == nil {
		err = SeedOutcomes(ctx, db, 0)
	}
	return added, err
}

// Seed adds fictional persons up to total, with their cases and
// interviews, and the demo accounts. It counts what it already made, so a
// second run adds no duplicates.
func Seed(ctx context.Context, db *store.DB, total int) (added int, err error) {
	ops := map[model.Role]int64{}
	for _, o := range demoOperators {
		existing, err := db.OperatorByUsername(ctx, o.Username)
		if err == nil {
			ops[o.Role] = existing.ID
			continue
		}
		op := o
		if err := db.CreateOperator(ctx, &op, Password, 0); err != nil {
			return 0, err
		}
		ops[o.Role] = op.ID
	}
	doneText, err := db.Setting(ctx, settingDemoPersons)
	if err != nil {
		return 0, err
	}
	done, _ := strconv.Atoi(doneText)
	if done == 0 {
		if err := db.SaveSettings(ctx, map[string]string{store.SettingOrganisation: "Associazione Ponti (demo)",
			store.SettingDesk: "Sportello di Latina", model.SettingDeskPhone: "0773 555 0100",
			model.SettingController: "Associazione Ponti (demo), Via dei Campi 1, Latina, privacy@example.invalid",
			model.SettingDPO:        "dpo@example.invalid",
			model.SettingRetention:  "10 anni dalla chiusura della presa in carico, poi i dati sono cancellati o resi anonimi"},
			ops[model.RoleCoordinator]); err != nil {
			return 0, err
		}
		if err := db.SaveTargets(ctx, model.DemoTargets(), ops[model.RoleCoordinator]); err != nil {
			return 0, err
		}
	}
	services, err := seedServices(ctx, db, ops[model.RoleCoordinator])
	if err != nil {
		return 0, err
	}
	coordinator := &model.Operator{ID: ops[model.RoleCoordinator], Role: model.RoleCoordinator}
	realNow := db.Now
	defer func() { db.Now = realNow }()
	// Cases open one after another over 600 days, so codes follow dates.
	step := 600 * 24 * time.Hour / time.Duration(max(total, 60))
	start := time.Date(2025, 1, 7, 9, 0, 0, 0, time.UTC)
	staff := []int64{ops[model.RoleOperator], ops[model.RoleSocialWorker], ops[model.RoleLegalAdviser]}
	prefix, err := db.Setting(ctx, model.SettingCasePrefix)
	if err != nil {
		return 0, err
	}
	// The first desk's person number i, drawn as Seed draws it there.
	first := func(i int) *model.Person {
		r := rand.New(rand.NewPCG(uint64(i), 2026))
		r.IntN(int(step / time.Minute))
		return demoPerson(r, i)
	}
	one := func(ctx context.Context, i int) error {
		r := rand.New(rand.NewPCG(uint64(i), deskSeed(prefix)))
		opened := start.Add(time.Duration(i)*step + time.Duration(r.IntN(int(step/time.Minute)))*time.Minute)
		db.Now = func() time.Time { return opened }
		p := demoPersonAt(prefix, i, r, first)
		op := staff[r.IntN(len(staff))]
		if err := db.CreatePerson(ctx, p, op); err != nil {
			return fmt.Errorf("demo person %d: %w", i, err)
		}
		db.Now = realNow
		if err := demoTeam(ctx, db, p, ops[model.RoleMediator]); err != nil {
			return fmt.Errorf("demo team %d: %w", i, err)
		}
		if err := demoInterviews(ctx, db, r, p, op, opened); err != nil {
			return err
		}
		if err := demoPlanAndReferrals(ctx, db, r, i, p, &model.Operator{ID: op, Role: model.RoleOperator}, coordinator, services); err != nil {
			return fmt.Errorf("demo plan %d: %w", i, err)
		}
		if i%8 == 0 {
			if err := db.CreateActivity(ctx, demoActivity(r, opened), op); err != nil {
				return fmt.Errorf("demo activity %d: %w", i, err)
			}
		}
		return nil
	}
	// One transaction per batch of persons, the count of those made saved
	// in it: a run stopped half way goes on from the last whole batch.
	for i := done; i < total; i += batchPersons {
		end := min(i+batchPersons, total)
		err := db.Batch(ctx, func(ctx context.Context) error {
			for k := i; k < end; k++ {
				if err := one(ctx, k); err != nil {
					return err
				}
				if Progress != nil && (k+1)%progressPersons == 0 && k+1 < end {
					Progress(k+1, total)
				}
			}
			return db.SaveSettings(ctx, map[string]string{settingDemoPersons: strconv.Itoa(end)}, 0)
		})
		if err != nil {
			return added, err
		}
		added += end - i
		if Progress != nil {
			Progress(end, total)
		}
	}
	return added, nil
}

// demoTeam puts the demo mediator in the team of the cases held in her
// languages: those are the files she sees.
func demoTeam(ctx context.Context, db *store.DB, p *model.Person, mediator int64) error {
	if demoMediators[p.PreferredLanguage] != "Samira Belkacem" {
		return nil
	}
	cases, err := db.CasesOf(ctx, p.ID)
	if err != nil || len(cases) == 0 {
		return err
	}
	return db.SetCaseTeam(ctx, cases[0].ID, []int64{mediator}, 0)
}

// batchPersons is how many demo persons one transaction makes: the
// pages of the indexes every person writes to (names, dates, the change
// log, the audit trail) are encrypted and written once a batch, and at
// 2,500 a desk of 20,000 persons is made a tenth quicker than at 1,000.
const batchPersons = 2500

// progressPersons is how often, in persons made, Progress is told within
// a batch.
var progressPersons = 500

// Progress, when set, is told how far Seed is every progressPersons
// persons and after every batch: a regional-size demo takes a while.
// Within a batch the persons told are made but not yet committed; a run
// stopped there goes on from the last whole batch.
var Progress func(done, total int)

// settingDemoPersons counts the demo persons made so far.
const settingDemoPersons = "demo.persons"

// demoPerson makes fictional person number i.
func demoPerson(r *rand.Rand, i int) *model.Person {
	g := demoGroups[i%len(demoGroups)]
	fam := g.family[r.IntN(len(g.family))]
	sex, names := model.SexMale, g.men
	if r.IntN(3) == 0 {
		sex, names = model.SexFemale, g.women
	}
	giv := names[r.IntN(len(names))]
	birth := model.PartialDate{Year: 1966 + r.IntN(38), Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}
	if r.IntN(6) == 0 {
		birth.Day = 0 // only month and year known
	}
	p := &model.Person{
		FamilyName: fam.latin, GivenNames: giv.latin, Sex: sex, BirthDate: birth,
		BirthCountry: g.country, Citizenships: []string{g.country},
		Languages: []string{g.lang}, PreferredLanguage: g.lang,
		Phone:    fmt.Sprintf("+39 3%02d 555 %04d", r.IntN(100), r.IntN(10000)),
		Domicile: demoPlaces[r.IntN(len(demoPlaces))],
		Channel:  model.Channels[r.IntN(len(model.Channels))],
		Permit:   model.Permit{Status: model.PermitStatuses[r.IntN(len(model.PermitStatuses))]},
	}
	p.DomicileInformal = r.IntN(3) == 0
	if fam.own != "" {
		p.OwnScriptName = giv.own + " " + fam.own
		if g.country == "CN" {
			p.OwnScriptName = fam.own + giv.own
		}
	}
	if r.IntN(5) == 0 {
		p.Aliases = []string{giv.latin + " " + fam.latin[:1] + "."}
	}
	if p.Permit.Status == model.PermitValid || p.Permit.Status == model.PermitExpired {
		p.Permit.Type = []string{"lavoro subordinato", "protezione speciale", "art. 18", "attesa occupazione"}[r.IntN(4)]
		p.Permit.Number = fmt.Sprintf("I%08d", r.IntN(100000000))
		year := 2027 + r.IntN(2) // valid: expires after today
		if p.Permit.Status == model.PermitExpired {
			year = 2024 + r.IntN(2)
		}
		p.Permit.Expiry = model.PartialDate{Year: year, Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}
	}
	if birth.Day != 0 && r.IntN(2) == 0 {
		if c, ok := model.CountryByISO2(g.country); ok && c.Cadastral != "" {
			p.FiscalCode, _ = model.ComputeFiscalCode(fam.latin, giv.latin, sex, birth.Year, birth.Month, birth.Day, c.Cadastral)
		}
	}
	return p
}

// demoProfiles are fictional answer sets to the questionnaire: from a job
// with no problems to one that meets the Delphi rule. Keys are answer IDs.
var demoProfiles = []map[string]string{
	{ // a regular job
		"documents.id_document": "passport", "documents.id_kept": "no", "documents.permit_status": "valid",
		"documents.housing": "rented", "documents.italian_level": "a2", "migration.route": "air", "migration.paid_by": "self",
		"migration.debt": "no", "work.jobs": "1", "work.jobs.sector#0": "i", "work.jobs.occupation#0": "isco_9412",
		"work.jobs.contract#0": "written", "work.jobs.pay_per_day#0": "62", "work.jobs.hours_per_day#0": "8",
		"work.jobs.days_per_week#0": "5", "work.jobs.safety_equipment#0": "yes", "work.jobs.living#0": "decent",
		"exploitation.free_to_leave": "yes", "skills.education": "usg", "needs.needs": "training,italian_course",
	},
	{ // long hours, low pay, an informal settlement
		"documents.id_document": "passport", "documents.id_kept": "no", "documents.permit_status": "expired",
		"documents.housing": "informal_settlement", "documents.italian_level": "a1", "migration.route": "sea",
		"migration.paid_by": "family", "migration.debt": "no", "work.jobs": "2",
		"work.jobs.sector#0": "a", "work.jobs.occupation#0": "isco_9211", "work.jobs.contract#0": "oral",
		"work.jobs.pay_per_day#0": "30", "work.jobs.hours_per_day#0": "11", "work.jobs.days_per_week#0": "6",
		"work.jobs.recruited_by#0": "caporale", "work.jobs.transport#0": "caporale_paid", "work.jobs.deductions#0": "transport",
		"work.jobs.safety_equipment#0": "no", "work.jobs.living#0": "overcrowded",
		"work.jobs.sector#1": "f", "work.jobs.occupation#1": "isco_9312", "work.jobs.contract#1": "none",
		"work.jobs.pay_per_day#1": "45", "work.jobs.hours_per_day#1": "9", "work.jobs.days_per_week#1": "6",
		"exploitation.free_to_leave": "yes", "exploitation.deceived": "no", "skills.education": "pse",
		"needs.needs": "housing,legal,health",
	},
	{ // deceived, documents kept, threatened: the Delphi rule is met
		"documents.id_document": "passport", "documents.id_kept": "yes", "documents.permit_status": "none",
		"documents.housing": "from_employer", "documents.italian_level": "none", "migration.route": "land",
		"migration.paid_by": "intermediary", "migration.debt": "yes", "migration.debt_amount": "4000",
		"migration.promised_job": "yes", "migration.job_as_promised": "no", "work.jobs": "1",
		"work.jobs.sector#0": "a", "work.jobs.occupation#0": "isco_9211", "work.jobs.contract#0": "none",
		"work.jobs.pay_per_day#0": "25", "work.jobs.hours_per_day#0": "13", "work.jobs.days_per_week#0": "7",
		"work.jobs.recruited_by#0": "caporale", "work.jobs.deductions#0": "housing,food,water",
		"work.jobs.wages_withheld#0": "yes", "work.jobs.living#0": "at_workplace",
		"exploitation.free_to_leave": "no", "exploitation.watched": "yes", "exploitation.threats": "yes",
		"exploitation.threat_police": "yes", "exploitation.owes_money": "yes", "exploitation.deceived": "yes",
		"exploitation.depends_on_employer": "yes", "exploitation.status_used": "yes", "skills.education": "lse",
		"needs.needs": "legal,housing,income", "needs.health_urgent": "no",
	},
}

// demoActivity is a fictional session, outreach round, accompaniment or
// consultation on the day a case opened.
func demoActivity(r *rand.Rand, day time.Time) *model.Activity {
	places := []string{"Borgo Hermada", "Sabaudia, piazza del mercato", "Latina Scalo, stazione", "Sede dello sportello"}
	kind := model.ActivityKinds[r.IntN(len(model.ActivityKinds))]
	people := 1
	if kind == model.ActivityInfoSession || kind == model.ActivityOutreach {
		people = 5 + r.IntN(40)
	}
	return &model.Activity{Date: day, Kind: kind, Participants: people, Place: places[r.IntN(len(places))]}
}

// Name is one of the demo's names in the language of its group: Latin
// letters or the person's own script.
type Name struct{ Lang, Text string }

// Names lists every name the demo gives persons, in Latin letters and in
// their own script, so a test can check the bundled fonts draw them all.
func Names() []Name {
	var names []Name
	for _, g := range demoGroups {
		for _, list := range [][]demoName{g.family, g.women, g.men} {
			for _, n := range list {
				names = append(names, Name{g.lang, n.latin})
				if n.own != "" {
					names = append(names, Name{g.lang, n.own})
				}
			}
		}
	}
	return names
}
