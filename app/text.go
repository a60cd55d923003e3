package app

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func trim(s string) string { return strings.TrimSpace(s) }

func sscanClock(s string, h, m *int) (int, error) { return fmt.Sscanf(s, "%d:%d", h, m) }

// NormalizeKana turns hiragana and half-width katakana into full-width katakana and
// folds spaces, so that カナ is stored one way whatever the IME gave.
func NormalizeKana(s string) string {
	// NFKC composes half-width katakana with their voicing marks (ｶﾞ → ガ).
	s = norm.NFKC.String(strings.TrimSpace(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r >= 'ぁ' && r <= 'ゖ', r == 'ゝ' || r == 'ゞ':
			r += 'ァ' - 'ぁ'
		case unicode.IsSpace(r):
			if !space {
				b.WriteRune('　')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// IsKana reports whether s holds only katakana, hiragana, the long mark and spaces.
func IsKana(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, r := range NormalizeKana(s) {
		if !(unicode.In(r, unicode.Katakana) || r == 'ー' || r == '　' || r == '・') {
			return false
		}
	}
	return true
}
