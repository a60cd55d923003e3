package web

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A few helpers over golang.org/x/net/html: find elements by tag, class, id
// and attribute, and read their text the way a person sees it (<br> and
// block elements break lines, runs of whitespace collapse).

func parseHTML(body []byte) (*html.Node, error) {
	return html.Parse(bytes.NewReader(body))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasClass(n *html.Node, class string) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// hasClasses reports whether n carries every class given.
func hasClasses(n *html.Node, classes ...string) bool {
	for _, c := range classes {
		if !hasClass(n, c) {
			return false
		}
	}
	return true
}

func isTag(n *html.Node, a atom.Atom) bool {
	return n.Type == html.ElementNode && n.DataAtom == a
}

// findAll returns the elements below (and including) n for which match is
// true, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode && match(x) {
			out = append(out, x)
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// find returns the first match below (and including) n, or nil.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, match); f != nil {
			return f
		}
	}
	return nil
}

func byClass(classes ...string) func(*html.Node) bool {
	return func(n *html.Node) bool { return hasClasses(n, classes...) }
}

func byTagClass(a atom.Atom, classes ...string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a && hasClasses(n, classes...) }
}

func byID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { return attr(n, "id") == id }
}

func byTag(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a }
}

// ancestor returns the nearest ancestor of n with the tag, or nil.
func ancestor(n *html.Node, a atom.Atom) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if isTag(p, a) {
			return p
		}
	}
	return nil
}

// blockTags break a line in visible text.
var blockTags = map[atom.Atom]bool{
	atom.Br: true, atom.P: true, atom.Div: true, atom.Li: true, atom.Tr: true,
	atom.Dt: true, atom.Dd: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.Section: true,
}

// lines returns the visible text of n as trimmed, non-empty lines.
func lines(n *html.Node) []string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		switch x.Type {
		case html.TextNode:
			b.WriteString(x.Data)
			return
		case html.ElementNode:
			if x.DataAtom == atom.Script || x.DataAtom == atom.Style {
				return
			}
			if blockTags[x.DataAtom] {
				b.WriteByte('\n')
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if x.Type == html.ElementNode && blockTags[x.DataAtom] {
			b.WriteByte('\n')
		}
	}
	walk(n)
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = collapse(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// text returns the visible text of n on one line; <br> and blocks become a
// single space.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	return strings.Join(lines(n), " ")
}

// textJoined returns the visible text with line breaks removed entirely:
// "サロン<br>キャンセル" reads サロンキャンセル.
func textJoined(n *html.Node) string {
	if n == nil {
		return ""
	}
	return strings.Join(lines(n), "")
}

// collapse trims and folds whitespace runs (including U+3000 and NBSP) into
// one ASCII space.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u3000':
		return true
	}
	return false
}

// pageText is the whole visible text of a document, for keyword checks.
func pageText(doc *html.Node) string {
	return strings.Join(lines(doc), "\n")
}

// shortText returns the visible text of n with line breaks removed, like
// textJoined, but gives up (ok false) once the raw text passes limit bytes.
// Matching a label or a link text against every element of a page stays
// linear this way, however deeply a broken page nests.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	over := false
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if over {
			return
		}
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
			b.WriteByte('\n')
			over = b.Len() > limit
			return
		}
		if x.Type == html.ElementNode && (x.DataAtom == atom.Script || x.DataAtom == atom.Style) {
			return
		}
		for c := x.FirstChild; c != nil && !over; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	if over {
		return "", false
	}
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = collapse(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, ""), true
}

// textIs reports whether n's text (line breaks removed) is want.
func textIs(n *html.Node, want string) bool {
	t, ok := shortText(n, 4*len(want)+64)
	return ok && t == want
}
