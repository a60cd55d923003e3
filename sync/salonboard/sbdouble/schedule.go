package sbdouble

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

type scheduleView struct {
	YMD       string
	Stamp     string
	Staff     []rowLine
	Equipment []rowLine
}

// rowLine is a header and its time line.
type rowLine struct {
	ID, Name string
	Capacity int
	Blocks   []blockView
	ToDos    []todoView
}

type blockView struct {
	TaskClass                        string // staffTask or equipmentTask
	Name                             string
	Start, End                       string // H:MM, hours past 24 allowed
	New, Designated, Points, Prepaid bool
	Categories                       []string
	Left, Width                      int
}

type todoView struct {
	Title      string
	Start, End string
	DayOff     bool
}

func (d *Double) schedule(w http.ResponseWriter, r *http.Request) {
	day, err := time.ParseInLocation("20060102", r.URL.Query().Get("date"), d.cfg.Location)
	if err != nil {
		now := d.now()
		day = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, d.cfg.Location)
	}
	d.mu.Lock()
	v := d.scheduleView(day)
	d.mu.Unlock()
	d.render(w, "schedule.html", page{Title: "スケジュール", Nav: true, Data: v})
}

// scheduleView lays out one day. Caller holds d.mu.
func (d *Double) scheduleView(day time.Time) scheduleView {
	v := scheduleView{YMD: day.Format("20060102"), Stamp: d.st.stamp.Format("20060102150405")}
	next := day.AddDate(0, 0, 1)
	live := d.st.sortedWhere(func(r *Reservation) bool {
		return !cancelled(r.Status) && !r.Start.Before(day) && r.Start.Before(next)
	})
	for _, st := range d.st.staff {
		line := rowLine{ID: st.ID, Name: st.Name, Capacity: st.Capacity}
		for _, r := range live {
			if r.StaffID == st.ID {
				line.Blocks = append(line.Blocks, block(r, day, "staffTask"))
			}
		}
		line.ToDos = d.todos(day, func(t ToDo) bool { return t.StaffID == st.ID })
		v.Staff = append(v.Staff, line)
	}
	for _, eq := range d.st.equipment {
		line := rowLine{ID: eq.ID, Name: eq.Name}
		for _, r := range live {
			if r.EquipmentID == eq.ID {
				line.Blocks = append(line.Blocks, block(r, day, "equipmentTask"))
			}
		}
		line.ToDos = d.todos(day, func(t ToDo) bool { return t.EquipmentID == eq.ID })
		v.Equipment = append(v.Equipment, line)
	}
	return v
}

func (d *Double) todos(day time.Time, mine func(ToDo) bool) []todoView {
	var out []todoView
	next := day.AddDate(0, 0, 1)
	for _, t := range d.st.todos {
		if mine(t) && !t.Start.Before(day) && t.Start.Before(next) {
			out = append(out, todoView{Title: t.Title, Start: clock(t.Start, day), End: clock(t.End, day), DayOff: t.DayOff})
		}
	}
	return out
}

func block(r Reservation, day time.Time, class string) blockView {
	name := strings.TrimSpace(r.KanjiSei + " " + r.KanjiMei)
	if name == "" {
		name = strings.TrimSpace(r.KanaSei + " " + r.KanaMei)
	}
	mins := int(r.Start.Sub(day).Minutes())
	return blockView{
		TaskClass: class, Name: name,
		Start: clock(r.Start, day), End: clock(r.End, day),
		New: r.NewCustomer, Designated: r.Designated, Points: r.Points > 0, Prepaid: r.Prepaid,
		Categories: r.MenuCategories,
		Left:       mins * 2, Width: int(r.End.Sub(r.Start).Minutes()) * 2,
	}
}

// clock writes a time as hours since the day's midnight: "9:30", "29:00".
func clock(t, day time.Time) string {
	m := int(t.Sub(day).Minutes())
	return fmt.Sprintf("%d:%02d", m/60, m%60)
}
