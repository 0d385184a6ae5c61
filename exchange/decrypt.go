package exchange

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"filippo.io/age"
)

// isAge tells an age-encrypted file by its header.
func isAge(b []byte) bool { return bytes.HasPrefix(b, []byte("age-encryption.org/v1\n")) }

// decrypt gives an age-encrypted bundle decrypted, in memory (a bundle is
// compressed: some 95 MB for 100,000 fully documented persons); any other
// file as it is.
func decrypt(r io.ReaderAt, size int64, identity string, k *keys) (io.ReaderAt, int64, error) {
	head := make([]byte, len("age-encryption.org/v1\n"))
	if n, _ := r.ReadAt(head, 0); !isAge(head[:n]) {
		return r, size, nil
	}
	var id age.Identity = k.identity
	if k.identity == nil {
		id = nil
	}
	if identity != "" {
		parsed, err := age.ParseX25519Identity(strings.TrimSpace(identity))
		if err != nil {
			return nil, 0, refuse(BundleEncrypted, "the identity given is not an age secret key")
		}
		id = parsed
	}
	if id == nil {
		return nil, 0, refuse(BundleEncrypted, "it is encrypted for another key, not for this desk")
	}
	dr, err := age.Decrypt(io.NewSectionReader(r, 0, size), id)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			return nil, 0, refuse(BundleEncrypted, "it is encrypted for another key, not for this desk")
		}
		return nil, 0, refuse(BundleTruncated, "it cannot be decrypted: %v", err)
	}
	plain, err := io.ReadAll(dr)
	if err != nil {
		return nil, 0, refuse(BundleTampered, "its encrypted content was changed or cut short (%v)", err)
	}
	return bytes.NewReader(plain), int64(len(plain)), nil
}
