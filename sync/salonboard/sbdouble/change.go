package sbdouble

import (
	"net/http"
	"time"
)

// The change and cancel flows of a phone or walk-in (YG) reservation, both
// opened from its detail page (変更する, キャンセルする).

// writable returns the live YG reservation a change or cancel page is about,
// or shows the error page and returns false. Caller must not hold d.mu.
func (d *Double) writable(w http.ResponseWriter, r *http.Request, id string) (Reservation, bool) {
	if !fromPath(r.Referer(), PathExtDetail) {
		d.errorPage(w, "KPCL002V01", "不正な画面遷移です。")
		return Reservation{}, false
	}
	res, ok := d.Reservation(id)
	if !ok || res.Net() || cancelled(res.Status) {
		d.errorPage(w, "KPCL005V01", "予約情報が見つかりません。")
		return Reservation{}, false
	}
	return res, true
}

func dayStart(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, t.Location())
}

// changeForm serves the change form filled with the reservation.
func (d *Double) changeForm(w http.ResponseWriter, r *http.Request, f *Fault) {
	res, ok := d.writable(w, r, r.URL.Query().Get("reserveId"))
	if !ok {
		return
	}
	d.mu.Lock()
	v := d.writeForm(PathChangeConfirm, d.stampNow(), dayStart(res.Start), res)
	if f != nil && f.Kind == FaultStaleStamp {
		d.st.touch(d.now())
	}
	d.mu.Unlock()
	d.render(w, "change_form.html", page{Title: "予約変更", Nav: true, Data: v})
}

// changeConfirm is the confirm step of a change.
func (d *Double) changeConfirm(w http.ResponseWriter, r *http.Request, s *session, f *Fault) {
	_ = r.ParseForm()
	res, ok := d.Reservation(r.PostForm.Get("reserveId"))
	if !ok || res.Net() || cancelled(res.Status) {
		d.errorPage(w, "KPCL005V01", "予約情報が見つかりません。")
		return
	}
	d.confirm(w, r, s, f, writeChange, res)
}

// cancelPage asks to confirm the cancellation and keeps it waiting in the
// session: the page is the confirm step of the cancel flow.
func (d *Double) cancelPage(w http.ResponseWriter, r *http.Request, s *session, f *Fault) {
	res, ok := d.writable(w, r, r.URL.Query().Get("reserveId"))
	if !ok {
		return
	}
	d.mu.Lock()
	s.write = &pendingWrite{kind: writeCancel, token: newID(), stamp: d.stampNow(), id: res.ID}
	v := d.confirmView(res, s.write.token)
	v.Status = statusNames[res.Status]
	if f != nil && f.Kind == FaultStaleStamp {
		d.st.touch(d.now())
	}
	d.mu.Unlock()
	d.render(w, "cancel_confirm.html", page{Title: "予約キャンセル", Nav: true, Data: v})
}
