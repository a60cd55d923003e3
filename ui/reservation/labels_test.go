package reservation

import (
	"testing"

	"salondesk/data"
	"salondesk/ui/uifmt"
)

func TestParseDayAndClock(t *testing.T) {
	for _, s := range []string{"2026/11/10", "2026-11-10", "2026/11/10 ", "20261110", "２０２６/１１/１０"} {
		if d, ok := parseDay(s); !ok || d.Format("2006-01-02") != "2026-11-10" {
			t.Errorf("parseDay(%q) = %v %v", s, d, ok)
		}
	}
	for _, s := range []string{"", "2026/13/01", "11/10", "明日"} {
		if _, ok := parseDay(s); ok {
			t.Errorf("parseDay(%q) accepted", s)
		}
	}
	for s, want := range map[string]int{"10:05": 605, "９:３０": 570, "１０：００": 600, "0:00": 0} {
		if m, ok := parseClock(s); !ok || m != want {
			t.Errorf("parseClock(%q) = %d %v", s, m, ok)
		}
	}
	for _, s := range []string{"", "10", "10:5", "25:00x", "10:60"} {
		if _, ok := parseClock(s); ok {
			t.Errorf("parseClock(%q) accepted", s)
		}
	}
}

func TestTexts(t *testing.T) {
	newFixture(t) // loads the translations
	if got := uifmt.Yen(1234567); got != "¥1,234,567" {
		t.Errorf("yen %q", got)
	}
	if got := uifmt.Yen(900); got != "¥900" {
		t.Errorf("yen %q", got)
	}
	if got := numberText(data.Reservation{Number: 807, SBNumber: "BC97459537"}); got != "807 / BC97459537" {
		t.Errorf("number %q", got)
	}
}
