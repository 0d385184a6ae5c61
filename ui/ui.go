// Package ui is Sportello's window: the first-start setup, the login, the
// person list with search-as-you-type, the registration form, the case view
// and the settings. It holds no SQL and draws no PDF: it reaches the data
// through the Store interface, and runs database work off the UI goroutine,
// coming back through fyne.Do.
//
// Screens are unexported structs made by newX(deps), with a build() method
// that returns their content and onX handlers for what the user does.
package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"sportello/assets"
	"sportello/locales"
	"sportello/model"
	"sportello/printouts"
	"sportello/store"
)

// Store is what the window needs of the database.
type Store interface {
	model.PersonService
	model.CaseService
	model.OperatorService
	RecordView(ctx context.Context, operatorID, personID int64) error
	Setting(ctx context.Context, key string) (string, error)
	SaveSettings(ctx context.Context, values map[string]string, by int64) error
	Backup(ctx context.Context, out string, by int64) error
	Path() string

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
	OpenReferrals(ctx context.Context) ([]store.ReferralRow, error)
	Today(ctx context.Context, now time.Time) ([]model.TodayItem, error)
	PersonByCaseCode(ctx context.Context, code string) (*model.Person, error)
	RecordPrint(ctx context.Context, operatorID, personID int64, detail string) error
	CreateActivity(ctx context.Context, a *model.Activity, by int64) error
	Activities(ctx context.Context, from, to string) ([]model.Activity, error)
}

var _ printouts.Source = (*store.DB)(nil)

var _ Store = (*store.DB)(nil)

// App is the running window: the store, the signed-in operator, the
// interface language.
type App struct {
	fyne   fyne.App
	win    fyne.Window
	db     Store
	tr     *locales.Localizer
	op     *model.Operator
	config *Config
	home   *home            // the main screen, while signed in
	inter  *interviewScreen // the interview, while one fills the window

	// settings caches the settings the screens show, read once at start
	// and updated when saved, so building a screen reads no database.
	settings map[string]string

	// sync runs background work inline; tests set it so that what they
	// assert on has happened when Tap returns.
	sync bool
}

// New makes the window for db. Call ShowAndRun (or Start, in tests).
func New(a fyne.App, db Store, cfg *Config) *App {
	u := &App{fyne: a, db: db, config: cfg}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	u.win = a.NewWindow("Sportello")
	u.win.Resize(fyne.NewSize(1100, 720))
	u.win.SetMaster()
	u.settings = map[string]string{}
	for _, k := range []string{store.SettingOrganisation, store.SettingDesk, store.SettingLanguage,
		model.SettingDeskPhone, model.SettingController, model.SettingDPO, model.SettingRetention} {
		u.settings[k], _ = db.Setting(context.Background(), k)
	}
	u.tr = locales.New(u.setting(store.SettingLanguage, locales.Default))
	return u
}

// Window is the main window.
func (u *App) Window() fyne.Window { return u.win }

// Start shows the first-start setup when there is no account yet, the
// login otherwise.
func (u *App) Start() {
	n, err := u.db.CountOperators(context.Background())
	switch {
	case err != nil:
		u.showError(err)
	case n == 0:
		s := newSetup(u)
		u.win.SetContent(s.build())
		s.focus()
	default:
		u.showLogin()
	}
}

// ShowAndRun starts and runs the window until it is closed.
func (u *App) ShowAndRun() {
	u.Start()
	u.win.ShowAndRun()
}

func (u *App) showLogin() {
	l := newLogin(u)
	u.win.SetContent(l.build())
	l.focus()
}

// signedIn opens the main screen for op.
func (u *App) signedIn(op *model.Operator) {
	u.op = op
	u.home = newHome(u)
	u.win.SetContent(u.home.build())
}

// signOut forgets the operator and goes back to the login.
func (u *App) signOut() {
	u.op, u.home = nil, nil
	u.showLogin()
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
	u.win.SetContent(u.inter.build())
}

// setLanguage switches the interface language and rebuilds the screen.
func (u *App) setLanguage(lang string) {
	u.tr = locales.New(lang)
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
