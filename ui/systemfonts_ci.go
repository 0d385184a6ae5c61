//go:build ci || test

package ui

import "github.com/go-text/typesetting/fontscan"

// systemFonts: under these tags Fyne falls back to no system font, so
// neither does the window; every script is drawn with its bundled font.
// A variable, for the tests to give the window a system's fonts.
var systemFonts = func() []fontscan.Footprint { return nil }
