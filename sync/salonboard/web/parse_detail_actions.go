package web

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The actions of a YG reservation's detail page (spec §2, "Changing and
// cancelling"): the link to its change form (extReserveChange), and the
// page's own form #extReserveDetail, which cancels when posted to doCancel
// with its token fields, customerId, the memos as read and every flag 0.

// pathCancel is where the detail form posts a cancellation.
const pathCancel = "/KLP/reserve/ext/extReserveDetail/doCancel"

// cancelFlags are posted as 0 (accept, dispose, transfer, and "the memos
// were not edited").
var cancelFlags = []string{"acceptFlg", "disposeFlg", "transferFlg", "isEditRsvEtc", "isEditOperationMemo"}

// DetailActions are the detail page's writes.
type DetailActions struct {
	Change string      // the change form's link, "" when absent
	Cancel *CancelForm // nil when the page offers no cancellation
}

// CancelForm is the detail form as a cancellation posts it.
type CancelForm struct {
	Action string
	Values url.Values
}

// ParseDetailActions finds the change link and the cancel form of a detail
// page. Only a page of an ended session is an error; what is absent is left
// empty. A cancel form without its Struts token or customerId is absent.
func ParseDetailActions(body []byte) (DetailActions, error) {
	doc, err := parseHTML(body)
	if err != nil {
		return DetailActions{}, pageChanged(detailPage, "unparsable HTML")
	}
	if err := checkSession(detailPage, doc); err != nil {
		return DetailActions{}, err
	}
	var a DetailActions
	for _, n := range findAll(doc, byTag(atom.A)) {
		href := strings.TrimSpace(attr(n, "href"))
		if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
			continue
		}
		if a.Change == "" && (strings.Contains(href, "extReserveChange") || linkSays(n, "変更する", "予約変更", "予約内容を変更する")) {
			a.Change = href
		}
	}
	form := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Form && (attr(n, "id") == "extReserveDetail" || strings.Contains(attr(n, "action"), "doCancel"))
	})
	if form == nil {
		return a, nil
	}
	vals, _ := formValues(form)
	if vals.Get(TokenField) == "" || vals.Get("customerId") == "" {
		return a, nil
	}
	for _, k := range cancelFlags {
		vals.Set(k, "0")
	}
	for _, k := range []string{"rsvEtc", "operationMemo"} {
		if !vals.Has(k) {
			vals.Set(k, "")
		}
	}
	action := strings.TrimSpace(attr(form, "action"))
	if !strings.Contains(action, "doCancel") {
		action = pathCancel // the form's action is switched by the page's script
	}
	a.Cancel = &CancelForm{Action: action, Values: vals}
	return a, nil
}

func linkSays(n *html.Node, words ...string) bool {
	t, ok := shortText(n, 120)
	if !ok {
		return false
	}
	for _, w := range words {
		if t == w {
			return true
		}
	}
	return false
}
