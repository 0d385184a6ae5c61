package store

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"

	"golang.org/x/crypto/argon2"
)

// KDFParams are the argon2id costs for new password hashes. Each hash keeps
// its own parameters, so raising them later does not lock anyone out.
type KDFParams struct {
	Time    uint32 `json:"t"`
	MemKiB  uint32 `json:"m"`
	Threads uint8  `json:"p"`
}

// DefaultKDF follows RFC 9106's second recommended option (64 MiB, 3 passes).
var DefaultKDF = KDFParams{Time: 3, MemKiB: 64 * 1024, Threads: 2}

// hashPassword returns an encoded argon2id hash in the PHC string format.
func hashPassword(password string, p KDFParams) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := idKey(password, salt, p, 32)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.MemKiB, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// checkPassword reports whether password matches an encoded hash.
func checkPassword(password, encoded string) bool {
	var version int
	var p KDFParams
	var salt64, key64 string
	_, err := fmt.Sscanf(encoded, "$argon2id$v=%d$m=%d,t=%d,p=%d$", &version, &p.MemKiB, &p.Time, &p.Threads)
	if err != nil || version != argon2.Version {
		return false
	}
	parts := splitDollar(encoded)
	if len(parts) != 6 {
		return false
	}
	salt64, key64 = parts[4], parts[5]
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(salt64)
	key, err2 := b64.DecodeString(key64)
	if err1 != nil || err2 != nil || len(key) == 0 {
		return false
	}
	got := idKey(password, salt, p, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1
}

// idKey is argon2id's key of password. Its memory (64 MiB by default) is
// collected at once: a sign-in derives twice, the key file's slot and the
// account's hash, and without it the second derivation comes on top of the
// first's garbage (a window of a large desk then peaked at 300 MB).
func idKey(password string, salt []byte, p KDFParams, size uint32) []byte {
	key := argon2.IDKey([]byte(password), salt, p.Time, p.MemKiB, p.Threads, size)
	if p.MemKiB >= 8<<10 {
		runtime.GC()
	}
	return key
}

func splitDollar(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '$' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
