//go:build !linux

package osmem

// SmallPages does nothing where the program's pages are not Linux's.
func SmallPages() (int, error) { return 0, nil }

// dropProgramPages does nothing where the program's pages are not Linux's.
func dropProgramPages() (int, error) { return 0, nil }
