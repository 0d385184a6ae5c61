package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sportello/model"
)

// erasedFields are the person's columns whose values an erasure removes
// from the audit trail (the edits record them old and new).
var erasedFields = []string{"family_name", "given_names", "own_script_name", "aliases", "birth_date", "phone",
	"domicile", "fiscal_code", "permit_number", "permit_expiry", "vulnerabilities"}

// changedField is one "field: "old" → "new"" of an edit's audit detail.
var changedField = regexp.MustCompile(`(\w+): ("(?:[^"\\]|\\.)*") → ("(?:[^"\\]|\\.)*")`)

// personalValues gathers what identifies the person: the values they have
// now and every earlier value the audit trail kept of their edits.
func personalValues(ctx context.Context, tx *sql.Tx, p *model.Person) ([]string, error) {
	vals := append([]string{p.FamilyName, p.GivenNames, p.OwnScriptName, p.Phone, p.Domicile, p.FiscalCode,
		p.Permit.Number}, p.Aliases...)
	vals = append(vals, p.Vulnerabilities...)
	rows, err := tx.QueryContext(ctx, "SELECT detail FROM audit_events WHERE entity = 'person' AND entity_id = ? AND action = ?",
		p.ID, model.ActionUpdate)
	if err != nil {
		return nil, fmt.Errorf("earlier values: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var detail string
		if err := rows.Scan(&detail); err != nil {
			return nil, err
		}
		for _, m := range changedField.FindAllStringSubmatch(detail, -1) {
			if !slices.Contains(erasedFields, m[1]) {
				continue
			}
			for _, q := range m[2:] {
				if v, err := strconv.Unquote(q); err == nil {
					vals = append(vals, strings.Split(v, "\n")...)
				}
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := vals[:0]
	for _, v := range vals {
		if v = strings.TrimSpace(v); utf8.RuneCountInString(v) >= 3 && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out, nil
}

// redactPerson redacts, in the audit trail, the person's edits (their
// detail keeps the case code and the names of the fields changed) and
// every other event whose detail holds one of the person's values, such as
// an urgent legal basis written for their referral or a search for their
// name. It gives the ids redacted, space-separated, for the erasure's
// event.
func redactPerson(ctx context.Context, tx *sql.Tx, p *model.Person, values []string) (string, error) {
	referrals, err := referralIDs(ctx, tx, p.ID)
	if err != nil {
		return "", err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, entity, entity_id, action, detail, salt FROM audit_events
		WHERE detail <> '' AND salt <> '' AND action <> ? ORDER BY id`, actionErase)
	if err != nil {
		return "", fmt.Errorf("audit events to redact: %w", err)
	}
	type hit struct {
		id                 int64
		detail, salt, with string
	}
	var hits []hit
	for rows.Next() {
		var h hit
		var entity, action string
		var entityID int64
		if err := rows.Scan(&h.id, &entity, &entityID, &action, &h.detail, &h.salt); err != nil {
			rows.Close()
			return "", err
		}
		switch {
		case entity == "person" && entityID == p.ID && action == model.ActionUpdate:
			h.with = editFields(p.CaseCode, h.detail)
		case entity == "referral" && action == ActionUrgentLegalBasis && slices.Contains(referrals, entityID):
			h.with = erasedMark // the reason typed for the person's referral
		case holdsAny(h.detail, values):
			h.with = erasedMark
		default:
			continue
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	if err := unsaltedHolding(ctx, tx, p.ID, values); err != nil {
		return "", err
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		if err := redactEvent(ctx, tx, h.id, h.salt, h.detail, h.with); err != nil {
			return "", err
		}
		ids[i] = strconv.FormatInt(h.id, 10)
	}
	return strings.Join(ids, " "), nil
}

// errUnsalted: the trail holds the person's values in events that cannot
// be redacted, because its chain was broken when it was to be salted.
var errUnsalted = errors.New("the audit trail holds this person's values in events that cannot be redacted, because the trail's chain is broken: run sportello check, and have the trail looked at")

// unsaltedHolding refuses the erasure when an event that was never salted
// holds one of the person's values.
func unsaltedHolding(ctx context.Context, tx *sql.Tx, personID int64, values []string) error {
	rows, err := tx.QueryContext(ctx, `SELECT entity, entity_id, action, detail FROM audit_events
		WHERE salt = '' AND digest = '' AND detail <> ''`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var entity, action, detail string
		var id int64
		if err := rows.Scan(&entity, &id, &action, &detail); err != nil {
			return err
		}
		if (entity == "person" && id == personID && action == model.ActionUpdate) || holdsAny(detail, values) {
			return errUnsalted
		}
	}
	return rows.Err()
}

// editFields is an edit's detail without its values: the case code and the
// names of the fields changed.
func editFields(code, detail string) string {
	var names []string
	for _, m := range changedField.FindAllStringSubmatch(detail, -1) {
		names = append(names, m[1])
	}
	if len(names) == 0 {
		return code + "; " + erasedMark
	}
	return code + "; " + strings.Join(names, ", ") + " " + erasedMark
}

// holdsAny tells whether text holds one of the values as a whole word,
// ignoring case.
func holdsAny(text string, values []string) bool {
	low := strings.ToLower(text)
	for _, v := range values {
		v = strings.ToLower(v)
		for i := 0; ; {
			j := strings.Index(low[i:], v)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(v)
			if wordEdge(low, start, true) && wordEdge(low, end, false) {
				return true
			}
			i = start + 1
		}
	}
	return false
}

// wordEdge tells whether position i of s is the start (or the end) of a
// word: no letter or digit just before (or at) it.
func wordEdge(s string, i int, start bool) bool {
	var r rune
	if start {
		if i == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(s[:i])
	} else {
		if i >= len(s) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// referralIDs lists the ids of the person's referrals.
func referralIDs(ctx context.Context, tx *sql.Tx, personID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM referrals WHERE case_id IN (SELECT id FROM cases WHERE person_id = ?)", personID)
	if err != nil {
		return nil, fmt.Errorf("referrals of the person: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
