package printout

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/demo"
	"salondesk/assets"
	"salondesk/data"
	"salondesk/data/datatest"
)

// today is a Monday of the demo salon, in the afternoon.
var today = time.Date(2026, 11, 23, 13, 30, 0, 0, time.Local)

func demoDay(t *testing.T) app.DaySchedule {
	t.Helper()
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	s := datatest.NewStore(t)
	ctx := context.Background()
	if err := demo.Seed(ctx, s, today); err != nil {
		t.Fatal(err)
	}
	a := app.New(s, app.WithClock(func() time.Time { return today }))
	d, err := a.Schedule(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestScheduleWritesPDFWithFont(t *testing.T) {
	d := demoDay(t)
	path := filepath.Join(t.TempDir(), "schedule.pdf")
	if err := Schedule(d, path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("not a PDF: %q", b[:min(len(b), 8)])
	}
	if !bytes.Contains(b, []byte("/FontFile2")) || !bytes.Contains(b, []byte("/FontName /utf8ipaexgothic")) {
		t.Error("the IPAex Gothic font is not embedded as a subset")
	}
	if len(b) > 1<<20 {
		t.Errorf("PDF is %d bytes: the font should be subset", len(b))
	}
	text := pdfText(t, path)
	if text == "" {
		return
	}
	staff, customer := d.Staff[0].Name, printedCustomer(t, &d)
	for _, want := range []string{d.Salon.Name, "2026年11月23日(月)", "予約数", "受付可能数", "指名なし", staff, customer} {
		if !strings.Contains(noSpace(text), noSpace(want)) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// The printout places the demo Monday in the columns and lanes of app's day layout: the
// same listing the schedule widget's test checks (app/testdata/demo_day_layout.txt), so
// paper and screen place every reservation alike.
func TestLanesAreTheScreens(t *testing.T) {
	d := demoDay(t)
	l := d.Layout()
	var lines []string
	for i, c := range columns(&d, &l) {
		for _, b := range c.badges {
			lines = append(lines, layoutLine(i, c.title, b.v, b.lane, b.lanes))
		}
	}
	slices.Sort(lines)
	want, err := os.ReadFile("../testdata/demo_day_layout.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lines, ""); got != string(want) {
		t.Errorf("the printout places the demo day otherwise than the screen:\n%s\nwant:\n%s", got, want)
	}
}

// layoutLine is app's LayoutLine (daylayout_test.go): one badge of the listing.
func layoutLine(col int, title string, v *data.ReservationView, lane, lanes int) string {
	return fmt.Sprintf("%d %s\t%s-%s #%d lane %d/%d\n", col, title, v.Start.Format("15:04"), v.End.Format("15:04"),
		v.Number, lane, lanes)
}

// printedCustomer is the name of a reservation drawn alone in its column (so not shortened).
func printedCustomer(t *testing.T, d *app.DaySchedule) string {
	l := d.Layout()
	for _, c := range columns(d, &l) {
		if c.lanes == 1 && len(c.badges) > 0 {
			return c.badges[0].v.DisplayName()
		}
	}
	t.Fatal("no reservation in a one-lane column on the demo day")
	return ""
}

func TestIconsAsText(t *testing.T) {
	v := &data.ReservationView{Reservation: data.Reservation{SyncState: data.SyncFailed,
		Status: data.StatusProvisional, Route: data.RouteHPB, Designated: true, FirstVisit: true}}
	if got := icons(v); got != "×仮HPB指新" {
		t.Errorf("icons = %q", got)
	}
	v.CustomerName = "山田 花子"
	v.Start = time.Date(2026, 11, 23, 12, 30, 0, 0, time.Local)
	v.End = v.Start.Add(90 * time.Minute)
	b := badge{v: v}
	wide := b.lines(func(string) bool { return true })
	if wide[0] != "12:30-14:00 ×仮HPB指新" || wide[1] != "山田 花子 様" {
		t.Errorf("badge lines = %q", wide)
	}
	// A narrow badge keeps its icons and drops the end time.
	if narrow := b.lines(func(s string) bool { return len([]rune(s)) < 12 }); narrow[0] != "12:30 ×仮HPB指新" {
		t.Errorf("narrow badge head = %q", narrow[0])
	}
	v = &data.ReservationView{Reservation: data.Reservation{Status: data.StatusWaiting, Route: data.RoutePhone}}
	if got := icons(v); got != "" {
		t.Errorf("icons of a plain phone reservation = %q", got)
	}
}

// A day of 10-minute slots has 54 rows: it runs over three pages, and a reservation that
// crosses a page break is drawn on both.
func TestLongDayBreaksPages(t *testing.T) {
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	s := datatest.NewStore(t)
	salon := datatest.Seed(t, s)
	ctx := context.Background()
	day := "2026-11-23"
	a := app.New(s, app.WithClock(func() time.Time { return datatest.At(day, "09:00") }))
	if err := a.SaveSalon(ctx, app.Salon{Name: "テストサロン", SlotMinutes: 10, Capacity: 3}); err != nil {
		t.Fatal(err)
	}
	// 10:00 + 21 rows of 10 minutes = 13:30 is the first row of page 2.
	_, err := a.SaveReservation(ctx, app.ReservationInput{CustomerID: salon.Customers["ヤマダ　ハナコ"],
		Start: datatest.At(day, "12:30"), StaffID: salon.Staff["佐藤"],
		MenuIDs: []int64{salon.Menus["カット"], salon.Menus["ケアカラー"]}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := a.Schedule(ctx, datatest.At(day, "00:00"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "long.pdf")
	if err := Schedule(d, path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if n := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(b, -1)); n != 3 {
		t.Fatalf("%d pages, want 3", n)
	}
	text := pdfText(t, path)
	if text == "" {
		return
	}
	pages := strings.Split(text, "\f")
	for i, want := range []bool{true, true, false} {
		if got := strings.Contains(noSpace(pages[i]), "山田花子"); got != want {
			t.Errorf("page %d shows the 12:30-15:00 reservation: %v, want %v", i+1, got, want)
		}
	}
	if !strings.Contains(noSpace(pages[2]), "3/3") {
		t.Errorf("page 3 lacks its number: %q", pages[2])
	}
}

func TestClosedDay(t *testing.T) {
	d := demoDay(t)
	d.Hours.Closed, d.Slots = true, nil
	path := filepath.Join(t.TempDir(), "closed.pdf")
	if err := Schedule(d, path); err != nil {
		t.Fatal(err)
	}
	// The day's reservations stay on the paper, on rows made up around them (as on screen).
	if text := pdfText(t, path); text != "" && (!strings.Contains(text, "定休日") ||
		!strings.Contains(noSpace(text), noSpace(printedCustomer(t, &d)))) {
		t.Errorf("closed day text = %q", text)
	}
}

func TestWriteFailureIsExplained(t *testing.T) {
	d := demoDay(t)
	err := Schedule(d, filepath.Join(t.TempDir(), "missing", "dir", "x.pdf"))
	if app.ErrorKey(err) != "printout.error.write" || !strings.Contains(err.Error(), "PDFを保存できませんでした") {
		t.Fatalf("err = %v", err)
	}
}

// Open starts the viewer and returns at once; a stand-in xdg-open records what it was given.
func TestOpenStartsViewerWithoutWaiting(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the stand-in viewer is a shell script for xdg-open")
	}
	dir := t.TempDir()
	marker := filepath.Join(dir, "opened")
	script := "#!/bin/sh\nPATH=/usr/bin:/bin\necho \"$1\" > " + marker + ".tmp && mv " + marker + ".tmp " + marker + "\nsleep 3\n"
	if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	start := time.Now()
	if err := Open("/tmp/schedule.pdf"); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > time.Second {
		t.Error("Open waited for the viewer")
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(marker); err == nil {
			if got := strings.TrimSpace(string(b)); got != "/tmp/schedule.pdf" {
				t.Fatalf("viewer got %q", got)
			}
			return
		}
	}
	t.Fatal("the viewer was not started")
}

func TestOpenWithoutViewer(t *testing.T) {
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", t.TempDir())
	err := Open("/tmp/schedule.pdf")
	if app.ErrorKey(err) != "printout.error.open" || !strings.Contains(err.Error(), "PDFを開くアプリ") {
		t.Fatalf("err = %v", err)
	}
}

// pdfText is the PDF's text by pdftotext (poppler-utils), "" (and a skip note) without it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext is not installed: text checks skipped")
		return ""
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func noSpace(s string) string {
	return strings.NewReplacer(" ", "", "　", "", "\n", "").Replace(s)
}
