package mail

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/quotedprintable"
	"strings"

	"github.com/emersion/go-message/textproto"
)

// message is what the parser needs from the MIME layer: decoded headers and the
// body as plain UTF-8 text.
type message struct {
	messageID string
	from      string
	subject   string
	text      string
}

// Limits that keep hostile input cheap: SALON BOARD mails are one or two parts.
const (
	maxDepth = 8
	maxParts = 64
)

// readMessage decodes headers and picks the text body. Charsets are decoded
// here rather than by go-message's global CharsetReader so that the result does
// not depend on what another package registered.
func readMessage(raw []byte) (message, error) {
	br := bufio.NewReader(bytes.NewReader(raw))
	h, err := textproto.ReadHeader(br)
	if err != nil {
		return message{}, ErrMalformed{Reason: "header", Err: err}
	}
	if h.Len() == 0 {
		return message{}, ErrMalformed{Reason: "no header"}
	}
	m := message{
		messageID: messageID(h.Get("Message-Id")),
		from:      senderAddress(h.Get("From")),
		subject:   decodeHeader(h.Get("Subject")),
	}
	var b bodies
	b.collect(h, br, 0)
	m.text = b.best()
	return m, nil
}

// bodies gathers the first text/plain and the first text/html part.
type bodies struct {
	plain, html string
	havePlain   bool
	haveHTML    bool
	parts       int
}

// best prefers plain text; HTML is stripped to text when it is all there is.
func (b *bodies) best() string {
	if b.havePlain {
		return b.plain
	}
	if b.haveHTML {
		return htmlToText(b.html)
	}
	return ""
}

// collect walks one entity depth first, stopping as soon as plain text is found.
func (b *bodies) collect(h textproto.Header, body io.Reader, depth int) {
	b.parts++
	if b.havePlain || depth > maxDepth || b.parts > maxParts {
		return
	}
	if disp, _, _ := mime.ParseMediaType(h.Get("Content-Disposition")); disp == "attachment" {
		return
	}
	mediaType, params := contentType(h.Get("Content-Type"))
	if strings.HasPrefix(mediaType, "multipart/") {
		b.collectParts(body, params["boundary"], depth)
		return
	}
	if mediaType != "text/plain" && mediaType != "text/html" {
		return
	}
	raw, _ := io.ReadAll(transferDecoder(h.Get("Content-Transfer-Encoding"), body))
	text := decodeCharset(raw, params["charset"])
	if mediaType == "text/plain" {
		b.plain, b.havePlain = text, true
	} else if !b.haveHTML {
		b.html, b.haveHTML = text, true
	}
}

func (b *bodies) collectParts(body io.Reader, boundary string, depth int) {
	if boundary == "" {
		return
	}
	mr := textproto.NewMultipartReader(body, boundary)
	for !b.havePlain && b.parts <= maxParts {
		p, err := mr.NextPart()
		if err != nil {
			return
		}
		b.collect(p.Header, p, depth+1)
	}
}

// contentType parses Content-Type leniently; a missing or broken one means
// text/plain, as RFC 2045 says.
func contentType(v string) (string, map[string]string) {
	mediaType, params, err := mime.ParseMediaType(v)
	if err != nil {
		mediaType = strings.TrimSpace(strings.SplitN(v, ";", 2)[0])
		params = map[string]string{}
		if strings.Contains(strings.ToLower(v), "iso-2022-jp") {
			params["charset"] = "iso-2022-jp"
		}
	}
	mediaType = strings.ToLower(mediaType)
	if mediaType == "" {
		mediaType = "text/plain"
	}
	return mediaType, params
}

// transferDecoder undoes base64 or quoted-printable; anything else is read as is.
// Read errors in a broken encoding keep what was decoded so far.
func transferDecoder(enc string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &skipSpace{r: r})
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	}
	return r
}

// skipSpace drops the line breaks and blanks that base64 bodies are wrapped with.
type skipSpace struct{ r io.Reader }

func (s *skipSpace) Read(p []byte) (int, error) {
	for {
		n, err := s.r.Read(p)
		j := 0
		for _, c := range p[:n] {
			if c != '\r' && c != '\n' && c != ' ' && c != '\t' {
				p[j] = c
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}
