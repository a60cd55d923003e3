package csvio

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Day reads a date as people and spreadsheets write it — 2026-04-01, 2026/4/1,
// 2026年4月1日, full-width digits — and returns it as YYYY-MM-DD; ok is false for
// anything else. "" stays "" (ok).
func Day(s string) (string, bool) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if s == "" {
		return "", true
	}
	s = strings.NewReplacer("年", "-", "月", "-", "日", "", "/", "-", ".", "-").Replace(s)
	if i := strings.IndexByte(s, ' '); i > 0 { // Excel's "2026/04/01 0:00"
		s = s[:i]
	}
	var y, m, d int
	var rest string
	if n, _ := fmt.Sscanf(s, "%d-%d-%d%s", &y, &m, &d, &rest); n != 3 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || y > 2200 || t.Month() != time.Month(m) || t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}
