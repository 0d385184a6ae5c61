// Package ui is Sportello's window: the first-start setup, the login, the
// person list with search-as-you-type, the registration form, the case view
// (and the screens opened from it: the plan, the skills profile in
// skills_*.go, the way to work in work_*.go), the employers and their
// vacancies (employer*.go, vacancy_form.go), the likely files of one
// person (personform_duplicates.go at registration, duplicates*.go for the
// coordinator), the review of the texts a person reads by the mediators
// (texts_review*.go), the coordinator's programme
// indicators against their targets (indicators*.go: the charts and the
// anonymous list behind each number) and the settings (with the programme's
// targets, settings_targets.go, and the languages a person may speak,
// languages*.go). It holds no SQL and draws no PDF: it reaches the data
// through the Store interface, and runs database work off the UI goroutine,
// coming back through fyne.Do.
//
// Screens are unexported structs made by newX(deps), with a build() method
// that returns their content and onX handlers for what the user does.
package ui

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"sportello/assets"
	"sportello/internal/osmem"
	"sportello/locales"
	"sportello/model"
	"sportello/printouts"
	"sportello/store"
)

// Store is what the window needs of the database.
type Store interface {
	printouts.Source // what printing reads, the work documents' reads among them
	model.PersonService
	model.CaseService
	model.OperatorService
	RecordView(ctx context.Context, operatorID, personID int64) error
	RecordSearch(ctx context.Context, operatorID int64, query string) error
	RecordLock(ctx context.Context, operatorID int64, detail string) error
	AuditTrail(ctx context.Context, entity string, id int64) ([]model.AuditEvent, error)
	AuditEvents(ctx context.Context, f store.AuditFilter, by *model.Operator) ([]store.AuditRow, error)
	PersonFile(ctx context.Context, personID int64, by *model.Operator) (*model.PersonFile, error)
	Setting(ctx context.Context, key string) (string, error)
	SaveSettings(ctx context.Context, values map[string]string, by int64) error
	Backup(ctx context.Context, out string, by int64) error
	Path() string
	Close() error
	IsDemo() bool
	DeskID() string
	AccountsWithoutKey(ctx context.Context) ([]string, error)
	ResetPassword(ctx context.Context, username, password string, by *model.Operator) error
	ChangePassword(ctx context.Context, username, current, password string) error
	SetRole(ctx context.Context, username string, role model.Role, by *model.Operator) error
	OperatorLanguage(ctx context.Context, operatorID int64) (string, error)
	SetOperatorLanguage(ctx context.Context, operatorID int64, lang string) error
	Deactivate(ctx context.Context, username string, by *model.Operator) error
	// As is the store seen by op (store.DB.As): every read and write of a
	// person's file checked, in the store, against what op's role may do.
	As(op *model.Operator) *store.DB
	CaseOverview(ctx context.Context, personID int64) (*store.CaseOverview, error)

	StartInterview(ctx context.Context, iv *model.Interview, by int64) error
	SaveAnswer(ctx context.Context, interviewID int64, answerID, value string) error
	SaveProgress(ctx context.Context, iv *model.Interview) error
	CompleteInterview(ctx context.Context, iv *model.Interview, s model.Screening, by int64) error
	RecordDecision(ctx context.Context, interviewID int64, decision, note string, by int64) error
	ScreeningOf(ctx context.Context, interviewID int64) (*model.ScreeningRecord, error)
	InterviewInProgress(ctx context.Context, caseID int64) (*model.Interview, error)

	Services(ctx context.Context) ([]model.Service, error)
	SaveService(ctx context.Context, s *model.Service, by int64) error
	ImportServices(ctx context.Context, list []model.Service, by int64) (added, updated int, err error)
	RecordConsent(ctx context.Context, c *model.Consent, scan []byte, by int64) error
	ConsentsOf(ctx context.Context, personID int64) ([]model.Consent, error)
	PlansOf(ctx context.Context, caseID int64) ([]model.Plan, error)
	SavePlan(ctx context.Context, p *model.Plan, by int64) error
	AgreePlan(ctx context.Context, planID int64, signedBy string, by int64) error
	NewPlanVersion(ctx context.Context, planID int64, by int64) (*model.Plan, error)
	SetActionStatus(ctx context.Context, actionID int64, to model.ActionStatus, outcome string, by int64) error
	CreateReferral(ctx context.Context, r *model.Referral, by *model.Operator) error
	MoveReferral(ctx context.Context, id int64, to model.ReferralStatus, feedback string, by *model.Operator) error
	ReferralsOf(ctx context.Context, caseID int64) ([]model.Referral, error)
	OpenReferralsPage(ctx context.Context, offset, limit int) ([]store.ReferralRow, int, error)
	TodayGroups(ctx context.Context, now time.Time, first int) ([]model.TodayGroup, error)
	TodayCount(ctx context.Context, now time.Time, kind model.TodayKind) (int, error)
	TodayItems(ctx context.Context, now time.Time, kind model.TodayKind, offset, limit int) ([]model.TodayItem, error)
	SetCaseTeam(ctx context.Context, caseID int64, team []int64, by int64) error
	CloseCase(ctx context.Context, cl *model.CaseClosure, now time.Time, by int64) error
	ReopenCase(ctx context.Context, caseID int64, now time.Time, by int64) error
	TransferCase(ctx context.Context, caseID, to int64, by int64) error
	PersonByCaseCode(ctx context.Context, code string) (*model.Person, error)
	RecordPrint(ctx context.Context, operatorID, personID int64, detail string) error
	LatestSkillsProfile(ctx context.Context, personID int64) (*model.SkillsProfile, error) // printing the profile and the CV
	CreateActivity(ctx context.Context, a *model.Activity, by int64) error
	Activities(ctx context.Context, from, to string) ([]model.Activity, error)
	ErasePerson(ctx context.Context, personID int64, e model.Erasure, by *model.Operator) error
	ErasureOf(ctx context.Context, personID int64) (*model.Erasure, error)
	SaveSkillsProfile(ctx context.Context, p *model.SkillsProfile, by int64) error
	SkillsProfiles(ctx context.Context, personID int64) ([]model.SkillsProfile, error)

	// One person, one file (issue #17): the likely files of a person being
	// registered, the desk's likely pairs and their merge (the coordinator's).
	DuplicateCandidates(ctx context.Context, p *model.Person, limit int) ([]store.DuplicateCandidate, error)
	NotSamePerson(ctx context.Context, a, b int64, operatorID int64) error
	DuplicatePairs(ctx context.Context, progress func(done, total int)) ([]store.DuplicatePair, error)
	TextLayer(ctx context.Context) (*store.TextLayer, error)
	SaveCorrection(ctx context.Context, lang, key, text string, operatorID int64) error
	ImportCorrections(ctx context.Context, lang string, texts map[string]string, source string, operatorID int64) error
	MarkReviewed(ctx context.Context, lang, area string, reviewed bool, operatorID int64) error
	AddLanguage(ctx context.Context, l model.Language, operatorID int64) error
	MergePersons(ctx context.Context, keep, drop int64, operatorID int64) error
}

var _ printouts.Source = (*store.DB)(nil)

var _ Store = (*store.DB)(nil)

// App is the running window: the desk, the store once unlocked, the
// signed-in operator, the interface language.
type App struct {
	fyne   fyne.App
	win    fyne.Window
	desk   Desk      // nil when the window was given an open store (tests)
	db     Store     // nil until an operator unlocks the desk; bound to the operator once signed in
	base   Store     // the store as unlocked, before it is bound to an operator
	data   *store.DB // db as bound to the signed-in operator, for the screens that need the store itself (exchange)
	tr     *locales.Localizer
	op     *model.Operator
	config *Config
	home   *home            // the main screen, while signed in
	inter  *interviewScreen // the interview, while one fills the window
	idle   *idleLock        // locks the window when left alone

	// settings caches the settings the screens show, read once at start
	// and updated when saved, so building a screen reads no database.
	settings map[string]string

	// sync runs background work inline; tests set it so that what they
	// assert on has happened when Tap returns.
	sync bool
	// do runs a result of background work on the UI goroutine: fyne.Do,
	// or in tests that run the work for real, the test's own loop.
	do func(func())
	// pending counts the work started and not yet shown, for those tests.
	pending atomic.Int32
}

// New makes the window on a store that is already open. Call ShowAndRun
// (or Start, in tests).
func New(a fyne.App, db Store, cfg *Config) *App {
	u := newApp(a, cfg)
	u.db, u.base = db, db
	u.loadSettings()
	return u
}

// NewSealed makes the window on a sealed desk: nothing is read before an
// operator signs in.
func NewSealed(a fyne.App, desk Desk, cfg *Config) *App {
	u := newApp(a, cfg)
	u.desk = desk
	return u
}

func newApp(a fyne.App, cfg *Config) *App {
	u := &App{fyne: a, config: cfg, settings: map[string]string{}, do: fyne.Do}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	u.win = a.NewWindow("Sportello")
	u.win.Resize(cfg.windowSize(fyne.Size{}))
	u.win.SetMaster()
	u.tr = locales.New(firstOf(cfg.Language, locales.Default))
	u.win.SetOnClosed(u.onClosed)
	a.Lifecycle().SetOnStopped(u.rememberSize) // also when the app is ended (SIGTERM) without closing the window
	u.idle = newIdleLock(u)
	return u
}

// loadSettings reads the settings the screens show, once the store is open.
func (u *App) loadSettings() {
	for _, k := range []string{store.SettingOrganisation, store.SettingDesk, store.SettingLanguage,
		model.SettingDeskPhone, model.SettingController, model.SettingDPO, model.SettingRetention,
		model.SettingRetentionYears, settingBackupDir, settingBackupKeep, model.SettingIdleLockMinutes} {
		u.settings[k], _ = u.db.Setting(context.Background(), k)
	}
	u.tr = locales.New(u.deskLanguage())
}

// deskLanguage is the desk's interface language, from the settings (or the
// configuration, before the desk is unlocked).
func (u *App) deskLanguage() string {
	return u.setting(store.SettingLanguage, firstOf(u.config.Language, locales.Default))
}

// Window is the main window.
func (u *App) Window() fyne.Window { return u.win }

// Start shows the first-start setup when there is no desk (or, on an
// open store, no account) yet, the login otherwise.
func (u *App) Start() {
	if u.db == nil {
		if u.desk.State() == store.DeskAbsent {
			u.showSetup()
		} else {
			u.showLogin()
		}
		return
	}
	n, err := u.db.CountOperators(context.Background())
	switch {
	case err != nil:
		u.showError(err)
	case n == 0:
		u.showSetup()
	default:
		u.showLogin()
	}
}

// ShowAndRun starts and runs the window until it is closed.
func (u *App) ShowAndRun() {
	u.Start()
	u.win.ShowAndRun()
}

func (u *App) showSetup() {
	s := newSetup(u)
	u.setContent(s.build())
	s.focus()
}

func (u *App) showLogin() {
	l := newLogin(u)
	u.setContent(l.build())
	l.focus()
}

// unlocked takes the store an operator just opened.
func (u *App) unlocked(db Store) {
	u.db, u.base = db, db
	u.loadSettings()
}

// signedIn opens the main screen for op.
func (u *App) signedIn(op *model.Operator) {
	if u.op == nil || u.op.ID != op.ID {
		// Each operator sees the window in their own language, if they chose
		// one, and in the desk's otherwise.
		lang, _ := u.db.OperatorLanguage(context.Background(), op.ID)
		if lang == "" {
			lang = u.deskLanguage()
		}
		if lang != u.tr.Lang() {
			u.tr = locales.New(lang)
		}
	}
	u.op = op
	u.data = u.base.As(op)
	u.db = u.data
	u.loadTexts()
	u.home = newHome(u)
	u.setContent(u.home.build())
	u.idle.start()
	// The sign-in's key derivations (Argon2, 64 MiB each) are garbage now:
	// their memory goes back to the system rather than waiting for Go's
	// scavenger, which keeps a window of a regional desk near 200 MB.
	go osmem.Release()
}

// signOut forgets the operator and goes back to the login. A sealed desk
// is backed up (when a backup folder is set) and closed: the next operator
// unlocks it with their own password.
func (u *App) signOut() {
	if u.home != nil && u.home.unsaved != nil && u.home.unsaved() {
		u.home.leave(u.signOut) // asks first; leaving clears the guard
		return
	}
	u.idle.stop()
	u.win.SetFullScreen(false) // the person view of an interview
	finish := u.leaveInterview()
	u.tr = locales.New(u.deskLanguage()) // the next operator's login: the desk's language
	if u.desk == nil || u.db == nil {
		u.op, u.home, u.data = nil, nil, nil
		unheld(u, func(context.Context) error { return finish() }, func(error) {})
		u.db = u.base
		u.showLogin()
		return
	}
	// The backup and the closing run off the UI goroutine; the login waits
	// for them, since the next operator unlocks the same file.
	db, by, dir, keep := u.db, u.operatorID(), u.setting(settingBackupDir, ""), u.setting(settingBackupKeep, "")
	u.db, u.base, u.data, u.op, u.home = nil, nil, nil, nil, nil
	l := newLogin(u)
	l.signIn.Disable()
	l.status.SetText(u.t("login.closing"))
	u.setContent(l.build())
	unheld(u, func(context.Context) error {
		ferr := finish() // before the desk closes
		if err := closeDesk(db, by, dir, keep, time.Now()); err != nil {
			return err
		}
		return ferr
	}, func(err error) {
		l.signIn.Enable()
		l.status.SetText("")
		if err != nil {
			l.status.SetText(u.errText(err))
		}
		l.focus()
	})
}

// setContent puts a screen in the window, under the demo band on a demo
// desk; while the window is locked, it waits for the unlock.
func (u *App) setContent(o fyne.CanvasObject) {
	if u.db != nil && u.db.IsDemo() {
		o = container.NewBorder(u.demoBand(), nil, nil, nil, o)
	}
	u.idle.show(newActivityArea(o, u.idle.poke))
}

// openInterview fills the window with an interview; when it ends or pauses,
// the person's case comes back.
func (u *App) openInterview(iv *model.Interview, p *model.Person) {
	qn, err := loadQuestionnaire(iv.QuestionnaireVersion)
	if err != nil {
		u.showError(err)
		return
	}
	u.inter = newInterviewScreen(u, qn, iv, p, func() {
		u.inter = nil
		u.signedIn(u.op)
		u.home.onOpenPerson(p.ID)
	})
	u.setContent(u.inter.build())
	u.inter.refocus("", u.inter.first) // ready for the keyboard
}

// setLanguage switches the interface language and rebuilds the screen.
func (u *App) setLanguage(lang string) {
	u.tr = locales.New(lang)
	if u.config.Language != lang && u.config.path != "" {
		u.config.Language = lang
		u.config.Save()
	}
	if u.op != nil {
		u.signedIn(u.op)
	} else {
		u.Start()
	}
}

// setting is a cached setting, or def when it is empty.
func (u *App) setting(key, def string) string {
	if v := u.settings[key]; v != "" {
		return v
	}
	return def
}

// operatorID is the signed-in operator's ID, for audit.
func (u *App) operatorID() int64 {
	if u.op == nil {
		return 0
	}
	return u.op.ID
}

// nowFunc is the clock of validation; tests fix it.
var nowFunc = time.Now
