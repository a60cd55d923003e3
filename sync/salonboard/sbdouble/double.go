// Package sbdouble is a SALON BOARD test double: an http.Handler serving the
// キレイ web pages of the spec (login, top, group top, reservation list with
// its Struts token and paging, schedule, detail pages, KPCL error pages) from
// an in-memory synthetic salon, with fault injection and a request log so
// that tests can assert pacing and request counts. It also takes phone and
// walk-in reservations through the registration, change and cancel forms
// with the site's input rules and their faults (outbound.go).
package sbdouble

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Paths served.
const (
	PathLogin       = "/login/"
	PathDoLogin     = "/CNC/login/doLogin/"
	PathPassword    = "/CNC/login/passwordChange/"
	PathTop         = "/KLP/top/"
	PathGroupTop    = "/KLP/groupTop/"
	PathSelectStore = "/KLP/groupTop/selectStore/"
	PathListInit    = "/KLP/reserve/reserveList/init"
	PathListSearch  = "/KLP/reserve/reserveList/search"
	PathListPage    = "/KLP/reserve/reserveList/changePage"
	PathSchedule    = "/KLP/schedule/salonSchedule/"
	PathNetDetail   = "/KLP/reserve/net/reserveDetail/"
	PathExtDetail   = "/KLP/reserve/ext/extReserveDetail/"
)

// PageSize is the number of rows on one list page.
const PageSize = 50

// Config is the account the double accepts.
type Config struct {
	UserID   string // default "SD0000001"
	Password string // default "synthetic-pass"
	// Group makes the account a group account landing on /KLP/groupTop/,
	// which lists Stores.
	Group  bool
	Stores []Store
	// Location for dates (default time.Local); Now for stamps (default
	// time.Now).
	Location *time.Location
	Now      func() time.Time
	// PageSize is the rows of one list page (default PageSize, as the
	// site); a test of very long searches sets it small.
	PageSize int
}

// Store is a salon of a group account.
type Store struct {
	ID   string // H…
	Name string
}

// Request is one request the double answered.
type Request struct {
	Method  string
	Path    string
	Query   string
	Referer string
	At      time.Time // on Config.Now's clock
	Kind    PageKind
}

// Double is the fake SALON BOARD. Create it with New.
type Double struct {
	cfg Config

	mu        sync.Mutex
	st        *state
	sessions  map[string]*session
	taken     map[string]bool // sessions ended by a login elsewhere (TakeSession)
	takeovers int
	faults    []*Fault
	log       []Request
	inFlight  int
	maxIn     int // most requests ever served at the same time
}

// session is one logged-in browser.
type session struct {
	storeOK bool   // a group account has picked its store
	store   string // the store's H… id, which write forms carry for the multiple-tab check
	token   string // the Struts token of the last list form
	search  []string
	from    time.Time
	to      time.Time
	write   *pendingWrite // the write between its confirmation and doComplete
}

const cookieName = "JSESSIONID"

// DefaultStoreID is the store of an account that is not a group account.
const DefaultStoreID = "H000000001"

// New makes a double with a small synthetic salon (three staff, two beds, no
// reservations).
func New(cfg Config) *Double {
	if cfg.UserID == "" {
		cfg.UserID = "SD0000001"
	}
	if cfg.Password == "" {
		cfg.Password = "synthetic-pass"
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = PageSize
	}
	if cfg.Group && len(cfg.Stores) == 0 {
		cfg.Stores = []Store{{ID: "H000000101", Name: "サロン・デモ 本店"}, {ID: "H000000102", Name: "サロン・デモ 駅前店"}}
	}
	d := &Double{cfg: cfg, st: newState(), sessions: map[string]*session{}, taken: map[string]bool{}}
	d.st.touch(cfg.Now())
	return d
}

func (d *Double) now() time.Time { return d.cfg.Now().In(d.cfg.Location) }

// ServeHTTP answers one request: log it, apply an armed fault, route it.
func (d *Double) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	d.log = append(d.log, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
		Referer: r.Referer(), At: d.cfg.Now(), Kind: kindOf(r.URL.Path)})
	f := d.takeFault(r.URL.Path)
	d.inFlight++
	d.maxIn = max(d.maxIn, d.inFlight)
	d.mu.Unlock()
	defer func() {
		d.mu.Lock()
		d.inFlight--
		d.mu.Unlock()
	}()
	if f != nil && f.Kind == FaultDelay {
		select {
		case <-time.After(f.Delay):
		case <-r.Context().Done():
			return
		}
		f = nil
	}
	d.route(w, r, f)
}

func (d *Double) route(w http.ResponseWriter, r *http.Request, f *Fault) {
	if f != nil {
		switch f.Kind {
		case FaultStatus:
			status := f.Status
			if status == 0 {
				status = http.StatusInternalServerError
			}
			w.WriteHeader(status)
			_, _ = w.Write([]byte("<html><body><h1>Service Unavailable</h1></body></html>"))
			return
		case FaultChanged:
			d.render(w, "changed.html", page{Title: "SALON BOARD", Nav: true})
			return
		case FaultSystemError:
			d.systemErrorPage(w)
			return
		}
	}
	p := r.URL.Path
	switch {
	case p == PathLogin:
		d.loginPage(w, f)
	case p == PathDoLogin:
		d.doLogin(w, r, f)
	case p == PathPassword:
		d.render(w, "password_change.html", page{Title: "パスワード変更"})
	case strings.HasPrefix(p, "/KLP/"):
		d.klp(w, r, f)
	default:
		http.NotFound(w, r)
	}
}

// klp serves the logged-in pages, after the session checks.
func (d *Double) klp(w http.ResponseWriter, r *http.Request, f *Fault) {
	s := d.session(r)
	if s == nil && d.showTaken(w, r) {
		return
	}
	if s == nil {
		// No session at all: the site sends the browser to the login form.
		http.Redirect(w, r, PathLogin, http.StatusFound)
		return
	}
	if f != nil {
		switch f.Kind {
		case FaultExpire, FaultExpireMidFlow:
			d.endSession(r)
			d.errorPage(w, "KPCL011V01", "セッションの有効期限が切れました。再度ログインしてください。")
			return
		case FaultStale:
			d.errorPage(w, "KPCL017V01", "情報が一部失われています。もう一度最初から操作してください。")
			return
		}
	}
	p := r.URL.Path
	if d.cfg.Group && !s.storeOK && p != PathGroupTop && p != PathSelectStore {
		http.Redirect(w, r, PathGroupTop, http.StatusFound)
		return
	}
	switch p {
	case PathTop:
		d.render(w, "top.html", page{Title: "トップ", Nav: true})
	case PathGroupTop:
		d.render(w, "group_top.html", page{Title: "店舗選択", Data: d.cfg.Stores})
	case PathSelectStore:
		d.selectStore(w, r, s)
	case PathListInit:
		d.listInit(w, s)
	case PathListSearch:
		d.listSearch(w, r, s)
	case PathListPage:
		d.listPage(w, r, s)
	case PathSchedule:
		d.schedule(w, r)
	case PathNetDetail, PathExtDetail:
		d.detail(w, r, s, f)
	default:
		if !d.outbound(w, r, s, f) {
			http.NotFound(w, r)
		}
	}
}

// session returns the request's live session, or nil.
func (d *Double) session(r *http.Request) *session {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.sessions[c.Value]
}

func (d *Double) endSession(r *http.Request) {
	if c, err := r.Cookie(cookieName); err == nil {
		d.mu.Lock()
		delete(d.sessions, c.Value)
		d.mu.Unlock()
	}
}

// ExpireSessions ends every session, as a person logging in elsewhere does.
func (d *Double) ExpireSessions() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.sessions = map[string]*session{}
}

// Sessions is the number of live sessions (one account has at most one).
func (d *Double) Sessions() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.sessions)
}

func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return strings.ToUpper(hex.EncodeToString(b))
}

// Requests returns the request log; count it with its methods.
func (d *Double) Requests() RequestLog {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append(RequestLog(nil), d.log...)
}

// Count is the number of requests to path (method ignored).
func (d *Double) Count(path string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for _, r := range d.log {
		if r.Path == path {
			n++
		}
	}
	return n
}

// MaxConcurrent is the largest number of requests the double was answering
// at the same moment (a polite client keeps it at 1).
func (d *Double) MaxConcurrent() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.maxIn
}

// ResetRequests clears the request log.
func (d *Double) ResetRequests() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.log = nil
}

// Serve listens on addr (e.g. "127.0.0.1:0") and serves the double until
// ctx ends. It returns the base URL to configure the client with.
func (d *Double) Serve(ctx context.Context, addr string) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: d, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			_ = err // the demo goes on without SALON BOARD; the client reports it offline
		}
	}()
	return "http://" + ln.Addr().String(), nil
}
