package exchange

import (
	"fmt"
	"os"
	"path/filepath"
)

// PrivateMode is the mode of every file the exchange writes: exports and
// printed documents name people, so only the desk's own account may read
// them, whatever the process's umask.
const PrivateMode os.FileMode = 0o600

// FileError says that the file itself could not be made, written to disk or
// put in place (a full disk, a read-only folder), as opposed to an error of
// the content's writer.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *FileError) Unwrap() error { return e.Err }

// WritePrivateFile writes a new file at path through a temporary file
// beside it, created with PrivateMode, and renames it into place once write
// has succeeded and the data is on disk: a failure leaves no partial file
// behind, and the file is never readable by other accounts, not even while
// it is written. A file already at path (the empty one a save dialog makes)
// is replaced, and the final file is set to PrivateMode again. Errors of
// write are returned as they are; the others are *FileError.
func WritePrivateFile(path string, write func(f *os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.part")
	if err != nil {
		return &FileError{Path: path, Err: err}
	}
	keep := false
	defer func() {
		if !keep {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// os.CreateTemp makes the file 0600 today; say so rather than rely on it.
	if err := tmp.Chmod(PrivateMode); err != nil {
		return &FileError{Path: path, Err: err}
	}
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return &FileError{Path: path, Err: err}
	}
	if err := tmp.Close(); err != nil {
		return &FileError{Path: path, Err: err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &FileError{Path: path, Err: err}
	}
	keep = true
	if err := os.Chmod(path, PrivateMode); err != nil {
		return &FileError{Path: path, Err: err}
	}
	return nil
}
