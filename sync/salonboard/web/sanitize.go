package web

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/unicode/norm"
)

// SALON BOARD's input rules (spec §2, "Registering a reservation"): start on
// the 15-minute grid, duration in 5-minute steps, kana name required in
// full-width katakana, no Latin letters, symbols or emoji in names, memo at
// most 100 characters, text Shift_JIS-safe only, and never the wave dash
// U+301C (it makes a save fail silently; U+FF5E is the one that works).
// The client repairs what it can here, before any request, so that the
// site's own checks are never the first to see a bad value.

// MemoMax is the most characters 予約時メモ (rsvEtc) takes.
const MemoMax = 100

// Step sizes of the form's time fields.
const (
	StartStep    = 15 * time.Minute
	DurationStep = 5 * time.Minute
)

// Sanitize returns the reservation as SALON BOARD accepts it: kana in
// full-width katakana (hiragana and half-width kana converted), names
// without Latin letters, symbols or emoji (a name left empty takes the
// kana), the memo Shift_JIS-safe and cut to MemoMax runes, the duration
// rounded UP to 5 minutes. An off-grid start is ErrOffGrid; no kana, no
// staff, an unknown route or a duration of zero is ErrInput (both
// permanent, inside a *WriteError). An empty Route stays empty.
func Sanitize(in RegisterInput) (RegisterInput, error) {
	const op = "register"
	s := in.Start
	if s.IsZero() || s.Second() != 0 || s.Nanosecond() != 0 || s.Minute()%15 != 0 {
		return in, &WriteError{Op: op, Why: ReasonInput, Fatal: true,
			Detail: fmt.Sprintf("start %s", s.Format("2006-01-02 15:04:05")), Err: ErrOffGrid}
	}
	if in.Duration <= 0 {
		return in, inputError(op, "duration %v", in.Duration)
	}
	in.Duration = (in.Duration + DurationStep - 1) / DurationStep * DurationStep
	if strings.TrimSpace(in.StaffID) == "" {
		return in, inputError(op, "no staff")
	}
	switch in.Route {
	case "", RoutePhoneOwn, RoutePhoneHPB, RouteWalkIn:
	default:
		return in, inputError(op, "route %q is not offered (only 電話(自社), 電話(HOT PEPPER Beauty), 直接来店)", in.Route)
	}
	in.SeiKana, in.MeiKana = SanitizeKana(in.SeiKana), SanitizeKana(in.MeiKana)
	if in.SeiKana == "" {
		in.SeiKana, in.MeiKana = in.MeiKana, ""
	}
	if in.SeiKana == "" {
		return in, inputError(op, "no kana name (full-width katakana is required)")
	}
	if in.Sei = SanitizeName(in.Sei); in.Sei == "" {
		in.Sei = in.SeiKana
	}
	if in.Mei = SanitizeName(in.Mei); in.Mei == "" {
		in.Mei = in.MeiKana
	}
	in.Tel = sanitizeTel(in.Tel)
	in.CustomerNo = sanitizeCustomerNo(in.CustomerNo)
	in.Memo = SanitizeMemo(in.Memo)
	return in, nil
}

// SanitizeKana returns s in full-width katakana: NFKC first (half-width ｶﾞ
// becomes ガ), hiragana shifted to katakana, and everything that is not
// full-width katakana of JIS X 0208 (spaces, Latin letters, symbols, the
// wave dash, emoji) dropped.
func SanitizeKana(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		if r >= 'ぁ' && r <= 'ゖ' || r == 'ゝ' || r == 'ゞ' {
			r += 'ァ' - 'ぁ'
		}
		if isKatakana(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isKatakana: full-width katakana of JIS X 0208 (ァ…ヶ), ー, ヽ, ヾ.
func isKatakana(r rune) bool {
	return r >= 'ァ' && r <= 'ヶ' || r == 'ー' || r == 'ヽ' || r == 'ヾ'
}

// SanitizeName keeps what a Japanese name is written with: kanji,
// hiragana, katakana, 々 and 〆, each Shift_JIS-encodable. NFKC first, so
// half-width kana become full-width; Latin letters, digits, spaces, symbols
// and emoji go.
func SanitizeName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		name := unicode.Is(unicode.Han, r) || r >= 'ぁ' && r <= 'ゖ' || r == 'ゝ' || r == 'ゞ' ||
			isKatakana(r) || r == '々' || r == '〆'
		if name && shiftJIS(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cp932Variants are look-alikes that Shift_JIS (as SALON BOARD stores it)
// cannot hold, mapped to the character it can: the wave dash first.
var cp932Variants = map[rune]rune{
	'\u301c': '\uff5e', // 〜 WAVE DASH → ～ FULLWIDTH TILDE
	'\u2212': '\uff0d', // − MINUS SIGN → －
	'\u2016': '\u2225', // ‖ → ∥
	'\u2014': '\u2015', // — EM DASH → ―
	'\u00a5': '\uffe5', // ¥ → ￥
	'\u00a2': '\uffe0', // ¢ → ￠
	'\u00a3': '\uffe1', // £ → ￡
	'\u00ac': '\uffe2', // ¬ → ￢
}

// SanitizeMemo makes 予約時メモ safe: line breaks as \n, tabs as spaces,
// the look-alikes of cp932Variants replaced, half-width kana widened, runes
// Shift_JIS cannot encode (emoji…) and control characters dropped, then cut
// to MemoMax runes.
func SanitizeMemo(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = widenHalfKana(s)
	var b strings.Builder
	n := 0
	for _, r := range s {
		if v, ok := cp932Variants[r]; ok {
			r = v
		}
		switch {
		case r == '\r':
			r = '\n'
		case r == '\t':
			r = ' '
		}
		if r != '\n' && unicode.IsControl(r) || !shiftJIS(r) {
			continue
		}
		if n == MemoMax {
			break
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}

// widenHalfKana turns half-width katakana (U+FF61–U+FF9F) into full-width
// ones, voiced marks joined (ｶﾞ → ガ), and leaves everything else alone.
func widenHalfKana(s string) string {
	if !strings.ContainsFunc(s, isHalfKana) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexFunc(s, isHalfKana)
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexFunc(s, func(r rune) bool { return !isHalfKana(r) })
		if j < 0 {
			j = len(s)
		}
		b.WriteString(norm.NFKC.String(s[:j]))
		s = s[j:]
	}
	return b.String()
}

func isHalfKana(r rune) bool { return r >= '\uff61' && r <= '\uff9f' }

// shiftJIS reports whether r survives Shift_JIS (CP932) storage.
func shiftJIS(r rune) bool {
	if r < utf8.RuneSelf {
		return true
	}
	if r == utf8.RuneError {
		return false
	}
	_, err := japanese.ShiftJIS.NewEncoder().String(string(r))
	return err == nil
}

// sanitizeTel keeps digits and hyphens (half-width).
func sanitizeTel(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		switch {
		case r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == 'ー' || r == '‐' || r == '−' || r == '―':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// sanitizeCustomerNo keeps ASCII letters, digits and hyphens.
func sanitizeCustomerNo(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			b.WriteRune(r)
		}
	}
	return b.String()
}
