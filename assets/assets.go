// Package assets embeds the files Sportello ships inside its binary: the
// application icon, the Noto fonts and the questionnaire definitions (one
// JSON file per version).
package assets

import _ "embed"

// Icon is the application icon (PNG, 256×256).
//
//go:embed icon.png
var Icon []byte
