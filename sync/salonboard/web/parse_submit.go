package web

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The page that answers a write's submit: the confirmation (a form posting
// to doComplete), the completion, the form again with its error messages,
// or まだ登録されていません. The spec gives only these words and doComplete;
// the rest of the markup is unknown, so the page is classified by its words
// and by the action of its form, and the completion page's reservation
// number is only a hint: every write is verified by reading it back.

// SubmitKind says what a submit's answer is.
type SubmitKind int

const (
	SubmitConfirm  SubmitKind = iota + 1 // a confirmation: post Values to Action (doComplete)
	SubmitDone                           // a completion page
	SubmitRefused                        // the form again, with error messages
	SubmitNotSaved                       // まだ登録されていません: nothing was saved
)

// SubmitResult is a submit's answer.
type SubmitResult struct {
	Kind     SubmitKind
	Action   string     // SubmitConfirm: the doComplete form's action
	Values   url.Values // SubmitConfirm: what that form sends
	ID       string     // SubmitDone: the reservation number shown, "" when none
	Messages []string   // SubmitRefused: the error texts
	Capacity bool       // SubmitRefused: capacity exceeded or the staff's schedule overlaps
}

// notSavedWords say that nothing was saved.
var notSavedWords = []string{"まだ登録されていません"}

// capacityWords are the capacity and overlap refusals. (The word 重複 is in a
// notice on every form: never match on it.)
var capacityWords = []string{"スタッフの受付可能数を超えて", "入力された振り分け日時にスタッフの予定が入っています"}

// doneWords end a completion page.
var doneWords = []string{"登録しました", "登録が完了しました", "変更しました", "キャンセルしました", "完了しました"}

var idInTextRe = regexp.MustCompile(`(B[C-F]|YG)\d{8}`)

// ParseSubmitResult classifies the answer to a write's submit. page names
// the step for errors. A KPCL code or expiry wording is *ErrStale or
// *ErrSessionExpired (checkSession); a page that is none of the four kinds
// is *ErrPageChanged.
func ParseSubmitResult(page string, body []byte) (SubmitResult, error) {
	doc, err := parseHTML(body)
	if err != nil {
		return SubmitResult{}, pageChanged(page, "unparsable HTML")
	}
	if err := checkSession(page, doc); err != nil {
		return SubmitResult{}, err
	}
	txt := pageText(doc)
	if containsAny(txt, notSavedWords) {
		return SubmitResult{Kind: SubmitNotSaved, Messages: linesWith(txt, notSavedWords)}, nil
	}
	if containsAny(txt, capacityWords) {
		return SubmitResult{Kind: SubmitRefused, Capacity: true, Messages: linesWith(txt, capacityWords)}, nil
	}
	// The form again (its name fields) is a refusal, even when it posts to
	// doComplete itself, as the change form does.
	if find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Input && attr(n, "name") == "nmSeiKana" }) != nil {
		return SubmitResult{Kind: SubmitRefused, Messages: errorTexts(doc)}, nil
	}
	if form := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Form && strings.Contains(attr(n, "action"), "doComplete")
	}); form != nil {
		vals, _ := formValues(form)
		return SubmitResult{Kind: SubmitConfirm, Action: strings.TrimSpace(attr(form, "action")), Values: vals}, nil
	}
	if containsAny(txt, doneWords) {
		return SubmitResult{Kind: SubmitDone, ID: shownID(doc, txt)}, nil
	}
	return SubmitResult{}, pageChanged(page, "neither a confirmation, a completion nor an error")
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// linesWith returns the lines of txt holding one of the words.
func linesWith(txt string, words []string) []string {
	var out []string
	for _, l := range strings.Split(txt, "\n") {
		if containsAny(l, words) {
			out = append(out, l)
		}
	}
	return out
}

// shownID is the reservation number of a completion page: a detail link's
// reserveId, or the first number in the text.
func shownID(doc *html.Node, txt string) string {
	if a := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.A && ValidReservationID(queryValue(attr(n, "href"), "reserveId"))
	}); a != nil {
		return queryValue(attr(a, "href"), "reserveId")
	}
	return idInTextRe.FindString(txt)
}

// errorTexts are the texts of elements whose class names an error.
func errorTexts(doc *html.Node) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range findAll(doc, func(n *html.Node) bool {
		return strings.Contains(strings.ToLower(attr(n, "class")), "error")
	}) {
		if len(out) >= 20 {
			break // a page of errors says enough in its first lines
		}
		for _, l := range lines(n) {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	return out
}
