package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// employersView is the desk's employers: a list with a search box, and in
// its place an employer's page, or the form of an employer or a vacancy.
// Every active role reads it; writing needs model.PermEmployers, flagging
// and clearing model.PermFlags (the store checks both).
type employersView struct {
	u      *App
	db     *store.DB
	screen *fyne.Container // what is shown: the list, a page or a form
	search *widget.Entry
	rows   *fyne.Container
	status *statusLine
	all    []model.Employer
	table  []model.CCNL // the collective agreements, for the forms
}

func newEmployersView(u *App, db *store.DB) *employersView {
	v := &employersView{u: u, db: db, screen: container.NewStack(), rows: container.NewVBox(), status: newStatusLine()}
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(u.t("employers.search"))
	v.search.OnChanged = func(string) { v.showRows() }
	return v
}

func (v *employersView) build() fyne.CanvasObject {
	v.showList()
	return v.screen
}

// employersData is what the list loads.
type employersData struct {
	employers []model.Employer
	table     []model.CCNL
}

// showList shows the list of employers, read again.
func (v *employersView) showList() {
	u := v.u
	title := widget.NewLabelWithStyle(u.t("employers.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(title)
	if u.op.May(model.PermEmployers) {
		add := widget.NewButtonWithIcon(u.t("employers.new"), theme.ContentAddIcon(), func() { v.showForm(nil) })
		add.Importance = widget.HighImportance
		top = container.NewVBox(container.NewBorder(nil, nil, nil, add, title))
	}
	top.Add(v.search)
	top.Add(v.status)
	v.setScreen(container.NewBorder(top, nil, nil, nil, container.NewVScroll(v.rows)))
	db := v.db
	load(u, func(ctx context.Context) (employersData, error) {
		list, err := db.Employers(ctx)
		if err != nil {
			return employersData{}, err
		}
		table, err := db.CCNLTable(ctx)
		return employersData{list, table}, err
	}, func(d employersData) {
		v.all, v.table = d.employers, d.table
		v.showRows()
	}, func(err error) { v.status.SetText(u.errText(err)) })
}

func (v *employersView) setScreen(o fyne.CanvasObject) {
	v.screen.Objects = []fyne.CanvasObject{container.NewPadded(o)}
	v.screen.Refresh()
}

// showRows lists the employers whose name, sector, agreement or tax code
// holds the searched text.
func (v *employersView) showRows() {
	u := v.u
	q := model.Fold(strings.TrimSpace(v.search.Text))
	v.rows.RemoveAll()
	for _, e := range v.all {
		info := strings.Join(nonEmpty(v.sector(e.Ateco), v.ccnlName(e.CCNL, e.CCNLOther)), " · ")
		if q != "" && !strings.Contains(model.Fold(e.Name+" "+info+" "+e.VATNumber+" "+e.FiscalCode), q) {
			continue
		}
		id := e.ID
		open := widget.NewButton(e.Name, func() { v.showEmployer(id) })
		open.Alignment = widget.ButtonAlignLeading
		row := container.NewHBox(open, widget.NewLabel(info))
		if e.Flag != nil {
			mark := widget.NewLabelWithStyle(u.t("employers.flagged"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			mark.Importance = widget.DangerImportance
			row.Add(mark)
		}
		v.rows.Add(row)
	}
	if len(v.rows.Objects) == 0 {
		v.rows.Add(widget.NewLabel(u.t("employers.none")))
	}
	v.rows.Refresh()
}

// sector names an ATECO code by its section, in the interface language.
func (v *employersView) sector(code string) string {
	if code == "" {
		return ""
	}
	s, ok := model.AtecoCodeSection(code)
	if !ok {
		return code
	}
	return code + " " + s.Label(v.u.tr.Lang())
}

// ccnlName names an agreement of the table, or the one typed.
func (v *employersView) ccnlName(id, other string) string {
	if c, ok := model.FindCCNL(v.table, id); ok {
		return c.Name
	}
	if id != "" {
		return id
	}
	return other
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}
