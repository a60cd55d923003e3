package mail

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/japanese"
)

// Japanese mail uses a handful of labels for three encodings; the index
// packages know most of them, this table covers the aliases they miss
// (Windows mailers write cp932 / windows-31j for Shift_JIS with extensions).
var japaneseLabels = map[string]encoding.Encoding{
	"iso-2022-jp":   japanese.ISO2022JP,
	"iso-2022-jp-1": japanese.ISO2022JP,
	"iso-2022-jp-2": japanese.ISO2022JP,
	"iso-2022-jp-3": japanese.ISO2022JP,
	"csiso2022jp":   japanese.ISO2022JP,
	"shift_jis":     japanese.ShiftJIS,
	"shift-jis":     japanese.ShiftJIS,
	"sjis":          japanese.ShiftJIS,
	"x-sjis":        japanese.ShiftJIS,
	"cp932":         japanese.ShiftJIS,
	"ms932":         japanese.ShiftJIS,
	"windows-31j":   japanese.ShiftJIS,
	"euc-jp":        japanese.EUCJP,
	"x-euc-jp":      japanese.EUCJP,
}

// encodingFor returns the decoder for a charset label, or nil for UTF-8,
// ASCII, an empty or an unknown label (those are sniffed instead).
func encodingFor(label string) encoding.Encoding {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	switch label {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return nil
	}
	if enc, ok := japaneseLabels[label]; ok {
		return enc
	}
	if enc, err := ianaindex.MIME.Encoding(label); err == nil && enc != nil {
		return enc
	}
	if enc, err := htmlindex.Get(label); err == nil && enc != nil {
		return enc
	}
	return nil
}

// decodeCharset turns bytes in the labelled charset into valid UTF-8. Labels lie
// (ISO-2022-JP sent as us-ascii, Shift_JIS sent as utf-8), so when the label
// gives no decoder the bytes are sniffed: escape sequences mean ISO-2022-JP,
// invalid UTF-8 is tried as Shift_JIS.
func decodeCharset(b []byte, label string) string {
	enc := encodingFor(label)
	if enc == nil {
		enc = sniff(b)
	}
	if enc == nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// sniff guesses the encoding of unlabelled bytes; nil means "use as UTF-8".
func sniff(b []byte) encoding.Encoding {
	if bytes.Contains(b, []byte("\x1b$B")) || bytes.Contains(b, []byte("\x1b$@")) {
		return japanese.ISO2022JP
	}
	if utf8.Valid(b) {
		return nil
	}
	return japanese.ShiftJIS
}
