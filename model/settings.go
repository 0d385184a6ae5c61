package model

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
)
