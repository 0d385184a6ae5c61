package model

import (
	"fmt"
	"time"
)

// Audit actions.
const (
	ActionCreate      = "create"
	ActionUpdate      = "update"
	ActionView        = "view"
	ActionLogin       = "login"
	ActionLoginFailed = "login_failed"
	ActionBackup      = "backup"
	ActionExport      = "export"
	ActionImport      = "import"
	ActionResolve     = "resolve" // a conflict between desks settled
	ActionRestore     = "restore" // the database replaced by a backup
	ActionRekey       = "rekey"   // a new data key, the store re-encrypted
	ActionSeal        = "seal"    // a plain database of an earlier version encrypted
	ActionCommand     = "command" // a command-line command that read or wrote personal data
	ActionPrint       = "print"   // a document printed for a person
	ActionTrust       = "trust"   // another desk's signing key accepted by a coordinator
	ActionErase       = "erase"   // a person erased, with the legal reason (GDPR art. 17)
	ActionSearch      = "search"  // a search of the persons: what was typed, not what was found
	ActionLock        = "lock"    // the window locked after a time without input
	ActionMerge       = "merge"   // two files of one person merged into one
)

// AuditEvent records who did what to which record, and when. Events are
// only ever added, never changed.
type AuditEvent struct {
	ID         int64
	At         time.Time
	OperatorID int64 // 0 for the system or a failed login
	Action     string
	Entity     string // "person", "case", "interview", "operator", "database"
	EntityID   int64
	Detail     string
}

// Validate checks that the event says what happened to what, and when.
func (e *AuditEvent) Validate() error {
	var v ValidationErrors
	if e.At.IsZero() {
		v.add(newError("at", ErrRequired, "an audit event needs a time"))
	}
	if e.Action == "" {
		v.add(newError("action", ErrRequired, "an audit event needs an action"))
	}
	if e.Entity == "" {
		v.add(newError("entity", ErrRequired, "an audit event needs an entity"))
	}
	v.add(optionalText("detail", e.Detail, MaxTextLen))
	if e.EntityID < 0 || e.OperatorID < 0 {
		v.add(newError("entity_id", ErrInvalid, fmt.Sprintf("negative id %d/%d", e.EntityID, e.OperatorID)))
	}
	return v.err()
}
