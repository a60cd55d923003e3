package app_test

import (
	"context"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
)

// SaveOpening writes the salon and the week together, or nothing when one day is wrong.
func TestSaveOpeningAllOrNothing(t *testing.T) {
	st := datatest.NewStore(t)
	datatest.Seed(t, st)
	a := app.New(st)
	ctx := context.Background()
	week, _ := st.Hours(ctx)
	week[2].Closed = true
	week[5].Close = "09:00" // before opening
	err := a.SaveOpening(ctx, app.Salon{Name: "新しい名前", SlotMinutes: 15, Capacity: 4}, week)
	if app.ErrorKey(err) != "error.hours_order" {
		t.Fatalf("err = %v, want error.hours_order", err)
	}
	if got, _ := st.Hours(ctx); got[2].Closed {
		t.Fatal("Tuesday closed although Friday was wrong")
	}
	if s, _ := a.Salon(ctx); s.Name != "テストサロン" {
		t.Fatalf("salon renamed to %q although the week was refused", s.Name)
	}
	week[5].Close = "20:00"
	if err := a.SaveOpening(ctx, app.Salon{Name: "新しい名前", SlotMinutes: 15, Capacity: 4}, week); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Hours(ctx)
	s, _ := a.Salon(ctx)
	if !got[2].Closed || got[5].Close != "20:00" || s.Name != "新しい名前" || s.SlotMinutes != 15 || s.Capacity != 4 {
		t.Fatalf("stored %+v, %+v", got, s)
	}
}

// SetDayCapacity stops every slot of one day with one event, and 再開 also clears
// overrides left from an older slot length.
func TestSetDayCapacity(t *testing.T) {
	st := datatest.NewStore(t)
	datatest.Seed(t, st)
	a := app.New(st)
	ctx := context.Background()
	day := datatest.At("2026-11-02", "00:00")
	var events int
	a.Events().Subscribe(func(e app.Event) {
		if _, ok := e.(app.ReservationsChanged); ok {
			events++
		}
	})
	if err := a.SetSlotCapacity(ctx, day.Add(10*time.Hour+15*time.Minute), 0); err != nil { // a 15-minute slot
		t.Fatal(err)
	}
	if err := a.SetDayCapacity(ctx, day, 0); err != nil {
		t.Fatal(err)
	}
	over, _ := data.CapacityOverrides(ctx, st.Reader(), "2026-11-02")
	if len(over) != 19 || events != 2 { // 18 slots of 30 minutes + the 10:15 one
		t.Fatalf("overrides %d, events %d; want 19 and 2", len(over), events)
	}
	if err := a.SetDayCapacity(ctx, day, -1); err != nil {
		t.Fatal(err)
	}
	if over, _ := data.CapacityOverrides(ctx, st.Reader(), "2026-11-02"); len(over) != 0 {
		t.Fatalf("overrides left after 終日再開: %v", over)
	}
}
