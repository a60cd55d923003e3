package web

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The reservation list (search results of /KLP/reserve/reserveList/search
// and its changePage pages). The table is found by its header cells, rows by
// their reservation link, and every column by the header that names it, so
// extra columns, wrappers and whitespace do not matter.

const listPage = "reserveList"

var (
	reserveIDRe  = regexp.MustCompile(`^(B[C-F]|YG)\d{8}$`)
	listDateRe   = regexp.MustCompile(`(\d{1,2})\s*/\s*(\d{1,2})\D+?(\d{1,2})\s*:\s*(\d{2})`)
	pageOfRe     = regexp.MustCompile(`(\d+)\s*/\s*(\d+)\s*ページ`)
	totalRe      = regexp.MustCompile(`([0-9][0-9,]*)\s*件`)
	digitsRe     = regexp.MustCompile(`[0-9０-９][0-9０-９,，]*`)
	linkDateRe   = regexp.MustCompile(`date=(\d{4})(\d{2})(\d{2})`)
	noResultsRes = []*regexp.Regexp{regexp.MustCompile(`該当する.*(ありません|見つかりません)`), regexp.MustCompile(`検索結果[はが]?\s*0\s*件`)}
)

// ValidReservationID reports whether s is a SALON BOARD reservation number.
func ValidReservationID(s string) bool { return reserveIDRe.MatchString(s) }

// column keys of the list.
const (
	colDate = iota
	colStatus
	colCustomer
	colStaff
	colRoute
	colMenu
	colPoints
	colPayType
	colAmount
	colVisit
	colKarte
	colCount
)

// headerKey names the column of a header cell by its id or its text.
func headerKey(cell *html.Node) int {
	switch attr(cell, "id") {
	case "comingDate":
		return colDate
	case "status":
		return colStatus
	case "stylistSort":
		return colStaff
	case "rsvRoute":
		return colRoute
	}
	t := textJoined(cell)
	for _, k := range []struct {
		word string
		col  int
	}{
		{"来店日時", colDate}, {"ステータス", colStatus}, {"お客様名", colCustomer},
		{"スタッフ", colStaff}, {"スタイリスト", colStaff}, {"予約経路", colRoute},
		{"メニュー", colMenu}, {"利用ポイント", colPoints}, {"支払い種別", colPayType},
		{"支払種別", colPayType}, {"金額", colAmount}, {"来店処理", colVisit}, {"カルテ", colKarte},
	} {
		if strings.Contains(t, k.word) {
			return k.col
		}
	}
	return -1
}

// ParseReserveList reads one page of results. from and to are the search
// range; they give 来店日時 (MM/DD HH:MM) its year. No table and no "no
// results" wording is *ErrPageChanged, never an empty page.
func ParseReserveList(body []byte, from, to time.Time) (ListPage, error) {
	doc, err := parseHTML(body)
	if err != nil {
		return ListPage{}, pageChanged(listPage, "unparsable HTML")
	}
	if err := checkSession(listPage, doc); err != nil {
		return ListPage{}, err
	}
	head := findListHeader(doc)
	if head == nil {
		if noResults(doc) {
			return ListPage{Page: 1, Pages: 1}, nil
		}
		return ListPage{}, pageChanged(listPage, "no results table (header 来店日時/comingDate)")
	}
	cols := columnIndex(head)
	table := ancestor(head, atom.Table)
	var out ListPage
	for _, tr := range findAll(table, byTag(atom.Tr)) {
		if tr == head || ancestor(tr, atom.Table) != table {
			continue
		}
		link := detailLink(tr)
		if link == nil {
			continue // a header, spacer or sub row
		}
		row, err := parseListRow(tr, link, cols, from, to)
		if err != nil {
			return ListPage{}, err
		}
		out.Rows = append(out.Rows, row)
	}
	if err := parsePaging(doc, &out); err != nil {
		return ListPage{}, err
	}
	return out, nil
}

// findListHeader returns the header row of the results table: the row of a
// comingDate (or 来店日時) header cell that also names at least two other
// columns, so that the search form's own 来店日時 label is not taken for it.
func findListHeader(doc *html.Node) *html.Node {
	cells := findAll(doc, func(n *html.Node) bool {
		if n.DataAtom != atom.Th && n.DataAtom != atom.Td {
			return false
		}
		return attr(n, "id") == "comingDate" || textIs(n, "来店日時")
	})
	for _, cell := range cells {
		tr := ancestor(cell, atom.Tr)
		if tr == nil {
			continue
		}
		known := 0
		for _, c := range columnIndex(tr) {
			if c >= 0 {
				known++
			}
		}
		if known >= 3 {
			return tr
		}
	}
	return nil
}

// columnIndex maps each known column to its cell position (colspan counted).
func columnIndex(head *html.Node) [colCount]int {
	var cols [colCount]int
	for i := range cols {
		cols[i] = -1
	}
	pos := 0
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if !isTag(c, atom.Th) && !isTag(c, atom.Td) {
			continue
		}
		if k := headerKey(c); k >= 0 && cols[k] < 0 {
			cols[k] = pos
		}
		pos += span(c)
	}
	return cols
}

func span(c *html.Node) int {
	if n, err := strconv.Atoi(attr(c, "colspan")); err == nil && n > 1 && n < 50 {
		return n
	}
	return 1
}

// rowCells returns a row's cells indexed by position (colspan counted).
func rowCells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if !isTag(c, atom.Td) && !isTag(c, atom.Th) {
			continue
		}
		for i := span(c); i > 0; i-- {
			cells = append(cells, c)
		}
	}
	return cells
}

func detailLink(tr *html.Node) *html.Node {
	return find(tr, func(n *html.Node) bool {
		h := attr(n, "href")
		return n.DataAtom == atom.A && strings.Contains(h, "reserveId=") && strings.Contains(h, "eserveDetail")
	})
}

func cellAt(cells []*html.Node, i int) *html.Node {
	if i < 0 || i >= len(cells) {
		return nil
	}
	return cells[i]
}

func parseListRow(tr, link *html.Node, cols [colCount]int, from, to time.Time) (ListRow, error) {
	cells := rowCells(tr)
	col := func(k int) *html.Node { return cellAt(cells, cols[k]) }
	r := ListRow{DetailPath: attr(link, "href")}
	r.ID = collapse(textJoined(link))
	if !ValidReservationID(r.ID) {
		r.ID = queryValue(r.DetailPath, "reserveId")
	}
	if !ValidReservationID(r.ID) {
		return ListRow{}, pageChanged(listPage, "reservation number %q", r.ID)
	}
	r.Kind = kindOf(r.ID, r.DetailPath)
	dateCell := find(tr, byTagClass(atom.Td, "rsv_date"))
	if dateCell == nil {
		dateCell = col(colDate)
	}
	start, err := listStart(dateCell, from, to)
	if err != nil {
		return ListRow{}, pageChanged(listPage, "来店日時 of %s: %v", r.ID, err)
	}
	r.Start = start
	r.Status = textJoined(col(colStatus))
	r.StatusCode = StatusCode(r.Status)
	r.Customer = customerName(tr, col(colCustomer), r.ID)
	r.Staff = dash(inner(col(colStaff), "wordBreak"))
	r.Route = dash(text(col(colRoute)))
	r.Menu = menuLines(col(colMenu))
	r.Points = number(text(col(colPoints)))
	r.PaymentType = dash(text(col(colPayType)))
	r.Amount = number(text(col(colAmount)))
	r.Visit = dash(text(col(colVisit)))
	r.Karte = dash(text(col(colKarte)))
	return r, nil
}

// listStart reads MM/DD<br>HH:MM. The schedule link in the cell carries the
// full date; when it agrees with the text its year is taken, otherwise the
// year comes from the search range.
func listStart(cell *html.Node, from, to time.Time) (time.Time, error) {
	if cell == nil {
		return time.Time{}, errString("no date cell")
	}
	m := listDateRe.FindStringSubmatch(text(cell))
	if m == nil {
		return time.Time{}, errString("no MM/DD HH:MM")
	}
	mo, _ := strconv.Atoi(m[1])
	d, _ := strconv.Atoi(m[2])
	h, _ := strconv.Atoi(m[3])
	mi, _ := strconv.Atoi(m[4])
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 47 || mi > 59 {
		return time.Time{}, errString("date out of range")
	}
	day, ok := linkDay(cell, mo, d, from.Location())
	if !ok {
		if day, ok = inferDate(mo, d, from, to); !ok {
			return time.Time{}, errString("no year fits")
		}
	}
	return day.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute), nil
}

func linkDay(cell *html.Node, mo, d int, loc *time.Location) (time.Time, bool) {
	a := find(cell, byTag(atom.A))
	if a == nil {
		return time.Time{}, false
	}
	m := linkDateRe.FindStringSubmatch(attr(a, "href"))
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	lm, _ := strconv.Atoi(m[2])
	ld, _ := strconv.Atoi(m[3])
	if lm != mo || ld != d {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, loc), true
}

func customerName(tr, cell *html.Node, id string) string {
	if p := find(tr, byClass("icon02")); p != nil {
		return strings.TrimSpace(strings.TrimSuffix(text(p), "様"))
	}
	if cell == nil {
		return ""
	}
	var parts []string
	for _, l := range lines(cell) {
		l = strings.Trim(l, "()（） ")
		if l != id && l != "" {
			parts = append(parts, l)
		}
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.Join(parts, " "), "様"))
}

// inner returns the text of the first element with the class inside cell,
// or the cell's text.
func inner(cell *html.Node, class string) string {
	if cell == nil {
		return ""
	}
	if p := find(cell, byClass(class)); p != nil {
		return text(p)
	}
	return text(cell)
}

func menuLines(cell *html.Node) []string {
	if cell == nil {
		return nil
	}
	var out []string
	boxes := findAll(cell, byClass("reserveListAreaCouponName"))
	if len(boxes) == 0 {
		boxes = []*html.Node{cell}
	}
	for _, b := range boxes {
		for _, l := range lines(b) {
			if dash(l) != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

func parsePaging(doc *html.Node, out *ListPage) error {
	out.Page, out.Pages = 1, 1
	box := find(doc, byTagClass(atom.Div, "paging"))
	if box == nil {
		return nil // a single page shows no paging block
	}
	if p := find(box, byClass("page")); p != nil {
		m := pageOfRe.FindStringSubmatch(text(p))
		if m == nil {
			return pageChanged(listPage, "paging reads %q", text(p))
		}
		out.Page, _ = strconv.Atoi(m[1])
		out.Pages, _ = strconv.Atoi(m[2])
		if out.Page < 1 || out.Page > out.Pages {
			return pageChanged(listPage, "paging reads %q", text(p))
		}
	}
	if m := totalRe.FindStringSubmatch(text(box)); m != nil {
		out.Total = number(m[1]) // a count is a help, never required
	}
	next := find(box, func(n *html.Node) bool {
		if n.DataAtom != atom.A || !strings.Contains(attr(n, "href"), "changePage") {
			return false
		}
		t, ok := shortText(n, 200)
		return ok && strings.Contains(t, "次へ")
	})
	if next != nil {
		out.Next = attr(next, "href")
	}
	if out.Next == "" && out.Page < out.Pages {
		return pageChanged(listPage, "page %d/%d has no 次へ link", out.Page, out.Pages)
	}
	return nil
}

func noResults(doc *html.Node) bool {
	t := pageText(doc)
	for _, re := range noResultsRes {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}

func kindOf(id, href string) Kind {
	switch {
	case strings.Contains(href, "/ext/"), strings.HasPrefix(id, "YG"):
		return KindExt
	default:
		return KindNet
	}
}

func queryValue(href, key string) string {
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	return u.Query().Get(key)
}

// dash turns the list's "-" (empty) into "".
func dash(s string) string {
	s = strings.TrimSpace(s)
	switch s {
	case "-", "－", "ー", "―":
		return ""
	}
	return s
}

// number reads the first number of s ("9,900円", "120pt"), 0 when none.
func number(s string) int {
	m := digitsRe.FindString(s)
	if m == "" {
		return 0
	}
	var n int
	for _, r := range m {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		}
		if n > 1e12 {
			return 0
		}
	}
	return n
}

type errString string

func (e errString) Error() string { return string(e) }
