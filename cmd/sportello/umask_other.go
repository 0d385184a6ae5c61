//go:build !unix

package main

// privateFiles: file modes do not apply here; the user's profile folder
// is private to the user.
func privateFiles() {}
