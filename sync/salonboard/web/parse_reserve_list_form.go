package web

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TokenField is the hidden Struts token the search must carry back.
const TokenField = "org.apache.struts.taglib.html.TOKEN"

// ListForm is the search form of /KLP/reserve/reserveList/init.
type ListForm struct {
	Action string     // the form's action as written (may be relative)
	Token  string     // the Struts token
	Hidden url.Values // every hidden field of the form, token included
}

// ParseReserveListForm finds the form carrying the Struts token and returns
// its action and hidden fields. A page without the token is *ErrPageChanged.
func ParseReserveListForm(body []byte) (ListForm, error) {
	const page = "reserveListInit"
	doc, err := parseHTML(body)
	if err != nil {
		return ListForm{}, pageChanged(page, "unparsable HTML")
	}
	if err := checkSession(page, doc); err != nil {
		return ListForm{}, err
	}
	tok := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Input && attr(n, "name") == TokenField
	})
	if tok == nil || strings.TrimSpace(attr(tok, "value")) == "" {
		return ListForm{}, pageChanged(page, "no Struts token")
	}
	form := ancestor(tok, atom.Form)
	if form == nil {
		return ListForm{}, pageChanged(page, "the token is outside a form")
	}
	f := ListForm{Action: attr(form, "action"), Token: strings.TrimSpace(attr(tok, "value")), Hidden: url.Values{}}
	for _, in := range findAll(form, byTag(atom.Input)) {
		if strings.EqualFold(attr(in, "type"), "hidden") && attr(in, "name") != "" {
			f.Hidden.Add(attr(in, "name"), attr(in, "value"))
		}
	}
	f.Hidden.Set(TokenField, f.Token)
	return f, nil
}
