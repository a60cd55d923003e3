package masters

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/internal/uitest"
)

func findStaff(t *testing.T, f *fixture, name string) (data.Staff, bool) {
	t.Helper()
	m, err := f.a.Masters(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range m.Staff {
		if s.Name == name {
			return s, true
		}
	}
	return data.Staff{}, false
}

// A staff member typed into the form (kana in hiragana, full-width fee from an IME,
// Tuesday off, own hours) lands in the database as the schedule needs it.
func TestStaffAddedThroughForm(t *testing.T) {
	f := newFixture(t)
	s := newStaffScreen(f.a, f.win)
	f.show(s.view)
	st, sf := s.staff, s.staffForm

	test.Tap(st.add)
	test.Type(sf.name, "高橋")
	test.Type(sf.kana, "たかはし")
	test.Type(sf.sbName, "タカハシ ユウキ")
	uitest.Retype(sf.fee, "５００")
	uitest.Retype(sf.capacity, "2")
	test.Tap(sf.days[2]) // 火 off
	test.Type(sf.start, "11:00")
	test.Type(sf.end, "18:30")
	test.Tap(st.saveBtn)
	f.noDialog(t)

	got, ok := findStaff(t, f, "高橋")
	if !ok {
		t.Fatal("高橋 not in the database after 保存")
	}
	want := data.Staff{ID: got.ID, Name: "高橋", Kana: "タカハシ", SBName: "タカハシ ユウキ", DesignationFee: 500,
		Capacity: 2, WorkDays: "013456", WorkStart: "11:00", WorkEnd: "18:30", Active: true}
	if got != want {
		t.Fatalf("stored %+v\nwant   %+v", got, want)
	}
	if len(st.items) != 3 || st.current != got.ID {
		t.Fatalf("list has %d rows, current %d; want 3 rows and the new one (%d) selected", len(st.items), st.current, got.ID)
	}
	if sf.kana.Text != "タカハシ" {
		t.Errorf("form shows kana %q, want what was stored", sf.kana.Text)
	}

	// 保存 again changes the same row, it does not add one.
	uitest.Retype(sf.capacity, "3")
	test.Tap(st.saveBtn)
	f.noDialog(t)
	if n := f.count(t, "staff"); n != 3 {
		t.Fatalf("staff rows = %d after a second 保存, want 3", n)
	}
	if got, _ := findStaff(t, f, "高橋"); got.Capacity != 3 {
		t.Fatalf("capacity = %d, want 3", got.Capacity)
	}
}

// A staff member saved elsewhere (the demo, another window) appears in the list.
func TestStaffListFollowsMastersChanged(t *testing.T) {
	f := newFixture(t)
	s := newStaffScreen(f.a, f.win)
	f.show(s.view)
	if err := f.a.SaveStaff(context.Background(), &data.Staff{Name: "伊藤", Capacity: 1, Active: true}); err != nil {
		t.Fatal(err)
	}
	names := uitest.AllTexts(s.staff.list)
	if len(s.staff.items) != 3 || !strings.Contains(names, "伊藤") {
		t.Fatalf("list = %+v, want 伊藤 added", s.staff.items)
	}
}

// Non-numbers and rule violations show the app's message and write nothing.
func TestStaffBadInputWritesNothing(t *testing.T) {
	f := newFixture(t)
	s := newStaffScreen(f.a, f.win)
	f.show(s.view)
	sf := s.staffForm
	before := f.count(t, "staff")

	test.Tap(s.staff.add)
	test.Type(sf.name, "高橋")
	uitest.Retype(sf.fee, "五百円")
	test.Tap(s.staff.saveBtn)
	got := uitest.TakeDialog(f.win)
	if !strings.Contains(got, "指名料") || !strings.Contains(got, (&app.UserError{Key: "error.number_invalid"}).Error()) {
		t.Fatalf("dialog = %q, want 指名料 and the number message", got)
	}

	uitest.Retype(sf.fee, "-500")
	test.Tap(s.staff.saveBtn)
	f.wantDialog(t, "error.price_negative")

	uitest.Retype(sf.fee, "0")
	test.Type(sf.kana, "Takahashi")
	test.Tap(s.staff.saveBtn)
	f.wantDialog(t, "error.kana_only")

	if n := f.count(t, "staff"); n != before {
		t.Fatalf("staff rows = %d, want %d: bad input wrote something", n, before)
	}
}

// Closing a weekday is saved; a bad time on another day saves nothing at all.
func TestClosingWeekdayIsSaved(t *testing.T) {
	f := newFixture(t)
	s := newStaffScreen(f.a, f.win)
	f.show(s.view)
	h := s.hours
	ctx := context.Background()

	test.Tap(h.closed[2]) // 火
	uitest.Retype(h.open[1], "10:75")
	test.Tap(h.saveBtn)
	f.wantDialog(t, "error.clock_invalid")
	if week, _ := f.st.Hours(ctx); week[2].Closed {
		t.Fatal("Tuesday closed although the week had an error")
	}

	uitest.Retype(h.open[1], "１０：３０") // full-width from an IME
	h.slot.SetSelected(minutes(15))
	test.Tap(h.saveBtn)
	f.noDialog(t)
	week, err := f.st.Hours(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !week[2].Closed || week[3].Closed || week[1].Open != "10:30" {
		t.Fatalf("hours = %+v, want Tuesday closed and Monday opening 10:30", week)
	}
	if salon, _ := f.a.Salon(ctx); salon.SlotMinutes != 15 {
		t.Fatalf("slot length = %d, want 15", salon.SlotMinutes)
	}
}
