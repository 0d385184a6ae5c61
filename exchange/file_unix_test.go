//go:build unix

package exchange

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Every file the exchange writes is its account's only (0600), whatever
// the umask: with the usual 022 a file would otherwise be readable by every
// account of the computer. A failed write leaves nothing behind.
func TestWrittenFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	db, coord := seeded(t, "PUA", 2)
	fail := errors.New("the writer failed")
	tests := []struct {
		name   string
		before bool // a file is already there, as the save dialog leaves it
		write  func(f *os.File) error
		want   error
	}{
		{name: "a new file", write: func(f *os.File) error { _, err := f.WriteString("data"); return err }},
		{name: "over the empty file of a save dialog", before: true,
			write: func(f *os.File) error { _, err := f.WriteString("data"); return err }},
		{name: "a plaintext export", write: func(f *os.File) error {
			_, err := Export(context.Background(), db, f, Options{Format: FormatJSON, Plaintext: true, Operator: coord})
			return err
		}},
		{name: "a bundle over a save dialog's file", before: true, write: func(f *os.File) error {
			_, err := Export(context.Background(), db, f, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
			return err
		}},
		{name: "a failed write", write: func(*os.File) error { return fail }, want: fail},
		{name: "a refused export", write: func(f *os.File) error {
			_, err := Export(context.Background(), db, f, Options{Format: FormatJSON, Operator: coord})
			return err
		}, want: ErrNeedsRecipient},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "export.out")
			if tt.before {
				if err := os.WriteFile(path, nil, 0o666); err != nil {
					t.Fatal(err)
				}
				if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
					t.Fatalf("the umask is not in force: %v", fi.Mode())
				}
			}
			err := WritePrivateFile(path, tt.write)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			left, _ := os.ReadDir(dir)
			if tt.want != nil {
				if len(left) > 0 && !tt.before {
					t.Errorf("a failed write left %d files, the first %s", len(left), left[0].Name())
				}
				return
			}
			if len(left) != 1 {
				t.Errorf("%d files in the folder, want the one written", len(left))
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != PrivateMode || fi.Size() == 0 {
				t.Errorf("mode %v size %d, want %v and some data", fi.Mode().Perm(), fi.Size(), PrivateMode)
			}
		})
	}
}
