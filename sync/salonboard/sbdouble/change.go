package sbdouble

import (
	"fmt"
	"net/http"
	"time"
)

// Changing and cancelling a phone or walk-in (YG) reservation, as the spec
// records the real site: the change form (#extReserveChange, opened from
// the detail page) posts straight to doComplete; there is no cancel page:
// the detail page's own form (#extReserveDetail) posts to doCancel, and the
// reservation stays in the list as サロンキャンセル. Neither post names the
// reservation: the session remembers which one its page offered.

// cancelFlags are the detail form's flags a cancellation posts as 0.
var cancelFlags = []string{"acceptFlg", "disposeFlg", "transferFlg", "isEditRsvEtc", "isEditOperationMemo"}

// customerID is the hidden customerId of a reservation's forms.
func customerID(r Reservation) string {
	if len(r.ID) > 2 {
		return "CS" + r.ID[2:]
	}
	return ""
}

func dayStart(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, t.Location())
}

// offer keeps the write a page offers in the session with a fresh token.
// FaultStaleStamp makes another tab open the same page right after: the
// token this page carries is stale at once. Caller holds d.mu.
func offer(s *session, f *Fault, w pendingWrite) string {
	w.token = newID()
	s.write = &w
	shown := w.token
	if f != nil && f.Kind == FaultStaleStamp {
		s.write.token = newID()
	}
	return shown
}

// tokenOK checks a post's Struts token and store fields against the write
// the session waits for. Caller holds d.mu.
func tokenOK(r *http.Request, s *session, kind writeKind) bool {
	p := s.write
	return p != nil && p.kind == kind && r.PostForm.Get(TokenField) == p.token &&
		r.PostForm.Get(TabCheckField) == s.store && r.PostForm.Get(SubmitStoreField) == s.store
}

// changeForm serves the change form of a live YG reservation, opened from
// its detail page.
func (d *Double) changeForm(w http.ResponseWriter, r *http.Request, s *session, f *Fault) {
	if !fromPath(r.Referer(), PathExtDetail) {
		d.errorPage(w, "KPCL002V01", "不正な画面遷移です。")
		return
	}
	d.mu.Lock()
	res, ok := d.st.res[r.URL.Query().Get("reserveId")]
	if !ok || res.Net() || cancelled(res.Status) {
		d.mu.Unlock()
		d.errorPage(w, "KPCL005V01", "予約情報が見つかりません。")
		return
	}
	token := offer(s, f, pendingWrite{kind: writeChange, id: res.ID})
	v := d.changeView(*res, *res, token, s.store)
	d.mu.Unlock()
	d.render(w, "change_form.html", page{Title: "予約変更", Nav: true, Data: v})
}

// changeView is the change form showing shown for reservation orig. Caller
// holds d.mu.
func (d *Double) changeView(orig, shown Reservation, token, store string) writeFormView {
	day := dayStart(shown.Start)
	v := d.writeForm(PathChangeComplete, "", day, shown)
	v.Token, v.Store, v.CustomerID = token, store, customerID(orig)
	v.OrgSeiKana, v.OrgMeiKana = orig.KanaSei, orig.KanaMei
	hm := int(shown.Start.Sub(day).Minutes())
	for m := 0; m < 24*60; m += 15 {
		v.Times = append(v.Times, option{Value: fmt.Sprintf("%02d%02d", m/60, m%60),
			Label: fmt.Sprintf("%d:%02d", m/60, m%60), Checked: m == hm})
	}
	return v
}

// changeComplete checks and saves a change at once: a stale token shows
// KPCL017V01, broken rules or capacity the form again with a new token,
// and otherwise the change is saved unless a fault or a character
// Shift_JIS cannot hold discards it silently.
func (d *Double) changeComplete(w http.ResponseWriter, r *http.Request, s *session, f *Fault) {
	if r.Method != http.MethodPost {
		http.Redirect(w, r, PathSchedule, http.StatusFound)
		return
	}
	_ = r.ParseForm()
	d.mu.Lock()
	if !tokenOK(r, s, writeChange) {
		s.write = nil
		d.mu.Unlock()
		d.errorPage(w, "KPCL017V01", msgStale)
		return
	}
	id := s.write.id
	cur, ok := d.st.res[id]
	if !ok || cancelled(cur.Status) || (f != nil && f.Kind == FaultNotRegistered) {
		s.write = nil
		d.mu.Unlock()
		d.render(w, "not_registered.html", page{Title: "予約変更", Nav: true, Data: MsgNotSaved})
		return
	}
	res, errs := d.readForm(r.PostForm, dayStart(cur.Start), *cur)
	switch {
	case len(errs) > 0:
	case f != nil && f.Kind == FaultCapacity:
		errs = []string{MsgCapacity}
	default:
		errs = d.capacityErrors(res)
	}
	if len(errs) > 0 {
		token := offer(s, nil, pendingWrite{kind: writeChange, id: id})
		v := d.changeView(*cur, res, token, s.store)
		v.Errors = errs
		d.mu.Unlock()
		d.render(w, "change_form.html", page{Title: "入力エラー", Nav: true, Data: v})
		return
	}
	s.write = nil
	if !(f != nil && f.Kind == FaultDiscard) && shiftJISSafe(res) {
		*cur = res
		d.st.touch(d.now())
	}
	v := completeView{ID: id, YMD: res.Start.Format("20060102")}
	d.mu.Unlock()
	if holdBack(r, f) {
		d.render(w, "change_complete.html", page{Title: "完了", Nav: true, Data: v})
	}
}

// cancel is doCancel: the detail form's token, store fields, customerId and
// flags must be posted as the page carried them (a form posted without them
// is a system error, as a Struts action would fail), and the reservation
// becomes サロンキャンセル unless a fault discards it. The answer is the
// detail page again.
func (d *Double) cancel(w http.ResponseWriter, r *http.Request, s *session, f *Fault) {
	if r.Method != http.MethodPost {
		http.Redirect(w, r, PathSchedule, http.StatusFound)
		return
	}
	_ = r.ParseForm()
	d.mu.Lock()
	if !tokenOK(r, s, writeCancel) {
		s.write = nil
		d.mu.Unlock()
		d.errorPage(w, "KPCL017V01", msgStale)
		return
	}
	id := s.write.id
	s.write = nil
	cur, ok := d.st.res[id]
	if !ok || !cancelPostComplete(r, *cur) {
		d.mu.Unlock()
		d.systemErrorPage(w)
		return
	}
	if cancelled(cur.Status) || (f != nil && f.Kind == FaultNotRegistered) {
		d.mu.Unlock()
		d.render(w, "not_registered.html", page{Title: "予約キャンセル", Nav: true, Data: MsgNotSaved})
		return
	}
	if !(f != nil && f.Kind == FaultDiscard) {
		cur.Status = StatusSalonCancel
		d.st.touch(d.now())
	}
	v := d.detailView(*cur)
	v.Message = "予約をキャンセルしました。"
	d.mu.Unlock()
	if holdBack(r, f) {
		d.render(w, "detail_ext.html", page{Title: "予約詳細", Nav: true, Data: v})
	}
}

// cancelPostComplete: customerId of the reservation, every flag 0, and the
// two memo fields present (as the page carried them).
func cancelPostComplete(r *http.Request, res Reservation) bool {
	if r.PostForm.Get("customerId") != customerID(res) || !r.PostForm.Has("rsvEtc") || !r.PostForm.Has("operationMemo") {
		return false
	}
	for _, k := range cancelFlags {
		if v, ok := r.PostForm[k]; !ok || len(v) != 1 || v[0] != "0" {
			return false
		}
	}
	return true
}
