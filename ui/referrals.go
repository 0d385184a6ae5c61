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
	var services []model.Service
	var refs []model.Referral
	u.background(func() (err error) {
		ctx := context.Background()
		if services, err = u.db.Services(ctx); err != nil {
			return err
		}
		refs, err = u.db.ReferralsOf(ctx, v.caseID)
		return err
	}, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		v.names = map[int64]string{}
		var codes, labels []string
		for _, s := range services {
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
	})
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
			u.background(func() error {
				return u.db.MoveReferral(context.Background(), r.ID, to, feedback.Text, u.op)
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
	u.background(func() error { return u.db.CreateReferral(context.Background(), r, u.op) }, func(err error) {
		if err != nil {
			if model.ErrorCode(err) == model.ErrNoConsent {
				v.status.SetText(u.t("referrals.no_consent"))
			} else {
				v.status.SetText(u.errText(err))
			}
			return
		}
		v.status.SetText(u.tr.Tf("referrals.created", map[string]any{"Code": r.Code}))
		v.reason.SetText("")
		v.basis.SetText("")
		v.reload()
	})
}

// openReferrals lists the referrals still open across all cases, overdue first.
type openReferrals struct {
	u    *App
	open func(personID int64)
	box  *fyne.Container
}

func newOpenReferrals(u *App, open func(int64)) *openReferrals {
	return &openReferrals{u: u, open: open, box: container.NewVBox(widget.NewLabel(u.t("case.loading")))}
}

func (v *openReferrals) build() fyne.CanvasObject {
	v.reload()
	title := widget.NewLabelWithStyle(v.u.t("referrals.open_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, v.box)))
}

func (v *openReferrals) reload() {
	u := v.u
	var rows []store.ReferralRow
	u.background(func() (err error) {
		rows, err = u.db.OpenReferrals(context.Background())
		return err
	}, func(err error) {
		v.box.RemoveAll()
		if err != nil {
			v.box.Add(widget.NewLabel(u.errText(err)))
			return
		}
		if len(rows) == 0 {
			v.box.Add(widget.NewLabel(u.t("referrals.none_open")))
		}
		for _, r := range rows {
			r := r
			open := widget.NewButton(u.t("today.open"), func() { v.open(r.PersonID) })
			v.box.Add(container.NewBorder(nil, nil, nil, container.NewVBox(open),
				referralRow(u, r.Referral, r.ServiceName, r.CaseCode+" · "+r.PersonName, v.reload)))
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
