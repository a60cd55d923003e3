package sbdouble

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

type detailView struct {
	ID, Status, Kana, Kanji, Phone string
	Date, DateSlash, Start, End    string
	Received, Route                string
	Menu                           []string
	Coupon, Staff                  string
	Designated                     bool
	Equipment                      string
	Memo, Total                    string
	// The ext page's form (#extReserveDetail), which cancels.
	Token, Store, CustomerID string
	RsvEtc                   string
	Live                     bool   // not cancelled: the form offers キャンセル
	Message                  string // after doCancel
}

// detail serves the net or ext detail page, but only when opened from the
// list or the schedule (the Referer), as the real site refuses direct hits.
// The ext page's form offers the cancellation (doCancel) in the session.
func (d *Double) detail(w http.ResponseWriter, r *http.Request, s *session, f *Fault) {
	if !fromListOrSchedule(r.Referer()) {
		d.errorPage(w, "KPCL002V01", "不正な画面遷移です。")
		return
	}
	id := r.URL.Query().Get("reserveId")
	d.mu.Lock()
	res, ok := d.st.res[id]
	var v detailView
	broken := ok && res.DetailBroken
	if ok {
		v = d.detailView(*res)
		if !res.Net() && r.URL.Path == PathExtDetail && !broken {
			v.Token, v.Store = offer(s, f, pendingWrite{kind: writeCancel, id: id}), s.store
		}
	}
	d.mu.Unlock()
	if broken {
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		return
	}
	net := r.URL.Path == PathNetDetail
	if !ok || net != res.Net() {
		d.errorPage(w, "KPCL005V01", "予約情報が見つかりません。")
		return
	}
	if net {
		d.render(w, "detail_net.html", page{Title: "予約詳細", Nav: true, Data: v})
		return
	}
	d.render(w, "detail_ext.html", page{Title: "予約詳細", Nav: true, Data: v})
}

func fromListOrSchedule(ref string) bool {
	u, err := url.Parse(ref)
	if err != nil {
		return false
	}
	return strings.HasPrefix(u.Path, "/KLP/reserve/reserveList/") || strings.HasPrefix(u.Path, PathSchedule)
}

var weekdays = []string{"日", "月", "火", "水", "木", "金", "土"}

// detailView fills the detail page. Caller holds d.mu.
func (d *Double) detailView(r Reservation) detailView {
	v := detailView{
		ID:         r.ID,
		Status:     statusNames[r.Status],
		Kana:       strings.TrimSpace(r.KanaSei + " " + r.KanaMei),
		Kanji:      strings.TrimSpace(r.KanjiSei + " " + r.KanjiMei),
		Phone:      r.Phone,
		Date:       r.Start.Format("2006年01月02日") + "（" + weekdays[r.Start.Weekday()] + "）",
		DateSlash:  r.Start.Format("2006/01/02"),
		Start:      r.Start.Format("15:04"),
		End:        r.End.Format("15:04"),
		Received:   r.Received.Format("2006年01月02日 15:04"),
		Route:      routeText[r.RouteID],
		Menu:       r.Menu,
		Coupon:     r.Coupon,
		Designated: r.Designated,
		Memo:       r.Memo,
		Total:      strconv.Itoa(r.Total),
		CustomerID: customerID(r),
		RsvEtc:     r.Memo,
		Live:       !cancelled(r.Status),
	}
	if v.Kanji == "" {
		v.Kanji = "-"
	}
	if st, ok := d.st.staffByID(r.StaffID); ok {
		v.Staff = st.Name
	}
	if eq, ok := d.st.equipmentByID(r.EquipmentID); ok {
		v.Equipment = eq.Name
	}
	if v.Memo == "" {
		v.Memo = "-"
	}
	return v
}
