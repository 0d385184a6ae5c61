package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"sportello/model"
	"sportello/store"
)

// workView is the person's way to work, opened from the case view: the
// open vacancies ranked for them (work_vacancies.go), the proposals to
// employers and their outcome (work_proposals.go), the internships
// (work_internships.go) and the path to an enterprise of their own
// (work_enterprise.go). Each tab is its own screen; the store checks every
// read and write against the operator's access to the work part of the file.
type workView struct {
	u      *App
	db     *store.DB
	person *model.Person
	caseID int64
	tabs   *container.AppTabs
	// proposals is the proposals tab, read again after a proposal is made
	// from the vacancies tab.
	proposals *workProposals
}

func newWorkView(u *App, p *model.Person, caseID int64) *workView {
	return &workView{u: u, db: u.data, person: p, caseID: caseID}
}

func (v *workView) build() fyne.CanvasObject {
	u := v.u
	v.proposals = newWorkProposals(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(u.t("work.tab_vacancies"), theme.SearchIcon(), newWorkVacancies(v).build()),
		container.NewTabItemWithIcon(u.t("work.tab_proposals"), theme.MailSendIcon(), v.proposals.build()),
		container.NewTabItemWithIcon(u.t("work.tab_internships"), theme.HistoryIcon(), newWorkInternships(v).build()),
		container.NewTabItemWithIcon(u.t("work.tab_enterprise"), theme.HomeIcon(), newWorkEnterprise(v).build()),
	)
	return v.tabs
}

// showTab selects one of the tabs (0 vacancies, 1 proposals, 2
// internships, 3 enterprise), as after a proposal is made from a vacancy.
func (v *workView) showTab(i int) { v.tabs.SelectIndex(i) }
