package exchange

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"sportello/model"
	"sportello/store"
)

// ImportOptions choose how a bundle is read.
type ImportOptions struct {
	Operator *model.Operator // nil on the command line
	Identity string          // age identity (AGE-SECRET-KEY-1…) for an encrypted bundle; "" for the desk's own
	FileName string
}

// ImportResult tells what a merge did.
type ImportResult struct {
	From      Desk
	Added     int // records new to this desk
	Updated   int // records changed only on the other desk
	Unchanged int // records already the same here
	Kept      int // records the other desk had older: this desk's stay
	Conflicts int // records changed on both sides: waiting for an operator
	ImportID  int64
}

// Import merges a bundle from another desk of the association by stable
// IDs, in one transaction. A record changed on both sides since their last
// exchange becomes a conflict for an operator to settle; nothing is
// overwritten silently. A bundle that is malformed, truncated, tampered
// with, of another format version, from an unknown key for a known desk,
// holding a record twice or text that is not clean UTF-8 is refused with a
// *BundleError, and the database is unchanged. So is a bundle from a desk
// no coordinator accepted yet: its *UnknownDeskError names the desk and
// its key's fingerprint (see TrustDesk).
//
// The bundle is read through r (size bytes: the file itself, for a plain
// bundle), a part of a list at a time, twice: it never sits whole in
// memory, nor does this desk (issue #19). An encrypted bundle is
// decrypted a chunk at a time as it is read, never whole in memory nor on
// disk.
func Import(ctx context.Context, db *store.DB, r io.ReaderAt, size int64, opt ImportOptions) (*ImportResult, error) {
	k, err := existingKeys(ctx, db)
	if err != nil {
		return nil, err
	}
	h := sha256.New() // of the file as it came, as the sender's export log has it
	if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err != nil {
		return nil, fmt.Errorf("import: reading the bundle: %w", err)
	}
	received := hex.EncodeToString(h.Sum(nil))
	if r, size, err = decrypt(r, size, opt.Identity, k); err != nil {
		return nil, err
	}
	b, err := openBundle(r, size)
	if err != nil {
		return nil, err
	}
	in, err := scanData(b)
	if err != nil {
		return nil, err
	}
	if b.man.Desk.ID == k.deskUID {
		return nil, refuse(BundleOwnDesk, "this bundle was made by this very desk, or by a copy of its database")
	}
	if in.dup.err != nil {
		return nil, in.dup.err
	}
	if err := knownDesk(ctx, db, b.man); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		res, err := merge(ctx, db, b, in, received, opt)
		if errors.Is(err, store.ErrChangedMeanwhile) && attempt < 3 {
			continue
		}
		return res, err
	}
}

// decision is what a merge does with one incoming record.
type decision int

const (
	add decision = iota
	update
	same
	keep
	conflict
)

// merge merges a bundle read a first time (in), in one transaction.
func merge(ctx context.Context, db *store.DB, b *bundleFile, in *scanned, sha string, opt ImportOptions) (*ImportResult, error) {
	// Every sync base here came from the sending desk when no other desk's
	// bundle was ever merged here: only then is its claim to have made a
	// record (no base) checked against this desk's own records.
	sole, err := db.ImportedOnlyFrom(ctx, b.man.Desk.ID)
	if err != nil {
		return nil, err
	}
	at, err := db.ChangePosition(ctx)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	g := &merging{in: in, res: &ImportResult{From: in.env.Desk}, sole: sole, latest: map[string]*Consent{},
		aside: map[string]bool{}, touched: map[string]*Erasure{}}
	err = db.Merge(ctx, at, in.counts["persons"] >= store.BulkPersons, func(m *store.Merger) error {
		g.m = m
		if err := checkDesk(m, b.man); err != nil {
			return err
		}
		if err := g.readLatest(); err != nil {
			return err
		}
		if err := g.part(in.small, true); err != nil {
			return err
		}
		if err := g.stream(b); err != nil {
			return err
		}
		for _, pm := range storeMerges(in.merges) {
			if err := m.ApplyPersonMerge(pm, in.env.Desk.Name); err != nil {
				return err
			}
		}
		if err := applyErasures(m, g.touched); err != nil {
			return err
		}
		return g.log(sha, opt)
	})
	if err != nil {
		return nil, err
	}
	if len(g.touched) > 0 {
		if err := db.Compact(ctx); err != nil {
			return nil, err
		}
	}
	return g.res, nil
}

// log records the import and its conflicts.
func (g *merging) log(sha string, opt ImportOptions) error {
	res := g.res
	entry := &store.ImportEntry{DeskUID: res.From.ID, DeskName: res.From.Name, BundleSHA: sha,
		FileName: opt.FileName, Counts: map[string]int{"added": res.Added, "updated": res.Updated,
			"unchanged": res.Unchanged, "kept": res.Kept, "conflicts": res.Conflicts}}
	if opt.Operator != nil {
		entry.OperatorID = opt.Operator.ID
	}
	if err := g.m.LogImport(entry); err != nil {
		return err
	}
	res.ImportID = entry.ID
	for _, c := range g.conflicts {
		c.ImportID = entry.ID
		if err := g.m.AddConflict(c); err != nil {
			return err
		}
	}
	return nil
}

// decide compares an incoming record with this desk's copy and with what
// this desk last exchanged of it (base). The sync base the bundle claims
// (in.base) is believed only as far as this desk can check it against its
// own records: this desk's current version (the other desk changed exactly
// what this desk holds), or no base at all (the other desk made the record
// and never received it back) for a record unchanged here since this
// desk's last exchange of it, when every exchange merged here came from
// the sending desk (sole). A claimed base this desk never had makes a
// conflict for an operator, never an overwrite.
func decide(in record, mine map[string]record, base string, sole bool) decision {
	local, ok := mine[in.uid]
	switch {
	case !ok:
		return add
	case local.hash == in.hash:
		return same
	case in.entity == "operator":
		return keep // accounts belong to their desk
	case in.entity == "skills_profile":
		return keep // versions never change: an erasure empties this desk's copy by its own rules
	case in.hash == base:
		return keep // the other desk sent what this desk already had and changed since
	case in.base == local.hash:
		return update // the other desk changed this desk's version
	case in.base == "" && sole && base != "" && local.hash == base && in.entity != "consent":
		return update // the other desk's own record, unchanged here since the last exchange
	}
	return conflict
}

// latestConsents gives this desk's latest consent for each person, purpose
// and (for sharing) service: the person's word that stands.
func latestConsents(doc *Document) map[string]*Consent {
	out := map[string]*Consent{}
	for i := range doc.Consents {
		c := &doc.Consents[i]
		k := consentKey(c)
		if cur, ok := out[k]; !ok || when(c.Date).After(when(cur.Date)) {
			out[k] = c
		}
	}
	return out
}

func consentKey(c *Consent) string {
	k := c.PersonID + "/" + c.Purpose
	if c.Purpose == string(model.PurposeSharing) {
		k += "/" + c.ServiceID + "/" + c.EmployerID
	}
	return k
}

// overturnsWithdrawal tells a consent given on another desk, dated after
// the withdrawal that is the person's standing word on this desk: it is
// kept aside for an operator, who takes it only if the person really
// consented again. A withdrawal is never undone silently.
func overturnsWithdrawal(c *Consent, latest map[string]*Consent) bool {
	cur, ok := latest[consentKey(c)]
	return ok && c.State == string(model.ConsentGiven) && cur.State == string(model.ConsentWithdrawn) &&
		!when(c.Date).Before(when(cur.Date))
}

// apply writes one incoming record as decided, or gives the conflict to
// keep for an operator: a record changed on both sides, or one that takes
// the place of a different record of this desk.
func apply(m *store.Merger, rs *resolver, doc *Document, r record, d decision, local record) (*store.Conflict, error) {
	label := r.label
	if strings.TrimSpace(label) == "" {
		label = local.label
	}
	// The other desk's version is encoded only for a conflict kept.
	aside := func() *store.Conflict {
		return &store.Conflict{Entity: r.entity, UID: r.uid, Label: label, LocalHash: local.hash, Theirs: r.json(),
			TheirsHash: r.hash}
	}
	switch d {
	case add, update:
		if d == add {
			if err := checkCodes(m, doc, r); err != nil {
				return nil, err
			}
		}
		if err := rs.write(doc, r); err != nil {
			var be *BundleError
			if errors.As(err, &be) && be.Code == BundleClash {
				c := aside()
				c.Reason = store.ReasonClash
				return c, nil
			}
			return nil, err
		}
	case conflict:
		return aside(), nil
	case keep:
		return nil, nil
	}
	return nil, m.SetBase(r.entity, r.uid, r.hash)
}

// checkDesk holds the desk that signed the bundle to the key a coordinator
// accepted for it, inside the merge's transaction: an unknown desk, or a
// known one signing with another key, is refused.
func checkDesk(m *store.Merger, man *Manifest) error {
	known, ok, err := m.DeskKey(man.Desk.ID)
	if err != nil {
		return err
	}
	if err := deskKeyCheck(man, known, ok); err != nil {
		return err
	}
	return m.SeeDesk(man.Desk.ID, man.Desk.Name, man.Desk.CasePrefix)
}

// checkCodes refuses a new person or referral whose code this desk already
// gives to another: each desk needs its own case-code prefix.
func checkCodes(m *store.Merger, doc *Document, r record) error {
	switch r.entity {
	case "person":
		code := doc.Persons[r.index].CaseCode
		if taken, err := m.CaseCodeTaken(code); err != nil || taken {
			if err != nil {
				return err
			}
			return refuse(BundleCaseCodes, "case code %s is already another person's on this desk: give each desk its own case-code prefix in Settings (this desk and %q both use %s)", code, doc.Desk.Name, doc.Desk.CasePrefix)
		}
	case "referral":
		code := doc.Referrals[r.index].Code
		if taken, err := m.ReferralCodeTaken(code); err != nil || taken {
			if err != nil {
				return err
			}
			return refuse(BundleCaseCodes, "referral code %s is already used on this desk: give each desk its own case-code prefix in Settings", code)
		}
	}
	return nil
}
