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

// decrypt gives an age-encrypted bundle as a reader of its plaintext, read
// from the file and decrypted a chunk (64 KiB) at a time as the bundle is
// read: it is never whole in memory (a bundle of 100,000 fully documented
// persons is some 86 MB), nor on disk. Every chunk is authenticated once
// before decrypt returns, so a bundle changed or cut short is refused
// before any of it is read; a file changed after that fails its next read.
// Any other file is given as it is.
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
	// The header first, as a stream: whose key it is for, or why it cannot be read.
	if _, err := age.Decrypt(io.NewSectionReader(r, 0, size), id); err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			return nil, 0, refuse(BundleEncrypted, "it is encrypted for another key, not for this desk")
		}
		return nil, 0, refuse(BundleTruncated, "it cannot be decrypted: %v", err)
	}
	plain, plainSize, err := age.DecryptReaderAt(r, size, id)
	if err == nil {
		_, err = io.Copy(io.Discard, io.NewSectionReader(plain, 0, plainSize))
	}
	if err != nil {
		return nil, 0, refuse(BundleTampered, "its encrypted content was changed or cut short (%v)", err)
	}
	return plain, plainSize, nil
}
