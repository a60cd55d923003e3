package sbdemo_test

import (
	"context"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdemo"
)

var jst = time.FixedZone("JST", 9*3600)

// fixedClock is a Thursday morning (Tuesday is closed in testHours).
var fixedClock = time.Date(2026, 11, 19, 9, 40, 0, 0, jst)

// testHours: 10:00–20:00, weekends 9:00–19:00, closed on Tuesdays (the demo salon's).
func testHours(day time.Time) (time.Time, time.Time, bool) {
	switch day.Weekday() {
	case time.Tuesday:
		return day, day, true
	case time.Saturday, time.Sunday:
		return day.Add(9 * time.Hour), day.Add(19 * time.Hour), false
	}
	return day.Add(10 * time.Hour), day.Add(20 * time.Hour), false
}

var testStaff = []sbdemo.Staff{
	{Name: "【店長】佐々木 美咲", ID: "W000123401", Capacity: 2, WorkDays: "013456"},
	{Name: "YUKA", ID: "W000123402", Capacity: 2, WorkDays: "01456"},
	{Name: "TAKUMI", ID: "W000123403", Capacity: 1, WorkDays: "01356"},
	{Name: "アヤ（エステティシャン）", ID: "W000123404", Capacity: 1, WorkDays: "03456"},
}

var testCoupons = []sbdemo.Coupon{
	{Name: "【新規】カット＋イルミナカラー ¥14300⇒¥8800", Minutes: 150},
	{Name: "【再来】カット＋リタッチカラー ¥11000⇒¥8800", Minutes: 120},
	{Name: "【新規】極上ヘッドスパ60分 ¥6600⇒¥4980", Minutes: 60},
	{Name: "【全員】全身脱毛90分 ¥15400⇒¥11000", Minutes: 90, StaffIDs: []string{"W000123404"}},
}

var testMenus = []sbdemo.Menu{
	{Name: "カット", Minutes: 60, Price: 5500},
	{Name: "フェイシャル", Minutes: 60, Price: 8800, StaffIDs: []string{"W000123404"}},
	{Name: "炭酸泉", Minutes: 0, Price: 1100},
}

func testConfig(seed int64) sbdemo.Config {
	return sbdemo.Config{
		Staff: testStaff, Coupons: testCoupons, Menus: testMenus, Hours: testHours,
		Interval: -1, Seed: seed, Location: jst,
		Now: func() time.Time { return fixedClock },
	}
}

// start runs a demo stopped at the end of the test.
func start(t *testing.T, cfg sbdemo.Config) *sbdemo.Demo {
	t.Helper()
	d, err := sbdemo.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Stop)
	return d
}

// steps steps a manual feed n times.
func steps(t *testing.T, d *sbdemo.Demo, n int) []sbdemo.FeedEvent {
	t.Helper()
	var out []sbdemo.FeedEvent
	for i := 0; i < n; i++ {
		evs, err := d.Next()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, evs...)
	}
	return out
}
