package smaregi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"
)

// DefaultURL is the legacy API's address as Smaregi's admin screen shows it.
const DefaultURL = "https://webapi.smaregi.jp/access/"

// DefaultTimeout bounds one request.
const DefaultTimeout = 30 * time.Second

// The request headers, spelled exactly as Smaregi documents them, underscores kept.
// They are set as map keys directly, never through Header.Set, so that no
// canonicalisation (ours or a library's) can respell them.
const (
	HeaderContractID  = "X_contract_id"
	HeaderAccessToken = "X_access_token"
)

// Config says where and as whom the client calls (settings > スマレジ).
type Config struct {
	URL         string // API URL from the admin screen; "" is DefaultURL
	ContractID  string // 契約ID
	AccessToken string // アクセストークン: never logged, never in an error
	Timeout     time.Duration
	Logger      *slog.Logger // nil: no logging
}

// String hides the token, so that printing a Config is safe.
func (c Config) String() string {
	return fmt.Sprintf("smaregi.Config{URL:%s ContractID:%s AccessToken:***}", c.URL, c.ContractID)
}

// LogValue hides the token from slog.
func (c Config) LogValue() slog.Value { return slog.StringValue(c.String()) }

// Client calls the legacy API. It is safe for concurrent use and never retries by
// itself: the outbox and the pull timer decide when to try again, from Error.Kind.
type Client struct {
	cfg Config
	rc  *resty.Client
	log *slog.Logger
}

// New checks the settings and returns a client. A URL that is not http(s) with a
// host, or an empty contract id or token, is a KindConfig *Error.
func New(cfg Config) (*Client, error) {
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	if err := checkConfig(cfg); err != nil {
		return nil, configError("config", err)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	rc := resty.New().SetTimeout(cfg.Timeout).SetRetryCount(0).
		SetRedirectPolicy(resty.NoRedirectPolicy())
	return &Client{cfg: cfg, rc: rc, log: log}, nil
}

// ErrBadURL, ErrNoContractID and ErrNoToken are the settings New refuses; they are
// wrapped in a KindConfig *Error.
var (
	ErrBadURL       = errors.New("the API URL is not an http(s) address")
	ErrNoContractID = errors.New("no contract id")
	ErrNoToken      = errors.New("no access token")
)

func checkConfig(cfg Config) error {
	u, err := url.Parse(strings.TrimSpace(cfg.URL))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ErrBadURL
	}
	if strings.TrimSpace(cfg.ContractID) == "" {
		return ErrNoContractID
	}
	if strings.TrimSpace(cfg.AccessToken) == "" {
		return ErrNoToken
	}
	return nil
}

// call POSTs proc_name and params (marshalled to one line of JSON) and returns the
// body of a 200 answer. Every failure is an *Error.
func (c *Client) call(ctx context.Context, proc string, params any) ([]byte, error) {
	p, err := json.Marshal(params) // Marshal never writes a newline
	if err != nil {
		return nil, dataError(proc, err)
	}
	form := url.Values{"proc_name": {proc}, "params": {string(p)}}
	// The body is encoded here rather than with SetFormData, which would replace the
	// Content-Type below with one that has no charset.
	req := c.rc.R().SetContext(ctx).SetBody(form.Encode())
	// Set the keys directly: Header.Set would canonicalise X_contract_id.
	req.Header["Content-Type"] = []string{"application/x-www-form-urlencoded;charset=UTF-8"}
	req.Header[HeaderContractID] = []string{c.cfg.ContractID}
	req.Header[HeaderAccessToken] = []string{c.cfg.AccessToken}
	start := time.Now()
	resp, err := req.Post(c.cfg.URL)
	if err != nil {
		c.log.Info("smaregi call failed", "proc", proc, "error", err)
		return nil, netError(proc, err)
	}
	body, status := resp.Body(), resp.StatusCode()
	c.log.Debug("smaregi call", "proc", proc, "status", status, "bytes", len(body), "took", time.Since(start))
	if status == http.StatusOK && bytes.Contains(body, []byte(`"result"`)) {
		return body, nil // every success has a result; skip decoding it twice
	}
	eb, hasError := parseErrorBody(body)
	if status == http.StatusOK && !hasError {
		return body, nil // let the caller say what it misses
	}
	// An error body is an error even with a 200.
	return nil, apiError(proc, status, eb)
}
