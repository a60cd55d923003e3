package sbdouble

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// TokenField is the Struts token's field name.
const TokenField = "org.apache.struts.taglib.html.TOKEN"

type listView struct {
	Token    string
	From, To string
	Statuses []option
	Routes   []option
	Staff    []option
	Searched bool
	Rows     []rowView
	Total    int // rows of the whole search
	Page     int
	Pages    int
	PrevPN   int
	NextPN   int
}

type option struct {
	Value, Label string
	Checked      bool
}

type rowView struct {
	ID, DetailPath       string
	YMD, MD, HM          string
	StatusParts          []string
	Name, Staff, Route   string
	Menu                 []string
	Points, PayType      string
	Amount, Visit, Karte string
}

// statusOrder is the order of the status checkboxes on the form.
var statusOrder = []int{1, 2, 3, 4, 5, 11, 6, 7, 8, 9, 10}

func (d *Double) listInit(w http.ResponseWriter, s *session) {
	d.mu.Lock()
	s.token = newID()
	v := d.formView(s.token)
	d.mu.Unlock()
	d.render(w, "reserve_list.html", page{Title: "予約一覧", Nav: true, Data: v})
}

// formView is the search form. Caller holds d.mu.
func (d *Double) formView(token string) listView {
	v := listView{Token: token}
	for _, c := range statusOrder {
		v.Statuses = append(v.Statuses, option{Value: strconv.Itoa(c), Label: statusNames[c], Checked: !cancelled(c)})
	}
	for _, id := range []string{RoutePhoneOwn, RoutePhoneHPB, RouteHPB, RoutePonpare, RouteWalkIn} {
		v.Routes = append(v.Routes, option{Value: id, Label: routeText[id]})
	}
	for _, st := range d.st.staff {
		v.Staff = append(v.Staff, option{Value: st.ID, Label: st.Name})
	}
	return v
}

// listSearch checks the Struts token (a stale one shows KPCL017V01), keeps
// the matching reservation numbers in the session and shows page 1.
func (d *Double) listSearch(w http.ResponseWriter, r *http.Request, s *session) {
	if r.Method != http.MethodPost {
		http.Redirect(w, r, PathListInit, http.StatusFound)
		return
	}
	_ = r.ParseForm()
	d.mu.Lock()
	if s.token == "" || r.PostForm.Get(TokenField) != s.token {
		d.mu.Unlock()
		d.errorPage(w, "KPCL017V01", "情報が一部失われています。もう一度最初から操作してください。")
		return
	}
	s.search, s.from, s.to = d.filter(r.PostForm)
	d.mu.Unlock()
	d.showPage(w, s, 1)
}

func (d *Double) listPage(w http.ResponseWriter, r *http.Request, s *session) {
	pn, err := strconv.Atoi(r.URL.Query().Get("pn"))
	d.mu.Lock()
	none := s.search == nil
	d.mu.Unlock()
	if err != nil || none {
		d.errorPage(w, "KPCL003V01", "検索条件が見つかりません。もう一度検索してください。")
		return
	}
	d.showPage(w, s, pn)
}

// filter applies the search form. No status ticked means the form's default
// (everything but cancellations). Caller holds d.mu.
func (d *Double) filter(f map[string][]string) (ids []string, from, to time.Time) {
	get := func(k string) string {
		if v := f[k]; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
		return ""
	}
	from, _ = time.ParseInLocation("20060102", get("rsvDateFrom"), d.cfg.Location)
	to, _ = time.ParseInLocation("20060102", get("rsvDateTo"), d.cfg.Location)
	statuses := map[int]bool{}
	for _, v := range f["reserveDispStatusCdArray"] {
		n, _ := strconv.Atoi(v)
		statuses[n] = true
	}
	ids = []string{}
	inRange := func(r *Reservation) bool {
		return (from.IsZero() || !r.Start.Before(from)) && (to.IsZero() || r.Start.Before(to.AddDate(0, 0, 1)))
	}
	for _, r := range d.st.sortedWhere(inRange) {
		switch {
		case len(statuses) > 0 && !statuses[r.Status], len(statuses) == 0 && cancelled(r.Status),
			get("reserveId") != "" && r.ID != get("reserveId"),
			get("staffId") != "" && r.StaffID != get("staffId"),
			get("rsvRouteId") != "" && r.RouteID != get("rsvRouteId"),
			!strings.HasPrefix(r.KanaSei, get("rsvCustomerNameSeiKana")),
			!strings.HasPrefix(r.KanaMei, get("rsvCustomerNameMeiKana")),
			!from.IsZero() && r.Start.Before(from),
			!to.IsZero() && !r.Start.Before(to.AddDate(0, 0, 1)):
			continue
		}
		ids = append(ids, r.ID)
	}
	return ids, from, to
}

// showPage renders page pn of the session's search (50 rows a page) below a
// fresh search form.
func (d *Double) showPage(w http.ResponseWriter, s *session, pn int) {
	d.mu.Lock()
	s.token = newID()
	v := d.formView(s.token)
	v.Searched, v.Total = true, len(s.search)
	v.Pages = (len(s.search) + d.cfg.PageSize - 1) / d.cfg.PageSize
	if v.Pages == 0 {
		v.Pages = 1
	}
	if pn < 1 || pn > v.Pages {
		pn = 1
	}
	v.Page = pn
	if pn > 1 {
		v.PrevPN = pn - 1
	}
	if pn < v.Pages {
		v.NextPN = pn + 1
	}
	if !s.from.IsZero() {
		v.From, v.To = s.from.Format("20060102"), s.to.Format("20060102")
	}
	lo, hi := (pn-1)*d.cfg.PageSize, pn*d.cfg.PageSize
	if hi > len(s.search) {
		hi = len(s.search)
	}
	for _, id := range s.search[lo:hi] {
		if r, ok := d.st.res[id]; ok {
			v.Rows = append(v.Rows, d.rowView(*r))
		}
	}
	d.mu.Unlock()
	d.render(w, "reserve_list.html", page{Title: "予約一覧", Nav: true, Data: v})
}

// rowView is one list row. Caller holds d.mu.
func (d *Double) rowView(r Reservation) rowView {
	v := rowView{
		ID:      r.ID,
		YMD:     r.Start.Format("20060102"),
		MD:      r.Start.Format("01/02"),
		HM:      r.Start.Format("15:04"),
		Name:    strings.TrimSpace(r.KanjiSei + " " + r.KanjiMei),
		Staff:   "-",
		Route:   routeText[r.RouteID],
		Menu:    append([]string(nil), r.Menu...),
		Points:  "-",
		PayType: "現地支払い",
		Amount:  yen(r.Total),
		Visit:   "-",
		Karte:   "-",
	}
	if v.Name == "" {
		v.Name = strings.TrimSpace(r.KanaSei + " " + r.KanaMei)
	}
	v.DetailPath = PathExtDetail + "?reserveId=" + r.ID
	if r.Net() {
		v.DetailPath = PathNetDetail + "?reserveId=" + r.ID
	}
	v.StatusParts = statusParts(statusNames[r.Status])
	if st, ok := d.st.staffByID(r.StaffID); ok {
		v.Staff = st.Name
	}
	if r.Coupon != "" {
		v.Menu = append(v.Menu, r.Coupon)
	}
	if len(v.Menu) == 0 {
		v.Menu = []string{"-"}
	}
	if r.Points > 0 {
		v.Points = strconv.Itoa(r.Points)
	}
	if r.Prepaid {
		v.PayType = "事前支払い"
	}
	switch r.Status {
	case StatusWaiting, StatusAwaitingVisit:
		v.Visit = "来店処理"
	case StatusDone, StatusPaid:
		v.Visit = "済"
	}
	return v
}

// statusParts breaks long statuses the way the site does: サロン<br>キャンセル.
func statusParts(s string) []string {
	for _, tail := range []string{"キャンセル", "確定待ち"} {
		if head, ok := strings.CutSuffix(s, tail); ok && head != "" {
			return []string{head, tail}
		}
	}
	return []string{s}
}

func yen(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return fmt.Sprintf("%s円", b.String())
}
