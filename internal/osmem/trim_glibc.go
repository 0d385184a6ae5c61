//go:build linux && cgo

package osmem

/*
#include <features.h>
#ifdef __GLIBC__
#include <malloc.h>
static void trim(void) { malloc_trim(0); }
#else
static void trim(void) {}
#endif
*/
import "C"

// trimC returns the free pages of glibc's heaps to the system.
func trimC() { C.trim() }
