package model

// Sex as recorded in documents. SexUnknown is allowed: it is not always known
// at first contact.
type Sex string

const (
	SexUnknown Sex = ""
	SexFemale  Sex = "F"
	SexMale    Sex = "M"
	SexOther   Sex = "X"
)

// Sexes lists the selectable values in display order.
var Sexes = []Sex{SexFemale, SexMale, SexOther, SexUnknown}

// PermitStatus is the state of the person's residence permit.
type PermitStatus string

const (
	PermitNone    PermitStatus = "none"
	PermitExpired PermitStatus = "expired"
	PermitApplied PermitStatus = "applied"
	PermitValid   PermitStatus = "valid"
)

// PermitStatuses lists the selectable values in display order.
var PermitStatuses = []PermitStatus{PermitNone, PermitApplied, PermitValid, PermitExpired}

// Channel says how the person reached the desk.
type Channel string

const (
	ChannelOutreach       Channel = "outreach"
	ChannelSocialServices Channel = "social_services"
	ChannelUnion          Channel = "union"
	ChannelPolice         Channel = "police"
	ChannelInspectorate   Channel = "inspectorate"
	ChannelSelf           Channel = "self"
	ChannelOtherService   Channel = "other_service"
)

// Channels lists the selectable values in display order.
var Channels = []Channel{ChannelOutreach, ChannelSelf, ChannelSocialServices, ChannelUnion,
	ChannelPolice, ChannelInspectorate, ChannelOtherService}

// Role is an operator's role; it decides what the operator may see and do.
type Role string

const (
	RoleOperator     Role = "operator"
	RoleMediator     Role = "mediator"
	RoleSocialWorker Role = "social_worker"
	RoleLegalAdviser Role = "legal_adviser"
	RoleCoordinator  Role = "coordinator"
)

// Roles lists every role in display order.
var Roles = []Role{RoleOperator, RoleMediator, RoleSocialWorker, RoleLegalAdviser, RoleCoordinator}

// CaseStatus is the state of a case.
type CaseStatus string

const (
	CaseOpen      CaseStatus = "open"
	CaseSuspended CaseStatus = "suspended"
	CaseClosed    CaseStatus = "closed"
)

// CaseStatuses lists every case status in display order.
var CaseStatuses = []CaseStatus{CaseOpen, CaseSuspended, CaseClosed}

// Priority of a case.
type Priority string

const (
	PriorityNormal Priority = "normal"
	PriorityHigh   Priority = "high"
	PriorityUrgent Priority = "urgent"
)

// Priorities lists every priority in display order.
var Priorities = []Priority{PriorityNormal, PriorityHigh, PriorityUrgent}

// InterviewKind distinguishes the first intake from follow-ups.
type InterviewKind string

const (
	InterviewIntake   InterviewKind = "intake"
	InterviewFollowUp InterviewKind = "follow_up"
)

// InterviewKinds lists every kind in display order.
var InterviewKinds = []InterviewKind{InterviewIntake, InterviewFollowUp}

// Place where an interview happens.
type Place string

const (
	PlaceDesk     Place = "desk"
	PlaceMobile   Place = "mobile"
	PlaceOutreach Place = "outreach"
)

// Places lists every place in display order.
var Places = []Place{PlaceDesk, PlaceMobile, PlaceOutreach}

// oneOf reports whether v is in list.
func oneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
