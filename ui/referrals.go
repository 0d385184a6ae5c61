package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// referralsView lists a case's referrals, moves them along their workflow,
// and makes new ones. A referral needs the person's consent to share with
// that service, unless a coordinator records an urgent legal basis.
type referralsView struct {
	u        *App
	person   *model.Person
	caseID   int64
	list     *fyne.Container
	service  *choice
	reason   *widget.Entry
	urgency  *choice
	followUp *widget.Entry
	follow   *field // the follow-up date's field, for its message
	basis    *widget.Entry
	status   *widget.Label
	names    map[int64]string
}

func newReferralsView(u *App, p *model.Person, caseID int64) *referralsView {
	v := &referralsView{u: u, person: p, caseID: caseID, list: container.NewVBox(), service: newChoice(u, nil, nil),
		reason: widget.NewMultiLineEntry(), urgency: newChoice(u, []string{string(model.UrgencyNormal), string(model.UrgencyUrgent)},
			[]string{u.t("urgency.normal"), u.t("urgency.urgent")}), followUp: u.dateEntry(), basis: widget.NewEntry(),
		status: widget.NewLabel("")}
	v.status.Wrapping = fyne.TextWrapWord
	v.urgency.setCode(string(model.UrgencyNormal))
	v.basis.SetPlaceHolder(u.t("referrals.legal_basis_hint"))
	return v
}

func (v *referralsView) build() fyne.CanvasObject {
	u := v.u
	v.reload()
	create := widget.NewButton(u.t("referrals.create"), v.onCreate)
	create.Importance = widget.HighImportance
	v.follow = newField("follow_up", u.t("referrals.follow_up"), v.followUp)
	fields := []*field{
		newField("service", u.t("referrals.service"), v.service),
		newField("reason", u.t("referrals.reason"), v.reason),
		newField("urgency", u.t("referrals.urgency"), v.urgency),
		v.follow,
	}
	if u.op.IsCoordinator() {
		fields = append(fields, newField("legal_basis", u.t("referrals.legal_basis"), v.basis))
	}
	title := widget.NewLabelWithStyle(u.t("referrals.title")+" · "+v.person.DisplayName(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, v.list,
		widget.NewCard(u.t("referrals.new"), u.t("referrals.consent_needed"), container.NewVBox(formGrid(fields...), create, v.status)))))
}

func (v *referralsView) reload() {
	u := v.u
	db, caseID := u.db, v.caseID
	load(u, func(ctx context.Context) (referralsData, error) {
		var d referralsData
		var err error
		if d.services, err = db.Services(ctx); err != nil {
			return d, err
		}
		d.referrals, err = db.ReferralsOf(ctx, caseID)
		return d, err
	}, v.show, func(err error) { v.status.SetText(u.errText(err)) })
}

// referralsData is what the view reads: the services to refer to and the
// case's referrals.
type referralsData struct {
	services  []model.Service
	referrals []model.Referral
}

func (v *referralsView) show(d referralsData) {
	u, refs := v.u, d.referrals
	v.names = map[int64]string{}
	var codes, labels []string
	for _, s := range d.services {
		v.names[s.ID] = s.Name
		codes = append(codes, itoa(s.ID))
		labels = append(labels, s.Name+" · "+u.label("service_kind", s.Kind))
	}
	v.service.codes, v.service.labels, v.service.Options = codes, labels, labels
	v.service.Refresh()
	v.list.RemoveAll()
	if len(refs) == 0 {
		v.list.Add(widget.NewLabel(u.t("referrals.none")))
	}
	for _, r := range refs {
		v.list.Add(referralRow(u, r, v.names[r.ServiceID], "", v.reload))
	}
}

// referralRow shows one referral with buttons for the moves its status allows.
func referralRow(u *App, r model.Referral, service, who string, done func()) fyne.CanvasObject {
	text := r.Code + " · " + service + " · " + u.label("referral_status", r.Status) + " · " + u.t("urgency."+string(r.Urgency))
	if who != "" {
		text = who + " · " + text
	}
	if !r.FollowUp.IsZero() {
		text += " · " + u.tr.Tf("referrals.answer_by", map[string]any{"Date": r.FollowUp.Italian()})
	}
	if r.Overdue(nowFunc()) {
		text += " · " + u.t("referrals.overdue")
	}
	if r.LegalBasis != "" {
		text += " · " + u.t("referrals.on_legal_basis")
	}
	if r.NoConsent {
		text += " · " + u.t("referrals.consent_missing")
	}
	text += "\n" + r.Reason + detail(r.Feedback)
	if r.Withheld {
		text += "\n" + u.tr.Tf("referrals.feedback_withheld", map[string]any{"Role": u.label("role", u.op.Role)})
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	if r.Overdue(nowFunc()) || r.NoConsent {
		l.Importance = widget.DangerImportance
	}
	feedback := widget.NewEntry()
	feedback.SetPlaceHolder(u.t("referrals.feedback"))
	var moves []fyne.CanvasObject
	for _, to := range model.NextReferralStatuses(r.Status) {
		to := to
		moves = append(moves, widget.NewButton(u.t("referrals.move_"+string(to)), func() {
			db, text, op := u.db, feedback.Text, u.op
			save(u, func(ctx context.Context) error {
				return db.MoveReferral(ctx, r.ID, to, text, op)
			}, func(err error) {
				if err != nil {
					u.showError(err)
					return
				}
				done()
			})
		}))
	}
	if len(moves) == 0 {
		return container.NewVBox(l, widget.NewSeparator())
	}
	return container.NewVBox(l, container.NewBorder(nil, nil, nil, container.NewHBox(moves...), feedback), widget.NewSeparator())
}

func (v *referralsView) onCreate() {
	u := v.u
	r := &model.Referral{CaseID: v.caseID, ServiceID: atoi(v.service.code()), Reason: strings.TrimSpace(v.reason.Text),
		Urgency: model.Urgency(v.urgency.code()), LegalBasis: strings.TrimSpace(v.basis.Text), Status: model.ReferralDraft}
	d, err := model.ReadDate(v.followUp.Text)
	if err != nil {
		v.follow.setError(u.t("error.date_typed"))
		v.status.SetText(u.t("form.fix_errors"))
		return
	}
	v.follow.setError("")
	r.FollowUp = d
	if err := r.Validate(); err != nil {
		v.status.SetText(u.errText(err))
		return
	}
	db, op := u.db, u.op
	write(u, func(ctx context.Context) (*model.Referral, error) {
		err := db.CreateReferral(ctx, r, op) // r is the work's until it comes back with its code
		return r, err
	}, func(r *model.Referral) {
		v.status.SetText(u.tr.Tf("referrals.created", map[string]any{"Code": r.Code}))
		v.reason.SetText("")
		v.basis.SetText("")
		v.reload()
	}, func(err error) {
		if model.ErrorCode(err) == model.ErrNoConsent {
			v.status.SetText(u.t("referrals.no_consent"))
		} else {
			v.status.SetText(u.errText(err))
		}
	})
}

// openReferrals lists the referrals still open across all cases, overdue
// first, a page at a time: a regional desk has tens of thousands.
type openReferrals struct {
	u     *App
	open  func(personID int64)
	box   *fyne.Container
	count *widget.Label
	more  *widget.Button
	shown int
}

// openPage is how many open referrals are read at a time.
const openPage = 50

func newOpenReferrals(u *App, open func(int64)) *openReferrals {
	v := &openReferrals{u: u, open: open, box: container.NewVBox(widget.NewLabel(u.t("case.loading"))),
		count: widget.NewLabel("")}
	v.more = widget.NewButton(u.t("audit.more"), v.onMore)
	v.more.Hide()
	return v
}

func (v *openReferrals) build() fyne.CanvasObject {
	v.reload()
	title := widget.NewLabelWithStyle(v.u.t("referrals.open_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, v.count, v.box, v.more)))
}

// reload reads the first page again (after a referral moved).
func (v *openReferrals) reload() {
	v.shown = 0
	v.page(true)
}

// onMore adds the next page.
func (v *openReferrals) onMore() { v.page(false) }

func (v *openReferrals) page(first bool) {
	u := v.u
	db, offset := u.db, v.shown
	type page struct {
		rows  []store.ReferralRow
		total int
	}
	load(u, func(ctx context.Context) (page, error) {
		rows, total, err := db.OpenReferralsPage(ctx, offset, openPage)
		return page{rows, total}, err
	}, func(p page) {
		if first {
			v.box.RemoveAll()
		}
		v.show(p.rows, p.total)
	}, func(err error) {
		v.box.RemoveAll()
		v.box.Add(widget.NewLabel(u.errText(err)))
	})
}

func (v *openReferrals) show(rows []store.ReferralRow, total int) {
	u := v.u
	if total == 0 {
		v.box.Add(widget.NewLabel(u.t("referrals.none_open")))
	}
	for _, r := range rows {
		open := widget.NewButton(u.t("today.open"), func() { v.open(r.PersonID) })
		v.box.Add(container.NewBorder(nil, nil, nil, container.NewVBox(open),
			referralRow(u, r.Referral, r.ServiceName, r.CaseCode+" · "+r.PersonName, v.reload)))
	}
	v.shown += len(rows)
	v.count.SetText(u.tr.Tf("referrals.open_count", map[string]any{"Shown": u.number(v.shown), "Total": u.number(total)}))
	v.count.Hidden = total == 0
	v.more.Hidden = v.shown >= total
	v.box.Refresh()
	v.more.Refresh()
	v.count.Refresh()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
