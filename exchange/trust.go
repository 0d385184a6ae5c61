package exchange

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"

	"sportello/model"
	"sportello/store"
)

// Trust between desks works as in SSH or Signal: a bundle from a desk this
// desk has never accepted is refused, naming the desk and the fingerprint
// of its signing key. A coordinator calls that desk's coordinator, compares
// the two fingerprints (each desk shows its own in Settings) and accepts
// the key only if they are the same; the same bundle then merges. A known
// desk signing with another key stays refused as tampered.

// More reasons a bundle is refused; nothing was changed.
const (
	BundleUnknownDesk = "unknown_desk"     // signed by a desk this desk has not accepted yet
	BundleDuplicate   = "duplicate_record" // the same record (kind and ID) twice
	BundleNUL         = "nul_character"    // a NUL character in its text
	BundleUTF8        = "invalid_utf8"     // text that is not valid UTF-8
)

// UnknownDeskError refuses a bundle signed by a desk this desk has not
// accepted. It names the desk and its key's fingerprint, for a coordinator
// to compare by phone with that desk's coordinator before TrustDesk.
// errors.As finds its *BundleError too (code BundleUnknownDesk).
type UnknownDeskError struct {
	*BundleError
	Desk        Desk   // as the bundle names it
	PublicKey   string // ed25519, base64, as the manifest carries it
	Fingerprint string // Fingerprint(PublicKey)
}

func (e *UnknownDeskError) Unwrap() error { return e.BundleError }

func unknownDesk(man *Manifest) error {
	fp, err := Fingerprint(man.PublicKey)
	if err != nil {
		return refuse(BundleTampered, "its signing key is unreadable")
	}
	return &UnknownDeskError{BundleError: refuse(BundleUnknownDesk,
		"it comes from desk %q (ID %s), which this desk has not accepted yet; the fingerprint of its key is %s",
		man.Desk.Name, man.Desk.ID, fp), Desk: man.Desk, PublicKey: man.PublicKey, Fingerprint: fp}
}

// knownDesk holds the desk that signed a bundle to the key a coordinator
// accepted for it: unknown desks and other keys are refused. It reads
// only; the merge checks again inside its transaction.
func knownDesk(ctx context.Context, db *store.DB, man *Manifest) error {
	known, ok, err := db.Desk(ctx, man.Desk.ID)
	if err != nil {
		return err
	}
	return deskKeyCheck(man, known.PublicKey, ok)
}

func deskKeyCheck(man *Manifest, known string, ok bool) error {
	if !ok {
		return unknownDesk(man)
	}
	if known != man.PublicKey {
		return refuse(BundleTampered, "it claims to come from desk %q but is signed with another key than that desk's earlier bundles", man.Desk.Name)
	}
	return nil
}

// fingerprintGroups is how many groups of five digits a fingerprint has.
const fingerprintGroups = 12

// Fingerprint is the safety number of an ed25519 public key (base64), for
// two coordinators to read to each other by phone: 12 groups of 5 digits,
// "01234 56789 …". As in Signal, each group is 5 bytes of a hash read as a
// big-endian number, modulo 100000. The first 6 groups are the SHA-256 of
// the raw key (32 bytes give 6 groups of 5); the other 6 continue with the
// SHA-256 of that hash, so that the number has a Signal safety number's 12
// groups. Two different keys give different numbers.
func Fingerprint(publicKey string) (string, error) {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(publicKey))
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return "", &model.Error{Code: model.ErrInvalid, Field: "public_key", Message: "not an ed25519 public key in base64"}
	}
	first := sha256.Sum256(raw)
	second := sha256.Sum256(first[:])
	digest := append(first[:], second[:]...)
	groups := make([]string, fingerprintGroups)
	for i := range groups {
		var n uint64
		for _, b := range digest[i*5 : i*5+5] {
			n = n<<8 | uint64(b)
		}
		groups[i] = fmt.Sprintf("%05d", n%100000)
	}
	return strings.Join(groups, " "), nil
}

// DeskFingerprint is this desk's own fingerprint, for the other desks'
// coordinators to compare with what their refusal shows. It makes the
// desk's keys at first use, as an export does.
func DeskFingerprint(ctx context.Context, db *store.DB) (string, error) {
	k, err := deskKeys(ctx, db)
	if err != nil {
		return "", err
	}
	return Fingerprint(base64.StdEncoding.EncodeToString(k.signing.Public().(ed25519.PublicKey)))
}

// TrustDesk accepts the signing key of a desk (as an UnknownDeskError
// names it) on behalf of the coordinator by, who compared its fingerprint
// with that desk's coordinator. Only a coordinator may; it is audited.
// Importing the same bundle again then merges it.
func TrustDesk(ctx context.Context, db *store.DB, desk Desk, publicKey string, by *model.Operator) error {
	if _, err := Fingerprint(publicKey); err != nil {
		return err
	}
	var byID int64
	if by != nil {
		byID = by.ID
	}
	if k, err := existingKeys(ctx, db); err != nil {
		return err
	} else if desk.ID == k.deskUID {
		return &model.Error{Code: model.ErrInvalid, Field: "desk", Message: "this is this very desk's key"}
	}
	return db.TrustDesk(ctx, desk.ID, desk.Name, publicKey, byID)
}
