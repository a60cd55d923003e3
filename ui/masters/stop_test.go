package masters

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// slotButton is the button with this text on the row of a slot ("10:00").
func slotButton(t *testing.T, s *stopScreen, slot, text string) *widget.Button {
	t.Helper()
	var btn *widget.Button
	uitest.Walk(s.list, func(o fyne.CanvasObject) {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) != 5 {
			return
		}
		if l, ok := row.Objects[0].(*widget.Label); ok && l.Text == slot {
			for _, c := range row.Objects[3:] {
				if b := c.(*widget.Button); b.Text == text {
					btn = b
				}
			}
		}
	})
	if btn == nil {
		t.Fatalf("no %s button on the %s row", text, slot)
	}
	return btn
}

func overrides(t *testing.T, f *fixture, day string) map[string]int {
	t.Helper()
	m, err := data.CapacityOverrides(context.Background(), f.st.Reader(), day)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// 停止 sets one slot's capacity to 0, 再開 removes it; 終日停止 / 終日再開 do every slot.
func TestStopAndResume(t *testing.T) {
	f := newFixture(t)
	s := newStopScreen(f.a, f.win)
	f.show(s.view)
	const day = "2026-11-02"
	uitest.Retype(s.dayEntry, "２０２６/11/02") // an IME's full-width digits and slashes
	test.Tap(s.showBtn)
	if got := data.FormatDay(s.day); got != day {
		t.Fatalf("showing %s, want %s", got, day)
	}

	resume := slotButton(t, s, "11:00", "再開")
	if !resume.Disabled() {
		t.Fatal("再開 enabled on a slot that is not stopped")
	}
	test.Tap(slotButton(t, s, "11:00", "停止"))
	f.noDialog(t)
	if got := overrides(t, f, day); len(got) != 1 || got["11:00"] != 0 {
		t.Fatalf("overrides = %v, want 11:00 → 0", got)
	}
	if c := s.sched.Slots[2]; c.Start.Format("15:04") != "11:00" || c.Capacity != 0 {
		t.Fatalf("screen shows %v, want 11:00 at capacity 0", c)
	}
	if !slotButton(t, s, "11:00", "停止").Disabled() {
		t.Fatal("停止 still enabled on a stopped slot")
	}

	test.Tap(slotButton(t, s, "11:00", "再開"))
	if got := overrides(t, f, day); len(got) != 0 {
		t.Fatalf("overrides = %v after 再開, want none", got)
	}
	if s.sched.Slots[2].Capacity != 3 {
		t.Fatalf("11:00 capacity %d after 再開, want the salon's 3", s.sched.Slots[2].Capacity)
	}

	test.Tap(s.stopAll)
	got := overrides(t, f, day)
	if len(got) != 18 { // 10:00–19:00 in 30-minute slots
		t.Fatalf("終日停止 set %d slots, want 18", len(got))
	}
	sched, _ := f.a.Schedule(context.Background(), datatest.At(day, "00:00"))
	for _, l := range sched.Slots {
		if l.Capacity != 0 {
			t.Fatalf("slot %s capacity %d after 終日停止", l.Start.Format("15:04"), l.Capacity)
		}
	}
	if other := overrides(t, f, "2026-11-03"); len(other) != 0 {
		t.Fatalf("終日停止 touched the next day: %v", other)
	}
	test.Tap(s.resumeAll)
	if got := overrides(t, f, day); len(got) != 0 {
		t.Fatalf("overrides = %v after 終日再開, want none", got)
	}
}

// A day typed wrong shows a message and keeps the day shown.
func TestStopBadDay(t *testing.T) {
	f := newFixture(t)
	s := newStopScreen(f.a, f.win)
	f.show(s.view)
	before := s.day
	uitest.Retype(s.dayEntry, "11月2日")
	test.Tap(s.showBtn)
	f.wantDialog(t, "masters.error.day_invalid")
	if !s.day.Equal(before) {
		t.Fatalf("day changed to %v", s.day)
	}
}
