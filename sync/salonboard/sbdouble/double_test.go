package sbdouble_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
)

var jst = time.FixedZone("JST", 9*3600)

type browser struct {
	t    *testing.T
	base string
	hc   *http.Client
}

func newBrowser(t *testing.T, base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: base, hc: &http.Client{Jar: jar}}
}

func (b *browser) do(method, path string, form url.Values, referer string) (int, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, b.base+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if referer != "" {
		req.Header.Set("Referer", b.base+referer)
	}
	resp, err := b.hc.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

func (b *browser) get(path, referer string) string {
	_, s := b.do(http.MethodGet, path, nil, referer)
	return s
}

func (b *browser) login() string {
	_, s := b.do(http.MethodPost, sbdouble.PathDoLogin, url.Values{"userId": {"SD0000001"}, "password": {"synthetic-pass"}}, sbdouble.PathLogin)
	return s
}

var tokenRe = regexp.MustCompile(`name="org\.apache\.struts\.taglib\.html\.TOKEN" value="([0-9A-F]+)"`)

func (b *browser) search(from, to string, extra url.Values) string {
	m := tokenRe.FindStringSubmatch(b.get(sbdouble.PathListInit, ""))
	if m == nil {
		b.t.Fatal("no token on the init page")
	}
	form := url.Values{sbdouble.TokenField: {m[1]}, "rsvDateFrom": {from}, "rsvDateTo": {to}}
	for k, v := range extra {
		form[k] = v
	}
	_, s := b.do(http.MethodPost, sbdouble.PathListSearch, form, sbdouble.PathListInit)
	return s
}

func setup(t *testing.T) (*sbdouble.Double, string) {
	d := sbdouble.New(sbdouble.Config{Location: jst})
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	return d, srv.URL
}

func TestListMarkupFactsAndPaging(t *testing.T) {
	d, base := setup(t)
	for i := range 120 {
		d.AddReservation(sbdouble.Synthetic(i, time.Date(2026, 12, 1+i%28, 11, 0, 0, 0, jst)))
	}
	b := newBrowser(t, base)
	b.login()
	p1 := b.search("20261201", "20261231", url.Values{"reserveDispStatusCdArray": {"2"}})
	for _, fact := range []string{
		`<th id="comingDate">来店日時</th>`, `<th id="status">`, `<th id="stylistSort">`, `<th id="rsvRoute">`,
		`<td class="rsv_date"><a href="/KLP/schedule/salonSchedule/?date=202612`, `<p class="icon02 wordBreak">`,
		`<p class="page">1/3ページ</p>`, `<a href="changePage?pn=2">次へ</a>`, `<div class="reserveListAreaCouponName">`,
		`/KLP/reserve/net/reserveDetail/?reserveId=B`,
	} {
		if !strings.Contains(p1, fact) {
			t.Errorf("page 1 lacks %s", fact)
		}
	}
	row := regexp.MustCompile(`(?s)<tr>\s*<td class="rsv_date">.*?</tr>`).FindString(p1)
	if n := strings.Count(row, "<td"); n != 11 {
		t.Errorf("a row has %d cells, want 11: %s", n, row)
	}
	if n := strings.Count(p1, `<td class="rsv_date">`); n != sbdouble.PageSize {
		t.Errorf("page 1 has %d rows", n)
	}
	p3 := b.get(sbdouble.PathListPage+"?pn=3", sbdouble.PathListSearch)
	if !strings.Contains(p3, "3/3ページ") || !strings.Contains(p3, `<p class="next_disable">`) || strings.Contains(p3, "changePage?pn=4") {
		t.Error("the last page offers 次へ")
	}
	if n := strings.Count(p3, `<td class="rsv_date">`); n != 20 {
		t.Errorf("page 3 has %d rows", n)
	}
	if d.Count(sbdouble.PathListPage) != 1 || d.Count(sbdouble.PathListSearch) != 1 {
		t.Errorf("counts: %d pages, %d searches", d.Count(sbdouble.PathListPage), d.Count(sbdouble.PathListSearch))
	}
}

func TestStaleTokenAndStatusBreaks(t *testing.T) {
	d, base := setup(t)
	id := d.AddReservation(sbdouble.Synthetic(1, time.Date(2026, 12, 5, 11, 0, 0, 0, jst)))
	_ = d.CancelReservation(id, sbdouble.StatusSalonCancel)
	b := newBrowser(t, base)
	b.login()
	b.get(sbdouble.PathListInit, "")
	_, s := b.do(http.MethodPost, sbdouble.PathListSearch, url.Values{sbdouble.TokenField: {"OLD"}}, sbdouble.PathListInit)
	if !strings.Contains(s, "KPCL017V01") {
		t.Fatal("a wrong Struts token was accepted")
	}
	// Without status boxes the form's default hides cancellations.
	if s := b.search("20261201", "20261231", nil); !strings.Contains(s, "該当する予約はありません") {
		t.Fatal("default search shows a cancelled row")
	}
	s = b.search("20261201", "20261231", url.Values{"reserveDispStatusCdArray": {"8"}})
	if !strings.Contains(s, "サロン<br>キャンセル") {
		t.Fatal("status not broken by <br>")
	}
}

func TestOneSessionPerAccountAndReferer(t *testing.T) {
	d, base := setup(t)
	net := d.AddReservation(sbdouble.Synthetic(1, time.Date(2026, 12, 5, 11, 0, 0, 0, jst)))
	r := sbdouble.Synthetic(2, time.Date(2026, 12, 5, 13, 0, 0, 0, jst))
	r.RouteID = sbdouble.RouteWalkIn
	ext := d.AddReservation(r)
	if !regexp.MustCompile(`^B[C-F]\d{8}$`).MatchString(net) || !regexp.MustCompile(`^YG\d{8}$`).MatchString(ext) {
		t.Fatalf("numbers %s %s", net, ext)
	}
	a, b := newBrowser(t, base), newBrowser(t, base)
	a.login()
	if !strings.Contains(a.get(sbdouble.PathTop, ""), "予約管理") {
		t.Fatal("no navigation after login")
	}
	b.login()
	if strings.Contains(a.get(sbdouble.PathTop, ""), "予約管理") || d.Sessions() != 1 {
		t.Fatal("the first session survived a second login")
	}
	if s := b.get(sbdouble.PathNetDetail+"?reserveId="+net, ""); !strings.Contains(s, "KPCL") {
		t.Fatal("a direct detail hit was served")
	}
	if s := b.get(sbdouble.PathNetDetail+"?reserveId="+net, sbdouble.PathListSearch); !strings.Contains(s, "<th>予約番号</th><td>"+net+"</td>") {
		t.Fatal("net detail from the list refused")
	}
	if s := b.get(sbdouble.PathExtDetail+"?reserveId="+ext, sbdouble.PathSchedule); !strings.Contains(s, "<dd>"+ext+"</dd>") {
		t.Fatal("ext detail from the schedule refused")
	}
	if s := b.get(sbdouble.PathNetDetail+"?reserveId="+ext, sbdouble.PathSchedule); !strings.Contains(s, "KPCL") {
		t.Fatal("an ext number opened as a net page")
	}
}

func TestScheduleMarkupFacts(t *testing.T) {
	d, base := setup(t)
	r := sbdouble.Synthetic(0, time.Date(2026, 12, 5, 16, 45, 0, 0, jst)) // new customer, designated
	r.End = time.Date(2026, 12, 5, 18, 0, 0, 0, jst)
	r.EquipmentID = "EQ00000001"
	d.AddReservation(r)
	d.AddToDo(sbdouble.ToDo{StaffID: "W000000102", Title: "休日", DayOff: true,
		Start: time.Date(2026, 12, 5, 0, 0, 0, 0, jst), End: time.Date(2026, 12, 6, 5, 0, 0, 0, jst)})
	b := newBrowser(t, base)
	b.login()
	s := b.get(sbdouble.PathSchedule+"?date=20261205", "")
	for _, fact := range []string{
		`<span id="rlastupdate" style="display:none">` + d.LastUpdate() + `</span>`, `<a id="showCurrent"`,
		`<ul class="scheduleMainHeadList isStaff">`, `<ul class="scheduleMainHeadList isEquipment">`,
		`id="STAFF_W000000101_20261205"`, `id="EQUIPMENT_EQ00000001_20261205"`, `<p class="scheduleCapacity">受付可能数：1：1</p>`,
		`<div class="scheduleReservation staffTask"`, `<div class="scheduleReservation equipmentTask"`,
		`<li class="scheduleReserveIcon customerNew">新</li>`, `title="山田 花子 様"`,
		`<p class="scheduleTimeZoneSetting" style="display:none">["16:45", "18:00"]</p>`,
		`<div class="scheduleToDo isDayOff">`, `["0:00", "29:00"]`,
	} {
		if !strings.Contains(s, fact) {
			t.Errorf("schedule lacks %s", fact)
		}
	}
}

func TestFaultsCountDown(t *testing.T) {
	d, base := setup(t)
	b := newBrowser(t, base)
	b.login()
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultStatus, Path: sbdouble.PathTop, Times: 2, Status: 502})
	for i, want := range []int{502, 502, 200} {
		if code, _ := b.do(http.MethodGet, sbdouble.PathTop, nil, ""); code != want {
			t.Errorf("request %d: %d, want %d", i, code, want)
		}
	}
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultStale, Times: -1})
	b.get(sbdouble.PathTop, "")
	if !strings.Contains(b.get(sbdouble.PathTop, ""), "KPCL017V01") {
		t.Error("a -1 fault stopped")
	}
	d.ClearFaults()
	if !strings.Contains(b.get(sbdouble.PathTop, ""), "予約管理") {
		t.Error("ClearFaults left a fault")
	}
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultCaptcha})
	if s := b.login(); !strings.Contains(s, "captcha") {
		t.Error("no CAPTCHA at login")
	}
}

func TestServe(t *testing.T) {
	d := sbdouble.New(sbdouble.Config{})
	ctx, cancel := context.WithCancel(context.Background())
	base, err := d.Serve(ctx, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, base)
	if s := b.get(sbdouble.PathLogin, ""); !strings.Contains(s, `name="userId"`) {
		t.Fatal("no login form")
	}
	cancel()
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := http.Get(base + sbdouble.PathLogin); err != nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the server kept serving after its context ended")
}
