//go:build !race

package exchange

// bombScale: the hostile bundles at full size.
const bombScale = 1
