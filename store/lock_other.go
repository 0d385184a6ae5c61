//go:build !unix && !windows

package store

import "os"

func lockFile(*os.File) error { return nil }
func unlockFile(*os.File)     {}
