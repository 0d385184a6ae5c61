// Package assets embeds the files Sportello ships inside its binary: the
// application icon now; fonts and questionnaire definitions as they come.
package assets

import _ "embed"

// Icon is the application icon (PNG, 256×256).
//
//go:embed icon.png
var Icon []byte
