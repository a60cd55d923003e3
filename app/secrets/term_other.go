//go:build !linux && !darwin && !windows

package secrets

import "os"

// Elsewhere the value is read like from a pipe (no prompt, no echo control).
func isTerminal(*os.File) bool { return false }

func noEcho(*os.File) (func(), error) { return func() {}, nil }
