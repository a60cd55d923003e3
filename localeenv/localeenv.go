// Package localeenv settles the message locale before Fyne reads it. Fyne's lang package
// looks the user's locale up in its package init, before main runs; with LANG=C.UTF-8 (a
// bare server, a service, Docker, a test) it cannot parse "C" and logs
// "Fyne error: Error parsing user locale C" on every command. SalonDesk's UI language
// does not come from the locale anyway (assets.UseLanguage), so on a C locale this
// package names Japanese in LANGUAGE, which only message lookups read (LC_CTYPE and the
// input method are untouched), and the C locale falls back to Japanese silently.
//
// It is its own module on purpose: Go initialises packages in the order of their import
// paths (once their imports are done), and this path ("desk.local/…") sorts before
// "fyne.io/…", so its init runs first; a package under "salondesk/…" would run too late.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	if isC(messagesLocale()) {
		os.Setenv("LANGUAGE", "ja")
	}
}

// messagesLocale is the locale messages are looked up in, as gettext (and Fyne) read it.
func messagesLocale() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// isC is the C or POSIX locale with an encoding (C.UTF-8): bare "C" and "POSIX" Fyne
// already understands as "no locale".
func isC(loc string) bool {
	return strings.HasPrefix(loc, "C.") || strings.HasPrefix(loc, "POSIX.")
}
