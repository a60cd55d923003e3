package sbdouble

import "net/http"

// Someone else logging in with the same SALON BOARD ID ends our session:
// SALON BOARD keeps one session per account. The browser that lost it sees
// the expiry page (a KPCL code and 再度ログイン) on its next page.

// TakeSession ends every live session as a login elsewhere would; the next
// page each of them asks for is the session expiry page.
func (d *Double) TakeSession() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for id := range d.sessions {
		d.taken[id] = true
	}
	d.sessions = map[string]*session{}
	d.takeovers++
}

// Takeovers is how many times TakeSession was called.
func (d *Double) Takeovers() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.takeovers
}

// showTaken answers a request of a session that was taken with the expiry
// page, once; it reports whether it did.
func (d *Double) showTaken(w http.ResponseWriter, r *http.Request) bool {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return false
	}
	d.mu.Lock()
	taken := d.taken[c.Value]
	delete(d.taken, c.Value)
	d.mu.Unlock()
	if !taken {
		return false
	}
	d.errorPage(w, "KPCL011V01", "他の端末でログインされたため、セッションの有効期限が切れました。再度ログインしてください。")
	return true
}
