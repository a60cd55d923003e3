package smaregidouble

import (
	"net/http"
	"time"
)

// Fault is a misbehaviour for the next matching requests.
type Fault struct {
	Proc   string        // the proc_name it applies to; "" any
	Times  int           // how many requests; 0 is 1, negative is every one until ClearFaults
	Status int           // answer this HTTP status with an empty body (503, 429, 404…)
	Code   int           // answer this error_code (status 400), e.g. 23
	Hang   bool          // never answer: the client's timeout (or Close) ends it
	Drop   bool          // close the connection without an answer (Smaregi unreachable)
	Delay  time.Duration // answer this late, then normally (or with Status/Code)
}

// Inject queues a fault; faults apply in the order injected.
func (d *Double) Inject(f Fault) {
	if f.Times == 0 {
		f.Times = 1
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.faults = append(d.faults, &f)
}

// ClearFaults drops every queued fault and the slow-answer delay.
func (d *Double) ClearFaults() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.faults, d.delay = nil, 0
}

// SetDelay makes every answer this slow.
func (d *Double) SetDelay(delay time.Duration) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.delay = delay
}

// takeFault returns the first fault for proc and uses one of its times.
func (d *Double) takeFault(proc string) (Fault, time.Duration, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i, f := range d.faults {
		if f.Proc != "" && f.Proc != proc {
			continue
		}
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				d.faults = append(d.faults[:i:i], d.faults[i+1:]...)
			}
		}
		return *f, d.delay, true
	}
	return Fault{}, d.delay, false
}

// applyFault plays the fault for this request, if any; true when it answered.
func (d *Double) applyFault(w http.ResponseWriter, r *http.Request, proc string) bool {
	f, delay, ok := d.takeFault(proc)
	if wait := delay + f.Delay; wait > 0 {
		select {
		case <-time.After(wait):
		case <-r.Context().Done():
			return true
		case <-d.release:
		}
	}
	if !ok {
		return false
	}
	switch {
	case f.Drop:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler) // HTTP/2: abort the stream instead
	case f.Hang:
		select {
		case <-r.Context().Done():
		case <-d.release:
		}
		return true
	case f.Status != 0:
		w.WriteHeader(f.Status)
		return true
	case f.Code != 0:
		writeError(w, fail(f.Code, "injected"))
		return true
	}
	return false
}
