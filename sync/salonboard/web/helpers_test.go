package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

var jst = time.FixedZone("JST", 9*3600)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, jst) }

func at(y int, m time.Month, d, h, mi int) time.Time { return time.Date(y, m, d, h, mi, 0, 0, jst) }

// newDouble serves a fresh double on loopback.
func newDouble(t testing.TB, cfg sbdouble.Config) (*sbdouble.Double, string) {
	t.Helper()
	cfg.Location = jst
	d := sbdouble.New(cfg)
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	return d, srv.URL
}

// newClient logs in as the double's default account, with no pauses and a
// short interval between logins.
func newClient(t testing.TB, base string, edit ...func(*web.Config)) *web.Client {
	t.Helper()
	cfg := web.Config{
		BaseURL: base, UserID: "SD0000001", Password: "synthetic-pass",
		Timeout:  2 * time.Second,
		Pacing:   &web.Pacing{Login: 20 * time.Millisecond, CaptchaBackoff: time.Hour},
		Location: jst,
	}
	for _, e := range edit {
		e(&cfg)
	}
	c, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// browser fetches raw pages from the double, for the parser tests and the
// fuzz corpora.
type browser struct {
	t    testing.TB
	base string
	hc   *http.Client
}

func newBrowser(t testing.TB, base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: base, hc: &http.Client{Jar: jar}}
}

func (b *browser) do(method, path string, form url.Values, referer string) (string, []byte) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, b.base+path, body)
	if err != nil {
		b.t.Fatal(err)
	}
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
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		b.t.Fatal(err)
	}
	return resp.Request.URL.String(), data
}

func (b *browser) get(path, referer string) []byte {
	_, body := b.do(http.MethodGet, path, nil, referer)
	return body
}

func (b *browser) login() (string, []byte) {
	b.get("/login/", "")
	return b.do(http.MethodPost, "/CNC/login/doLogin/",
		url.Values{"userId": {"SD0000001"}, "password": {"synthetic-pass"}, "idCheckFlg": {""}}, "/login/")
}

// search posts the list form with the token of a fresh init page.
func (b *browser) search(from, to time.Time) []byte {
	b.t.Helper()
	form, err := web.ParseReserveListForm(b.get("/KLP/reserve/reserveList/init", ""))
	if err != nil {
		b.t.Fatal(err)
	}
	vals := form.Hidden
	vals.Set("rsvDateFrom", from.Format("20060102"))
	vals.Set("rsvDateTo", to.Format("20060102"))
	for _, s := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"} {
		vals.Add("reserveDispStatusCdArray", s)
	}
	_, body := b.do(http.MethodPost, "/KLP/reserve/reserveList/search", vals, "/KLP/reserve/reserveList/init")
	return body
}

// samplePages is a small salon's pages as the double renders them.
type samplePages struct {
	login, top, listInit, list1, list2, schedule, netDetail, extDetail, kpcl, captcha, password []byte
	from, to, day                                                                               time.Time
}

// renderSamples closes its server before it returns, so that nothing runs in
// the background while a fuzz target uses the pages.
func renderSamples(t testing.TB) samplePages {
	d := sbdouble.New(sbdouble.Config{Location: jst})
	srv := httptest.NewServer(d)
	defer srv.Close()
	base := srv.URL
	p := samplePages{from: day(2026, 12, 1), to: day(2026, 12, 31), day: day(2026, 12, 5)}
	for i := range 60 {
		r := sbdouble.Synthetic(i, at(2026, 12, 1+i%28, 10+i%8, 15*(i%4)))
		if i%7 == 3 {
			r.RouteID = sbdouble.RoutePhoneOwn
			r.Status = sbdouble.StatusSalonCancel
		}
		if i%5 == 1 {
			r.EquipmentID = "EQ00000001"
		}
		d.AddReservation(r)
	}
	d.AddToDo(sbdouble.ToDo{StaffID: "W000000101", Title: "休憩", Start: at(2026, 12, 5, 13, 0), End: at(2026, 12, 5, 14, 0)})
	d.AddToDo(sbdouble.ToDo{StaffID: "W000000102", Title: "休日", Start: at(2026, 12, 5, 0, 0), End: at(2026, 12, 6, 5, 0), DayOff: true})
	b := newBrowser(t, base)
	p.login = b.get("/login/", "")
	_, p.top = b.login()
	p.listInit = b.get("/KLP/reserve/reserveList/init", "")
	p.list1 = b.search(p.from, p.to)
	p.list2 = b.get("/KLP/reserve/reserveList/changePage?pn=2", "/KLP/reserve/reserveList/search")
	p.schedule = b.get("/KLP/schedule/salonSchedule/?date=20261205", "")
	var net, ext string
	for _, r := range d.Reservations() {
		if r.Net() && net == "" {
			net = r.ID
		}
		if !r.Net() && ext == "" {
			ext = r.ID
		}
	}
	p.netDetail = b.get("/KLP/reserve/net/reserveDetail/?reserveId="+net, "/KLP/reserve/reserveList/search")
	p.extDetail = b.get("/KLP/reserve/ext/extReserveDetail/?reserveId="+ext, "/KLP/reserve/reserveList/search")
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpire})
	p.kpcl = b.get("/KLP/top/", "")
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultCaptcha})
	_, p.captcha = b.login()
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultPasswordChange})
	_, p.password = b.login()
	b.hc.CloseIdleConnections()
	return p
}
