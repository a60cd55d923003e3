package sbdouble

import (
	"net/http"
)

func (d *Double) loginPage(w http.ResponseWriter, f *Fault) {
	if f != nil && f.Kind == FaultCaptcha {
		d.render(w, "captcha.html", page{Title: "ログイン"})
		return
	}
	d.render(w, "login.html", page{Title: "ログイン"})
}

// doLogin checks the ID and password. Success ends every other session of
// the account (only one session per account exists) and lands on the top
// page, or on the group top for a group account.
func (d *Double) doLogin(w http.ResponseWriter, r *http.Request, f *Fault) {
	if r.Method != http.MethodPost {
		http.Redirect(w, r, PathLogin, http.StatusFound)
		return
	}
	if f != nil && f.Kind == FaultCaptcha {
		d.render(w, "captcha.html", page{Title: "ログイン"})
		return
	}
	if r.PostFormValue("userId") != d.cfg.UserID || r.PostFormValue("password") != d.cfg.Password {
		d.render(w, "login.html", page{Title: "ログイン", Data: "SALON BOARD IDまたはパスワードが正しくありません。"})
		return
	}
	id := newID()
	d.mu.Lock()
	// The other browser sees the expiry page next. Sessions taken before
	// are forgotten (they would see the login form instead), which keeps
	// the map as small as the number of live sessions.
	d.taken = map[string]bool{}
	for old := range d.sessions {
		d.taken[old] = true
	}
	d.sessions = map[string]*session{id: {storeOK: !d.cfg.Group, store: DefaultStoreID}}
	d.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: id, Path: "/", HttpOnly: true})
	switch {
	case f != nil && f.Kind == FaultPasswordChange:
		http.Redirect(w, r, PathPassword, http.StatusFound)
	case d.cfg.Group:
		http.Redirect(w, r, PathGroupTop, http.StatusFound)
	default:
		http.Redirect(w, r, PathTop, http.StatusFound)
	}
}

func (d *Double) selectStore(w http.ResponseWriter, r *http.Request, s *session) {
	id := r.URL.Query().Get("storeId")
	for _, st := range d.cfg.Stores {
		if st.ID == id {
			d.mu.Lock()
			s.storeOK, s.store = true, id
			d.mu.Unlock()
			http.Redirect(w, r, PathTop, http.StatusFound)
			return
		}
	}
	d.errorPage(w, "KPCL004V01", "店舗が選択されていません。")
}
