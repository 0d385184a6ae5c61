package model

import "time"

// TodayKind is why something is on the operator's Today list.
type TodayKind string

const (
	TodayPermitExpiring  TodayKind = "permit_expiring"   // a residence permit expires within 60 days
	TodayPlanReview      TodayKind = "plan_review"       // a plan review is due
	TodayActionOverdue   TodayKind = "action_overdue"    // an action is past its due date
	TodayReferralOverdue TodayKind = "referral_overdue"  // a sent referral has no answer by its follow-up date
	TodayFollowUp6       TodayKind = "follow_up_6"       // six months after a case closed
	TodayFollowUp12      TodayKind = "follow_up_12"      // twelve months after a case closed
	TodayRetention       TodayKind = "retention"         // a case closed longer ago than the retention period: to review
	TodayStillEmployed4w TodayKind = "still_employed_4w" // 4 weeks after a hiring: still employed?
	TodayStillEmployed6m TodayKind = "still_employed_6m" // 6 months after a hiring: still employed?
)

// TodayKinds lists the kinds in the order Today shows them.
var TodayKinds = []TodayKind{TodayReferralOverdue, TodayPermitExpiring, TodayActionOverdue, TodayPlanReview,
	TodayFollowUp6, TodayFollowUp12, TodayStillEmployed4w, TodayStillEmployed6m, TodayRetention}

// TodayParts says which part of a file each kind of item shows, so a role
// sees on Today only what it may read in the file; a kind absent here
// (retention) needs a permission, in TodayPermissions.
var TodayParts = map[TodayKind]Part{
	TodayPermitExpiring: PartDocuments, TodayPlanReview: PartPlan, TodayActionOverdue: PartPlan,
	TodayReferralOverdue: PartReferrals, TodayFollowUp6: PartIdentity, TodayFollowUp12: PartIdentity,
	TodayStillEmployed4w: PartWork, TodayStillEmployed6m: PartWork,
}

// TodayPermissions names the permission a kind of item needs.
var TodayPermissions = map[TodayKind]Permission{TodayRetention: PermErase}

// PermitWarning is how long before expiry a permit shows on Today.
const PermitWarning = 60 * 24 * time.Hour

// TodayItem is one thing due.
type TodayItem struct {
	Kind     TodayKind
	PersonID int64
	CaseCode string
	Name     string
	Date     time.Time // when it is or was due
	Detail   string
	// ProposalID is, for a still-employed check, the hiring it asks about
	// (store.RecordStillEmployed); 0 for the other kinds.
	ProposalID int64
}

// TodayGroup is one kind of Today's items: how many there are, and the
// first of them by date (a regional desk has tens of thousands of overdue
// actions: the rest are read a page at a time).
type TodayGroup struct {
	Kind  TodayKind
	Total int  // how many, or TodayCap when More
	More  bool // more than TodayCap: counted exactly only when the whole list is asked for
	Items []TodayItem
}

// TodayCap is how far Today counts a kind before it says "more than".
const TodayCap = 1000
