package mail

import (
	"strings"
	"unicode/utf8"
)

// fields holds a body's labelled values: ■ fields and "label：value" lines.
// The first occurrence of a label wins.
type fields map[string][]string

// first returns the first value line of the first label present.
func (f fields) first(labels ...string) (string, bool) {
	for _, l := range labels {
		if v, ok := f[l]; ok {
			if len(v) == 0 {
				return "", true
			}
			return v[0], true
		}
	}
	return "", false
}

// lines returns all value lines of the first label present.
func (f fields) lines(labels ...string) []string {
	for _, l := range labels {
		if v, ok := f[l]; ok {
			return v
		}
	}
	return nil
}

// indents are what SALON BOARD (U+3000) and reformatting mailers put before values.
const indents = "\u3000 \t"

// parseBody reads the grammar: ◇ starts a section, ■ a field whose values follow
// on indented lines, and "label：value" lines stand alone (予約受付日時：…).
// A field's first value may lose its indent (HTML mails); later unindented
// lines end the field, so that a footer never becomes part of ご要望.
func parseBody(text string) fields {
	f := fields{}
	current := ""
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, indents)
		body := strings.TrimLeft(line, indents)
		switch {
		case body == "":
			continue
		case strings.HasPrefix(body, "◇"):
			current = ""
		case strings.HasPrefix(body, "■"):
			current = f.startField(strings.TrimPrefix(body, "■"))
		case current != "" && body != line:
			f[current] = append(f[current], body)
		case current != "" && len(f[current]) == 0 && !isKeyValue(body):
			f[current] = append(f[current], body)
		default:
			current = ""
			if k, v, ok := keyValue(body); ok {
				f.add(k, v)
			}
		}
	}
	return f
}

// startField registers a ■ label and returns the label that following value
// lines belong to ("" for a duplicate). A value on the label's own line, after
// "：" or a blank (HTML tables flatten to "■予約番号 BE12345678"), is its first
// value; SALON BOARD's labels contain no blanks.
func (f fields) startField(label string) string {
	label = strings.Trim(label, indents)
	if k, v, ok := keyValue(label); ok {
		f.add(k, v)
		return ""
	}
	inline := ""
	if i := strings.IndexAny(label, indents); i > 0 {
		label, inline = label[:i], strings.Trim(label[i:], indents)
	}
	if label == "" {
		return ""
	}
	if _, dup := f[label]; dup {
		return ""
	}
	f[label] = []string{}
	if inline != "" {
		f[label] = append(f[label], inline)
	}
	return label
}

func (f fields) add(label, value string) {
	if _, dup := f[label]; !dup {
		f[label] = []string{value}
	}
}

// isKeyValue reports a standalone "label：value" line such as 予約受付日時：….
func isKeyValue(s string) bool {
	_, _, ok := keyValue(s)
	return ok
}

// keyValue splits "label：value" where the label is short and blank-free; a
// value line like （所要時間目安：1時間30分） does not qualify.
func keyValue(s string) (string, string, bool) {
	i := strings.IndexAny(s, "：:")
	if i <= 0 {
		return "", "", false
	}
	key := s[:i]
	_, size := utf8.DecodeRuneInString(s[i:])
	value := strings.Trim(s[i+size:], indents)
	if value == "" || utf8.RuneCountInString(key) > 16 || strings.ContainsAny(key, "（(「[［【"+indents) {
		return "", "", false
	}
	return key, value, true
}
