package sbdouble

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The write flows of phone and walk-in (YG) reservations: registration,
// change and cancel. Each goes form → confirmation → doComplete, as on the
// real site; the write waits in the session between the confirmation and
// doComplete. The real markup of these pages was never captured: every page
// is one template (regist_*.html, change_*.html, cancel_*.html) so that it
// can be corrected on its own.

// Paths of the write flows. The registration form's URL is the spec's; the
// others are this double's plain design.
const (
	PathRegistForm     = "/KLP/reserve/ext/extReserveRegist/"
	PathRegistConfirm  = "/KLP/reserve/ext/extReserveRegist/doConfirm"
	PathRegistComplete = "/KLP/reserve/ext/extReserveRegist/doComplete"
	PathChangeForm     = "/KLP/reserve/ext/extReserveChange/"
	PathChangeConfirm  = "/KLP/reserve/ext/extReserveChange/doConfirm"
	PathChangeComplete = "/KLP/reserve/ext/extReserveChange/doComplete"
	PathCancel         = "/KLP/reserve/ext/extReserveCancel/"
	PathCancelComplete = "/KLP/reserve/ext/extReserveCancel/doComplete"
)

// Messages of the site that the client classifies.
const (
	MsgCapacity     = "スタッフの受付可能数を超えています。"
	MsgOverlap      = "入力された振り分け日時にスタッフの予定が入っています。"
	MsgNotSaved     = "予約はまだ登録されていません。もう一度、予約登録画面から入力してください。"
	msgStale        = "情報が一部失われています。もう一度最初から操作してください。"
	defaultHoldBack = 2 * time.Minute
)

func isCompletePath(p string) bool {
	return p == PathRegistComplete || p == PathChangeComplete || p == PathCancelComplete
}

func isConfirmPath(p string) bool { return p == PathRegistConfirm || p == PathChangeConfirm }

func isWriteFormPath(p string) bool {
	return p == PathRegistForm || p == PathChangeForm || p == PathCancel
}

// writeKind names a flow.
type writeKind string

const (
	writeRegist writeKind = "regist"
	writeChange writeKind = "change"
	writeCancel writeKind = "cancel"
)

// pendingWrite is a confirmed write waiting for doComplete.
type pendingWrite struct {
	kind  writeKind
	token string      // the confirmation form's Struts token
	stamp string      // rlastupdate of the form it came from
	res   Reservation // registration and change: the reservation as it will be saved
	id    string      // change and cancel: the reservation
}

// outbound routes the write pages; false when the path is none of them.
func (d *Double) outbound(w http.ResponseWriter, r *http.Request, s *session, f *Fault) bool {
	switch r.URL.Path {
	case PathRegistForm:
		d.registForm(w, r, f)
	case PathRegistConfirm:
		d.registConfirm(w, r, s, f)
	case PathChangeForm:
		d.changeForm(w, r, f)
	case PathChangeConfirm:
		d.changeConfirm(w, r, s, f)
	case PathCancel:
		d.cancelPage(w, r, s, f)
	case PathRegistComplete:
		d.complete(w, r, s, f, writeRegist)
	case PathChangeComplete:
		d.complete(w, r, s, f, writeChange)
	case PathCancelComplete:
		d.complete(w, r, s, f, writeCancel)
	default:
		return false
	}
	return true
}

// fromPath reports whether the Referer's path starts with prefix.
func fromPath(ref, prefix string) bool {
	u, err := url.Parse(ref)
	return err == nil && strings.HasPrefix(u.Path, prefix)
}

func (d *Double) stampNow() string { return d.st.stamp.Format("20060102150405") }

// completeView is what a completion page shows.
type completeView struct {
	ID, YMD, Status string
}

// complete is doComplete of every flow: the waiting write must be of this
// flow and carry its token (otherwise nothing is saved: まだ登録されていません),
// the stamp must still be current (KPCL017V01), and then the write is saved
// unless a fault or a character Shift_JIS cannot hold discards it silently.
func (d *Double) complete(w http.ResponseWriter, r *http.Request, s *session, f *Fault, kind writeKind) {
	if r.Method != http.MethodPost {
		http.Redirect(w, r, PathSchedule, http.StatusFound)
		return
	}
	_ = r.ParseForm()
	d.mu.Lock()
	p := s.write
	s.write = nil
	switch {
	case p == nil || p.kind != kind || r.PostForm.Get(TokenField) != p.token ||
		(f != nil && f.Kind == FaultNotRegistered):
		d.mu.Unlock()
		d.render(w, "not_registered.html", page{Title: "予約登録", Nav: true, Data: MsgNotSaved})
		return
	case p.stamp != d.stampNow():
		d.mu.Unlock()
		d.errorPage(w, "KPCL017V01", msgStale)
		return
	}
	discard := (f != nil && f.Kind == FaultDiscard) || !shiftJISSafe(p.res)
	v := d.save(p, r.PostForm, discard)
	d.mu.Unlock()
	if f != nil && f.Kind == FaultTimeoutAfterCommit {
		hold := f.Delay
		if hold <= 0 {
			hold = defaultHoldBack
		}
		select {
		case <-time.After(hold):
		case <-r.Context().Done():
			return // the client gave up; the write stays saved
		}
	}
	d.render(w, string(kind)+"_complete.html", page{Title: "完了", Nav: true, Data: v})
}

// save applies a waiting write (or, discarding, only pretends to). Caller
// holds d.mu.
func (d *Double) save(p *pendingWrite, form url.Values, discard bool) completeView {
	switch p.kind {
	case writeRegist:
		r := p.res
		r.ID = d.st.nextID(false) // a discarded write still shows a number
		v := completeView{ID: r.ID, YMD: r.Start.Format("20060102")}
		if !discard {
			r.Status, r.Received = StatusWaiting, d.now()
			d.st.res[r.ID] = &r
			d.st.touch(d.now())
		}
		return v
	case writeChange:
		if cur, ok := d.st.res[p.id]; ok && !discard {
			*cur = p.res
			d.st.touch(d.now())
		}
		return completeView{ID: p.id, YMD: p.res.Start.Format("20060102")}
	default:
		status := cancelStatus(form.Get("cancelStatusCd"))
		v := completeView{ID: p.id, Status: statusNames[status]}
		if cur, ok := d.st.res[p.id]; ok && !discard {
			cur.Status = status
			v.YMD = cur.Start.Format("20060102")
			d.st.touch(d.now())
		}
		return v
	}
}

// cancelStatus reads the cancel page's choice: お客様キャンセル unless サロン
// or 無断 was chosen.
func cancelStatus(v string) int {
	switch v {
	case "8":
		return StatusSalonCancel
	case "9":
		return StatusNoShow
	}
	return StatusCustomerCancel
}
