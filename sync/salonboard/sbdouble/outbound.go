package sbdouble

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The write flows of phone and walk-in (YG) reservations. Registration
// goes form → confirmation → doComplete; a change posts its form straight
// to doComplete; a cancellation posts the detail page's own form to
// doCancel (spec §2, "Changing and cancelling a reservation"). The write
// waits in the session between the page that offers it and its post, with
// the Struts token that page carried. The real markup of these pages was
// never captured: every page is one template (regist_*.html,
// change_*.html, detail_ext.html) so that it can be corrected on its own.

// Paths of the write flows. The registration form, the change form, its
// doComplete and doCancel are the spec's; the registration's doConfirm is
// this double's plain design.
const (
	PathRegistForm     = "/KLP/reserve/ext/extReserveRegist/"
	PathRegistConfirm  = "/KLP/reserve/ext/extReserveRegist/doConfirm"
	PathRegistComplete = "/KLP/reserve/ext/extReserveRegist/doComplete"
	PathChangeForm     = "/KLP/reserve/ext/extReserveChange/"
	PathChangeComplete = "/KLP/reserve/ext/extReserveChange/doComplete"
	PathCancel         = "/KLP/reserve/ext/extReserveDetail/doCancel"
)

// Messages of the site that the client classifies.
const (
	MsgCapacity     = "スタッフの受付可能数を超えています。"
	MsgOverlap      = "入力された振り分け日時にスタッフの予定が入っています。"
	MsgNotSaved     = "予約はまだ登録されていません。もう一度、予約登録画面から入力してください。"
	msgStale        = "情報が一部失われています。もう一度最初から操作してください。"
	defaultHoldBack = 2 * time.Minute
)

// The hidden fields every write form carries besides the Struts token.
const (
	TabCheckField    = "storeIdForMultipleTabCheck"
	SubmitStoreField = "SUBMIT_STORE_ID"
)

// Each step's paths, for the faults that default to a step: the post that
// commits, the page that offers a write, and the post that checks it.
func isCompletePath(p string) bool {
	return p == PathRegistComplete || p == PathChangeComplete || p == PathCancel
}

func isConfirmPath(p string) bool {
	return p == PathRegistConfirm || p == PathChangeComplete || p == PathCancel
}

func isWriteFormPath(p string) bool {
	return p == PathRegistForm || p == PathChangeForm || p == PathExtDetail
}

// writeKind names a flow.
type writeKind string

const (
	writeRegist writeKind = "regist"
	writeChange writeKind = "change"
	writeCancel writeKind = "cancel"
)

// pendingWrite is a write a page offered, waiting for its post.
type pendingWrite struct {
	kind  writeKind
	token string      // the Struts token of the page that offers it
	stamp string      // registration: rlastupdate of the form it came from
	res   Reservation // registration: the reservation as it will be saved
	id    string      // change and cancel: the reservation
}

// outbound routes the write pages; false when the path is none of them.
func (d *Double) outbound(w http.ResponseWriter, r *http.Request, s *session, f *Fault) bool {
	switch r.URL.Path {
	case PathRegistForm:
		d.registForm(w, r, f)
	case PathRegistConfirm:
		d.registConfirm(w, r, s, f)
	case PathRegistComplete:
		d.complete(w, r, s, f, writeRegist)
	case PathChangeForm:
		d.changeForm(w, r, s, f)
	case PathChangeComplete:
		d.changeComplete(w, r, s, f)
	case PathCancel:
		d.cancel(w, r, s, f)
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

// complete is the registration's doComplete: the waiting write must be a
// registration and carry its token (otherwise nothing is saved: まだ登録されて
// いません), the stamp must still be current (KPCL017V01), and then the
// write is saved unless a fault or a character Shift_JIS cannot hold
// discards it silently.
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
	res := p.res
	res.ID = d.st.nextID(false) // a discarded write still shows a number
	v := completeView{ID: res.ID, YMD: res.Start.Format("20060102")}
	if !discard {
		res.Status, res.Received = StatusWaiting, d.now()
		d.st.res[res.ID] = &res
		d.st.touch(d.now())
	}
	d.mu.Unlock()
	if !holdBack(r, f) {
		return
	}
	d.render(w, string(kind)+"_complete.html", page{Title: "完了", Nav: true, Data: v})
}

// holdBack waits out FaultTimeoutAfterCommit (the write is saved already);
// false when the client gave up meanwhile.
func holdBack(r *http.Request, f *Fault) bool {
	if f == nil || f.Kind != FaultTimeoutAfterCommit {
		return true
	}
	hold := f.Delay
	if hold <= 0 {
		hold = defaultHoldBack
	}
	select {
	case <-time.After(hold):
		return true
	case <-r.Context().Done():
		return false // the client gave up; the write stays saved
	}
}
