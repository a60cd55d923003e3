package demo_test

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/demo"
	"salondesk/app/export"
	"salondesk/data"
	"salondesk/data/datatest"
)

// today is a Monday afternoon: some of today's reservations are done, some to come.
var today = time.Date(2026, 11, 23, 13, 30, 0, 0, time.Local)

func seeded(t *testing.T) (*data.Store, *app.App) {
	t.Helper()
	s := datatest.NewStore(t)
	if err := demo.Seed(context.Background(), s, today); err != nil {
		t.Fatal(err)
	}
	return s, app.New(s, app.WithClock(func() time.Time { return today }))
}

func TestSeedMasters(t *testing.T) {
	_, a := seeded(t)
	ctx := context.Background()
	m, err := a.Masters(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	salon, _ := a.Salon(ctx)
	if salon.Name != demo.SalonName || salon.SlotMinutes != 30 || salon.Capacity != 4 {
		t.Errorf("salon = %+v", salon)
	}
	closed := 0
	for _, h := range m.Hours {
		if h.Closed {
			closed++
		}
	}
	if closed != 1 {
		t.Errorf("%d closed weekdays, want 1", closed)
	}
	if len(m.Staff) < 4 || len(m.Equipment) != 2 || len(m.Categories) < 6 || len(m.Menus) < 20 ||
		len(m.Coupons) < 10 || len(m.Plans) != 3 || len(m.Products) != 4 {
		t.Fatalf("masters: %d staff, %d equipment, %d categories, %d menus, %d coupons, %d plans, %d products",
			len(m.Staff), len(m.Equipment), len(m.Categories), len(m.Menus), len(m.Coupons), len(m.Plans), len(m.Products))
	}
	workDays := map[string]bool{}
	for _, s := range m.Staff {
		if !app.IsKana(s.Kana) || s.SBName == "" || s.Capacity < 1 || s.Capacity > 2 {
			t.Errorf("staff %+v", s)
		}
		workDays[s.WorkDays] = true
	}
	if len(workDays) < 3 {
		t.Errorf("staff work days are too alike: %v", workDays)
	}
	zero := 0
	for _, x := range m.Menus {
		if x.DurationMin == 0 {
			zero++
		}
	}
	if zero < 2 {
		t.Errorf("%d zero-minute menus, want some", zero)
	}
	for _, c := range m.Coupons {
		if c.Content == "" || len(c.MenuIDs) == 0 || c.Price == 0 {
			t.Errorf("coupon %q has no content, menus or price", c.Name)
		}
	}
}

func TestSeedCustomers(t *testing.T) {
	_, a := seeded(t)
	list, total, err := a.SearchCustomers(context.Background(), data.CustomerFilter{}, 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total < 200 {
		t.Fatalf("%d customers, want 200+", total)
	}
	phone := regexp.MustCompile(`^0[789]0-\d{4}-\d{4}$`)
	var emails, birthdays, visited int
	for _, c := range list {
		if c.Name == "" || !app.IsKana(c.Kana) || app.NormalizeKana(c.Kana) != c.Kana || !phone.MatchString(c.Phone) {
			t.Errorf("customer %+v", c)
		}
		if c.Email != "" {
			emails++
		}
		if c.Birthday != "" {
			birthdays++
		}
		if c.VisitCount > 0 {
			visited++
		}
	}
	if emails == 0 || birthdays == 0 || visited == 0 || visited == len(list) {
		t.Errorf("%d with e-mail, %d with birthday, %d visited of %d", emails, birthdays, visited, len(list))
	}
}

func TestSeedReservations(t *testing.T) {
	s, a := seeded(t)
	ctx := context.Background()
	first := data.DayStart(today).AddDate(0, 0, -14)
	list, err := a.Reservations(ctx, data.ReservationFilter{From: first, To: first.AddDate(0, 0, 29)})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	days := map[string]int{}
	sbNumber := regexp.MustCompile(`^BE\d{8}$`)
	deskNumber := regexp.MustCompile(`^YG\d{8}$`)
	for _, r := range list {
		past := r.Start.Before(today)
		count[string(r.Route)]++
		count[string(r.Status)]++
		days[data.FormatDay(r.Start)]++
		if past {
			count["past"]++
		} else {
			count["future"]++
		}
		if r.Designated {
			count["designated"]++
		}
		if r.FirstVisit {
			count["first"]++
		}
		if r.ReceivedAt.After(today) || r.ReceivedAt.After(r.Start) {
			t.Errorf("reservation %d received %v, start %v", r.Number, r.ReceivedAt, r.Start)
		}
		if r.Route == data.RouteHPB && !sbNumber.MatchString(r.SBNumber) {
			t.Errorf("HPB reservation %d has SALON BOARD number %q", r.Number, r.SBNumber)
		}
		if r.Route != data.RouteHPB && r.SBNumber != "" && !deskNumber.MatchString(r.SBNumber) {
			t.Errorf("desk reservation %d has SALON BOARD number %q, want YG…", r.Number, r.SBNumber)
		}
		switch {
		case past && (r.Status == data.StatusWaiting || r.Status == data.StatusProvisional):
			t.Errorf("past reservation %d is still %s", r.Number, r.Status)
		case !past && (r.Status == data.StatusPaid || r.Status == data.StatusArrived || r.Status == data.StatusNoShow):
			t.Errorf("future reservation %d is %s", r.Number, r.Status)
		}
	}
	for _, k := range []string{"past", "future", "hpb", "phone", "walkin", "salonboard", "paid", "waiting",
		"cancelled", "noshow", "provisional", "designated", "first"} {
		if count[k] == 0 {
			t.Errorf("no %s reservations: %v", k, count)
		}
	}
	hours, _ := s.Hours(ctx)
	for d := first; d.Before(first.AddDate(0, 0, 29)); d = d.AddDate(0, 0, 1) {
		open := !hours[d.Weekday()].Closed
		if n := days[data.FormatDay(d)]; open != (n > 0) {
			t.Errorf("%s (open %v) has %d reservations", data.FormatDay(d), open, n)
		}
	}
	_, sales, err := data.SalesTotal(ctx, s.Reader(), first, today)
	if err != nil {
		t.Fatal(err)
	}
	if sales != count["paid"] {
		t.Errorf("%d sales for %d paid reservations", sales, count["paid"])
	}
}

// TestSeedRespectsCapacity reads every day back and checks no slot holds more than its
// 受付可能数 for the salon, a staff member or equipment.
func TestSeedRespectsCapacity(t *testing.T) {
	_, a := seeded(t)
	ctx := context.Background()
	m, _ := a.Masters(ctx, true)
	staffCap, equipCap := map[int64]int{}, map[int64]int{}
	for _, s := range m.Staff {
		staffCap[s.ID] = s.Capacity
	}
	for _, e := range m.Equipment {
		equipCap[e.ID] = e.Capacity
	}
	full := 0
	for d := -14; d <= 14; d++ {
		day, err := a.Schedule(ctx, data.DayStart(today).AddDate(0, 0, d))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range day.Slots {
			at := l.Start.Format("2006-01-02 15:04")
			if l.Count > l.Capacity {
				t.Errorf("%s: %d reservations, capacity %d", at, l.Count, l.Capacity)
			}
			if l.Count == l.Capacity {
				full++
			}
			for id, n := range l.ByStaff {
				if id != 0 && n > staffCap[id] {
					t.Errorf("%s: staff %d has %d, capacity %d", at, id, n, staffCap[id])
				}
			}
			for id, n := range l.ByEquipment {
				if n > equipCap[id] {
					t.Errorf("%s: equipment %d has %d, capacity %d", at, id, n, equipCap[id])
				}
			}
		}
	}
	if full == 0 {
		t.Error("no slot is ever full: the demo salon looks idle")
	}
}

func TestSeedNotifications(t *testing.T) {
	_, a := seeded(t)
	ctx := context.Background()
	notes, err := a.Notifications(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, n := range notes {
		state := "open"
		if n.Resolved() {
			state = "resolved"
		}
		seen[string(n.Direction)+" "+state]++
		seen[n.Reason]++
		r, err := a.Reservation(ctx, n.ReservationID)
		if err != nil {
			t.Fatalf("notification %d: reservation %d: %v", n.ID, n.ReservationID, err)
		}
		switch {
		case n.Direction == data.DirAppToSB && r.SyncState != data.SyncFailed:
			t.Errorf("app→SB failure %d: reservation sync state %q", n.ID, r.SyncState)
		case n.Direction == data.DirAppToSB && n.Resolved() != r.TranscribedCheck:
			t.Errorf("app→SB failure %d: resolved %v but 転記済みチェック %v", n.ID, n.Resolved(), r.TranscribedCheck)
		case n.Direction == data.DirSBToApp && !n.Resolved() && (r.Status != data.StatusProvisional || !r.End.Equal(r.Start)):
			t.Errorf("open SB→app failure %d: reservation %s %v-%v, want provisional with a start only",
				n.ID, r.Status, r.Start, r.End)
		case n.Direction == data.DirSBToApp && n.Resolved() && r.SyncState != data.SyncTranscribed:
			t.Errorf("resolved SB→app failure %d: sync state %q", n.ID, r.SyncState)
		}
		if n.CreatedAt.After(today) {
			t.Errorf("notification %d is from the future: %v", n.ID, n.CreatedAt)
		}
	}
	for _, k := range []string{"app_to_sb open", "app_to_sb resolved", "sb_to_app open", "sb_to_app resolved",
		"timeout", "capacity", "mismatch"} {
		if seen[k] == 0 {
			t.Errorf("no %q notifications: %v", k, seen)
		}
	}
}

func TestSeedIsDeterministic(t *testing.T) {
	exports := make([][]byte, 2)
	for i := range exports {
		_, a := seeded(t)
		var buf bytes.Buffer
		ctx := context.Background()
		from := data.DayStart(today).AddDate(0, 0, -30)
		if err := export.Reservations(ctx, a, from, from.AddDate(0, 0, 60), export.FormatJSON, &buf); err != nil {
			t.Fatal(err)
		}
		if err := export.Customers(ctx, a, export.FormatJSON, &buf); err != nil {
			t.Fatal(err)
		}
		exports[i] = buf.Bytes()
	}
	if len(exports[0]) < 10000 || !bytes.Equal(exports[0], exports[1]) {
		t.Fatalf("two seeds for the same day differ (%d and %d bytes)", len(exports[0]), len(exports[1]))
	}
}

func TestSeedOnlyIntoEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	s := datatest.NewStore(t)
	if empty, err := demo.IsEmpty(ctx, s); err != nil || !empty {
		t.Fatalf("new database: empty %v, %v", empty, err)
	}
	datatest.Seed(t, s)
	if empty, _ := demo.IsEmpty(ctx, s); empty {
		t.Fatal("a database with a salon is reported empty")
	}
	if err := demo.Seed(ctx, s, today); !errors.Is(err, demo.ErrNotEmpty) {
		t.Fatalf("seed into a salon: %v", err)
	}
	staff, _ := data.ListStaff(ctx, s.Reader(), true)
	if len(staff) != 2 {
		t.Errorf("seed into a salon changed its staff: %d", len(staff))
	}
}
