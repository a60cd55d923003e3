package sbdouble

import (
	"strings"
	"time"
)

// FaultKind is one way SALON BOARD misbehaves.
type FaultKind int

const (
	// FaultDelay holds the answer for Fault.Delay (longer than the client's
	// timeout makes a timeout), then answers normally.
	FaultDelay FaultKind = iota + 1
	// FaultExpire ends the session: this request shows a KPCL expiry page.
	FaultExpire
	// FaultCaptcha shows an image check at login (GET /login/ and doLogin).
	FaultCaptcha
	// FaultPasswordChange sends a successful login to a password change page.
	FaultPasswordChange
	// FaultStale shows KPCL017V01 (情報が一部失われています).
	FaultStale
	// FaultChanged serves a redesigned page the parsers do not know.
	FaultChanged
	// FaultStatus answers Fault.Status (500 when 0) with an error page.
	FaultStatus

	// Faults of the write flows (registration, change, cancel). With no
	// Path each applies to the step named below, of any of the three flows:
	// the commit is doComplete or doCancel; the page that offers a write is
	// the registration form, the change form or the detail page (whose form
	// cancels); the checking post is the registration's doConfirm, or the
	// change's doComplete and doCancel, which check and commit at once.

	// FaultDiscard: doComplete answers success (with a reservation number)
	// but stores nothing.
	FaultDiscard
	// FaultTimeoutAfterCommit: doComplete stores the write, then holds the
	// answer for Delay (2 minutes when 0) or until the client gives up.
	FaultTimeoutAfterCommit
	// FaultStaleStamp: another change lands right after a write form is
	// served (another tab opens the same page), so the form's rlastupdate or
	// Struts token is stale when it is posted (KPCL017V01).
	FaultStaleStamp
	// FaultCapacity: the confirm step answers the staff capacity warning
	// (スタッフの受付可能数を超えています) whatever the schedule holds.
	FaultCapacity
	// FaultExpireMidFlow: the session ends between the form and the
	// confirmation: the confirm submit shows a KPCL expiry page.
	FaultExpireMidFlow
	// FaultNotRegistered: doComplete (or doCancel) answers まだ登録されていません.
	FaultNotRegistered
	// FaultSystemError serves the site's system error page (title
	// "SALON BOARD　システムエラー", no error code) and does nothing else.
	FaultSystemError
)

// Fault is injected with Double.Inject. It applies to requests whose path
// starts with Path ("" = any) for Times requests (0 = once, -1 = until
// ClearFaults). FaultCaptcha and FaultPasswordChange with no Path apply to
// the answer of POST /CNC/login/doLogin/ (Path /login/ shows the image
// check on the login form itself).
type Fault struct {
	Kind   FaultKind
	Path   string
	Times  int
	Delay  time.Duration
	Status int
}

// Inject arms a fault.
func (d *Double) Inject(f Fault) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if f.Times == 0 {
		f.Times = 1
	}
	d.faults = append(d.faults, &f)
}

// ClearFaults disarms every fault.
func (d *Double) ClearFaults() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.faults = nil
}

// takeFault returns the first armed fault for path (and counts it down).
// Caller holds d.mu.
func (d *Double) takeFault(path string) *Fault {
	for i, f := range d.faults {
		if !f.matches(path) {
			continue
		}
		out := *f
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				d.faults = append(d.faults[:i:i], d.faults[i+1:]...)
			}
		}
		return &out
	}
	return nil
}

func (f *Fault) matches(path string) bool {
	if f.Path == "" {
		switch f.Kind {
		case FaultCaptcha, FaultPasswordChange:
			return path == PathDoLogin
		case FaultDiscard, FaultTimeoutAfterCommit, FaultNotRegistered:
			return isCompletePath(path)
		case FaultStaleStamp:
			return isWriteFormPath(path)
		case FaultCapacity, FaultExpireMidFlow:
			return isConfirmPath(path)
		}
	}
	return strings.HasPrefix(path, f.Path)
}
