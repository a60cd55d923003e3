package web

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The actions of a YG reservation's detail page: the links to its change
// form and its cancel page. The markup was never captured: a link is known
// by where it leads (extReserveChange, extReserveCancel) or by its words.

// DetailActions are the detail page's write links, "" when absent.
type DetailActions struct {
	Change string // 変更する
	Cancel string // キャンセルする
}

// ParseDetailActions finds the change and cancel links of a detail page.
// Only a page of an ended session is an error; missing links are "".
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
		switch {
		case a.Change == "" && (strings.Contains(href, "extReserveChange") || linkSays(n, "変更する", "予約変更")):
			a.Change = href
		case a.Cancel == "" && (strings.Contains(href, "extReserveCancel") || linkSays(n, "キャンセルする", "予約キャンセル")):
			a.Cancel = href
		}
	}
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
