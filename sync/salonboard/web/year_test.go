package web

import (
	"testing"
	"time"
)

func TestInferDate(t *testing.T) {
	jst := time.FixedZone("JST", 9*3600)
	d := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, jst) }
	cases := []struct {
		m, d     int
		from, to time.Time
		want     time.Time
	}{
		{12, 28, d(2026, 12, 20), d(2027, 1, 10), d(2026, 12, 28)},
		{1, 3, d(2026, 12, 20), d(2027, 1, 10), d(2027, 1, 3)},
		{2, 29, d(2028, 2, 1), d(2028, 3, 31), d(2028, 2, 29)},
		// Outside the range: the nearest year wins.
		{1, 11, d(2026, 12, 20), d(2027, 1, 10), d(2027, 1, 11)},
		{12, 19, d(2026, 12, 20), d(2027, 1, 10), d(2026, 12, 19)},
		// The range's end is read in its start's location.
		{1, 1, d(2026, 12, 31), time.Date(2026, 12, 31, 16, 0, 0, 0, time.UTC), d(2027, 1, 1)},
	}
	for _, c := range cases {
		got, ok := inferDate(c.m, c.d, c.from, c.to)
		if !ok || !got.Equal(c.want) {
			t.Errorf("%02d/%02d in %s..%s = %v, want %v", c.m, c.d, c.from.Format("2006-01-02"), c.to.Format("2006-01-02"), got, c.want)
		}
	}
	// No year near the range has a 02/29: the row cannot be placed, and the
	// list parser reports the page as not understood.
	if got, ok := inferDate(2, 29, d(2026, 2, 1), d(2026, 3, 1)); ok {
		t.Errorf("02/29 in 2026 placed at %v", got)
	}
}

func TestKPCLCode(t *testing.T) {
	for in, want := range map[string]string{
		"エラー KPCL011V01 です": "KPCL011V01", "KPCL01V01 KPCL017V01": "KPCL017V01",
		"KPCL": "", "KPCL123V4": "", "xKPCL999V99": "KPCL999V99", "KPCLKPCL001V02": "KPCL001V02",
	} {
		if got := kpclCode(in); got != want {
			t.Errorf("kpclCode(%q) = %q, want %q", in, got, want)
		}
	}
}
