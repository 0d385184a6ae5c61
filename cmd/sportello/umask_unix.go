//go:build unix

package main

import "syscall"

// privateFiles makes every file the process creates readable by its owner
// only: the database's journals, exports, backups and printed documents
// name people.
func privateFiles() { syscall.Umask(0o077) }
