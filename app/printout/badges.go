package printout

import (
	"sort"
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
	lanes    int // badges that overlap sit side by side in lanes
}

// badge is one reservation drawn in a column.
type badge struct {
	v          *data.ReservationView
	start, end time.Time // end is at least one slot after start (a start-only 仮登録 still shows)
	lane       int
}

// columns sorts the day's active reservations into 指名なし, each staff member working that
// day and each piece of equipment. A reservation of a staff member who is not on the day's
// list goes to 指名なし so that it is not lost from the paper.
func columns(d *app.DaySchedule) []column {
	cols := []column{{title: lang.X("printout.col.no_staff", "指名なし"), capacity: "-"}}
	staffCol := map[int64]int{}
	for _, s := range d.Staff {
		staffCol[s.ID] = len(cols)
		cols = append(cols, column{title: s.Name, capacity: itoa(s.Capacity)})
	}
	equipCol := map[int64]int{}
	for _, e := range d.Equipment {
		equipCol[e.ID] = len(cols)
		cols = append(cols, column{title: e.Name, capacity: itoa(e.Capacity)})
	}
	slot := d.SlotDuration()
	for i := range d.Reservations {
		v := &d.Reservations[i]
		if !v.Status.Active() {
			continue
		}
		b := badge{v: v, start: v.Start, end: v.End}
		if b.end.Before(b.start.Add(slot)) {
			b.end = b.start.Add(slot)
		}
		c := staffCol[v.StaffID] // 0 (指名なし) when unknown
		cols[c].badges = append(cols[c].badges, b)
		if e, ok := equipCol[v.EquipmentID]; ok {
			cols[e].badges = append(cols[e].badges, b)
		}
	}
	for i := range cols {
		cols[i].lanes = assignLanes(cols[i].badges)
	}
	return cols
}

// assignLanes gives each badge the first lane free at its start and returns the lanes used.
func assignLanes(badges []badge) int {
	sort.SliceStable(badges, func(i, j int) bool { return badges[i].start.Before(badges[j].start) })
	var laneEnd []time.Time
	for i := range badges {
		lane := -1
		for l, end := range laneEnd {
			if !end.After(badges[i].start) {
				lane = l
				break
			}
		}
		if lane < 0 {
			lane = len(laneEnd)
			laneEnd = append(laneEnd, time.Time{})
		}
		laneEnd[lane] = badges[i].end
		badges[i].lane = lane
	}
	return max(1, len(laneEnd))
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
