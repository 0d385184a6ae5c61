// Command sportello is the Sportello workstation: with no arguments it opens
// the window; its subcommands do headless work for scripts and tests
// (demo, find, check, backup, version).
package main

import (
	"os"
)

func main() {
	privateFiles()
	boundMemory()
	stop := startProfile()
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
