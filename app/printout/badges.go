package printout

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/data"
)

// column is one column of reservation badges: 指名なし, a staff member or equipment.
type column struct {
	title    string
	capacity string // 受付可能数 shown under the title
	badges   []badge
	lanes    int // the most badges side by side in the column: its share of the page's width
}

// badge is one reservation drawn in a column.
type badge struct {
	v           *data.ReservationView
	start, end  time.Time // the span drawn (app's day layout: a start-only 仮登録 still shows)
	lane, lanes int       // its lane among the lanes its overlapping neighbours share
}

// columns sorts the day's active reservations into columns and lanes by app's day
// layout, the one the schedule screen draws, so that paper and screen agree.
func columns(d *app.DaySchedule, l *app.DayLayout) []column {
	cols := make([]column, 0, len(l.Columns))
	for _, c := range l.Columns {
		col := column{title: c.Title, capacity: "-", lanes: c.Lanes}
		if c.Kind == app.ColumnUnassigned {
			col.title = lang.X("printout.col.no_staff", "指名なし")
		}
		if c.Capacity >= 0 {
			col.capacity = itoa(c.Capacity)
		}
		cols = append(cols, col)
	}
	for _, b := range l.Badges {
		cols[b.Column].badges = append(cols[b.Column].badges, badge{v: &d.Reservations[b.Reservation],
			start: b.Start, end: b.End, lane: b.Lane, lanes: b.Lanes})
	}
	return cols
}

// lines are the texts of a badge, most important first: time and icons, name, menus.
// fits tells whether a text fits the badge's width; when the time range and icons do not,
// the end time is left out so that the icons stay.
func (b *badge) lines(fits func(string) bool) []string {
	v := b.v
	head := v.Start.Format("15:04")
	if v.End.After(v.Start) {
		head += "-" + v.End.Format("15:04")
	}
	if icons := icons(v); icons != "" {
		if long := head + " " + icons; fits(long) {
			head = long
		} else {
			head = v.Start.Format("15:04") + " " + icons
		}
	}
	out := []string{head, lang.X("printout.customer", "{{.Name}} 様", map[string]any{"Name": v.DisplayName()})}
	if v.CouponTitle != "" {
		out = append(out, v.CouponTitle)
	}
	if len(v.MenuNames) > 0 {
		out = append(out, strings.Join(v.MenuNames, "、"))
	}
	return out
}

// icons are the schedule's badge icons as text, side by side as on the screen:
// × sync failed, 仮 provisional, HPB route, 指 designated, 新 first visit.
func icons(v *data.ReservationView) string {
	var parts []string
	if v.SyncState == data.SyncFailed {
		parts = append(parts, lang.X("printout.icon.failed", "×"))
	}
	if v.Status == data.StatusProvisional {
		parts = append(parts, lang.X("printout.icon.provisional", "仮"))
	}
	if v.Route == data.RouteHPB {
		parts = append(parts, lang.X("printout.icon.hpb", "HPB"))
	}
	if v.Designated {
		parts = append(parts, lang.X("printout.icon.designated", "指"))
	}
	if v.FirstVisit {
		parts = append(parts, lang.X("printout.icon.first", "新"))
	}
	return strings.Join(parts, "")
}

func itoa(n int) string { return strconv.Itoa(n) }
