package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"sportello/model"
)

const referralColumns = `r.id, r.uid, r.case_id, r.service_id, r.reason, r.urgency, coalesce(r.consent_id, 0), r.legal_basis,
	r.status, r.created, r.sent_at, r.answered_at, r.completed_at, r.follow_up, r.feedback, r.code`

// ReferralPrefix starts every referral's tracking code.
const ReferralPrefix = "INV"

// ActionUrgentLegalBasis is the audit action of a referral a coordinator
// made on an urgent legal basis instead of the person's consent.
const ActionUrgentLegalBasis = "urgent_legal_basis"

// CreateReferral validates and saves a new referral as a draft, with the
// next tracking code of the year, audited. It rests on the person's
// current consent to share with the service, whose ID it records; without
// one it needs a legal basis recorded by a coordinator, audited apart.
// When a consent allows the sharing, any legal basis given is dropped: the
// referral rests on the consent.
func (d *DB) CreateReferral(ctx context.Context, r *model.Referral, by *model.Operator) error {
	now := d.Now().UTC()
	r.ID, r.Status, r.Created, r.ConsentID, r.Code = 0, model.ReferralDraft, now, 0, ""
	r.SentAt, r.AnsweredAt, r.CompletedAt = time.Time{}, time.Time{}, time.Time{}
	r.Reason, r.LegalBasis = strings.TrimSpace(r.Reason), strings.TrimSpace(r.LegalBasis)
	if err := r.Validate(); err != nil {
		return err
	}
	byID := operatorID(by)
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := serviceExists(ctx, tx, r.ServiceID); err != nil {
			return err
		}
		if _, err := d.onCase(ctx, tx, model.PartReferrals, true, r.CaseID); err != nil {
			return err
		}
		history, err := caseConsents(ctx, tx, r.CaseID)
		if err != nil {
			return err
		}
		urgent := false
		if c, ok := model.SharingAllowed(history, r.ServiceID); ok {
			r.ConsentID, r.LegalBasis = c.ID, ""
		} else if r.LegalBasis == "" {
			return noConsent("consent")
		} else if coord, err := isCoordinator(ctx, tx, by); err != nil {
			return err
		} else if !coord {
			return noConsent("legal_basis")
		} else {
			urgent = true
		}
		desk, err := casePrefix(ctx, tx)
		if err != nil {
			return err
		}
		prefix := fmt.Sprintf("%s-%04d-", ReferralPrefix, now.Year())
		if desk != CasePrefix {
			prefix = fmt.Sprintf("%s-%s-%04d-", ReferralPrefix, desk, now.Year())
		}
		seq, err := nextReferralSeq(ctx, tx, prefix)
		if err != nil {
			return err
		}
		r.Code = fmt.Sprintf("%s%06d", prefix, seq)
		r.UID = newUID()
		res, err := tx.ExecContext(ctx, `INSERT INTO referrals (uid, case_id, service_id, reason, urgency, consent_id,
			legal_basis, status, created, follow_up, feedback, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.UID, r.CaseID, r.ServiceID, r.Reason, string(r.Urgency), nullID(r.ConsentID), r.LegalBasis, string(r.Status),
			formatTime(r.Created), r.FollowUp.String(), r.Feedback, r.Code)
		if err != nil {
			return err
		}
		r.ID, _ = res.LastInsertId()
		if err := d.audit(ctx, tx, byID, model.ActionCreate, "referral", r.ID, r.Code); err != nil {
			return err
		}
		if urgent {
			return d.audit(ctx, tx, byID, ActionUrgentLegalBasis, "referral", r.ID, r.LegalBasis)
		}
		return nil
	})
}

// MoveReferral moves a referral along its workflow, stamping the date and
// keeping the service's feedback, audited. Sending checks again that the
// person's current consent still allows the sharing (a referral made on a
// legal basis excepted): a consent withdrawn since the draft refuses it,
// and a consent given again since is the one the referral then rests on.
func (d *DB) MoveReferral(ctx context.Context, id int64, to model.ReferralStatus, feedback string, by *model.Operator) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		r, err := scanReferral(tx.QueryRowContext(ctx, "SELECT "+referralColumns+" FROM referrals r WHERE r.id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no referral %d", id)}
		}
		if err != nil {
			return err
		}
		g, err := d.onCase(ctx, tx, model.PartReferrals, true, r.CaseID)
		if err != nil {
			return err
		}
		if strings.TrimSpace(feedback) != "" {
			if err := g.need(feedbackPart(ctx, tx, r.ServiceID), true); err != nil {
				return err
			}
		}
		from := r.Status
		if err := r.Move(to, d.Now().UTC(), feedback); err != nil {
			return err
		}
		if err := r.Validate(); err != nil {
			return err
		}
		if to == model.ReferralSent && (r.ConsentID != 0 || r.LegalBasis == "") {
			history, err := caseConsents(ctx, tx, r.CaseID)
			if err != nil {
				return err
			}
			c, ok := model.SharingAllowed(history, r.ServiceID)
			if !ok {
				return noConsent("consent")
			}
			r.ConsentID = c.ID
		}
		if _, err := tx.ExecContext(ctx, `UPDATE referrals SET status = ?, sent_at = ?, answered_at = ?, completed_at = ?,
			feedback = ?, consent_id = ? WHERE id = ?`, string(r.Status), formatTime(r.SentAt), formatTime(r.AnsweredAt),
			formatTime(r.CompletedAt), r.Feedback, nullID(r.ConsentID), r.ID); err != nil {
			return err
		}
		return d.audit(ctx, tx, operatorID(by), "move", "referral", r.ID, fmt.Sprintf("%s -> %s", from, to))
	})
}

// ReferralsOf lists a case's referrals, newest first; the feedback of a
// service whose answers the bound operator may not read is withheld.
func (d *DB) ReferralsOf(ctx context.Context, caseID int64) (out []model.Referral, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.onCase(ctx, tx, model.PartReferrals, false, caseID)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+referralColumns+`, s.kind FROM referrals r
			JOIN services s ON s.id = r.service_id WHERE r.case_id = ? ORDER BY r.created DESC, r.id DESC`, caseID)
		err = eachRow(rows, err, func(s scanner) error {
			var kind string
			r, err := scanReferral(s, &kind)
			if err == nil {
				withhold(r, model.ServiceKind(kind), g)
				out = append(out, *r)
			}
			return err
		})
		if err != nil {
			return err
		}
		check := &consentChecker{ctx: ctx, q: tx, history: map[int64][]model.Consent{}}
		for i := range out {
			if err := check.flag(&out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("referrals of case %d: %w", caseID, err)
	}
	return out, nil
}

// withhold empties the feedback of a referral when it is in a part of the
// file the grant may not read.
func withhold(r *model.Referral, kind model.ServiceKind, g *grant) {
	if !g.can(model.ServicePart(kind)).Reads() && r.Feedback != "" {
		r.Feedback, r.Withheld = "", true
	}
}

// feedbackPart is the part of the file a service's feedback belongs to.
func feedbackPart(ctx context.Context, q querier, serviceID int64) model.Part {
	var kind string
	if err := q.QueryRowContext(ctx, "SELECT kind FROM services WHERE id = ?", serviceID).Scan(&kind); err != nil {
		return model.PartLegal // unknown: the strictest
	}
	return model.ServicePart(model.ServiceKind(kind))
}

// ReferralRow is a referral still open, with who it is for and where it goes.
type ReferralRow struct {
	model.Referral
	PersonID    int64
	CaseCode    string
	PersonName  string // model.Person.DisplayName
	ServiceName string
}

// OpenReferrals lists the referrals not yet answered or completed (draft,
// sent or accepted) across all cases: the overdue first, then by follow-up
// date, those without one last.
func (d *DB) OpenReferrals(ctx context.Context) ([]ReferralRow, error) {
	rows, _, err := d.OpenReferralsPage(ctx, 0, math.MaxInt32)
	return rows, err
}

// OpenReferralsPage is a page of the referrals still open (draft, sent,
// accepted) in the order OpenReferrals gives them, and how many there
// are: a regional desk has tens of thousands, sorted and paged by SQLite
// through the open referrals' index.
func (d *DB) OpenReferralsPage(ctx context.Context, offset, limit int) (out []ReferralRow, total int, err error) {
	today := day(d.Now()).Format(time.DateOnly)
	order := `(r.status = 'sent' AND r.follow_up <> '' AND ` + lastDaySQL("r.follow_up") + ` < ?) DESC,
		r.follow_up = '', ` + lastDaySQL("r.follow_up") + `, r.id`
	out, total, err = d.referralRows(ctx, []model.ReferralStatus{model.ReferralDraft, model.ReferralSent,
		model.ReferralAccepted}, order, []any{today}, offset, limit)
	return out, total, err
}

// referralRows reads the referrals in the given statuses, with their
// person, case code and service.
func (d *DB) referralRows(ctx context.Context, statuses []model.ReferralStatus, order string, orderArgs []any,
	offset, limit int) (out []ReferralRow, total int, err error) {
	quoted := make([]string, len(statuses))
	for i, st := range statuses {
		quoted[i] = "'" + strings.ReplaceAll(string(st), "'", "''") + "'" // the statuses' own words: the index's
	}
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.grantIn(ctx, tx)
		if err != nil {
			return err
		}
		if err := g.need(model.PartReferrals, false); err != nil {
			return err
		}
		from := ` FROM referrals r JOIN cases c ON c.id = r.case_id
			JOIN persons p ON p.id = c.person_id JOIN services s ON s.id = r.service_id
			WHERE r.status IN (` + strings.Join(quoted, ", ") + `)`
		var args []any
		if g.scoped() {
			from += ` AND p.id IN (SELECT person_id FROM cases WHERE operator_id = ?
				UNION SELECT c2.person_id FROM case_team t JOIN cases c2 ON c2.id = t.case_id WHERE t.operator_id = ?)`
			args = append(args, g.id, g.id)
		}
		if err := tx.QueryRowContext(ctx, "SELECT count(*)"+from, args...).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+referralColumns+`, c.person_id, p.case_code, p.family_name,
			p.given_names, s.name, s.kind`+from+" ORDER BY "+order+limitSQL(limit)+" OFFSET ?",
			append(append(args, orderArgs...), offset)...)
		err = eachRow(rows, err, func(s scanner) error {
			var row ReferralRow
			var p model.Person
			var kind string
			r, err := scanReferral(s, &row.PersonID, &row.CaseCode, &p.FamilyName, &p.GivenNames, &row.ServiceName, &kind)
			if err != nil {
				return err
			}
			withhold(r, model.ServiceKind(kind), g)
			row.Referral, row.PersonName = *r, p.DisplayName()
			out = append(out, row)
			return nil
		})
		if err != nil {
			return err
		}
		check := &consentChecker{ctx: ctx, q: tx, history: map[int64][]model.Consent{}}
		for i := range out {
			if err := check.flag(&out[i].Referral); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("referrals %v: %w", statuses, err)
	}
	return out, total, nil
}

// scanReferral reads the referral columns, then any extra columns into more.
func scanReferral(s scanner, more ...any) (*model.Referral, error) {
	var r model.Referral
	var urgency, status, created, sent, answered, completed, follow string
	dest := append([]any{&r.ID, &r.UID, &r.CaseID, &r.ServiceID, &r.Reason, &urgency, &r.ConsentID, &r.LegalBasis, &status,
		&created, &sent, &answered, &completed, &follow, &r.Feedback, &r.Code}, more...)
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	r.Urgency, r.Status = model.Urgency(urgency), model.ReferralStatus(status)
	r.Created, r.SentAt, r.AnsweredAt, r.CompletedAt = parseTime(created), parseTime(sent), parseTime(answered),
		parseTime(completed)
	r.FollowUp, _ = model.ParsePartialDate(follow)
	return &r, nil
}

// caseConsents reads the consent history of the person a case belongs to.
func caseConsents(ctx context.Context, q querier, caseID int64) ([]model.Consent, error) {
	var personID int64
	err := q.QueryRowContext(ctx, "SELECT person_id FROM cases WHERE id = ?", caseID).Scan(&personID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &model.Error{Code: model.ErrNotFound, Field: "case", Message: fmt.Sprintf("no case %d", caseID)}
	}
	if err != nil {
		return nil, err
	}
	return consentsOf(ctx, q, personID)
}

// isCoordinator checks the operator's role in the database, not only in
// the struct handed in: the account must exist, be active and coordinate.
func isCoordinator(ctx context.Context, q querier, by *model.Operator) (bool, error) {
	if by == nil || by.ID == 0 || !by.IsCoordinator() {
		return false, nil
	}
	var n int
	err := q.QueryRowContext(ctx, "SELECT count(*) FROM operators WHERE id = ? AND role = ? AND active = 1",
		by.ID, string(model.RoleCoordinator)).Scan(&n)
	return n > 0, err
}

func noConsent(field string) error {
	if field == "legal_basis" { // only a coordinator records a legal basis
		return &model.Error{Code: model.ErrPermission, Field: field, Message: "only a coordinator may record a legal basis"}
	}
	return &model.Error{Code: model.ErrNoConsent, Field: field, Message: "no valid consent to share with this service"}
}

// consentChecker flags drafts that rest on no current consent, reading each
// case's consents once.
type consentChecker struct {
	ctx     context.Context
	q       querier
	history map[int64][]model.Consent
}

func (c *consentChecker) flag(r *model.Referral) error {
	if r.Status != model.ReferralDraft || r.LegalBasis != "" {
		return nil
	}
	h, ok := c.history[r.CaseID]
	if !ok {
		var err error
		if h, err = caseConsents(c.ctx, c.q, r.CaseID); err != nil {
			return err
		}
		c.history[r.CaseID] = h
	}
	_, allowed := model.SharingAllowed(h, r.ServiceID)
	r.NoConsent = !allowed
	return nil
}

func operatorID(o *model.Operator) int64 {
	if o == nil {
		return 0
	}
	return o.ID
}

// nextReferralSeq is the number after the year's last referral code of
// this desk. The codes' unique index gives the last one at once: the
// numbers have six digits, so their order is the codes' order; a code of
// another shape (never written by this program) falls back to reading the
// year's codes.
func nextReferralSeq(ctx context.Context, tx *sql.Tx, prefix string) (int, error) {
	end := prefix[:len(prefix)-1] + "."
	var last string
	err := tx.QueryRowContext(ctx, `SELECT code FROM referrals WHERE code >= ? AND code < ? ORDER BY code DESC LIMIT 1`,
		prefix, end).Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		return 1, nil
	}
	if err != nil {
		return 0, err
	}
	if digits := strings.TrimPrefix(last, prefix); len(digits) == 6 {
		if n, err := strconv.Atoi(digits); err == nil {
			return n + 1, nil
		}
	}
	var seq int
	err = tx.QueryRowContext(ctx, `SELECT coalesce(max(CAST(substr(code, ?) AS INTEGER)), 0) + 1
		FROM referrals WHERE code >= ? AND code < ?`, len(prefix)+1, prefix, end).Scan(&seq)
	return seq, err
}
