package exchange

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"sportello/model"
	"sportello/store"
)

// SettingRegionalKey keeps the regional key: 32 random bytes, base64, that
// the region gives every desk so that a person registered at two desks
// carries the same regional pseudonym in both desks' pseudonymised
// exports. It never leaves the desk; an export carries only its
// fingerprint.
const SettingRegionalKey = "exchange.regional_key"

// RegionalKeySize is the regional key's length in bytes.
const RegionalKeySize = 32

// ErrBadRegionalKey refuses a regional key that is not 32 bytes in base64.
var ErrBadRegionalKey = &model.Error{Code: model.ErrInvalid, Field: "regional_key",
	Message: "a regional key is 32 bytes written in base64, as sportello regional-key --new prints it"}

// Regional says how the persons of a pseudonymised export (1.5) carry their
// regional pseudonym: under a regional key (its fingerprint given), or,
// without one, as the desk's own pseudonym, which does not match across
// desks.
type Regional struct {
	Keyed          bool   `json:"keyed"`
	KeyFingerprint string `json:"key_fingerprint,omitempty"` // 16 hex digits: the first 8 bytes of the key's SHA-256
}

// NewRegionalKey makes a regional key, base64, for the region to give its
// desks.
func NewRegionalKey() (string, error) {
	b := make([]byte, RegionalKeySize)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

// ParseRegionalKey reads a regional key written in base64.
func ParseRegionalKey(s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) != RegionalKeySize {
		return nil, ErrBadRegionalKey
	}
	return b, nil
}

// RegionalKeyFingerprint names a regional key without giving it away.
func RegionalKeyFingerprint(key []byte) string {
	sum := sha256.Sum256(key)
	return hex.EncodeToString(sum[:8])
}

// SetRegionalKey keeps the regional key on the desk, for the next
// pseudonymised exports; only an operator who may change the settings
// (the coordinator) may, and the change is audited. An empty key forgets it.
func SetRegionalKey(ctx context.Context, db *store.DB, key string, by *model.Operator) error {
	if key != "" {
		b, err := ParseRegionalKey(key)
		if err != nil {
			return err
		}
		key = base64.StdEncoding.EncodeToString(b)
	}
	var id int64
	if by != nil {
		id = by.ID
	}
	return db.SaveSettings(ctx, map[string]string{SettingRegionalKey: key}, id)
}

// RegionalKey reads the desk's regional key; nil when none is set.
func RegionalKey(ctx context.Context, db *store.DB) ([]byte, error) {
	v, err := db.Setting(ctx, SettingRegionalKey)
	if err != nil || v == "" {
		return nil, err
	}
	return ParseRegionalKey(v)
}

// regionalPseudonym is the person's pseudonym under the regional key, of a
// full record (before its names are left out): the HMAC of the codice
// fiscale when there is one, else of the names and the full birth date,
// else of the person's stable ID, which desks of one association share.
func regionalPseudonym(key []byte, p *Person) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(regionalIdentity(p)))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// regionalIdentity is what names the same person at every desk.
func regionalIdentity(p *Person) string {
	if cf := strings.ToUpper(strings.Join(strings.Fields(p.CodiceFiscale), "")); cf != "" {
		return "cf:" + cf
	}
	given, family := normalName(p.Nome), normalName(p.Cognome)
	if (given != "" || family != "") && len(p.DataNascita) == len("2006-01-02") {
		return "name:" + given + "|" + family + "|" + p.DataNascita
	}
	return "uid:" + p.ID
}

// normalName is a name in lower case without accents, apostrophes, hyphens
// or repeated spaces: "D'Àngelo-Rossi " and "d angelo rossi" are one.
func normalName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
