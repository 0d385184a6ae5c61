//go:build race

package exchange

// bombScale divides the hostile bundles' sizes under the race detector,
// which makes deflating a gigabyte take minutes: an eighth of it still
// breaks every limit by far.
const bombScale = 8
