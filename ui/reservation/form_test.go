package reservation

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// fillWhen types 来店日 and 時刻 as staff would.
func fillWhen(f *form, day, clock string) {
	f.day.SetText("")
	test.Type(f.day, day)
	f.clock.SetText("")
	test.Type(f.clock, clock)
}

// pickCustomer searches as staff type and taps the first result.
func pickCustomer(t *testing.T, f *form, text string) {
	t.Helper()
	test.Type(f.customer.search, text)
	if len(f.customer.results.Objects) == 0 {
		t.Fatalf("no customer found for %q", text)
	}
	test.Tap(f.customer.results.Objects[0].(*widget.Button))
}

func TestFormCreatesReservation(t *testing.T) {
	fx := newFixture(t)
	var saved *data.Reservation
	f := showForm(fx.a, fx.win, app.ReservationInput{}, func(r data.Reservation) { saved = &r })
	if f == nil {
		t.Fatal("form not shown")
	}
	test.Type(f.customer.search, "やまだ") // hiragana from the IME finds the カナ
	uitest.MustContain(t, "search results", uitest.DrawnTexts(f.customer.results), "ヤマダ　ハナコ / 山田 花子 / 090-1111-2222")
	test.Tap(uitest.Button(t, f.customer.results, "ヤマダ　ハナコ / 山田 花子 / 090-1111-2222  (No.1)"))
	uitest.MustContain(t, "chosen customer", uitest.DrawnTexts(f.customer.existing), "ヤマダ　ハナコ（山田 花子）様")
	fillWhen(f, "2026/11/10", "11:00")
	f.staff.SetSelected("佐藤")
	uitest.TapCheck(f.designated)
	f.equipment.SetSelected("ベッド1")
	test.Tap(f.menus.checks[fx.salon.Menus["カット"]])
	test.Tap(f.menus.checks[fx.salon.Menus["前髪カット"]])
	test.Tap(f.menus.checks[fx.salon.Menus["炭酸泉"]])
	if got := f.length.Text; got != "75分（11:00〜12:15）" {
		t.Fatalf("所要時間 shows %q, want 75分（11:00〜12:15）", got)
	}
	test.Type(f.memo, "前回と同じ色で")
	test.Tap(f.save)

	if saved == nil {
		t.Fatalf("not saved; dialog: %s", uitest.DrawnTexts(uitest.TopOverlay(fx.win)))
	}
	list := fx.all(t)
	if len(list) != 1 {
		t.Fatalf("%d reservations in the database, want 1", len(list))
	}
	r := list[0]
	want := []int64{fx.salon.Menus["カット"], fx.salon.Menus["前髪カット"], fx.salon.Menus["炭酸泉"]}
	switch {
	case !slices.Equal(r.MenuIDs, want):
		t.Errorf("menus %v, want %v", r.MenuIDs, want)
	case !r.Start.Equal(datatest.At(testDay, "11:00")) || r.Duration() != 75*time.Minute:
		t.Errorf("start %v duration %v, want 11:00 and 75m", r.Start, r.Duration())
	case r.CustomerID != fx.salon.Customers["ヤマダ　ハナコ"]:
		t.Errorf("customer %d", r.CustomerID)
	case r.StaffID != fx.salon.Staff["佐藤"] || !r.Designated || r.EquipmentID != fx.salon.Equipment["ベッド1"]:
		t.Errorf("staff %d designated %v equipment %d", r.StaffID, r.Designated, r.EquipmentID)
	case r.Route != data.RoutePhone || r.Memo != "前回と同じ色で" || r.Status != data.StatusWaiting:
		t.Errorf("route %q memo %q status %q", r.Route, r.Memo, r.Status)
	}
}

func TestFormNewCustomerWalkIn(t *testing.T) {
	fx := newFixture(t)
	f := showForm(fx.a, fx.win, app.ReservationInput{}, nil)
	f.customer.mode.SetSelected(modeNew())
	test.Type(f.customer.name, "佐々木 蘭")
	test.Type(f.customer.kana, "ささき らん")
	test.Type(f.customer.phone, "080-5555-6666")
	fillWhen(f, "2026/11/10", "14:30")
	f.route.SetSelected("店頭")
	test.Tap(f.menus.checks[fx.salon.Menus["ケアカラー"]])
	test.Tap(f.save)

	list := fx.all(t)
	if len(list) != 1 {
		t.Fatalf("%d reservations, want 1; dialog: %s", len(list), uitest.DrawnTexts(uitest.TopOverlay(fx.win)))
	}
	r := list[0]
	if r.CustomerRowKana != "ササキ　ラン" || r.CustomerRowName != "佐々木 蘭" || r.Route != data.RouteWalkIn {
		t.Fatalf("customer %q %q route %q", r.CustomerRowKana, r.CustomerRowName, r.Route)
	}
}

// A new customer without カナ is refused by app, shown, and neither the customer nor the
// reservation is written.
func TestFormNewCustomerNeedsKana(t *testing.T) {
	fx := newFixture(t)
	f := showForm(fx.a, fx.win, app.ReservationInput{}, nil)
	f.customer.mode.SetSelected(modeNew())
	test.Type(f.customer.name, "名無し")
	fillWhen(f, "2026/11/10", "14:30")
	test.Tap(f.save)
	uitest.MustContain(t, "error dialog", uitest.DrawnTexts(uitest.TopOverlay(fx.win)), "お客様名（カナ）を入力してください。")
	if n := len(fx.all(t)); n != 0 {
		t.Fatalf("%d reservations written", n)
	}
	if _, total, _ := fx.a.SearchCustomers(fx.ctx, data.CustomerFilter{}, 10, 0); total != 3 {
		t.Fatalf("%d customers, want the 3 seeded", total)
	}
}

func TestFormOverCapacityWritesNothing(t *testing.T) {
	fx := newFixture(t)
	sato := fx.salon.Staff["佐藤"]
	fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"], StaffID: sato,
		Start: datatest.At(testDay, "11:00"), MenuIDs: []int64{fx.salon.Menus["カット"]}})
	f := showForm(fx.a, fx.win, app.ReservationInput{}, func(data.Reservation) { t.Error("onSaved called") })
	pickCustomer(t, f, "ヤマダ")
	fillWhen(f, "2026/11/10", "11:30")
	f.staff.SetSelected("佐藤")
	test.Tap(f.menus.checks[fx.salon.Menus["カット"]])
	test.Tap(f.save)

	uitest.MustContain(t, "error dialog", uitest.DrawnTexts(uitest.TopOverlay(fx.win)), "11:30の枠は担当スタッフの予約受付可能数を超えています。")
	if n := len(fx.all(t)); n != 1 {
		t.Fatalf("%d reservations, want only the first one", n)
	}
	if f.staff.Selected != "佐藤" || len(f.menus.selected()) != 1 {
		t.Fatal("the form lost its fields after the refusal")
	}
}

// A reservation of zero-minute menus only (施術時間ゼロ分のメニュー) is allowed: it takes
// the slot it starts in.
func TestFormZeroMinuteOnly(t *testing.T) {
	fx := newFixture(t)
	f := showForm(fx.a, fx.win, app.ReservationInput{}, nil)
	uitest.MustContain(t, "menus", uitest.DrawnTexts(f.menus.content()), "施術時間ゼロ分のメニュー")
	pickCustomer(t, f, "コギト")
	fillWhen(f, "2026/11/10", "18:55")
	test.Tap(f.menus.checks[fx.salon.Menus["炭酸泉"]])
	if f.length.Text != "0分（18:55〜18:55）" {
		t.Fatalf("所要時間 %q", f.length.Text)
	}
	test.Tap(f.save)
	list := fx.all(t)
	if len(list) != 1 {
		t.Fatalf("%d reservations; dialog: %s", len(list), uitest.DrawnTexts(uitest.TopOverlay(fx.win)))
	}
	if r := list[0]; r.Duration() != 0 || !slices.Equal(r.MenuIDs, []int64{fx.salon.Menus["炭酸泉"]}) {
		t.Fatalf("duration %v menus %v", r.Duration(), r.MenuIDs)
	}
}

// The time choices are the day's slot grid; a 5-minute step typed by hand is accepted,
// a time off the 5-minute grid is refused.
func TestFormTimeChoices(t *testing.T) {
	fx := newFixture(t)
	f := showForm(fx.a, fx.win, app.ReservationInput{}, nil)
	f.day.SetText("2026/11/10")
	if n := len(f.times); n != 18 || f.times[0] != "10:00" || f.times[17] != "18:30" {
		t.Fatalf("time choices %v", f.times)
	}
	uitest.MustContain(t, "weekday", f.weekday.Text, "火")
	pickCustomer(t, f, "タナカ")
	fillWhen(f, "2026/11/10", "10:07")
	test.Tap(f.save)
	uitest.MustContain(t, "error dialog", uitest.DrawnTexts(uitest.TopOverlay(fx.win)), "来店時刻は5分単位で入力してください。")
	if len(fx.all(t)) != 0 {
		t.Fatal("written")
	}
}

func TestFormCouponShowsContentAndLength(t *testing.T) {
	fx := newFixture(t)
	f := showForm(fx.a, fx.win, app.ReservationInput{}, nil)
	fillWhen(f, "2026/11/10", "10:00")
	f.coupon.SetSelected("カット＋ケアカラー ¥9,900")
	if !f.couponContent.Visible() || f.couponContent.Text != "◇シャンプー・ブロー込" {
		t.Fatalf("coupon content %q", f.couponContent.Text)
	}
	if f.length.Text != "150分（10:00〜12:30）" {
		t.Fatalf("所要時間 %q", f.length.Text)
	}
}
