package smaregi_test

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// fixtureDir holds the reference payloads (shared, read by path, never copied).
var fixtureDir = filepath.Join("..", "..", "..", "shared", "fixtures", "smaregi-legacy")

const (
	contractID = "skd123"
	apiToken   = "tok-0123456789abcdef"
)

// newDouble serves a fresh double on loopback and returns a client for it.
func newDouble(tb testing.TB) (*smaregidouble.Double, *smaregi.Client) {
	tb.Helper()
	d := smaregidouble.New(contractID, apiToken)
	srv := httptest.NewServer(d)
	tb.Cleanup(func() { d.Close(); srv.Close() })
	return d, newClient(tb, srv.URL+"/access/")
}

func newClient(tb testing.TB, url string) *smaregi.Client {
	tb.Helper()
	c, err := smaregi.New(smaregi.Config{URL: url, ContractID: contractID, AccessToken: apiToken,
		Timeout: 5 * time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// cannedServer answers every request with status and body.
func cannedServer(tb testing.TB, status int, body string) string {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	tb.Cleanup(srv.Close)
	return srv.URL
}

// serve serves d on loopback and returns its URL.
func serve(tb testing.TB, d *smaregidouble.Double) string {
	tb.Helper()
	srv := httptest.NewServer(d)
	tb.Cleanup(func() { d.Close(); srv.Close() })
	return srv.URL + "/access/"
}
