package model

import "slices"

// Permission is something only some roles may do to the desk as a whole.
// Which role may do what is data: the table Permissions, enforced by the
// store where the change is written, and read by the window to show only
// what the operator may use.
type Permission string

const (
	PermAccounts   Permission = "accounts"    // add accounts, set their passwords and roles, deactivate them
	PermSettings   Permission = "settings"    // change the desk's settings
	PermExportFull Permission = "export_full" // export people's data in full, not pseudonymised
	PermAudit      Permission = "audit"       // read the audit trail, and who opened a file
	PermRestore    Permission = "restore"     // replace the database with a backup
	PermRekey      Permission = "rekey"       // replace the data key
	PermErase      Permission = "erase"       // review retention, erase or anonymise a person
	PermDesks      Permission = "desks"       // accept another desk's signing key, so that its bundles merge
	PermExchange   Permission = "exchange"    // export (pseudonymised) and send bundles, import them, settle conflicts
	PermRights     Permission = "rights"      // answer a person's access request: all their data, PDF and JSON
	PermDuplicates Permission = "duplicates"  // list the likely duplicate files of the whole desk and merge two files of one person
	PermTexts      Permission = "texts"       // correct the translations of the texts a person reads, and mark them reviewed
	// The desk's employers and vacancies (every active role reads them).
	PermEmployers   Permission = "employers"    // add and change employers and vacancies
	PermFlagDetails Permission = "flag_details" // read why and by whom an employer was flagged
	PermFlags       Permission = "flags"        // flag and unflag employers, clear held vacancies, update the CCNL table, propose to a flagged employer
)

// AllPermissions lists the permissions, for tables and tests.
var AllPermissions = []Permission{PermAccounts, PermSettings, PermExportFull, PermAudit, PermRestore, PermRekey, PermErase,
	PermDesks, PermExchange, PermRights, PermDuplicates, PermTexts, PermEmployers, PermFlagDetails, PermFlags}

// Permissions says which role has which permission; what each role may
// read and write of a person's file is AccessMatrix. Exchanges move every
// file of the desk: the coordinator and the operators run them; a mediator
// never exports. Operators and social workers keep the employers and
// vacancies; why an employer was flagged is for every role but mediators
// (legal advisers follow the reports); flagging and clearing are the
// coordinator's. The mediators, with the coordinator, own the translations.
var Permissions = map[Role][]Permission{
	RoleCoordinator:  AllPermissions,
	RoleOperator:     {PermExchange, PermEmployers, PermFlagDetails},
	RoleMediator:     {PermTexts},
	RoleSocialWorker: {PermEmployers, PermFlagDetails},
	RoleLegalAdviser: {PermFlagDetails},
}

// May tells whether the role has the permission.
func (r Role) May(p Permission) bool { return slices.Contains(Permissions[r], p) }

// May tells whether the operator's role has the permission. An operator
// in hand is signed in, so active: a deactivated account cannot sign in;
// the store checks the account's state where it reads it from the file.
func (o *Operator) May(p Permission) bool { return o != nil && o.Role.May(p) }

// Refusal is the error for an operator without the permission.
func Refusal(p Permission) error {
	return &Error{Code: ErrPermission, Field: string(p), Message: "this role may not do this: " + string(p)}
}
