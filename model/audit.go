package model

import "time"

// Audit actions.
const (
	ActionCreate      = "create"
	ActionUpdate      = "update"
	ActionView        = "view"
	ActionLogin       = "login"
	ActionLoginFailed = "login_failed"
	ActionBackup      = "backup"
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
