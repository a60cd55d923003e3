package mail

import (
	"encoding/base64"
	"io"
	"mime"
	"net/mail"
	"regexp"
	"strings"
)

// encodedWord matches one RFC 2047 encoded word.
var encodedWord = regexp.MustCompile(`=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=`)

// decodeHeader decodes a header value: RFC 2047 words in any charset, and raw
// ISO-2022-JP or Shift_JIS bytes that some Japanese mailers put in headers.
//
// Unlike mime.WordDecoder, adjacent words in the same charset are joined as
// bytes before decoding: ISO-2022-JP is stateful and encoders split words in the
// middle of a shifted run, which decodes to garbage word by word.
func decodeHeader(v string) string {
	v = decodeCharset([]byte(v), "")
	var out strings.Builder
	var run []byte
	runCharset := ""
	flush := func() {
		if run != nil {
			out.WriteString(decodeCharset(run, runCharset))
			run, runCharset = nil, ""
		}
	}
	last := 0
	for _, loc := range encodedWord.FindAllStringSubmatchIndex(v, -1) {
		between := v[last:loc[0]]
		if strings.TrimSpace(between) != "" || run == nil {
			flush()
			out.WriteString(between)
		}
		charset := strings.ToLower(v[loc[2]:loc[3]])
		if i := strings.IndexByte(charset, '*'); i >= 0 { // RFC 2231 language suffix
			charset = charset[:i]
		}
		word, ok := decodeWord(v[loc[4]:loc[5]], v[loc[6]:loc[7]])
		if !ok {
			flush()
			out.WriteString(v[loc[0]:loc[1]])
		} else {
			if run != nil && charset != runCharset {
				flush()
			}
			run = append(run, word...)
			if run == nil {
				run = []byte{}
			}
			runCharset = charset
		}
		last = loc[1]
	}
	flush()
	out.WriteString(v[last:])
	return strings.TrimSpace(out.String())
}

// decodeWord decodes the text of one encoded word to bytes (charset not applied).
func decodeWord(enc, text string) ([]byte, bool) {
	if enc == "b" || enc == "B" {
		b, err := base64.StdEncoding.DecodeString(text)
		if err != nil {
			b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(text, "="))
		}
		return b, err == nil
	}
	var out []byte
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '_':
			out = append(out, ' ')
		case c == '=' && i+2 < len(text) && isHex(text[i+1]) && isHex(text[i+2]):
			out = append(out, unhex(text[i+1])<<4|unhex(text[i+2]))
			i += 2
		default:
			out = append(out, c)
		}
	}
	return out, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// angleAddr finds <local@domain> in a From value that net/mail cannot parse.
var angleAddr = regexp.MustCompile(`<([^<>\s]+@[^<>\s]+)>`)

// senderAddress returns the single address of a raw From value, lower case, or
// "" when there is none or more than one (a list is never SALON BOARD). It
// parses before decoding, so that an encoded display name cannot pose as the
// address.
func senderAddress(raw string) string {
	v := decodeCharset([]byte(raw), "") // raw JIS or Shift_JIS bytes; words stay encoded
	p := mail.AddressParser{WordDecoder: &mime.WordDecoder{CharsetReader: charsetReader}}
	if a, err := p.Parse(v); err == nil {
		return strings.ToLower(a.Address)
	}
	if m := angleAddr.FindAllStringSubmatch(v, -1); len(m) == 1 {
		return strings.ToLower(m[0][1])
	} else if len(m) > 1 {
		return ""
	}
	bare := strings.TrimSpace(v)
	if strings.Count(bare, "@") == 1 && !strings.ContainsAny(bare, " \t,;<>\"") {
		return strings.ToLower(bare)
	}
	return ""
}

// charsetReader lets mime.WordDecoder read the charsets that decodeCharset knows.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	if enc := encodingFor(label); enc != nil {
		return enc.NewDecoder().Reader(r), nil
	}
	return r, nil
}

// messageID strips the angle brackets (and anything around them) of a Message-ID.
func messageID(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 0 {
			return strings.TrimSpace(v[i+1 : i+j])
		}
	}
	return v
}
