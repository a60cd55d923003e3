package ui

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// testNow is the seed's screenshot time: Friday 2025-06-20 13:19.
var testNow = time.Date(2025, 6, 20, 13, 19, 0, 0, time.Local)

// fixture is a shell on a real database of the small test salon, with fake screens
// that record how the shell uses them.
type fixture struct {
	t      *testing.T
	ctx    context.Context
	store  *data.Store
	salon  datatest.Salon
	app    *app.App
	win    fyne.Window
	shell  *Shell
	fakes  *fakeScreens
	notice map[string]int64 // seeded notification ids by name
	resv   map[string]int64 // seeded reservation ids by name
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	uitest.NewApp(t)
	store := datatest.NewStore(t)
	f := &fixture{t: t, ctx: context.Background(), store: store, salon: datatest.Seed(t, store),
		notice: map[string]int64{}, resv: map[string]int64{}}
	f.app = app.New(store, app.WithClock(func() time.Time { return testNow }), app.WithVersion("1.0.15"))
	return f
}

// open builds the shell in a 1280×800 test window.
func (f *fixture) open() {
	f.t.Helper()
	f.fakes = newFakeScreens()
	f.win = test.NewWindow(nil)
	f.win.Resize(fyne.NewSize(1280, 800))
	f.shell = NewShell(f.app, f.win, f.fakes.screens())
	f.win.SetContent(f.shell.Content())
	f.t.Cleanup(func() {
		f.shell.Close()
		f.win.Close()
	})
}

// addNotification writes a notification as the sync will.
func (f *fixture) addNotification(name string, n data.Notification) {
	f.t.Helper()
	err := f.store.Tx(f.ctx, func(tx *sql.Tx) error { return data.InsertNotification(f.ctx, tx, &n) })
	if err != nil {
		f.t.Fatal(err)
	}
	f.notice[name] = n.ID
}

// seedNotifications writes the seed's kind of list: three unresolved (two app → SALON
// BOARD, one SALON BOARD → app) and two resolved.
func (f *fixture) seedNotifications() {
	at := func(s string) time.Time { d, hm := s[:10], s[11:]; return datatest.At(d, hm) }
	f.addNotification("sb_mismatch", data.Notification{CreatedAt: at("2025-06-03 08:14"), Direction: data.DirSBToApp,
		Reason: "mismatch", ReservationID: f.resv["queued"], ReservationNo: "BC97459537", ReservationAt: "2025-06-30 09:00"})
	f.addNotification("sb_capacity_done", data.Notification{CreatedAt: at("2025-05-30 08:27"), Direction: data.DirSBToApp,
		Reason: "capacity", ReservationNo: "BC12345678", ReservationAt: "2025-06-02 14:00", ResolvedAt: "2025-05-30 10:00:00"})
	f.addNotification("app_timeout_2", data.Notification{CreatedAt: at("2025-05-29 19:24"), Direction: data.DirAppToSB,
		Reason: "timeout", ReservationNo: "808", ReservationAt: "2025-06-27 15:00"})
	f.addNotification("app_timeout", data.Notification{CreatedAt: at("2025-05-29 09:52"), Direction: data.DirAppToSB,
		Reason: "timeout", ReservationNo: "807", ReservationAt: "2025-06-26 11:00"})
	f.addNotification("sb_timeout_done", data.Notification{CreatedAt: at("2025-05-28 18:30"), Direction: data.DirSBToApp,
		Reason: "timeout", ReservationNo: "BC11112222", ReservationAt: "2025-06-01 10:00", ResolvedAt: "2025-05-28 19:00:00"})
}

// seedDay writes today's reservations, a few in the next two weeks, one queued for
// SALON BOARD, and one sale.
func (f *fixture) seedDay() {
	f.t.Helper()
	save := func(name, day, hhmm, cust string, staff string, in app.ReservationInput) {
		in.CustomerID, in.Start, in.StaffID = f.salon.Customers[cust], datatest.At(day, hhmm), f.salon.Staff[staff]
		r, err := f.app.SaveReservation(f.ctx, in)
		if err != nil {
			f.t.Fatalf("%s: %v", name, err)
		}
		f.resv[name] = r.ID
	}
	cut := []int64{f.salon.Menus["カット"]}
	save("yamada", "2025-06-20", "10:00", "ヤマダ　ハナコ", "佐藤", app.ReservationInput{MenuIDs: cut, Designated: true})
	save("tanaka", "2025-06-20", "14:00", "タナカ　イチロウ", "鈴木",
		app.ReservationInput{CouponID: f.salon.Coupons["カット＋ケアカラー ¥9,900"]})
	save("next_week", "2025-06-27", "11:00", "コギト　テスト", "", app.ReservationInput{MenuIDs: cut})
	for i, hm := range []string{"10:00", "12:00", "15:00"} {
		save([]string{"a", "b", "c"}[i], "2025-06-30", hm, "タナカ　イチロウ", "", app.ReservationInput{MenuIDs: cut})
	}
	// One desk reservation waits to be sent to SALON BOARD (送信待ち 1件).
	if err := salonboard.Install(f.app).SetEnabled(f.ctx, true); err != nil {
		f.t.Fatal(err)
	}
	save("queued", "2025-06-24", "16:00", "ヤマダ　ハナコ", "佐藤", app.ReservationInput{MenuIDs: cut})
	err := f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		return data.InsertSale(f.ctx, tx, &data.Sale{ReservationID: f.resv["yamada"], SoldAt: datatest.At("2025-06-20", "11:05"),
			Amount: 5500, Method: "cash", Tax: 500, TaxRate: 10, TaxInclusive: true,
			Items: []data.SaleItem{{Kind: data.LineMenu, Name: "カット", UnitPrice: 5500, Quantity: 1, Price: 5500, Tax: 500,
				Amount: 5500}},
			Payments: []data.SalePayment{{Method: "cash", Amount: 5500}}})
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

// fakeScreens stand in for the screens of the other packages.
type fakeScreens struct {
	unmatched   int // 未対応のクーポン名 Home shows
	built       map[Page]int
	objects     map[Page]fyne.CanvasObject
	schedule    *fakeSchedule
	list        *fakeList
	opened      []int64
	transcribed []int64
	sync        SyncStatus
}

type fakeSchedule struct {
	content fyne.CanvasObject
	day     time.Time
}

func (s *fakeSchedule) Content() fyne.CanvasObject { return s.content }
func (s *fakeSchedule) SetDay(day time.Time)       { s.day = day }

type fakeList struct {
	content fyne.CanvasObject
	failed  int
}

func (l *fakeList) Content() fyne.CanvasObject { return l.content }
func (l *fakeList) ShowFailed()                { l.failed++ }

func newFakeScreens() *fakeScreens {
	return &fakeScreens{built: map[Page]int{}, objects: map[Page]fyne.CanvasObject{}}
}

func (fs *fakeScreens) screen(p Page) func(fyne.Window) fyne.CanvasObject {
	return func(fyne.Window) fyne.CanvasObject {
		fs.built[p]++
		o := widget.NewLabel("fake " + string(p))
		fs.objects[p] = o
		return o
	}
}

func (fs *fakeScreens) screens() Screens {
	return Screens{
		Schedule: func(fyne.Window) ScheduleScreen {
			fs.built[PageSchedule]++
			fs.schedule = &fakeSchedule{content: widget.NewLabel("fake schedule")}
			fs.objects[PageSchedule] = fs.schedule.content
			return fs.schedule
		},
		Reservations: func(fyne.Window) ReservationList {
			fs.built[PageReservations]++
			fs.list = &fakeList{content: widget.NewLabel("fake list")}
			fs.objects[PageReservations] = fs.list.content
			return fs.list
		},
		StopResume:      fs.screen(PageStopResume),
		Staff:           fs.screen(PageStaff),
		Menus:           fs.screen(PageMenus),
		Customers:       fs.screen(PageCustomers),
		OpenReservation: func(_ fyne.Window, id int64) { fs.opened = append(fs.opened, id) },
		Transcribe:      func(_ fyne.Window, id int64) { fs.transcribed = append(fs.transcribed, id) },
		SyncStatus:      func() SyncStatus { return fs.sync },
		UnmatchedNames:  func() int { return fs.unmatched },
	}
}

// texts are the visible texts of the window, dialogs included.
func (f *fixture) texts() []string {
	var out []string
	collect := func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.Button:
			out = append(out, v.Text)
		case *widget.Hyperlink:
			out = append(out, v.Text)
		case *canvas.Text:
			out = append(out, v.Text)
		}
	}
	uitest.WalkVisible(f.win.Canvas().Content(), collect)
	for _, o := range f.win.Canvas().Overlays().List() {
		uitest.WalkVisible(o, collect)
	}
	return out
}

func (f *fixture) hasText(s string) bool {
	for _, t := range f.texts() {
		if t == s {
			return true
		}
	}
	return false
}

func (f *fixture) requireText(s string) {
	f.t.Helper()
	if !f.hasText(s) {
		f.t.Fatalf("no text %q on screen; have %q", s, f.texts())
	}
}

// notification reads one notification back from the database.
func (f *fixture) notification(id int64) data.Notification {
	f.t.Helper()
	list, err := f.app.Notifications(f.ctx, 100)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, n := range list {
		if n.ID == id {
			return n
		}
	}
	f.t.Fatalf("notification %d not found", id)
	return data.Notification{}
}
