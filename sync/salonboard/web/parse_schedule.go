package web

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The salon schedule (/KLP/schedule/salonSchedule/?date=YYYYMMDD). Two
// parallel lists: headers (ul.scheduleMainHeadList.isStaff / .isEquipment)
// and time lines (ul.scheduleMainTable.isStaff / .isEquipment); the n-th
// line belongs to the n-th header.

const schedulePage = "schedule"

var (
	stampRe    = regexp.MustCompile(`^\d{14}$`)
	staffIDRe  = regexp.MustCompile(`^STAFF_(.+)_(\d{8})$`)
	equipIDRe  = regexp.MustCompile(`^EQUIPMENT_(.+)_(\d{8})$`)
	capacityRe = regexp.MustCompile(`受付可能数\s*[:：]\s*([0-9０-９]+(?:\s*[:：]\s*[0-9０-９]+)*)`)
	clockRe    = regexp.MustCompile(`^\s*(\d{1,2}):(\d{2})\s*$`)
)

// ParseSchedule reads the schedule of day (its date in the header ids must
// match). A page without the staff header list, the lines or the
// rlastupdate stamp is *ErrPageChanged.
func ParseSchedule(body []byte, day time.Time) (Schedule, error) {
	doc, err := parseHTML(body)
	if err != nil {
		return Schedule{}, pageChanged(schedulePage, "unparsable HTML")
	}
	if err := checkSession(schedulePage, doc); err != nil {
		return Schedule{}, err
	}
	s := Schedule{Day: dayOf(day)}
	if s.LastUpdate = lastUpdate(doc); s.LastUpdate == "" {
		return Schedule{}, pageChanged(schedulePage, "no rlastupdate stamp")
	}
	ymd := s.Day.Format("20060102")
	staffHeads, staffLines, err := headsAndLines(doc, "isStaff", true)
	if err != nil {
		return Schedule{}, err
	}
	for i, h := range staffHeads {
		row, err := staffRow(h, ymd)
		if err != nil {
			return Schedule{}, err
		}
		if row.Blocks, row.ToDos, err = lineBlocks(staffLines[i], s.Day); err != nil {
			return Schedule{}, err
		}
		s.Staff = append(s.Staff, row)
	}
	eqHeads, eqLines, err := headsAndLines(doc, "isEquipment", false)
	if err != nil {
		return Schedule{}, err
	}
	for i, h := range eqHeads {
		row, err := equipmentRow(h, ymd)
		if err != nil {
			return Schedule{}, err
		}
		if row.Blocks, row.ToDos, err = lineBlocks(eqLines[i], s.Day); err != nil {
			return Schedule{}, err
		}
		s.Equipment = append(s.Equipment, row)
	}
	return s, nil
}

func lastUpdate(doc *html.Node) string {
	if n := find(doc, byID("rlastupdate")); n != nil {
		v := strings.TrimSpace(textJoined(n))
		if v == "" {
			v = strings.TrimSpace(attr(n, "value"))
		}
		if stampRe.MatchString(v) {
			return v
		}
	}
	if n := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Input && attr(n, "name") == "rlastupdate"
	}); n != nil && stampRe.MatchString(attr(n, "value")) {
		return attr(n, "value")
	}
	return ""
}

// headsAndLines returns the headers and lines of one kind (isStaff or
// isEquipment). Staff must be there; equipment may be absent altogether.
func headsAndLines(doc *html.Node, kind string, required bool) (heads, lns []*html.Node, err error) {
	headList := find(doc, byTagClass(atom.Ul, "scheduleMainHeadList", kind))
	table := find(doc, byTagClass(atom.Ul, "scheduleMainTable", kind))
	if headList == nil && table == nil && !required {
		return nil, nil, nil
	}
	if headList == nil || table == nil {
		return nil, nil, pageChanged(schedulePage, "no %s header list or time table", kind)
	}
	heads = findAll(headList, byTagClass(atom.Li, "scheduleMainHead"))
	lns = findAll(table, byTagClass(atom.Li, "scheduleMainTableLine"))
	if len(heads) != len(lns) {
		return nil, nil, pageChanged(schedulePage, "%s: %d headers but %d lines", kind, len(heads), len(lns))
	}
	if required && len(heads) == 0 {
		return nil, nil, pageChanged(schedulePage, "no staff headers")
	}
	return heads, lns, nil
}

func staffRow(h *html.Node, ymd string) (StaffRow, error) {
	m := staffIDRe.FindStringSubmatch(attr(h, "id"))
	if m == nil || m[2] != ymd {
		return StaffRow{}, pageChanged(schedulePage, "staff header id %q for %s", attr(h, "id"), ymd)
	}
	return StaffRow{ID: m[1], Name: headName(h), Capacity: capacity(h)}, nil
}

func equipmentRow(h *html.Node, ymd string) (EquipmentRow, error) {
	m := equipIDRe.FindStringSubmatch(attr(h, "id"))
	if m == nil || m[2] != ymd {
		return EquipmentRow{}, pageChanged(schedulePage, "equipment header id %q for %s", attr(h, "id"), ymd)
	}
	return EquipmentRow{ID: m[1], Name: headName(h)}, nil
}

func headName(h *html.Node) string {
	if a := find(h, byClass("scheduleLink")); a != nil {
		if t := strings.TrimSpace(attr(a, "title")); t != "" {
			return collapse(t)
		}
		return text(a)
	}
	// No link: the header's first line is the name.
	if l := lines(h); len(l) > 0 {
		return l[0]
	}
	return ""
}

func capacity(h *html.Node) []int {
	p := find(h, byClass("scheduleCapacity"))
	if p == nil {
		p = h
	}
	m := capacityRe.FindStringSubmatch(text(p))
	if m == nil {
		return nil
	}
	var out []int
	for _, f := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ':' || r == '：' || isSpace(r) }) {
		out = append(out, number(f))
	}
	return out
}

// lineBlocks reads one line's reservation and to-do blocks.
func lineBlocks(line *html.Node, day time.Time) ([]Block, []ToDo, error) {
	var blocks []Block
	var todos []ToDo
	for _, b := range findAll(line, byTagClass(atom.Div, "scheduleReservation")) {
		blk, err := reservationBlock(b, day)
		if err != nil {
			return nil, nil, err
		}
		blocks = append(blocks, blk)
	}
	for _, t := range findAll(line, byTagClass(atom.Div, "scheduleToDo")) {
		td := ToDo{DayOff: hasClass(t, "isDayOff")}
		td.Title = text(find(t, byClass("todoTitle")))
		if td.Title == "" && td.DayOff {
			td.Title = "休日"
		}
		td.Start, td.End, _ = blockTimes(t, day) // a to-do without times is still a to-do
		todos = append(todos, td)
	}
	return blocks, todos, nil
}

func reservationBlock(b *html.Node, day time.Time) (Block, error) {
	var blk Block
	if n := find(b, byClass("scheduleReserveName")); n != nil {
		name := strings.TrimSpace(attr(n, "title"))
		if name == "" {
			name = text(n)
		}
		blk.Name = strings.TrimSpace(strings.TrimSuffix(collapse(name), "様"))
	}
	if blk.Name == "" {
		return Block{}, pageChanged(schedulePage, "a reservation block without li.scheduleReserveName")
	}
	var err error
	if blk.Start, blk.End, err = blockTimes(b, day); err != nil {
		return Block{}, pageChanged(schedulePage, "times of %s: %v", blk.Name, err)
	}
	for _, li := range findAll(b, byClass("scheduleReserveIcon")) {
		label := text(li)
		if label == "" {
			label = iconClass(li)
		}
		blk.Icons = append(blk.Icons, label)
		switch {
		case label == "新" || hasClass(li, "customerNew"):
			blk.New = true
		case label == "指":
			blk.Designated = true
		case label == "ポ":
			blk.Points = true
		case label == "￥" || label == "¥":
			blk.Prepaid = true
		}
	}
	return blk, nil
}

func iconClass(li *html.Node) string {
	for _, c := range strings.Fields(attr(li, "class")) {
		if c != "scheduleReserveIcon" {
			return c
		}
	}
	return ""
}

// blockTimes reads p.scheduleTimeZoneSetting: a JSON array ["16:45",
// "18:00"]. Hours past 24 (up to 29:00 and beyond) run into the next day.
func blockTimes(b *html.Node, day time.Time) (time.Time, time.Time, error) {
	p := find(b, byClass("scheduleTimeZoneSetting"))
	if p == nil {
		return time.Time{}, time.Time{}, errString("no scheduleTimeZoneSetting")
	}
	var ts []string
	if err := json.Unmarshal([]byte(textJoined(p)), &ts); err != nil || len(ts) < 2 {
		return time.Time{}, time.Time{}, errString("scheduleTimeZoneSetting is not [start, end]")
	}
	start, ok1 := clock(ts[0], day)
	end, ok2 := clock(ts[1], day)
	if !ok1 || !ok2 || end.Before(start) {
		return time.Time{}, time.Time{}, errString("bad times " + strings.Join(ts, "-"))
	}
	return start, end, nil
}

func clock(s string, day time.Time) (time.Time, bool) {
	m := clockRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	if h > 48 || mi > 59 {
		return time.Time{}, false
	}
	return day.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute), true
}
