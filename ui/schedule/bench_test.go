package schedule

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/assets"
	"salondesk/data"
	stheme "salondesk/ui/theme"
)

// A busy salon: 20 staff, 3 machines, 9:00-21:00 in 15-minute slots (48 rows), 300
// reservations of every kind. Target: under 50 ms to build or to refresh.
const (
	benchStaff        = 20
	benchEquipment    = 3
	benchReservations = 300
)

var (
	benchFamily = []string{"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
		"吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"}
	benchGiven = []string{"花子", "美咲", "陽菜", "結衣", "さくら", "一郎", "翔太", "真理", "恵", "愛",
		"優子", "彩", "舞", "葵", "凛"}
	benchMenus = []string{"カット", "ケアカラー", "前髪カット", "炭酸泉", "パーマ", "トリートメント",
		"【新規】カット＋カラー", "ヘッドスパ"}
)

// benchDay builds a day in memory (no database: this measures the grid alone).
func benchDay(day time.Time, seed uint64) *app.DaySchedule {
	rng := rand.New(rand.NewPCG(seed, 7))
	d := &app.DaySchedule{Day: day, Salon: app.Salon{Name: "bench", SlotMinutes: 15, Capacity: 40},
		Hours: data.Hours{Open: "09:00", Close: "21:00"}}
	for i := range benchStaff {
		d.Staff = append(d.Staff, data.Staff{ID: int64(i + 1), Name: fmt.Sprintf("スタッフ%02d", i+1),
			Capacity: 2, Active: true})
	}
	for i := range benchEquipment {
		d.Equipment = append(d.Equipment, data.Equipment{ID: int64(i + 1), Name: fmt.Sprintf("ベッド%d", i+1),
			Capacity: 2, Active: true})
	}
	slots := app.Slots(day, d.Hours, 15)
	statuses := []data.Status{data.StatusWaiting, data.StatusWaiting, data.StatusArrived, data.StatusPaid,
		data.StatusProvisional, data.StatusCancelled}
	routes := []data.Route{data.RoutePhone, data.RouteHPB, data.RouteHPB, data.RouteWalkIn}
	var occ []data.Occupant
	for i := range benchReservations {
		start := slots[rng.IntN(len(slots)-4)].Add(time.Duration(rng.IntN(3)*5) * time.Minute)
		dur := time.Duration([]int{0, 15, 30, 60, 90, 120, 150}[rng.IntN(7)]) * time.Minute
		r := data.ReservationView{Reservation: data.Reservation{ID: int64(i + 1), Start: start,
			End: start.Add(dur), StaffID: int64(rng.IntN(benchStaff + 1)), Designated: rng.IntN(3) == 0,
			Route: routes[rng.IntN(len(routes))], Status: statuses[rng.IntN(len(statuses))],
			FirstVisit:   rng.IntN(5) == 0,
			CustomerName: benchFamily[rng.IntN(len(benchFamily))] + " " + benchGiven[rng.IntN(len(benchGiven))]},
			MenuNames: []string{benchMenus[rng.IntN(len(benchMenus))]}}
		if rng.IntN(6) == 0 {
			r.EquipmentID = int64(1 + rng.IntN(benchEquipment))
		}
		if rng.IntN(10) == 0 {
			r.SyncState = data.SyncFailed
		}
		d.Reservations = append(d.Reservations, r)
		if r.Status.Active() {
			occ = append(occ, data.Occupant{ID: r.ID, Start: r.Start, End: r.End, StaffID: r.StaffID,
				EquipmentID: r.EquipmentID})
		}
	}
	d.Slots = app.Loads(slots, 15*time.Minute, occ, d.Salon.Capacity, nil)
	return d
}

func benchSetup(b *testing.B) (a, c *app.DaySchedule) {
	ta := test.NewTempApp(b)
	ta.Settings().SetTheme(stheme.New())
	if err := assets.UseLanguage("ja"); err != nil {
		b.Fatal(err)
	}
	// Canvas objects ask the driver for their canvas when moved: give it a window.
	w := test.NewWindow(nil)
	b.Cleanup(w.Close)
	day := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	return benchDay(day, 1), benchDay(day.AddDate(0, 0, 1), 2)
}

// BenchmarkGridBuild: a new grid, its renderer and every canvas object of a busy day,
// laid out at its size (what opening the screen costs).
func BenchmarkGridBuild(b *testing.B) {
	d, _ := benchSetup(b)
	var objects int
	for b.Loop() {
		g := NewGrid()
		g.day = d
		r := g.CreateRenderer()
		r.Layout(r.MinSize())
		objects = len(r.Objects())
	}
	b.ReportMetric(float64(objects), "objects")
}

// BenchmarkGridRefresh: the grid on screen switches to another busy day (前の日 / 次の日,
// or a reload after an event), reusing its canvas objects.
func BenchmarkGridRefresh(b *testing.B) {
	d1, d2 := benchSetup(b)
	g := NewGrid()
	g.SetSchedule(d1)
	w := test.NewWindow(g)
	b.Cleanup(w.Close)
	w.Resize(g.MinSize().Max(fyne.NewSize(1280, 800)))
	days := [2]*app.DaySchedule{d2, d1}
	i := 0
	for b.Loop() {
		g.SetSchedule(days[i%2])
		i++
	}
	b.ReportMetric(float64(len(test.WidgetRenderer(g).Objects())), "objects")
}
