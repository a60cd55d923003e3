package schedule

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/demo"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// The grid draws the demo Monday in the columns and lanes of app's day layout: the same
// listing the printout's test checks (app/testdata/demo_day_layout.txt), so screen and
// paper place every reservation alike.
func TestGridLanesAreThePrintouts(t *testing.T) {
	uitest.NewApp(t)
	st := datatest.NewStore(t)
	today := time.Date(2026, 11, 23, 13, 30, 0, 0, time.Local)
	if err := demo.Seed(context.Background(), st, today); err != nil {
		t.Fatal(err)
	}
	d, err := app.New(st, app.WithClock(func() time.Time { return today })).Schedule(context.Background(), today)
	if err != nil {
		t.Fatal(err)
	}
	g := NewGrid()
	g.SetSchedule(&d)
	gridWindow(t, g)
	var lines []string
	for _, b := range g.m.badges {
		lines = append(lines, layoutLine(b.col, g.m.cols[b.col].title, b.res, b.lane, b.lanes))
	}
	slices.Sort(lines)
	want, err := os.ReadFile("../../app/testdata/demo_day_layout.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lines, ""); got != string(want) {
		t.Errorf("the grid places the demo day otherwise than the printout:\n%s\nwant:\n%s", got, want)
	}
}

// layoutLine is app's LayoutLine (daylayout_test.go): one badge of the listing.
func layoutLine(col int, title string, v *data.ReservationView, lane, lanes int) string {
	return fmt.Sprintf("%d %s\t%s-%s #%d lane %d/%d\n", col, title, v.Start.Format("15:04"), v.End.Format("15:04"),
		v.Number, lane, lanes)
}
