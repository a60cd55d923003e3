package schedule

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/data"
	stheme "salondesk/ui/theme"
)

// gridWindow shows g alone at its minimum size, as in the golden images.
func gridWindow(t *testing.T, g *Grid) fyne.Window {
	w := test.NewWindow(g)
	t.Cleanup(w.Close)
	w.SetPadded(false)
	w.Resize(g.MinSize())
	return w
}

func TestGridDrawsSeededDay(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	g := NewGrid()
	g.SetSchedule(f.schedule())
	w := gridWindow(t, g)

	// 指名なし, 佐藤, 鈴木, ベッド1; 10:00-19:00 in 30-minute rows.
	if len(g.m.cols) != 4 || len(g.m.rows) != 18 {
		t.Fatalf("columns %d rows %d, want 4 and 18", len(g.m.cols), len(g.m.rows))
	}
	if want := fyne.NewSize(leftW+4*minColW, headerH+18*rowH); g.MinSize() != want {
		t.Fatalf("min size %v, want %v", g.MinSize(), want)
	}
	texts := drawnTexts(g)
	for _, want := range []string{"予約数", "受付可能数", "指名なし", "受付可能数:-", "佐藤", "受付可能数:1",
		"鈴木", "受付可能数:2", "ベッド1", "10:00", "18:30", "山田 花子", "田中 一郎", "高橋 真理", "伊藤 美咲", "×", "仮", "HPB", "指", "新", "カット"} {
		if !slices.Contains(texts, want) {
			t.Errorf("grid does not draw %q", want)
		}
	}
	// Names cut to the badge's width.
	for _, prefix := range []string{"コギト", "スズキ"} {
		if !slices.ContainsFunc(texts, func(s string) bool { return strings.HasPrefix(s, prefix) }) {
			t.Errorf("grid does not draw a name starting with %q", prefix)
		}
	}
	if slices.Contains(texts, "取消 太郎") {
		t.Error("a cancelled reservation is drawn")
	}
	test.AssertImageMatches(t, "grid_day.png", w.Canvas().Capture())
}

func TestGridBadgeGeometry(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	g := NewGrid()
	g.SetSchedule(f.schedule())
	gridWindow(t, g)

	byLabel := func(label string) []badge {
		var out []badge
		for _, b := range g.m.badges {
			if b.res.ID == f.ids[label] {
				out = append(out, b)
			}
		}
		return out
	}
	// Zero minutes: one slot high, in 指名なし (no staff).
	p := byLabel("provisional")
	if len(p) != 1 || p[0].col != 0 || p[0].bottom-p[0].top != rowH {
		t.Fatalf("provisional badge %+v, want one slot high in column 0", p)
	}
	// 10:30-13:00 and 10:30-11:30 with 鈴木 overlap: side by side, half the width each.
	a, b := byLabel("hpb_failed"), byLabel("first_visit_bed")
	if len(a) != 1 || len(b) != 2 {
		t.Fatalf("badges: hpb %d, bed %d (want 1 and 2: staff and equipment)", len(a), len(b))
	}
	if a[0].lanes != 2 || b[0].lanes != 2 || a[0].lane == b[0].lane || a[0].w > minColW/2 {
		t.Fatalf("overlapping badges not side by side: %+v %+v", a[0], b[0])
	}
	if a[0].top != headerH+rowH || a[0].bottom != headerH+6*rowH {
		t.Fatalf("10:30-13:00 spans %v-%v, want rows 1 to 6", a[0].top, a[0].bottom)
	}
	// Alone in the equipment column: the full width.
	if eq := b[1]; g.m.cols[eq.col].kind != colEquipment || eq.lanes != 1 {
		t.Fatalf("equipment badge %+v", eq)
	}
	if len(byLabel("cancelled")) != 0 {
		t.Fatal("cancelled reservation has a badge")
	}
}

func TestGridTapBadgeOpensReservation(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	g := NewGrid()
	var opened []int64
	g.OnOpen = func(id int64) { opened = append(opened, id) }
	g.OnNew = func(time.Time, int64) { t.Error("OnNew on a badge") }
	g.SetSchedule(f.schedule())
	gridWindow(t, g)

	for _, label := range []string{"designated", "hpb_failed", "first_visit_bed", "provisional", "zero_minute",
		"arrived", "unassigned"} {
		opened = nil
		test.TapAt(g, badgeOf(t, g, f.ids[label], -1))
		if len(opened) != 1 || opened[0] != f.ids[label] {
			t.Errorf("tap on %s opened %v, want [%d]", label, opened, f.ids[label])
		}
	}
	// The copy in the equipment column opens the same reservation.
	opened = nil
	test.TapAt(g, badgeOf(t, g, f.ids["first_visit_bed"], 3))
	if len(opened) != 1 || opened[0] != f.ids["first_visit_bed"] {
		t.Errorf("tap on the equipment badge opened %v", opened)
	}
}

func TestGridTapEmptyCellStartsReservation(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	g := NewGrid()
	type call struct {
		start time.Time
		staff int64
	}
	var calls []call
	g.OnNew = func(start time.Time, staff int64) { calls = append(calls, call{start, staff}) }
	g.OnOpen = func(id int64) { t.Errorf("OnOpen(%d) on an empty cell", id) }
	g.SetSchedule(f.schedule())
	gridWindow(t, g)

	// Positions from the layout's constants, not from the model: columns are 指名なし,
	// 佐藤, 鈴木, ベッド1 at their minimum width; 17:00 is row 14 from 10:00.
	cell := func(col, row int) fyne.Position {
		return fyne.NewPos(leftW+float32(col)*minColW+minColW/2, headerH+float32(row)*rowH+rowH/2)
	}
	test.TapAt(g, cell(1, 14))
	test.TapAt(g, cell(0, 0))
	test.TapAt(g, cell(2, 17))
	want := []call{{at("17:00"), f.salon.Staff["佐藤"]}, {at("10:00"), 0}, {at("18:30"), f.salon.Staff["鈴木"]}}
	if !slices.Equal(calls, want) {
		t.Fatalf("OnNew calls %v, want %v", calls, want)
	}
	// The equipment column, the titles and the time band start nothing.
	calls = nil
	test.TapAt(g, cell(3, 16))
	test.TapAt(g, fyne.NewPos(leftW+minColW*1.5, headerH/2))
	test.TapAt(g, fyne.NewPos(timeW/2, headerH+rowH*14.5))
	if len(calls) != 0 {
		t.Fatalf("OnNew called from equipment, titles or time band: %v", calls)
	}
}

func TestGridScrolledKeepsTitlesInView(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	g := NewGrid()
	var calls int
	g.OnNew = func(time.Time, int64) { calls++ }
	g.SetSchedule(f.schedule())
	scroll := container.NewScroll(g)
	scroll.OnScrolled = g.SetScrollOffset
	w := test.NewWindow(scroll)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(420, 320))
	test.Scroll(w.Canvas(), fyne.NewPos(200, 200), -150, -200)
	if g.offset.X == 0 || g.offset.Y == 0 {
		t.Fatalf("grid did not follow the scroll: offset %v", g.offset)
	}
	// The titles now cover the body's top edge: a tap there is a tap on a title.
	test.TapAt(g, fyne.NewPos(g.offset.X+leftW+60, g.offset.Y+headerH/2))
	if calls != 0 {
		t.Fatal("a tap on the sticky titles started a reservation")
	}
	test.TapAt(g, fyne.NewPos(g.offset.X+leftW+60, g.offset.Y+headerH+rowH*4))
	if calls != 1 {
		t.Fatal("a tap below the titles did not reach the cell")
	}
	test.AssertImageMatches(t, "grid_scrolled.png", w.Canvas().Capture())
}

func TestGridClosedDay(t *testing.T) {
	test.NewTempApp(t)
	g := NewGrid()
	day := &app.DaySchedule{Day: at("00:00"), Salon: app.Salon{SlotMinutes: 30}}
	g.SetSchedule(day)
	gridWindow(t, g)
	if !slices.Contains(drawnTexts(g), "この日は定休日です。") {
		t.Fatalf("closed day texts %v", drawnTexts(g))
	}
	// A reservation kept on a day that became closed is still shown, on rows made up for it.
	day.Reservations = []data.ReservationView{{Reservation: data.Reservation{ID: 7, Start: at("11:15"),
		End: at("12:00"), CustomerName: "残る 予約", Status: data.StatusWaiting}}}
	g.SetSchedule(day)
	if len(g.m.rows) != 2 || !g.m.rows[0].Start.Equal(at("11:00")) || g.m.rows[0].Count != 1 {
		t.Fatalf("made-up rows %+v", g.m.rows)
	}
	if len(g.m.badges) != 1 || g.m.badges[0].res.ID != 7 {
		t.Fatalf("badges %+v", g.m.badges)
	}
}

// A staff member not on the day's list (a day off set after booking) gets a column.
func TestGridStaffOffDutyStillShown(t *testing.T) {
	f := newFixture(t)
	tuesday := "2026-11-24"
	f.insert("off", data.Reservation{Start: at("10:00").AddDate(0, 0, 1), End: at("11:00").AddDate(0, 0, 1),
		CustomerName: "火曜 予約", StaffID: f.salon.Staff["鈴木"]})
	d, err := f.app.Schedule(t.Context(), at("00:00").AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Staff {
		if s.Name == "鈴木" {
			t.Fatalf("鈴木 works on %s: the test needs a day off", tuesday)
		}
	}
	g := NewGrid()
	g.SetSchedule(&d)
	gridWindow(t, g)
	texts := drawnTexts(g)
	if !slices.Contains(texts, "鈴木") || !slices.Contains(texts, "火曜 予約") {
		t.Fatalf("reservation of an off-duty staff member hidden: %v", texts)
	}
}

func TestMeasurerNeverUnderestimates(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(stheme.New())
	var m measurer
	m.reset(a.Settings().Theme())
	for _, s := range []string{"山田 花子", "カット＋ケアカラー ¥9,900", "HPB", "WWWWMMMM", "Tanaka Ichiro 1234",
		"【新規】カット", "ｶｯﾄ", "受付可能数:12", "AVAV Ty."} {
		for _, size := range []float32{sizeSmall, sizeName} {
			for _, bold := range []bool{false, true} {
				style := fyne.TextStyle{Bold: bold}
				drawn := fyne.MeasureText(s, size, style).Width
				if est := m.width(s, size, bold); est < drawn {
					t.Errorf("%q at %v bold %v: estimate %v < drawn %v", s, size, bold, est, drawn)
				}
				if got := m.fit(s, size, bold, 40); got != s && fyne.MeasureText(got, size, style).Width > 40 {
					t.Errorf("fit(%q) = %q is wider than 40", s, got)
				}
			}
		}
	}
}
