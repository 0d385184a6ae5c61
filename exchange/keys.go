package exchange

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"filippo.io/age"

	"sportello/model"
	"sportello/store"
)

// Settings the exchange keeps. The secrets stay on the desk: they never
// leave it in an export.
const (
	SettingRecipient      = "exchange.recipient"       // age public key exports are encrypted to
	SettingRecipientLabel = "exchange.recipient_label" // who that is, e.g. "Regione Lazio"
	settingDeskUID        = "exchange.desk_uid"
	settingPseudonymKey   = "exchange.pseudonym_key" // HMAC key of pseudonymised exports, hex
	settingSigningKey     = "exchange.signing_key"   // ed25519 seed that signs bundles, hex
	settingAgeIdentity    = "exchange.age_identity"  // this desk's age identity, for bundles sent to it
)

// keys are the desk's identity and secrets, made at first use.
type keys struct {
	deskUID   string
	pseudonym []byte
	signing   ed25519.PrivateKey
	identity  *age.X25519Identity
}

// existingKeys reads the desk's keys without making any: an import must
// leave a desk as it found it when it refuses a bundle. A desk that never
// exported has no keys yet; nothing was encrypted for it or made by it.
func existingKeys(ctx context.Context, db *store.DB) (*keys, error) {
	uid, err := db.Setting(ctx, settingDeskUID)
	if err != nil || uid == "" {
		return &keys{}, err
	}
	return deskKeys(ctx, db)
}

// deskKeys reads the desk's keys, making and saving any that is missing.
func deskKeys(ctx context.Context, db *store.DB) (*keys, error) {
	get := func(k string) (string, error) { return db.Setting(ctx, k) }
	values := map[string]string{}
	for _, k := range []string{settingDeskUID, settingPseudonymKey, settingSigningKey, settingAgeIdentity} {
		v, err := get(k)
		if err != nil {
			return nil, err
		}
		values[k] = v
	}
	missing := map[string]string{}
	if values[settingDeskUID] == "" {
		missing[settingDeskUID] = randomHex(16)
	}
	if values[settingPseudonymKey] == "" {
		missing[settingPseudonymKey] = randomHex(32)
	}
	if values[settingSigningKey] == "" {
		missing[settingSigningKey] = randomHex(ed25519.SeedSize)
	}
	if values[settingAgeIdentity] == "" {
		id, err := age.GenerateX25519Identity()
		if err != nil {
			return nil, err
		}
		missing[settingAgeIdentity] = id.String()
	}
	if len(missing) > 0 {
		if err := db.SaveSettings(ctx, missing, 0); err != nil {
			return nil, err
		}
		for k, v := range missing {
			values[k] = v
		}
	}
	k := &keys{deskUID: values[settingDeskUID]}
	var err error
	if k.pseudonym, err = hex.DecodeString(values[settingPseudonymKey]); err != nil {
		return nil, fmt.Errorf("the desk's pseudonym key is damaged: %w", err)
	}
	seed, err := hex.DecodeString(values[settingSigningKey])
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("the desk's signing key is damaged")
	}
	k.signing = ed25519.NewKeyFromSeed(seed)
	if k.identity, err = age.ParseX25519Identity(values[settingAgeIdentity]); err != nil {
		return nil, fmt.Errorf("the desk's age identity is damaged: %w", err)
	}
	return k, nil
}

// DeskRecipient is this desk's age public key: other desks encrypt the
// bundles they send here to it.
func DeskRecipient(ctx context.Context, db *store.DB) (string, error) {
	k, err := deskKeys(ctx, db)
	if err != nil {
		return "", err
	}
	return k.identity.Recipient().String(), nil
}

// CheckRecipient accepts an age public key (age1…), with a message a
// coordinator can act on otherwise.
func CheckRecipient(s string) error {
	if _, err := age.ParseX25519Recipient(s); err != nil {
		return &model.Error{Code: model.ErrInvalid, Field: SettingRecipient,
			Message: "not an age public key: it starts with age1 and is 62 characters long"}
	}
	return nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("exchange: no randomness: " + err.Error())
	}
	return hex.EncodeToString(b)
}
