package mail

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// fold makes numbers and punctuation comparable: NFKC turns full-width digits,
// （）：～ and U+3000 into their ASCII forms. Only used for reading numbers and
// dates; names and menus are kept as written.
func fold(s string) string {
	return norm.NFKC.String(s)
}

var reservationNumber = regexp.MustCompile(`[A-Z]{2}[0-9]{8,12}`)

// parseNumber finds a reservation number such as BE12345678 or YG12345678.
func parseNumber(s string) (string, bool) {
	n := reservationNumber.FindString(strings.ToUpper(fold(s)))
	return n, n != ""
}

// dateTime matches 2026年12月05日（土）14:30, 2026/12/05 14:30 and 14時30分, with an
// optional end time (～16:00).
var dateTime = regexp.MustCompile(`(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?\s*(?:\([^)]{0,6}\))?\s*(\d{1,2})\s*[:時]\s*(\d{1,2})\s*分?(?:\s*[~〜\-]\s*(\d{1,2})\s*[:時]\s*(\d{1,2}))?`)

// parseDateTime reads a date and time in loc; end is the duration to an end time
// written after it (0 when none).
func parseDateTime(s string, loc *time.Location) (t time.Time, end time.Duration, ok bool) {
	m := dateTime.FindStringSubmatch(fold(s))
	if m == nil {
		return time.Time{}, 0, false
	}
	n := make([]int, len(m))
	for i := 1; i < len(m); i++ {
		n[i], _ = strconv.Atoi(m[i])
	}
	y, mo, d, h, mi := n[1], n[2], n[3], n[4], n[5]
	if mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 {
		return time.Time{}, 0, false
	}
	t = time.Date(y, time.Month(mo), d, h, mi, 0, 0, loc)
	if t.Day() != d { // 2月30日 rolled over
		return time.Time{}, 0, false
	}
	if m[6] != "" && n[6] <= 29 && n[7] <= 59 {
		if e := time.Duration(n[6]-h)*time.Hour + time.Duration(n[7]-mi)*time.Minute; e > 0 {
			end = e
		}
	}
	return t, end, true
}

// durationNote matches （所要時間目安：1時間30分） and （施術時間目安：45分）.
var durationNote = regexp.MustCompile(`(?:所要|施術)時間(?:目安)?\s*:\s*(?:(\d{1,3})\s*時間)?\s*(?:(\d{1,4})\s*分)?`)

// parseDuration reads a duration note; ok is false when the line holds none.
func parseDuration(s string) (time.Duration, bool) {
	m := durationNote.FindStringSubmatch(fold(s))
	if m == nil || m[1] == "" && m[2] == "" {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	return time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute, true
}

// isDurationNote reports a line that is only a duration note, not a menu.
func isDurationNote(s string) bool {
	_, ok := parseDuration(s)
	return ok && strings.HasPrefix(strings.TrimSpace(fold(s)), "(")
}

var (
	couponTarget = regexp.MustCompile(`^[\[［【]([^\]］】]{1,12})[\]］】]\s*`)
	couponPrice  = regexp.MustCompile(`[\s\x{3000}]*(?:[¥￥]\s*[0-9０-９,，]+\s*円?|[0-9０-９,，]+\s*円)[\s\x{3000}]*$`)
)

// parseCoupon splits "[全員]カット＋ケアカラー ¥9,900" into name and target.
func parseCoupon(s string) (name, target string) {
	s = strings.Trim(s, indents)
	if m := couponTarget.FindStringSubmatch(s); m != nil {
		target = strings.TrimSpace(m[1])
		s = s[len(m[0]):]
	}
	name = strings.Trim(couponPrice.ReplaceAllString(s, ""), indents)
	return name, target
}

// amount matches the number at the end of a money line (9,900円, 300pt).
var amount = regexp.MustCompile(`(\d[\d,]*)\s*(?:円|pt|P|ポイント)?\s*$`)

// money is what the 合計金額 section says.
type money struct{ price, payable, points int }

// parseMoney reads the 合計金額 lines by their labels; an unlabelled single
// amount is the total.
func parseMoney(lines []string) money {
	var m money
	for _, line := range lines {
		f := fold(line)
		am := amount.FindStringSubmatchIndex(f)
		if am == nil {
			continue
		}
		n, err := strconv.Atoi(strings.ReplaceAll(f[am[2]:am[3]], ",", ""))
		if err != nil {
			continue
		}
		label := f[:am[0]]
		switch {
		case strings.Contains(label, "ポイント") || strings.Contains(f[am[3]:], "pt"):
			m.points = n
		case strings.Contains(label, "支払"):
			m.payable = n
		default:
			if m.price == 0 {
				m.price = n
			}
		}
	}
	if m.price == 0 && m.payable > 0 {
		m.price = m.payable + m.points
	}
	if m.payable == 0 && m.price > 0 {
		m.payable = max(m.price-m.points, 0)
	}
	return m
}

// customerName splits "山田 花子（ヤマダ ハナコ）" into kanji and kana.
var customerName = regexp.MustCompile(`^(.*?)[\s\x{3000}]*[（(]([^（()）]*)[）)][\s\x{3000}]*(?:様)?$`)

func parseName(s string) (kanji, kana string) {
	s = strings.Trim(s, indents)
	if m := customerName.FindStringSubmatch(s); m != nil {
		return trimHonorific(m[1]), strings.Trim(m[2], indents)
	}
	s = trimHonorific(s)
	if isKatakana(s) {
		return "", s
	}
	return s, ""
}

func trimHonorific(s string) string {
	return strings.Trim(strings.TrimSuffix(strings.Trim(s, indents), "様"), indents)
}

// isKatakana reports a name written in katakana only (blanks and ー allowed).
func isKatakana(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'ァ' && r <= 'ヺ' || r == 'ー' || r == '・' || strings.ContainsRune(indents, r)) {
			return false
		}
	}
	return true
}

// isEmpty reports SALON BOARD's ways of writing "nothing": -, ー, なし.
func isEmpty(s string) bool {
	switch strings.Trim(fold(s), " -ー－―‐") {
	case "", "なし":
		return true
	}
	return false
}
