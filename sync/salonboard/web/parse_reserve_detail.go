package web

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// The reservation detail pages (net/reserveDetail and ext/extReserveDetail).
// Their markup was never captured, so every field is found by its LABEL: the
// cell or term whose whole text is the label; the value is the element that
// follows it. A missing label leaves the field unknown (named in Missing).
// Only a page without a readable 予約番号 is *ErrPageChanged.

const detailPage = "reserveDetail"

// detailLabels lists each field's label and the variants seen or likely.
var detailLabels = []struct {
	field  string
	labels []string
}{
	{"予約番号", []string{"予約番号"}},
	{"ステータス", []string{"ステータス", "予約ステータス"}},
	{"氏名（カナ）", []string{"氏名(カナ)", "お客様名(カナ)", "氏名カナ", "フリガナ"}},
	{"氏名（漢字）", []string{"氏名(漢字)", "お客様名(漢字)", "氏名漢字", "氏名"}},
	{"電話番号", []string{"電話番号"}},
	{"来店日時", []string{"来店日時"}},
	{"受信日時", []string{"受信日時", "予約受付日時"}},
	{"予約経路", []string{"予約経路"}},
	{"メニュー", []string{"メニュー"}},
	{"クーポン名", []string{"クーポン名", "ご利用クーポン", "クーポン"}},
	{"スタッフ", []string{"スタッフ", "担当スタッフ", "指名スタッフ", "スタイリスト"}},
	{"設備", []string{"設備"}},
	{"お客様メモ", []string{"お客様メモ"}},
	{"合計金額", []string{"合計金額", "予約時合計金額"}},
}

var (
	fullDateRe = regexp.MustCompile(`(\d{4})\s*[年/\-]\s*(\d{1,2})\s*[月/\-]\s*(\d{1,2})`)
	rangeRe    = regexp.MustCompile(`(\d{1,2})\s*[:：]\s*(\d{2})\s*(?:[～〜~\-－ー−]\s*(\d{1,2})\s*[:：]\s*(\d{2}))?`)
	markRe     = regexp.MustCompile(`[（(【\[]?\s*指名(なし|あり)?\s*[）)】\]]?`)
)

// ParseReserveDetail reads a detail page by its labels. Dates are read in
// loc (nil: time.Local).
func ParseReserveDetail(body []byte, loc *time.Location) (Detail, error) {
	if loc == nil {
		loc = time.Local
	}
	doc, err := parseHTML(body)
	if err != nil {
		return Detail{}, pageChanged(detailPage, "unparsable HTML")
	}
	if err := checkSession(detailPage, doc); err != nil {
		return Detail{}, err
	}
	values := map[string]*html.Node{}
	var d Detail
	for _, f := range detailLabels {
		if v := labelValue(doc, f.labels); v != nil {
			values[f.field] = v
		} else {
			d.Missing = append(d.Missing, f.field)
		}
	}
	d.ID = collapse(textJoined(values["予約番号"]))
	if !ValidReservationID(d.ID) {
		return Detail{}, pageChanged(detailPage, "no readable 予約番号")
	}
	d.Kind = kindOf(d.ID, "")
	fill(&d, values, loc)
	return d, nil
}

func fill(d *Detail, v map[string]*html.Node, loc *time.Location) {
	str := func(k string) string { return dash(text(v[k])) }
	d.Status = textJoined(v["ステータス"])
	d.NameKana = str("氏名（カナ）")
	d.NameKanji = str("氏名（漢字）")
	d.Phone = str("電話番号")
	d.Route = str("予約経路")
	d.Coupon = str("クーポン名")
	d.Memo = dash(strings.Join(lines(orEmpty(v["お客様メモ"])), "\n"))
	for _, l := range lines(orEmpty(v["メニュー"])) {
		if dash(l) != "" {
			d.Menu = append(d.Menu, l)
		}
	}
	if t := str("合計金額"); t != "" {
		d.Total = number(t)
	}
	var day time.Time
	day, d.Start, d.End = dateRange(str("来店日時"), loc)
	_, d.Received, _ = dateRange(str("受信日時"), loc)
	d.Staff = assignments(v["スタッフ"], day, true)
	d.Equipment = assignments(v["設備"], day, false)
}

func orEmpty(n *html.Node) *html.Node {
	if n == nil {
		return &html.Node{Type: html.DocumentNode}
	}
	return n
}

// normLabel folds width (NFKC), drops spaces, colons and marks so that
// 「氏名（カナ）：」 and 「氏名(カナ)」 compare equal.
func normLabel(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if isSpace(r) || r == ':' || r == '※' || r == '*' || r == '■' {
			return -1
		}
		return r
	}, s)
}

// labelValue finds the element whose whole text is one of the labels and
// returns the element after it (td after th, dd after dt, or the next
// sibling). Label cells (th, dt) are preferred over other elements.
func labelValue(doc *html.Node, labels []string) *html.Node {
	want := map[string]bool{}
	for _, l := range labels {
		want[normLabel(l)] = true
	}
	for _, labelTags := range []bool{true, false} {
		var found *html.Node
		find(doc, func(n *html.Node) bool {
			isLabelTag := n.DataAtom == atom.Th || n.DataAtom == atom.Dt
			if isLabelTag != labelTags || n.FirstChild == nil {
				return false
			}
			t, ok := shortText(n, 120)
			if !ok || !want[normLabel(t)] {
				return false
			}
			found = nextElement(n)
			return found != nil
		})
		if found != nil {
			return found
		}
	}
	return nil
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// dateRange reads "2026年12月05日（土）14:30～16:00" (or 2026/12/05 14:30).
// It returns the day, the start and the end (zero when absent).
func dateRange(s string, loc *time.Location) (day, start, end time.Time) {
	m := fullDateRe.FindStringSubmatchIndex(s)
	if m == nil {
		return
	}
	y, _ := strconv.Atoi(s[m[2]:m[3]])
	mo, _ := strconv.Atoi(s[m[4]:m[5]])
	d, _ := strconv.Atoi(s[m[6]:m[7]])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return
	}
	day = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, loc)
	start, end = timeRange(s[m[1]:], day)
	return
}

// timeRange reads "14:30～16:00" (or a lone "14:30") after day.
func timeRange(s string, day time.Time) (start, end time.Time) {
	m := rangeRe.FindStringSubmatch(s)
	if m == nil || day.IsZero() {
		return
	}
	at := func(hs, ms string) time.Time {
		h, _ := strconv.Atoi(hs)
		mi, _ := strconv.Atoi(ms)
		if h > 48 || mi > 59 {
			return time.Time{}
		}
		return day.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute)
	}
	start = at(m[1], m[2])
	if m[3] != "" {
		end = at(m[3], m[4])
	}
	return
}

// assignments reads staff or equipment lines: a name, its own time range and
// (staff) a 指名 mark. A line holding only a time or a mark belongs to the
// name before it.
func assignments(n *html.Node, day time.Time, staff bool) []Assignment {
	if n == nil {
		return nil
	}
	var out []Assignment
	for _, l := range lines(n) {
		var a Assignment
		if loc := rangeRe.FindStringIndex(l); loc != nil {
			a.Start, a.End = timeRange(l[loc[0]:loc[1]], day)
			l = l[:loc[0]] + " " + l[loc[1]:]
		}
		if staff {
			for _, mk := range markRe.FindAllStringSubmatch(l, -1) {
				if mk[1] != "なし" {
					a.Designated = true
				}
			}
			l = markRe.ReplaceAllString(l, " ")
		}
		a.Name = dash(collapse(l))
		if a.Name == "" && len(out) > 0 {
			last := &out[len(out)-1]
			last.Designated = last.Designated || a.Designated
			if last.Start.IsZero() {
				last.Start, last.End = a.Start, a.End
			}
			continue
		}
		if a.Name != "" {
			out = append(out, a)
		}
	}
	return out
}
