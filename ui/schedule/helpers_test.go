package schedule

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// testDay is a Monday: both staff of the test salon work (鈴木 is off on Tuesdays).
const testDay = "2026-11-23"

var clock = datatest.At(testDay, "09:00")

type fixture struct {
	t     *testing.T
	store *data.Store
	app   *app.App
	salon datatest.Salon
	ids   map[string]int64 // reservations by the label the test gave them
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	uitest.NewApp(t)
	st := datatest.NewStore(t)
	f := &fixture{t: t, store: st, salon: datatest.Seed(t, st), ids: map[string]int64{}}
	f.app = app.New(st, app.WithClock(func() time.Time { return clock }))
	return f
}

// insert writes a reservation as it would arrive from any route (bypassing the desk
// rules on purpose: mails and SALON BOARD can bring what the desk would refuse).
func (f *fixture) insert(label string, r data.Reservation) int64 {
	f.t.Helper()
	if r.Status == "" {
		r.Status = data.StatusWaiting
	}
	if r.Route == "" {
		r.Route = data.RoutePhone
	}
	if r.PaymentType == "" {
		r.PaymentType = data.PayPerVisit
	}
	if r.End.IsZero() {
		r.End = r.Start
	}
	if r.ReceivedAt.IsZero() {
		r.ReceivedAt = clock.Add(-48 * time.Hour)
	}
	r.CreatedAt, r.UpdatedAt = r.ReceivedAt, r.ReceivedAt
	ctx := context.Background()
	err := f.store.Tx(ctx, func(tx *sql.Tx) error { return data.InsertReservation(ctx, tx, &r) })
	if err != nil {
		f.t.Fatalf("insert %s: %v", label, err)
	}
	f.ids[label] = r.ID
	return r.ID
}

func at(hhmm string) time.Time { return datatest.At(testDay, hhmm) }

// seedDay fills the test day with one reservation of every kind the grid must show.
func (f *fixture) seedDay() {
	s := f.salon
	sato, suzuki, bed := s.Staff["佐藤"], s.Staff["鈴木"], s.Equipment["ベッド1"]
	f.insert("designated", data.Reservation{Start: at("10:00"), End: at("11:00"),
		CustomerID: s.Customers["ヤマダ　ハナコ"], StaffID: sato, Designated: true,
		MenuIDs: []int64{s.Menus["カット"]}})
	f.insert("hpb_failed", data.Reservation{Start: at("10:30"), End: at("13:00"),
		CustomerID: s.Customers["コギト　テスト"], StaffID: suzuki, Route: data.RouteHPB,
		CouponID: s.Coupons["カット＋ケアカラー ¥9,900"], SyncState: data.SyncFailed, SyncReason: "timeout",
		MenuIDs: []int64{s.Menus["カット"], s.Menus["ケアカラー"]}})
	f.insert("first_visit_bed", data.Reservation{Start: at("10:30"), End: at("11:30"),
		CustomerID: s.Customers["タナカ　イチロウ"], StaffID: suzuki, EquipmentID: bed, FirstVisit: true,
		MenuIDs: []int64{s.Menus["カット"]}})
	// A reservation SALON BOARD failed to hand over: only the start is known (zero minutes).
	f.insert("provisional", data.Reservation{Start: at("11:00"), CustomerKana: "スズキ　ハナ",
		Route: data.RouteHPB, Status: data.StatusProvisional, CouponName: "【新規】カット", FirstVisit: true,
		ReceivedAt: clock.Add(-time.Hour)})
	f.insert("zero_minute", data.Reservation{Start: at("14:00"), CustomerID: s.Customers["ヤマダ　ハナコ"],
		StaffID: sato, MenuIDs: []int64{s.Menus["炭酸泉"]}})
	f.insert("arrived", data.Reservation{Start: at("12:00"), End: at("13:00"), CustomerName: "高橋 真理",
		CustomerKana: "タカハシ　マリ", StaffID: sato, Status: data.StatusArrived, Route: data.RouteWalkIn,
		MenuIDs: []int64{s.Menus["カット"]}})
	f.insert("cancelled", data.Reservation{Start: at("15:00"), End: at("16:00"), CustomerName: "取消 太郎",
		CustomerKana: "トリケシ　タロウ", StaffID: sato, Status: data.StatusCancelled})
	f.insert("unassigned", data.Reservation{Start: at("16:00"), End: at("17:30"), CustomerName: "伊藤 美咲",
		CustomerKana: "イトウ　ミサキ", EquipmentID: bed, MenuIDs: []int64{s.Menus["ケアカラー"]}})
}

// schedule reads the test day through the app, as the screen does.
func (f *fixture) schedule() *app.DaySchedule {
	f.t.Helper()
	d, err := f.app.Schedule(context.Background(), at("00:00"))
	if err != nil {
		f.t.Fatal(err)
	}
	return &d
}

// badgeOf is the centre of the first badge drawn for a reservation.
func badgeOf(t *testing.T, g *Grid, id int64, col int) fyne.Position {
	t.Helper()
	for _, b := range g.m.badges {
		if b.res.ID == id && (col < 0 || b.col == col) {
			return fyne.NewPos(b.x+b.w/2, b.y+b.h/2)
		}
	}
	t.Fatalf("no badge for reservation %d in column %d", id, col)
	return fyne.Position{}
}

// drawnTexts lists the texts of a renderer's objects, in drawing order.
func drawnTexts(g *Grid) []string {
	var out []string
	for _, o := range test.WidgetRenderer(g).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
	}
	return out
}
