package mailtest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"mime"
	"mime/quotedprintable"
	"strings"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
)

// Sender is SALON BOARD's address (the mail package's Sender, repeated here so
// that the mail package's own tests can use this package).
const Sender = "yoyaku_system@salonboard.com"

// Options say how a mail is put on the wire.
type Options struct {
	From        string    // default: SALON BOARD <Sender>
	MessageID   string    // default: derived from the subject and body
	Date        time.Time // default: 2026-11-20 21:04 JST
	Charset     string    // "utf-8" (default), "iso-2022-jp" or "shift_jis"
	Transfer    string    // "" (7bit/8bit), "base64" or "quoted-printable"
	HTML        bool      // an HTML-only body
	Alternative bool      // multipart/alternative: text/plain and text/html
	HeaderSplit int       // split the encoded Subject every N bytes (0: one word)
	LF          bool      // bare LF line ends instead of CRLF
}

// Encode writes a complete RFC 5322 message.
func Encode(subject, body string, o Options) ([]byte, error) {
	charset := strings.ToLower(o.Charset)
	if charset == "" {
		charset = "utf-8"
	}
	enc, err := encoderFor(charset)
	if err != nil {
		return nil, err
	}
	subj, err := encodeWords(subject, charset, enc, o.HeaderSplit)
	if err != nil {
		return nil, fmt.Errorf("subject: %w", err)
	}
	var b bytes.Buffer
	from := o.From
	if from == "" {
		from = "SALON BOARD <" + Sender + ">"
	}
	date := o.Date
	if date.IsZero() {
		date = time.Date(2026, 11, 20, 21, 4, 0, 0, time.FixedZone("JST", 9*3600))
	}
	id := o.MessageID
	if id == "" {
		id = fmt.Sprintf("%x.synthetic@salonboard.example", hash(subject+body))
	}
	fmt.Fprintf(&b, "From: %s\r\nTo: salon@example.com\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n",
		from, subj, date.Format(time.RFC1123Z), id)
	if err := writeBody(&b, body, charset, enc, o); err != nil {
		return nil, err
	}
	out := b.Bytes()
	if o.LF {
		out = bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n"))
	}
	return out, nil
}

// MustEncode is Encode for tests whose inputs are known to encode.
func MustEncode(subject, body string, o Options) []byte {
	b, err := Encode(subject, body, o)
	if err != nil {
		panic(err)
	}
	return b
}

func writeBody(b *bytes.Buffer, body, charset string, enc encoding.Encoding, o Options) error {
	switch {
	case o.Alternative:
		boundary := "==salondesk-alt=="
		fmt.Fprintf(b, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\nThis is a multi-part message.\r\n", boundary)
		for _, html := range []bool{false, true} {
			fmt.Fprintf(b, "--%s\r\n", boundary)
			if err := writePart(b, body, html, charset, enc, o.Transfer); err != nil {
				return err
			}
		}
		fmt.Fprintf(b, "--%s--\r\n", boundary)
		return nil
	default:
		return writePart(b, body, o.HTML, charset, enc, o.Transfer)
	}
}

// writePart writes Content-Type, Content-Transfer-Encoding and the encoded text.
func writePart(b *bytes.Buffer, body string, asHTML bool, charset string, enc encoding.Encoding, transfer string) error {
	mediaType := "text/plain"
	if asHTML {
		mediaType, body = "text/html", toHTML(body)
	}
	raw, err := encodeText(crlf(body), enc)
	if err != nil {
		return fmt.Errorf("body: %w", err)
	}
	cte := map[string]string{"iso-2022-jp": "7bit", "utf-8": "8bit", "shift_jis": "8bit"}[charset]
	if transfer != "" {
		cte = transfer
	}
	fmt.Fprintf(b, "Content-Type: %s; charset=\"%s\"\r\nContent-Transfer-Encoding: %s\r\n\r\n", mediaType, charsetLabel(charset), cte)
	switch transfer {
	case "base64":
		s := base64.StdEncoding.EncodeToString(raw)
		for len(s) > 76 {
			b.WriteString(s[:76] + "\r\n")
			s = s[76:]
		}
		b.WriteString(s + "\r\n")
	case "quoted-printable":
		w := quotedprintable.NewWriter(b)
		w.Write(raw)
		w.Close()
		b.WriteString("\r\n")
	default:
		b.Write(raw)
	}
	return nil
}

func encoderFor(charset string) (encoding.Encoding, error) {
	switch charset {
	case "utf-8":
		return nil, nil
	case "iso-2022-jp":
		return japanese.ISO2022JP, nil
	case "shift_jis":
		return japanese.ShiftJIS, nil
	}
	return nil, fmt.Errorf("mailtest: unsupported charset %q", charset)
}

func charsetLabel(charset string) string {
	return map[string]string{"utf-8": "UTF-8", "iso-2022-jp": "ISO-2022-JP", "shift_jis": "Shift_JIS"}[charset]
}

// jisVariants maps characters JIS X 0208 lacks to the ones Japanese mailers
// write instead (the yen sign and the wave dash).
var jisVariants = strings.NewReplacer("¥", "￥", "〜", "～")

func encodeText(s string, enc encoding.Encoding) ([]byte, error) {
	if enc == nil {
		return []byte(s), nil
	}
	return enc.NewEncoder().Bytes([]byte(jisVariants.Replace(s)))
}

// encodeWords writes an RFC 2047 header value. With split > 0 the encoded bytes
// are cut every split bytes regardless of characters or escape sequences, as
// some mailers do; decoders must join the words before decoding the charset.
func encodeWords(s, charset string, enc encoding.Encoding, split int) (string, error) {
	if enc == nil && split == 0 {
		return mime.BEncoding.Encode("UTF-8", s), nil
	}
	raw, err := encodeText(s, enc)
	if err != nil {
		return "", err
	}
	if split <= 0 {
		split = len(raw)
	}
	var words []string
	for len(raw) > 0 {
		n := min(split, len(raw))
		words = append(words, fmt.Sprintf("=?%s?B?%s?=", charsetLabel(charset), base64.StdEncoding.EncodeToString(raw[:n])))
		raw = raw[n:]
	}
	return strings.Join(words, "\r\n "), nil
}

// toHTML writes the text as a simple HTML mail, one <br> per line.
func toHTML(body string) string {
	var b strings.Builder
	b.WriteString("<html><head><style>p{margin:0}</style></head><body>\n")
	for _, line := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		b.WriteString(html.EscapeString(line) + "<br>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// Mail writes a whole reservation mail: Body(r) under subject, encoded as o says.
func Mail(subject string, r Reservation, o Options) ([]byte, error) {
	return Encode(subject, Body(r), o)
}
