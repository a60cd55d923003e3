package mail

import (
	"html"
	"strings"
)

// lineTags end a line of text when HTML is flattened; other tags vanish.
var lineTags = map[string]bool{
	"br": true, "p": true, "/p": true, "div": true, "/div": true, "tr": true, "/tr": true,
	"li": true, "/li": true, "/h1": true, "/h2": true, "/h3": true, "/h4": true,
	"/table": true, "hr": true, "/dt": true, "/dd": true, "/pre": true,
}

// htmlToText flattens an HTML body into lines, so that the same grammar reads it.
// It is deliberately simple: SALON BOARD's HTML mails are a text body in markup.
func htmlToText(s string) string {
	var out strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			out.WriteString(s)
			break
		}
		out.WriteString(s[:i])
		s = s[i:]
		if strings.HasPrefix(s, "<!--") {
			s = skipPast(s, "-->")
			continue
		}
		j := strings.IndexByte(s, '>')
		if j < 0 {
			break // an unterminated tag: drop the rest
		}
		name := tagName(s[1:j])
		s = s[j+1:]
		switch {
		case name == "script" || name == "style":
			s = skipPast(s, "</"+name)
			s = skipPast(s, ">")
		case lineTags[name]:
			out.WriteByte('\n')
		case name == "td" || name == "th":
			out.WriteByte(' ')
		}
	}
	text := html.UnescapeString(out.String())
	return strings.ReplaceAll(text, "\u00a0", " ")
}

// tagName is the lower-case name of a tag body ("br/", "/P class=x" → "br", "/p").
func tagName(tag string) string {
	tag = strings.TrimSpace(tag)
	end := strings.IndexAny(tag, " \t\r\n/>")
	if strings.HasPrefix(tag, "/") {
		rest := tag[1:]
		if k := strings.IndexAny(rest, " \t\r\n>"); k >= 0 {
			rest = rest[:k]
		}
		return "/" + strings.ToLower(rest)
	}
	if end >= 0 {
		tag = tag[:end]
	}
	return strings.ToLower(tag)
}

// skipPast returns s after the first ASCII-case-insensitive occurrence of the
// ASCII marker, or "". (strings.ToLower would shift byte offsets on some letters.)
func skipPast(s, marker string) string {
	for i := 0; i+len(marker) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(marker)], marker) {
			return s[i+len(marker):]
		}
	}
	return ""
}
