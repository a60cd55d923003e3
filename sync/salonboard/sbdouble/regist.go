package sbdouble

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"time"
)

// The registration flow: the form opened from the schedule, its
// confirmation, then doComplete (outbound.go).

var stampRe = regexp.MustCompile(`^\d{14}$`)

// writeFormView fills regist_form.html and change_form.html.
type writeFormView struct {
	Action    string
	ReserveID string // change only
	Stamp     string
	YMD       string
	DateText  string
	Hours     []option
	Minutes   []option
	TermHours []option
	TermMins  []option
	Staff     []option
	Equipment []option
	Routes    []option
	Category  []option
	Designate bool
	SeiKana   string
	MeiKana   string
	Sei, Mei  string
	Tel       string
	Customer  string
	Memo      string
	Errors    []string
	Choices   menuChoices // the menu and coupon selects
	// The change form's own fields.
	Token, Store, CustomerID string
	OrgSeiKana, OrgMeiKana   string
	Times                    []option // rsvtime, HHMM
}

// confirmView fills the confirmation pages.
type confirmView struct {
	Token, ReserveID           string
	Date, Start, End, Term     string
	Staff, Equipment, Route    string
	Designated                 bool
	Kana, Kanji, Tel, Customer string
	Memo, Category             string
	Status                     string // cancel page
}

// registForm serves the form, which a person opens from the schedule.
func (d *Double) registForm(w http.ResponseWriter, r *http.Request, f *Fault) {
	q := r.URL.Query()
	day, err := time.ParseInLocation("20060102", q.Get("date"), d.cfg.Location)
	if !fromPath(r.Referer(), PathSchedule) || err != nil {
		d.errorPage(w, "KPCL002V01", "不正な画面遷移です。")
		return
	}
	if !stampRe.MatchString(q.Get("rlastupdate")) {
		d.errorPage(w, "KPCL017V01", msgStale)
		return
	}
	h, _ := strconv.Atoi(q.Get("rsvHour"))
	m, _ := strconv.Atoi(q.Get("rsvMinute"))
	start := day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	res := Reservation{StaffID: q.Get("staffId"), Start: start, End: start.Add(time.Hour),
		RouteID: RoutePhoneOwn, Designated: true}
	d.mu.Lock()
	v := d.writeForm(PathRegistConfirm, q.Get("rlastupdate"), day, res)
	if f != nil && f.Kind == FaultStaleStamp {
		d.st.touch(d.now()) // another change lands after the form was served
	}
	d.mu.Unlock()
	d.render(w, "regist_form.html", page{Title: "予約登録", Nav: true, Data: v})
}

// registConfirm checks the stamp, the rules and the capacity, keeps the
// write in the session and shows the confirmation.
func (d *Double) registConfirm(w http.ResponseWriter, r *http.Request, s *session, f *Fault) {
	d.confirm(w, r, s, f, writeRegist, Reservation{})
}

// confirm is the confirm step of a registration or a change (base is the
// reservation being changed).
func (d *Double) confirm(w http.ResponseWriter, r *http.Request, s *session, f *Fault, kind writeKind, base Reservation) {
	if r.Method != http.MethodPost {
		http.Redirect(w, r, PathSchedule, http.StatusFound)
		return
	}
	_ = r.ParseForm()
	day, err := time.ParseInLocation("20060102", r.PostForm.Get("date"), d.cfg.Location)
	d.mu.Lock()
	stamp := r.PostForm.Get("rlastupdate")
	if stamp != d.stampNow() {
		d.mu.Unlock()
		d.errorPage(w, "KPCL017V01", msgStale)
		return
	}
	res, errs := d.readForm(r.PostForm, day, base)
	if err != nil {
		errs = append(errs, msgStart)
	}
	switch {
	case len(errs) > 0:
	case f != nil && f.Kind == FaultCapacity:
		errs = []string{MsgCapacity}
	default:
		errs = d.capacityErrors(res)
	}
	if len(errs) > 0 {
		v := d.writeForm(r.URL.Path, stamp, day, res)
		v.Errors = errs
		d.mu.Unlock()
		d.render(w, string(kind)+"_form.html", page{Title: "入力エラー", Nav: true, Data: v})
		return
	}
	s.write = &pendingWrite{kind: kind, token: newID(), stamp: stamp, res: res, id: base.ID}
	v := d.confirmView(res, s.write.token)
	d.mu.Unlock()
	d.render(w, string(kind)+"_confirm.html", page{Title: "確認", Nav: true, Data: v})
}

// writeForm builds a write form showing res. Caller holds d.mu.
func (d *Double) writeForm(action, stamp string, day time.Time, res Reservation) writeFormView {
	v := writeFormView{
		Action: action, ReserveID: res.ID, Stamp: stamp, YMD: day.Format("20060102"),
		DateText:  day.Format("2006年01月02日") + "（" + weekdays[day.Weekday()] + "）",
		Designate: res.Designated, SeiKana: res.KanaSei, MeiKana: res.KanaMei,
		Sei: res.KanjiSei, Mei: res.KanjiMei, Tel: res.Phone, Customer: res.CustomerNo, Memo: res.Memo,
	}
	hm := int(res.Start.Sub(day).Minutes())
	term := int(res.End.Sub(res.Start).Minutes())
	v.Hours = numbers(0, 23, 1, "%02d", hm/60)
	v.Minutes = numbers(0, 45, 15, "%02d", hm%60)
	v.TermHours = numbers(0, 12, 1, "%d", term/60)
	v.TermMins = numbers(0, 55, 5, "%02d", term%60)
	for _, st := range d.st.staff {
		mark := "○"
		if d.busy(st.ID, res.ID, res.Start, res.Start.Add(time.Minute)) >= max(st.Capacity, 1) || d.offDuty(st.ID, res.Start) {
			mark = "×"
		}
		v.Staff = append(v.Staff, option{Value: st.ID, Label: mark + st.Name, Checked: st.ID == res.StaffID})
	}
	for _, eq := range d.st.equipment {
		v.Equipment = append(v.Equipment, option{Value: eq.ID, Label: eq.Name, Checked: eq.ID == res.EquipmentID})
	}
	for _, id := range formRoutes {
		v.Routes = append(v.Routes, option{Value: id, Label: routeLabels[id], Checked: id == res.RouteID})
	}
	cat := ""
	for _, c := range menuCategories {
		if len(res.MenuCategories) > 0 && c[1] == res.MenuCategories[0] {
			cat = c[0]
		}
	}
	v.Category = options(menuCategories, cat)
	v.Choices = d.menuChoices(res)
	return v
}

// offDuty reports whether a break or day off of the staff covers t. Caller
// holds d.mu.
func (d *Double) offDuty(staffID string, t time.Time) bool {
	for _, td := range d.st.todos {
		if td.StaffID == staffID && !t.Before(td.Start) && t.Before(td.End) {
			return true
		}
	}
	return false
}

func numbers(from, to, step int, format string, selected int) []option {
	var out []option
	for n := from; n <= to; n += step {
		out = append(out, option{Value: fmt.Sprintf(format, n), Label: strconv.Itoa(n), Checked: n == selected})
	}
	return out
}

func options(pairs [][2]string, selected string) []option {
	var out []option
	for _, p := range pairs {
		out = append(out, option{Value: p[0], Label: p[1], Checked: p[0] == selected})
	}
	return out
}

// confirmView shows a write before it is saved. Caller holds d.mu.
func (d *Double) confirmView(r Reservation, token string) confirmView {
	v := confirmView{
		Token: token, ReserveID: r.ID,
		Date:  r.Start.Format("2006年01月02日") + "（" + weekdays[r.Start.Weekday()] + "）",
		Start: r.Start.Format("15:04"), End: r.End.Format("15:04"),
		Term:  fmt.Sprintf("%d分", int(r.End.Sub(r.Start).Minutes())),
		Route: routeLabels[r.RouteID], Designated: r.Designated,
		Kana: r.KanaSei + " " + r.KanaMei, Kanji: r.KanjiSei + " " + r.KanjiMei,
		Tel: r.Phone, Customer: r.CustomerNo, Memo: r.Memo,
	}
	if st, ok := d.st.staffByID(r.StaffID); ok {
		v.Staff = st.Name
	}
	if eq, ok := d.st.equipmentByID(r.EquipmentID); ok {
		v.Equipment = eq.Name
	}
	if len(r.MenuCategories) > 0 {
		v.Category = r.MenuCategories[0]
	}
	return v
}
