package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// auditActions are the actions of the trail, in the order the filter
// offers them, with their names.
var auditActions = []struct{ code, key string }{
	{model.ActionView, "audit.action_view"},
	{model.ActionPrint, "audit.action_print"},
	{model.ActionCreate, "audit.action_create"},
	{model.ActionUpdate, "audit.action_update"},
	{model.ActionLogin, "audit.action_login"},
	{model.ActionLoginFailed, "audit.action_login_failed"},
	{model.ActionCommand, "audit.action_command"},
	{model.ActionSearch, "audit.action_search"},
	{model.ActionErase, "erase.audit_action"},
	{model.ActionExport, "audit.action_export"},
	{model.ActionImport, "audit.action_import"},
	{model.ActionResolve, "audit.action_resolve"},
	{model.ActionBackup, "audit.action_backup"},
	{model.ActionRestore, "audit.action_restore"},
	{model.ActionRekey, "audit.action_rekey"},
	{model.ActionSeal, "audit.action_seal"},
	{model.ActionTrust, "audit.action_trust"},
	{model.ActionLock, "idle_lock.audit_action"},
	{"agree", "audit.action_agree"},
	{"complete", "audit.action_complete"},
	{"decide", "audit.action_decide"},
	{"move", "audit.action_move"},
	{"status", "audit.action_status"},
	{store.ActionUrgentLegalBasis, "audit.action_urgent_legal_basis"},
	{"relink", "audit.action_relink"},
	{model.ActionMerge, "audit.action_merge"},
}

// auditEntities name what an event is about; the kinds of record are
// the exchange's.
var auditEntities = map[string]string{"database": "audit.entity_database", "export": "audit.entity_export",
	"desk": "audit.entity_desk", "settings": "audit.entity_settings"}

// entityName is the name of the kind of record an event is about.
func (v *auditView) entityName(entity string) string {
	if key, ok := entityKeys[entity]; ok {
		return v.u.t(key)
	}
	if key, ok := auditEntities[entity]; ok {
		return v.u.t(key)
	}
	return entity
}

// auditPage is how many events a search or "more" reads; tests lower it.
var auditPage = store.AuditPage

// auditView is "Registro attività": a coordinator reads the audit trail,
// filtered by case, operator, action and days, newest first, a page at a
// time.
type auditView struct {
	u  *App
	db Store

	caseCode, from, to *widget.Entry
	operator, action   *choice
	fields             []*field // case code, operator, action, from, to
	search, more       *widget.Button
	status             *widget.Label
	list               *fyne.Container

	filter store.AuditFilter // the search the list shows
	shown  int               // events in the list
}

func newAuditView(u *App) *auditView {
	v := &auditView{u: u, db: u.db, list: container.NewVBox(), status: wrapped()}
	v.caseCode, v.from, v.to = widget.NewEntry(), u.dateEntry(), u.dateEntry()
	v.caseCode.SetPlaceHolder(u.t("audit.case_code_hint"))
	v.operator = newChoice(u, []string{""}, []string{u.t("audit.anyone")})
	codes, labels := []string{""}, []string{u.t("audit.any_action")}
	for _, a := range auditActions {
		codes, labels = append(codes, a.code), append(labels, u.t(a.key))
	}
	v.action = newChoice(u, codes, labels)
	v.operator.setCode("")
	v.action.setCode("")
	v.fields = []*field{
		newField("case_code", u.t("audit.case_code"), v.caseCode),
		newField("operator", u.t("audit.operator"), v.operator),
		newField("action", u.t("audit.action"), v.action),
		newField("from", u.t("audit.from"), v.from),
		newField("to", u.t("audit.to"), v.to),
	}
	v.search = widget.NewButton(u.t("audit.search"), v.onSearch)
	v.search.Importance = widget.HighImportance
	v.more = widget.NewButton(u.t("audit.more"), v.onMore)
	v.more.Hide()
	v.status.Hide()
	u.chainEntries(v.onSearch, v.caseCode, v.from, v.to)
	return v
}

func (v *auditView) build() fyne.CanvasObject {
	u := v.u
	title := widget.NewLabelWithStyle(u.t("audit.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	form := widget.NewCard("", "", container.NewVBox(formGrid(v.fields...), container.NewHBox(v.search)))
	v.load()
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, form, v.status, v.list,
		container.NewHBox(v.more))))
}

// load reads the accounts for the operator filter, then the latest events.
func (v *auditView) load() {
	db := v.db
	load(v.u, func(ctx context.Context) ([]model.Operator, error) {
		return db.Operators(ctx)
	}, func(ops []model.Operator) {
		for _, o := range ops {
			v.operator.codes = append(v.operator.codes, strconv.FormatInt(o.ID, 10))
			v.operator.labels = append(v.operator.labels, o.FullName+" ("+o.Username+")")
		}
		v.operator.Options = v.operator.labels
		v.operator.Refresh()
		v.onSearch()
	}, func(err error) { say(v.status, v.u.errText(err)) })
}

// onSearch reads the filters and shows the first page of what they find.
func (v *auditView) onSearch() {
	f, ok := v.read()
	if !ok {
		return
	}
	v.filter = f
	v.shown = 0
	v.list.RemoveAll()
	v.page()
}

// onMore shows the next page of the same search.
func (v *auditView) onMore() { v.page() }

// read takes the filters, with a message under each date it cannot read.
func (v *auditView) read() (store.AuditFilter, bool) {
	f := store.AuditFilter{CaseCode: strings.TrimSpace(v.caseCode.Text), Action: v.action.code(), Limit: auditPage}
	f.OperatorID, _ = strconv.ParseInt(v.operator.code(), 10, 64)
	ok := true
	day := func(fd *field, e *widget.Entry) time.Time {
		fd.setError("")
		s := strings.TrimSpace(e.Text)
		if s == "" {
			return time.Time{}
		}
		d, good := readDay(s)
		if !good {
			fd.setError(v.u.t("audit.date_invalid"))
			ok = false
			return time.Time{}
		}
		// The day typed is a day of the desk's clock.
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.Local)
	}
	f.From = day(v.fields[3], v.from)
	if to := day(v.fields[4], v.to); !to.IsZero() {
		f.To = to.AddDate(0, 0, 1) // the whole of the last day
		if !f.From.IsZero() && f.From.After(to) {
			v.fields[4].setError(v.u.t("audit.range_invalid"))
			ok = false
		}
	}
	return f, ok
}

// page reads the next page of the search and adds it to the list.
func (v *auditView) page() {
	u := v.u
	f := v.filter
	f.Offset = v.shown
	db, op := v.db, u.op
	v.search.Disable()
	load(u, func(ctx context.Context) ([]store.AuditRow, error) {
		return db.AuditEvents(ctx, f, op)
	}, func(rows []store.AuditRow) {
		v.search.Enable()
		for _, r := range rows {
			l := widget.NewLabel(v.line(r))
			l.Wrapping = fyne.TextWrapWord
			v.list.Add(l)
		}
		v.shown += len(rows)
		switch {
		case v.shown == 0:
			say(v.status, u.t("audit.none"))
		default:
			say(v.status, u.N("audit.shown", v.shown))
		}
		if len(rows) == auditPage {
			v.more.Show()
		} else {
			v.more.Hide()
		}
	}, func(err error) {
		v.search.Enable()
		say(v.status, u.errText(err))
	})
}

// line is one event as the list shows it: when · who · what · on what · detail.
func (v *auditView) line(r store.AuditRow) string {
	u := v.u
	who := r.OperatorName
	if who == "" {
		who = u.t("access.nobody")
	}
	what := r.Action
	for _, a := range auditActions {
		if a.code == r.Action {
			what = u.t(a.key)
		}
	}
	on := v.entityName(r.Entity)
	if r.Entity == "activity" && r.Action == model.ActionCreate {
		if key, ok := activityKindKeys[model.ActivityKind(r.Detail)]; ok {
			r.Detail = u.t(key) // the kind, stored as its code
		}
	}
	switch {
	case r.CaseCode != "":
		on += " " + r.CaseCode
	case r.EntityID != 0:
		on += fmt.Sprintf(" %d", r.EntityID)
	}
	parts := []string{r.At.Local().Format("02/01/2006 15:04"), who, what, on}
	if r.Detail != "" {
		parts = append(parts, r.Detail)
	}
	return strings.Join(parts, " · ")
}
