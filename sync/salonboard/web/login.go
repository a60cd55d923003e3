package web

import (
	"context"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	pathLogin   = "/login/"
	pathDoLogin = "/CNC/login/doLogin/"
	pathTop     = "/KLP/top/"
)

// login opens the login page and posts the ID and password, keeping at
// least Pacing.Login between two password posts (see postPassword). Any
// CAPTCHA, password-change or refused login is returned at once and blocks
// the client (see noteBlock): no retry loop.
func (c *Client) login(ctx context.Context) error {
	c.loggedIn = false
	if err := c.askBeforeLogin(); err != nil {
		return err
	}
	c.newJar()                              // a fresh session: old cookies only confuse the server
	c.prev, c.lastList = loaded{}, loaded{} // a new session, as a new browser
	err := c.noteBlock(c.doLogin(ctx))
	if err == nil {
		c.loggedIn, c.landed, c.lost = true, true, false
		c.log.Info("salonboard: logged in", "user", c.cfg.UserID)
	} else {
		c.log.Warn("salonboard: login failed", "user", c.cfg.UserID, "err", err)
	}
	return err
}

func (c *Client) doLogin(ctx context.Context) error {
	form, err := c.get(ctx, "login", pathLogin, nil, nil)
	if err != nil {
		return err
	}
	doc, err := parseHTML(form.body)
	if err != nil {
		return pageChanged("login", "unparsable HTML")
	}
	if hasCaptcha(doc, pageText(doc)) {
		return ErrCaptcha
	}
	if !hasLoginForm(doc) {
		return pageChanged("login", "no login form")
	}
	vals := loginHidden(doc)
	vals.Set("userId", c.cfg.UserID)
	vals.Set("password", c.cfg.Password)
	vals.Set("idCheckFlg", "")
	landed, err := c.postPassword(ctx, vals, form.url)
	if err != nil {
		return err
	}
	res, err := ParseLoginResult(landed.url.String(), landed.body)
	if err != nil || res.Kind == LoginTop {
		return err
	}
	return c.pickStore(ctx, landed, res.Stores)
}

// postPassword posts the login form no sooner than Pacing.Login after the
// last password post ENDED, and notes when this one ends (an answer or
// not: the password may have arrived). Measured from end to start, the gap
// the server sees between two posts is never shorter than Pacing.Login,
// whatever the page pauses and answer times in between.
func (c *Client) postPassword(ctx context.Context, vals url.Values, referer *url.URL) (loaded, error) {
	if !c.lastLogin.IsZero() {
		if err := c.sleepUntil(ctx, c.lastLogin.Add(c.pace.Login)); err != nil {
			return loaded{}, err
		}
	}
	p, err := c.post(ctx, "doLogin", pathDoLogin, nil, vals, referer)
	c.lastLogin = c.now()
	return p, err
}

// loginHidden keeps the login form's own hidden fields (tokens the site may
// add) except the three we set.
func loginHidden(doc *html.Node) url.Values {
	vals := url.Values{}
	pw := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Input && attr(n, "name") == "password" })
	form := ancestor(pw, atom.Form)
	if form == nil {
		return vals
	}
	for _, in := range findAll(form, byTag(atom.Input)) {
		if strings.EqualFold(attr(in, "type"), "hidden") && attr(in, "name") != "" {
			vals.Add(attr(in, "name"), attr(in, "value"))
		}
	}
	return vals
}

// pickStore follows a group account's link to the configured store. With
// no store configured, a group of exactly one store is unambiguous.
func (c *Client) pickStore(ctx context.Context, group loaded, stores []Store) error {
	var pick *Store
	for i := range stores {
		if stores[i].ID == c.cfg.StoreID || (c.cfg.StoreID == "" && len(stores) == 1) {
			pick = &stores[i]
		}
	}
	if pick == nil {
		return ErrStoreNotFound
	}
	top, err := c.get(ctx, "groupTop", pick.Href, group.url, group.url)
	if err != nil {
		return err
	}
	res, err := ParseLoginResult(top.url.String(), top.body)
	if err != nil {
		return err
	}
	if res.Kind != LoginTop {
		return pageChanged("groupTop", "store %s did not open its top page", pick.ID)
	}
	return nil
}

// Check is the 接続テスト: it logs in (or proves the current session on the
// top page) and reports what went wrong in the typed errors above.
func (c *Client) Check(ctx context.Context) error {
	return c.run(ctx, func(ctx context.Context) error {
		if c.landed {
			return nil // the login just landed on the top page and proved it
		}
		p, err := c.get(ctx, "top", pathTop, nil, c.referer())
		if err != nil {
			return err
		}
		doc, err := parseHTML(p.body)
		if err != nil {
			return pageChanged("top", "unparsable HTML")
		}
		return checkSession("top", doc)
	})
}
