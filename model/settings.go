package model

import (
	"strconv"
	"strings"
	"time"
)

// Setting keys, shared by the store, the window and the printouts.
const (
	SettingOrganisation = "organisation"
	SettingDesk         = "desk"
	SettingLanguage     = "ui_language"
	SettingDeskPhone    = "desk_phone"
	SettingController   = "controller" // data controller, for the privacy notice
	SettingDPO          = "dpo"        // data protection officer's contact
	SettingRetention    = "retention"  // how long data are kept
	// SettingRetentionYears is the retention period in whole years after a
	// case closes; cases past it come up on a coordinator's Today list.
	SettingRetentionYears = "retention_years"
	SettingLogo           = "logo_png"    // the organisation's logo, PNG, base64
	SettingCasePrefix     = "case_prefix" // starts this desk's case codes; each desk its own
	// SettingIdleLockMinutes is how long the window may stay without input
	// before it locks: whole minutes, 1 to 60; empty for the default.
	SettingIdleLockMinutes = "idle_lock_minutes"
)

// The idle lock's bounds, in minutes.
const (
	DefaultIdleLockMinutes = 5
	MaxIdleLockMinutes     = 60
)

// IdleLockAfter reads the idle-lock setting: empty is the default (5
// minutes); anything but whole minutes from 1 to 60 is an ErrInvalid on the
// setting's field.
func IdleLockAfter(text string) (time.Duration, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return DefaultIdleLockMinutes * time.Minute, nil
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 1 || n > MaxIdleLockMinutes {
		return 0, newError(SettingIdleLockMinutes, ErrInvalid, "whole minutes, 1 to 60")
	}
	return time.Duration(n) * time.Minute, nil
}
