package web

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Session facts every logged-in page is checked against, before the page's
// own parser runs. They live here, once, so that a change on the site is
// corrected in one place.

// kpclCode returns the first error code KPCL\d{3}V\d{2} in s, or "". A
// scanner rather than a regexp: it runs over every page's whole text.
func kpclCode(s string) string {
	for i := strings.Index(s, "KPCL"); i >= 0; {
		if c := s[i:]; len(c) >= 10 && digits(c[4:7]) && c[7] == 'V' && digits(c[8:10]) {
			return c[:10]
		}
		next := strings.Index(s[i+4:], "KPCL")
		if next < 0 {
			break
		}
		i += 4 + next
	}
	return ""
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// expiryWords are shown on pages that end a session.
var expiryWords = []string{"有効期限が切れ", "再度ログイン"}

// checkSession returns nil when doc is a page of a logged-in session, and
// otherwise the typed reason: *ErrStale (KPCL017V01), *ErrSessionExpired,
// or ErrCaptcha.
func checkSession(page string, doc *html.Node) error {
	txt := pageText(doc)
	if code := kpclCode(txt); code != "" {
		if code == CodeStale {
			return &ErrStale{Page: page}
		}
		return &ErrSessionExpired{Page: page, Code: code, Explicit: true}
	}
	for _, w := range expiryWords {
		if strings.Contains(txt, w) {
			return &ErrSessionExpired{Page: page, Explicit: true}
		}
	}
	if hasCaptcha(doc, txt) {
		return ErrCaptcha
	}
	if sys, ok := errorTitle(doc); ok {
		msg := ""
		if ls := lines(find(doc, byTag(atom.Body))); len(ls) > 0 {
			msg = strings.Join(ls[:min(len(ls), 3)], " ")
		}
		return &ErrSiteError{Page: page, System: sys, Message: msg}
	}
	if hasLoginForm(doc) {
		return &ErrSessionExpired{Page: page, Explicit: true}
	}
	// A page without a login form does not prove a session.
	if !hasReserveNav(doc) {
		return &ErrSessionExpired{Page: page}
	}
	return nil
}

// hasReserveNav looks for the 予約管理 navigation of the logged-in frame.
func hasReserveNav(doc *html.Node) bool {
	return find(doc, func(n *html.Node) bool {
		if n.DataAtom != atom.A {
			return false
		}
		return textIs(n, "予約管理") ||
			strings.Contains(attr(n, "href"), "/KLP/reserve/reserveList/")
	}) != nil
}

// hasLoginForm: a password field next to the SALON BOARD ID field, or in a
// form posting to doLogin.
func hasLoginForm(doc *html.Node) bool {
	pw := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Input && attr(n, "name") == "password"
	})
	if pw == nil {
		return false
	}
	if find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Input && attr(n, "name") == "userId"
	}) != nil {
		return true
	}
	form := ancestor(pw, atom.Form)
	return form != nil && strings.Contains(attr(form, "action"), "doLogin")
}

var captchaWords = []string{"画像認証", "画像に表示されている", "表示されている文字", "ロボットではありません"}

// hasCaptcha looks for an image check: an element whose id, class, name or
// src mentions captcha, or the wording of one.
func hasCaptcha(doc *html.Node, txt string) bool {
	for _, w := range captchaWords {
		if strings.Contains(txt, w) {
			return true
		}
	}
	return find(doc, func(n *html.Node) bool {
		for _, k := range []string{"id", "class", "name", "src", "data-sitekey"} {
			if k == "data-sitekey" && hasAttr(n, k) {
				return true
			}
			if strings.Contains(strings.ToLower(attr(n, k)), "captcha") {
				return true
			}
		}
		return false
	}) != nil
}

var passwordChangeWords = []string{"パスワード変更", "パスワードの変更", "パスワードを変更"}

// isPasswordChange: a page that demands a new password. The URL is the
// strongest sign; otherwise the wording together with a password field on a
// page that is not the login form.
func isPasswordChange(path string, doc *html.Node, txt string) bool {
	lp := strings.ToLower(path)
	if strings.Contains(lp, "password") || strings.Contains(lp, "passwd") || strings.Contains(lp, "pwchange") {
		return true
	}
	if hasLoginForm(doc) {
		return false
	}
	worded := false
	for _, w := range passwordChangeWords {
		if strings.Contains(txt, w) {
			worded = true
		}
	}
	if !worded {
		return false
	}
	return find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Input && strings.EqualFold(attr(n, "type"), "password")
	}) != nil
}

// errorTitle reports whether the page's title is one of SALON BOARD's error
// titles, and whether it is the system error. Spaces are compared loosely
// (the system error's is full-width).
func errorTitle(doc *html.Node) (system, ok bool) {
	t := find(doc, byTag(atom.Title))
	if t == nil {
		return false, false
	}
	got := strings.Join(strings.FieldsFunc(text(t), isSpace), " ")
	switch got {
	case TitleError:
		return false, true
	case strings.Join(strings.FieldsFunc(TitleSystemError, isSpace), " "):
		return true, true
	}
	return false, false
}
