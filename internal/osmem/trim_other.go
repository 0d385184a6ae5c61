//go:build !linux || !cgo

package osmem

// trimC does nothing where the C heap is not glibc's.
func trimC() {}
