package web

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// LoginKind is where a login landed.
type LoginKind int

const (
	// LoginTop: the salon's top page (/KLP/top/), logged in.
	LoginTop LoginKind = iota + 1
	// LoginGroup: a group account's store picker (/KLP/groupTop/).
	LoginGroup
)

// LoginResult is what the page after POST /CNC/login/doLogin/ says.
type LoginResult struct {
	Kind   LoginKind
	Stores []Store // LoginGroup only
}

// Store is one salon offered by a group account.
type Store struct {
	ID   string // H…
	Name string
	Href string // the link that selects it, as written on the page
}

const pathGroupTop = "/KLP/groupTop/"

var storeIDRe = regexp.MustCompile(`\bH\d{6,12}\b`)

// ParseLoginResult reads the page a login ended on. finalURL is the URL after
// redirects (its path tells top from groupTop). It returns ErrCaptcha,
// ErrPasswordChange or ErrBadCredentials for those pages, and
// *ErrPageChanged for anything it does not recognise.
func ParseLoginResult(finalURL string, body []byte) (LoginResult, error) {
	const page = "login"
	doc, err := parseHTML(body)
	if err != nil {
		return LoginResult{}, pageChanged(page, "unparsable HTML")
	}
	path := ""
	if u, err := url.Parse(finalURL); err == nil {
		path = u.Path
	}
	txt := pageText(doc)
	switch {
	case hasCaptcha(doc, txt):
		return LoginResult{}, ErrCaptcha
	case isPasswordChange(path, doc, txt):
		return LoginResult{}, ErrPasswordChange
	case hasLoginForm(doc):
		// Posted the credentials and got the form back.
		return LoginResult{}, ErrBadCredentials
	case strings.HasPrefix(path, pathGroupTop):
		stores := parseStores(doc)
		if len(stores) == 0 {
			return LoginResult{}, pageChanged("groupTop", "no store links")
		}
		return LoginResult{Kind: LoginGroup, Stores: stores}, nil
	}
	if err := checkSession(page, doc); err != nil {
		if se, ok := err.(*ErrSessionExpired); ok && !se.Explicit {
			// Neither a known failure nor the logged-in frame.
			return LoginResult{}, pageChanged(page, "landed on %s without the 予約管理 navigation", path)
		}
		return LoginResult{}, err
	}
	return LoginResult{Kind: LoginTop}, nil
}

// parseStores finds the links that select a store: an <a> whose href (or
// text) carries an H… store id.
func parseStores(doc *html.Node) []Store {
	var out []Store
	seen := map[string]bool{}
	for _, a := range findAll(doc, byTag(atom.A)) {
		href := attr(a, "href")
		id := storeIDRe.FindString(href)
		if id == "" {
			id = storeIDRe.FindString(text(a))
		}
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, Store{ID: id, Name: text(a), Href: href})
	}
	return out
}
