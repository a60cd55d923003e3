// Package uifmt holds the formatting the UI packages share, so that an amount looks the
// same on every screen.
package uifmt

import (
	"strconv"
	"strings"
)

// Yen renders an amount the way receipts do: ¥12,300 (and -¥500).
func Yen(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-¥" + b.String()
	}
	return "¥" + b.String()
}
