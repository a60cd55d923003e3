package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-resty/resty/v2"
	"golang.org/x/net/publicsuffix"
)

// Config says where and as whom the client logs in.
type Config struct {
	BaseURL  string // https://salonboard.com, or the test double's URL
	UserID   string // SALON BOARD ID
	Password string // never logged, never put into an error
	StoreID  string // H… store to pick when the ID is a group account
	Timeout  time.Duration
	Pacing   *Pacing        // nil: DefaultPacing()
	Logger   *slog.Logger   // nil: no logging
	Location *time.Location // nil: time.Local
	Clock    Clock          // nil: the wall clock
	// BeforeLogin, when set, is asked before every login (before its first
	// request, and so before every password post). A non-nil answer aborts
	// the login: the call returns *LoginHeldError, which is permanent, so
	// that an outbox does not retry it. The app uses it to stop logging in
	// when someone else keeps taking the session (one session per account).
	BeforeLogin func(LoginReason) error
}

// Clock is the time the client paces itself by (pauses between pages, the
// gap between logins, the CAPTCHA back-off). A test can pass its own, so
// that pacing is checked on the clock instead of slept through.
type Clock interface {
	Now() time.Time
	SleepUntil(ctx context.Context, t time.Time) error
}

// wallClock is the real time.
type wallClock struct{}

func (wallClock) Now() time.Time { return time.Now() }

func (wallClock) SleepUntil(ctx context.Context, t time.Time) error {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err()
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-tm.C:
		return nil
	}
}

// String hides the password, so that printing a Config is safe.
func (c Config) String() string {
	return fmt.Sprintf("salonboard.Config{BaseURL:%s UserID:%s StoreID:%s Password:***}", c.BaseURL, c.UserID, c.StoreID)
}

// LogValue hides the password from slog.
func (c Config) LogValue() slog.Value { return slog.StringValue(c.String()) }

// Pacing keeps the client gentle with SALON BOARD.
type Pacing struct {
	PageMin, PageMax time.Duration // pause between page loads, chosen at random in [min, max]
	Login            time.Duration // at least this long between two logins
	CaptchaBackoff   time.Duration // after a CAPTCHA, refuse to log in for this long
}

// DefaultPacing is 1–2 s between pages, 10 s between logins and 30 minutes
// of silence after a CAPTCHA.
func DefaultPacing() Pacing {
	return Pacing{PageMin: time.Second, PageMax: 2 * time.Second, Login: 10 * time.Second, CaptchaBackoff: 30 * time.Minute}
}

// DefaultTimeout bounds one request (connect, redirects and body).
const DefaultTimeout = 30 * time.Second

// Client talks to the キレイ web UI as one careful person would: one request
// at a time, paced, in one session that it renews at most once per call.
type Client struct {
	cfg  Config
	pace Pacing
	base *url.URL
	rc   *resty.Client
	log  *slog.Logger
	rnd  *rand.Rand

	mu        sync.Mutex // one operation, and so one request, at a time
	loggedIn  bool
	lost      bool // a page showed the session ended: the next login is LoginSessionLost
	landed    bool // the last page loaded was the login's landing page
	lastLoad  time.Time
	lastLogin time.Time
	prev      loaded // the last page: the next request's Referer
	lastList  loaded // the last results page of the list, to go back to for a detail
	blocked   error  // a permanent login failure: no request until Unblock
	until     time.Time
}

// loaded is a page as it arrived.
type loaded struct {
	name string
	url  *url.URL
	body []byte
}

// New makes a client; it does not connect.
func New(cfg Config) (*Client, error) {
	base, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("salonboard: bad base URL %q", cfg.BaseURL)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	if cfg.Clock == nil {
		cfg.Clock = wallClock{}
	}
	pace := DefaultPacing()
	if cfg.Pacing != nil {
		pace = *cfg.Pacing
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	rc := resty.New().
		SetTimeout(cfg.Timeout).
		SetLogger(quietLogger{}).
		SetDisableWarn(true).
		SetResponseBodyLimit(16<<20).
		SetHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) SalonDesk").
		SetHeader("Accept-Language", "ja")
	c := &Client{cfg: cfg, pace: pace, base: base, rc: rc, log: log,
		rnd: rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))}
	c.newJar()
	return c, nil
}

func (c *Client) newJar() {
	jar, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List})
	c.rc.SetCookieJar(jar)
}

// Unblock lets the client log in again after a permanent login failure
// (a person has entered a new password or solved the image check).
func (c *Client) Unblock() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.blocked, c.until = nil, time.Time{}
}

// SetPassword replaces the stored password (after a forced change) and
// unblocks the client.
func (c *Client) SetPassword(pw string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cfg.Password = pw
	c.blocked, c.until, c.loggedIn = nil, time.Time{}, false
}

// run holds the client for one operation, logs in when needed, and when the
// operation finds the session gone, logs in ONCE more and repeats it.
func (c *Client) run(ctx context.Context, op func(context.Context) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.blockedErr(); err != nil {
		return err
	}
	if !c.loggedIn {
		if err := c.login(ctx); err != nil {
			return err
		}
	}
	err := c.noteBlock(op(ctx))
	var se *ErrSessionExpired
	if !errors.As(err, &se) {
		return err
	}
	c.log.Info("salonboard: session expired, logging in again", "page", se.Page, "code", se.Code)
	c.loggedIn, c.lost = false, true
	if err := c.login(ctx); err != nil {
		return err
	}
	err = c.noteBlock(op(ctx))
	if errors.As(err, &se) {
		c.loggedIn, c.lost = false, true
		if !se.Explicit {
			// Freshly logged in and still no navigation: the page changed.
			return &ErrPageChanged{Page: se.Page, Reason: "no 予約管理 navigation right after a login"}
		}
		return fmt.Errorf("salonboard: session lost again after a fresh login: %w", err)
	}
	return err
}

func (c *Client) blockedErr() error {
	if c.blocked == nil {
		return nil
	}
	if !c.until.IsZero() && c.now().After(c.until) {
		c.blocked, c.until = nil, time.Time{}
		return nil
	}
	return c.blocked
}

// noteBlock remembers the permanent login failures so that no further
// request is made until a person acts (or the CAPTCHA back-off ends).
func (c *Client) noteBlock(err error) error {
	switch {
	case errors.Is(err, ErrCaptcha):
		c.blocked, c.until = ErrCaptcha, c.now().Add(c.pace.CaptchaBackoff)
		c.loggedIn = false
	case errors.Is(err, ErrBadCredentials), errors.Is(err, ErrPasswordChange), errors.Is(err, ErrStoreNotFound):
		c.blocked, c.until = err, time.Time{}
		c.loggedIn = false
	}
	return err
}

// pause waits out the pause between page loads.
func (c *Client) pause(ctx context.Context) error {
	if c.lastLoad.IsZero() {
		return nil
	}
	gap := c.pace.PageMin
	if span := c.pace.PageMax - c.pace.PageMin; span > 0 {
		gap += time.Duration(c.rnd.Int64N(int64(span)))
	}
	return c.sleepUntil(ctx, c.lastLoad.Add(gap))
}

func (c *Client) now() time.Time { return c.cfg.Clock.Now() }

func (c *Client) sleepUntil(ctx context.Context, t time.Time) error {
	return c.cfg.Clock.SleepUntil(ctx, t)
}

// resolve turns a path or a page's relative link into an absolute URL.
func (c *Client) resolve(ref string, from *url.URL) (*url.URL, error) {
	r, err := url.Parse(ref)
	if err != nil {
		return nil, err
	}
	if from == nil {
		from = c.base
	}
	u := from.ResolveReference(r)
	if u.Host != c.base.Host {
		return nil, fmt.Errorf("link %q leaves %s", ref, c.base.Host)
	}
	return u, nil
}

// load makes one paced request. form != nil makes it a POST. A status other
// than 2xx (after redirects) is *HTTPError; no answer is *NetError.
func (c *Client) load(ctx context.Context, name, method string, u *url.URL, form url.Values, referer *url.URL) (loaded, error) {
	if err := c.pause(ctx); err != nil {
		return loaded{}, err
	}
	req := c.rc.R().SetContext(ctx)
	if referer != nil {
		req.SetHeader("Referer", referer.String())
	}
	if form != nil {
		req.SetFormDataFromValues(form)
	}
	began := time.Now()
	resp, err := req.Execute(method, u.String())
	c.lastLoad, c.landed = c.now(), false
	if err != nil {
		c.log.Warn("salonboard: no answer", "page", name, "path", u.Path, "elapsed", time.Since(began), "err", err)
		if errors.Is(err, context.Canceled) {
			return loaded{}, context.Canceled
		}
		return loaded{}, &NetError{Page: name, Err: err}
	}
	c.log.Debug("salonboard: page", "page", name, "method", method, "path", u.Path,
		"status", resp.StatusCode(), "elapsed", time.Since(began))
	final := u
	if resp.RawResponse != nil && resp.RawResponse.Request != nil {
		final = resp.RawResponse.Request.URL
	}
	switch code := resp.StatusCode(); {
	case code == http.StatusNotFound:
		return loaded{}, &ErrPageChanged{Page: name, Reason: "HTTP 404 " + final.Path}
	case code < 200 || code > 299:
		return loaded{}, &HTTPError{Page: name, Status: code}
	}
	p := loaded{name: name, url: final, body: resp.Body()}
	c.prev = p
	if name == listPage {
		c.lastList = p
	}
	return p, nil
}

func (c *Client) get(ctx context.Context, name, ref string, from, referer *url.URL) (loaded, error) {
	u, err := c.resolve(ref, from)
	if err != nil {
		return loaded{}, &ErrPageChanged{Page: name, Reason: err.Error()}
	}
	return c.load(ctx, name, http.MethodGet, u, nil, referer)
}

func (c *Client) post(ctx context.Context, name, ref string, from *url.URL, form url.Values, referer *url.URL) (loaded, error) {
	u, err := c.resolve(ref, from)
	if err != nil {
		return loaded{}, &ErrPageChanged{Page: name, Reason: err.Error()}
	}
	return c.load(ctx, name, http.MethodPost, u, form, referer)
}

// referer is the last page's URL, as a browser would send it.
func (c *Client) referer() *url.URL { return c.prev.url }

// quietLogger keeps resty from printing anything (its messages could carry
// request details).
type quietLogger struct{}

func (quietLogger) Errorf(string, ...interface{}) {}
func (quietLogger) Warnf(string, ...interface{})  {}
func (quietLogger) Debugf(string, ...interface{}) {}
