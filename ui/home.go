package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// home is the main screen: the person list on the left, the open person,
// the registration form or the settings on the right.
type home struct {
	u      *App
	list   *personList
	detail *fyne.Container
	back   func() // back to the case the shown screen was opened from; nil on other screens

	unsaved func() bool  // whether the shown screen has work not saved; nil when it has none to lose
	pending func() bool  // unsaved of the screen being built, until it is shown
	left    releaseLater // gives back the memory of the screens left
}

func newHome(u *App) *home {
	h := &home{u: u, detail: container.NewStack()}
	h.list = newPersonList(u, h.onOpenPerson)
	return h
}

func (h *home) build() fyne.CanvasObject {
	u := h.u
	place := u.setting(store.SettingOrganisation, "")
	if desk := u.setting(store.SettingDesk, ""); desk != "" {
		place += " · " + desk
	}
	title := widget.NewLabelWithStyle("Sportello  "+place, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who := widget.NewLabel(u.op.FullName + " (" + u.label("role", u.op.Role) + ")")
	register := widget.NewButtonWithIcon(u.t("home.register"), theme.ContentAddIcon(), h.onRegister)
	register.Importance = widget.HighImportance
	settings := widget.NewButtonWithIcon(u.t("home.settings"), theme.SettingsIcon(), h.onSettings)
	today := widget.NewButtonWithIcon(u.t("home.today"), theme.HomeIcon(), h.showToday)
	services := widget.NewButtonWithIcon(u.t("home.services"), theme.ListIcon(), func() {
		h.list.list.UnselectAll()
		h.show(newServicesView(u).build())
	})
	activities := widget.NewButtonWithIcon(u.t("activities.button"), theme.CalendarIcon(), func() {
		h.list.list.UnselectAll()
		h.show(newActivitiesView(u).build())
	})
	referrals := widget.NewButtonWithIcon(u.t("home.referrals"), theme.MailSendIcon(), func() {
		h.list.list.UnselectAll()
		h.show(newOpenReferrals(u, h.onOpenPerson).build())
	})
	exchangeData := widget.NewButtonWithIcon(u.t("exchange.button"), theme.UploadIcon(), func() {
		h.list.list.UnselectAll()
		h.show(newExchangeView(u, u.data).build())
	})
	employers := widget.NewButtonWithIcon(u.t("employers.button"), theme.StorageIcon(), func() {
		h.list.list.UnselectAll()
		h.show(newEmployersView(u, u.data).build())
	})
	signOut := widget.NewButtonWithIcon(u.t("home.sign_out"), theme.LogoutIcon(), u.signOut)
	// The title gives way first on a small screen; then the tools, the
	// least used last, go into the toolbar's "…" menu.
	title.Truncation = fyne.TextTruncateEllipsis
	right := container.NewHBox(who, register, signOut)
	if !u.op.Can(model.PartIdentity).Writes() {
		right.Remove(register)
	}
	bar := container.NewBorder(nil, nil, nil, right, title)
	tools := newToolbar(today, referrals, services, employers, activities, settings)
	if u.op.May(model.PermExchange) {
		tools.add(exchangeData)
	}
	if u.op.Role == model.RoleCoordinator { // the store refuses anyone else the indicators
		tools.add(widget.NewButtonWithIcon(u.t("programme.button"), theme.GridIcon(), func() {
			h.list.list.UnselectAll()
			h.show(newIndicators(u).build())
		}))
	}
	if u.op.May(model.PermDuplicates) { // the store refuses anyone else the desk's pairs
		tools.add(widget.NewButtonWithIcon(u.t("duplicates.button"), theme.ContentCopyIcon(), func() {
			h.list.list.UnselectAll()
			h.show(newDuplicates(u).build())
		}))
	}
	if u.op.May(model.PermAudit) {
		tools.add(widget.NewButtonWithIcon(u.t("audit.button"), theme.HistoryIcon(), func() {
			h.list.list.UnselectAll()
			h.show(newAuditView(u).build())
		}))
	}

	h.showToday()
	split := container.NewHSplit(h.list.build(), h.detail)
	split.SetOffset(0.34)
	return container.NewBorder(container.NewVBox(bar, tools, widget.NewSeparator()), nil, nil, nil, split)
}

func (h *home) show(o fyne.CanvasObject) { h.display(o, nil) }

// display shows o, with back (nil on screens not opened from a case), once
// the screen shown before lets go.
func (h *home) display(o fyne.CanvasObject, back func()) {
	guard := h.pending
	h.pending = nil
	h.leave(func() {
		h.back = back
		h.unsaved = guard
		h.detail.Objects = []fyne.CanvasObject{o}
		h.detail.Refresh()
		h.left.soon()
	})
}

// showToday shows what is due: the start screen.
func (h *home) showToday() {
	h.list.list.UnselectAll()
	h.show(newToday(h.u, h.onOpenPerson).build())
}

func (h *home) onOpenPerson(id int64) {
	h.show(newCaseView(h.u, id, h.onEdit).build())
}

// showFromCase shows a screen opened from p's case under a button back to
// the case; Escape goes back too (onEscape).
func (h *home) showFromCase(p *model.Person, o fyne.CanvasObject) {
	back := func() { h.onOpenPerson(p.ID) }
	b := widget.NewButtonWithIcon(h.u.tr.Tf("case.back", map[string]any{"Name": p.DisplayName()}), theme.NavigateBackIcon(), back)
	b.Alignment = widget.ButtonAlignLeading
	h.display(container.NewBorder(container.NewHBox(b), nil, nil, nil, o), back)
}

// onEscape goes back to the case from a screen opened from it. The canvas
// hears Escape only when no widget has the focus; an open dialog or pop-up
// keeps it.
func (h *home) onEscape() {
	if h.back == nil || h.u.win.Canvas().Overlays().Top() != nil {
		return
	}
	h.back()
}

func (h *home) onRegister() {
	h.list.list.UnselectAll()
	f := newPersonForm(h.u, nil, h.onSaved, h.showToday)
	f.lookForFiles(h.onOpenPerson)
	h.show(f.build())
}

func (h *home) onEdit(p *model.Person) {
	h.show(newPersonForm(h.u, p, h.onSaved, func() { h.onOpenPerson(p.ID) }).build())
}

func (h *home) onSaved(p *model.Person) {
	h.list.reload()
	h.onOpenPerson(p.ID)
}

func (h *home) onSettings() {
	h.list.list.UnselectAll()
	h.show(newSettings(h.u, h.u.data).build())
}
