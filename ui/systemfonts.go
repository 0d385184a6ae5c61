//go:build !ci && !test

package ui

import (
	"sync"

	"github.com/go-text/typesetting/fontscan"
)

// systemFonts are the fonts Fyne falls back to for letters its theme's
// fonts lack: the system's, from the index of them Fyne reads the first
// time it draws text (fontscan keeps one index for the process, so asking
// again reads nothing more). None when the system's fonts cannot be read.
var systemFonts = sync.OnceValue(func() []fontscan.Footprint {
	fonts, err := fontscan.SystemFonts(quiet{}, "")
	if err != nil {
		return nil
	}
	return fonts
})

// quiet is a fontscan logger that says nothing: a font the index cannot
// read is one Fyne does not fall back to either.
type quiet struct{}

func (quiet) Printf(string, ...any) {}
