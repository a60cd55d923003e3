package app_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/demo"
	"salondesk/data"
	"salondesk/data/datatest"
)

// layoutDay is a day of 30-minute rows from 10:00 to 14:00 with 佐藤 (id 1) on the list.
func layoutDay(res ...data.Reservation) *app.DaySchedule {
	day := datatest.At("2026-11-23", "00:00")
	var starts []time.Time
	for t := datatest.At("2026-11-23", "10:00"); t.Before(datatest.At("2026-11-23", "14:00")); t = t.Add(30 * time.Minute) {
		starts = append(starts, t)
	}
	d := &app.DaySchedule{Day: day, Salon: app.Salon{SlotMinutes: 30},
		Slots:     app.Loads(starts, 30*time.Minute, nil, 3, nil),
		Staff:     []data.Staff{{ID: 1, Name: "佐藤", Capacity: 1}},
		Equipment: []data.Equipment{{ID: 5, Name: "ベッド", Capacity: 1}}}
	for i, r := range res {
		r.ID, r.Number = int64(i+1), int64(i+1)
		if r.Status == "" {
			r.Status = data.StatusWaiting
		}
		d.Reservations = append(d.Reservations, data.ReservationView{Reservation: r})
	}
	return d
}

func at(hm string) time.Time { return datatest.At("2026-11-23", hm) }

// badgesOf are reservation n's badges (1-based, as layoutDay numbers them).
func badgesOf(l *app.DayLayout, n int) []app.DayBadge {
	var out []app.DayBadge
	for _, b := range l.Badges {
		if b.Reservation == n-1 {
			out = append(out, b)
		}
	}
	return out
}

func TestLayoutLanes(t *testing.T) {
	d := layoutDay(
		data.Reservation{Start: at("10:00"), End: at("11:00"), StaffID: 1},
		data.Reservation{Start: at("10:30"), End: at("11:30"), StaffID: 1},
		data.Reservation{Start: at("11:00"), End: at("12:00"), StaffID: 1}, // 1's lane is free again
		data.Reservation{Start: at("13:00"), End: at("14:00"), StaffID: 1}, // alone: the full width
		data.Reservation{Start: at("10:00"), End: at("11:00"), StaffID: 1, Status: data.StatusCancelled},
	)
	l := d.Layout()
	want := []struct{ lane, lanes int }{{0, 2}, {1, 2}, {0, 2}, {0, 1}}
	for i, w := range want {
		b := badgesOf(&l, i+1)
		if len(b) != 1 || b[0].Column != 1 || b[0].Lane != w.lane || b[0].Lanes != w.lanes {
			t.Errorf("reservation %d: %+v, want column 1 lane %d of %d", i+1, b, w.lane, w.lanes)
		}
	}
	if len(badgesOf(&l, 5)) != 0 {
		t.Error("a cancelled reservation has a badge")
	}
	if l.Columns[1].Lanes != 2 || l.Columns[0].Lanes != 1 {
		t.Errorf("column lanes %+v", l.Columns)
	}
}

// Nobody booked disappears: someone off the day's list and unknown equipment get columns;
// equipment gets a second badge; a start-only 仮登録 takes a row, a 5-minute one
// MinBadgeSpan; one outside the hours is pulled inside the rows.
func TestLayoutKeepsEveryReservation(t *testing.T) {
	d := layoutDay(
		data.Reservation{Start: at("10:00"), End: at("11:00"), StaffID: 9, EquipmentID: 5},
		data.Reservation{Start: at("11:00"), Status: data.StatusProvisional},
		data.Reservation{Start: at("12:00"), End: at("12:05"), EquipmentID: 7},
		data.Reservation{Start: at("09:00"), End: at("09:30")},
		data.Reservation{Start: at("13:45"), End: at("15:00")},
	)
	d.Reservations[0].StaffName, d.Reservations[2].EquipmentName = "鈴木", "スチーマー"
	l := d.Layout()
	kinds := []app.ColumnKind{app.ColumnUnassigned, app.ColumnStaff, app.ColumnStaff, app.ColumnEquipment, app.ColumnEquipment}
	if len(l.Columns) != len(kinds) {
		t.Fatalf("columns %+v", l.Columns)
	}
	for i, k := range kinds {
		if l.Columns[i].Kind != k {
			t.Errorf("column %d is %v, want %v", i, l.Columns[i].Kind, k)
		}
	}
	if c := l.Columns[2]; c.Title != "鈴木" || c.Capacity != -1 || l.Columns[1].Capacity != 1 {
		t.Errorf("off-list staff column %+v", c)
	}
	if b := badgesOf(&l, 1); len(b) != 2 || b[0].Column != 2 || b[1].Column != 3 {
		t.Errorf("staff and equipment badges %+v", b)
	}
	least := app.MinBadgeSpan(30 * time.Minute)
	spans := map[int][2]time.Time{
		2: {at("11:00"), at("11:30")},
		3: {at("12:00"), at("12:00").Add(least)},
		4: {at("10:00"), at("10:00").Add(least)},  // 09:00-09:30, before the first row
		5: {at("14:00").Add(-least), at("14:00")}, // 13:45-15:00, past the last row
	}
	for n, want := range spans {
		b := badgesOf(&l, n)
		if len(b) == 0 || !b[0].Start.Equal(want[0]) || !b[0].End.Equal(want[1]) {
			t.Errorf("reservation %d spans %+v, want %s-%s", n, b, want[0].Format("15:04"), want[1].Format("15:04:05"))
		}
	}
	if b := badgesOf(&l, 3); len(b) != 2 || l.Columns[b[1].Column].Title != "スチーマー" {
		t.Errorf("unknown equipment %+v", b)
	}
}

// A day without slots (closed after booking) gets rows around its reservations.
func TestLayoutClosedDayMakesUpRows(t *testing.T) {
	d := layoutDay(data.Reservation{Start: at("11:15"), End: at("12:00")})
	d.Slots = nil
	l := d.Layout()
	if len(l.Rows) != 2 || !l.Rows[0].Start.Equal(at("11:00")) || l.Rows[0].Count != 1 || len(l.Badges) != 1 {
		t.Fatalf("rows %+v badges %+v", l.Rows, l.Badges)
	}
	if empty := layoutDay(); len(empty.Layout().Badges) != 0 {
		t.Fatal("badges on an empty day")
	}
}

// TestDemoDayLayout writes the demo Monday's layout as text. The schedule widget
// (ui/schedule) and the printout (app/printout) compare what they draw with this same
// file, so the screen and the paper cannot place a reservation differently.
func TestDemoDayLayout(t *testing.T) {
	d := demoDay(t)
	l := d.Layout()
	var lines []string
	for _, b := range l.Badges {
		c, v := l.Columns[b.Column], &d.Reservations[b.Reservation]
		title := c.Title
		if c.Kind == app.ColumnUnassigned {
			title = "指名なし"
		}
		lines = append(lines, LayoutLine(b.Column, title, v, b.Lane, b.Lanes))
	}
	slices.Sort(lines)
	got := strings.Join(lines, "")
	sideBySide := false
	for _, b := range l.Badges {
		sideBySide = sideBySide || b.Lanes > 1
	}
	if !sideBySide {
		t.Fatal("the demo day has no overlapping reservations: the shared listing proves little")
	}
	const path = "testdata/demo_day_layout.txt"
	if os.Getenv("UPDATE_LAYOUT") != "" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("layout of the demo day changed (UPDATE_LAYOUT=1 rewrites %s):\n%s", path, got)
	}
}

// LayoutLine is one badge of the listing; the widget's and the printout's tests write the
// same line (a copy of this function) from what they draw.
func LayoutLine(col int, title string, v *data.ReservationView, lane, lanes int) string {
	return fmt.Sprintf("%d %s\t%s-%s #%d lane %d/%d\n", col, title, v.Start.Format("15:04"), v.End.Format("15:04"),
		v.Number, lane, lanes)
}

// demoDay is the demo salon's Monday 2026-11-23.
func demoDay(t *testing.T) app.DaySchedule {
	t.Helper()
	s := datatest.NewStore(t)
	today := time.Date(2026, 11, 23, 13, 30, 0, 0, time.Local)
	if err := demo.Seed(context.Background(), s, today); err != nil {
		t.Fatal(err)
	}
	d, err := app.New(s, app.WithClock(func() time.Time { return today })).Schedule(context.Background(), today)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
