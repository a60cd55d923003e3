package sbdouble_test

import (
	"strings"
	"testing"

	"salondesk/sync/salonboard/sbdouble"
)

// TestLoginElsewhereEndsTheSession: one session per account. A second
// browser's login, or TakeSession, ends the first one's session: its next
// page is the expiry page (KPCL code, 再度ログイン), the one after that the
// login form. The log counts every request by kind.
func TestLoginElsewhereEndsTheSession(t *testing.T) {
	d, base := setup(t)
	a, b := newBrowser(t, base), newBrowser(t, base)
	a.login()
	if p := a.get(sbdouble.PathTop, ""); !strings.Contains(p, "予約管理") {
		t.Fatal("a: not logged in")
	}
	b.login()
	p := a.get(sbdouble.PathSchedule+"?date=20261205", "")
	if !strings.Contains(p, "KPCL011V01") || !strings.Contains(p, "再度ログイン") {
		t.Fatalf("a after b's login: %s", p)
	}
	if p := a.get(sbdouble.PathTop, ""); !strings.Contains(p, `name="password"`) {
		t.Fatalf("a's next page is not the login form: %s", p)
	}

	d.TakeSession()
	if p := b.get(sbdouble.PathTop, ""); !strings.Contains(p, "KPCL011V01") || d.Sessions() != 0 || d.Takeovers() != 1 {
		t.Fatalf("b after TakeSession: %d sessions: %s", d.Sessions(), p)
	}
	log := d.Requests()
	want := map[sbdouble.PageKind]int{sbdouble.KindDoLogin: 2, sbdouble.KindTop: 5, sbdouble.KindSchedule: 1, sbdouble.KindLogin: 1}
	for k, n := range want {
		if log.Count(k) != n {
			t.Errorf("%s: %d requests, want %d (log %v)", k, log.Count(k), n, log.ByKind())
		}
	}
	if log.Logins() != 2 {
		t.Errorf("%d logins", log.Logins())
	}
	d.ResetRequests()
	if len(d.Requests()) != 0 {
		t.Error("reset kept requests")
	}
}
