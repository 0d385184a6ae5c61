package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// newIdleLockField is the Settings field of the idle lock's minutes, which
// only a coordinator may change.
func newIdleLockField(u *App) (*widget.Entry, *field) {
	e := widget.NewEntry()
	e.SetText(u.setting(model.SettingIdleLockMinutes, ""))
	e.SetPlaceHolder(strconv.Itoa(model.DefaultIdleLockMinutes))
	if !u.op.May(model.PermSettings) {
		e.Disable()
	}
	return e, newField(model.SettingIdleLockMinutes, u.t("idle_lock.setting"), e)
}

// idleLockValue reads the idle lock's minutes: empty (the default, 5), or
// whole minutes from 1 to 60; a wrong value is said on its field and
// nothing is saved.
func (s *settings) idleLockValue(values map[string]string) bool {
	text := strings.TrimSpace(s.idleLock.Text)
	if _, err := model.IdleLockAfter(text); err != nil {
		s.idleField.setError(s.u.t("idle_lock.setting_invalid"))
		return false
	}
	s.idleField.setError("")
	values[model.SettingIdleLockMinutes] = text
	return true
}
