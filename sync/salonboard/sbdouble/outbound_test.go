package sbdouble_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
)

// A person's registration, step by step over raw HTTP.

func registForm(b *browser, d *sbdouble.Double, staff, hour, minute string) string {
	q := url.Values{"staffId": {staff}, "date": {"20261205"}, "rsvHour": {hour}, "rsvMinute": {minute}, "rlastupdate": {d.LastUpdate()}}
	return b.get(sbdouble.PathRegistForm+"?"+q.Encode(), sbdouble.PathSchedule+"?date=20261205")
}

// goodForm is a valid submit of the registration form opened at stamp.
func goodForm(stamp string) url.Values {
	return url.Values{
		"rlastupdate": {stamp}, "date": {"20261205"}, "staffId": {"W000000101"}, "rsvHour": {"14"}, "rsvMinute": {"30"},
		"rsvTermHour": {"1"}, "rsvTermMinute": {"00"}, "rsvRouteId": {sbdouble.RoutePhoneOwn}, "rsvType": {"1"},
		"nmSeiKana": {"ヤマダ"}, "nmMeiKana": {"ハナコ"}, "nmSei": {"山田"}, "nmMei": {"花子"}, "tel": {"090-0000-0001"},
		"rsvEtc": {"合成データ"}, "equipmentId": {""}, "menuCategory": {"01"},
	}
}

var confirmTokenRe = regexp.MustCompile(`name="org\.apache\.struts\.taglib\.html\.TOKEN" value="([0-9A-F]+)"`)

// submit posts the form and, when a confirmation comes back, doComplete.
func submit(b *browser, form url.Values) (confirm, done string) {
	_, confirm = b.do(http.MethodPost, sbdouble.PathRegistConfirm, form, sbdouble.PathRegistForm)
	m := confirmTokenRe.FindStringSubmatch(confirm)
	if m == nil {
		return confirm, ""
	}
	_, done = b.do(http.MethodPost, sbdouble.PathRegistComplete, url.Values{sbdouble.TokenField: {m[1]}}, sbdouble.PathRegistConfirm)
	return confirm, done
}

func TestRegistFormFacts(t *testing.T) {
	d, base := setup(t)
	busy := sbdouble.Synthetic(1, time.Date(2026, 12, 5, 14, 0, 0, 0, jst))
	busy.StaffID = "W000000102"
	d.AddReservation(busy)
	b := newBrowser(t, base)
	b.login()
	if s := b.get(sbdouble.PathRegistForm+"?staffId=W000000101&date=20261205&rsvHour=14&rsvMinute=30&rlastupdate="+d.LastUpdate(), ""); !strings.Contains(s, "KPCL") {
		t.Fatal("a form opened without the schedule was served")
	}
	s := registForm(b, d, "W000000101", "14", "30")
	for _, fact := range []string{
		`<option value="W000000101" selected>○佐藤 美咲</option>`, `<option value="W000000102">×鈴木 彩</option>`,
		`重複`, `name="rsvType" value="1" checked`, `name="nmSeiKana"`, `name="nmMeiKana"`, `name="nmSei"`, `name="nmMei"`,
		`name="tel"`, `name="customerNo"`, `name="rsvEtc" maxlength="100"`, `name="menuCategory"`, `name="netCouponId"`,
		`name="extCouponIdList"`, `name="equipmentId"`, `<option value="14" selected>`, `<option value="30" selected>30</option>`,
		`name="rlastupdate" value="` + d.LastUpdate() + `"`,
	} {
		if !strings.Contains(s, fact) {
			t.Errorf("the form lacks %s", fact)
		}
	}
	routes := regexp.MustCompile(`(?s)<select name="rsvRouteId">(.*?)</select>`).FindStringSubmatch(s)[1]
	if strings.Count(routes, "<option") != 3 || strings.Contains(routes, sbdouble.RouteHPB) || strings.Contains(routes, sbdouble.RoutePonpare) {
		t.Errorf("routes offered: %s", routes)
	}
	mins := regexp.MustCompile(`(?s)<select name="rsvMinute">(.*?)</select>`).FindStringSubmatch(s)[1]
	if strings.Count(mins, "<option") != 4 {
		t.Errorf("minutes offered: %s", mins)
	}
	terms := regexp.MustCompile(`(?s)<select name="rsvTermMinute">(.*?)</select>`).FindStringSubmatch(s)[1]
	if strings.Count(terms, "<option") != 12 || !strings.Contains(terms, `value="55"`) {
		t.Errorf("duration minutes offered: %s", terms)
	}
}

func TestRegistRulesShowErrorsAndStoreNothing(t *testing.T) {
	d, base := setup(t)
	b := newBrowser(t, base)
	b.login()
	cases := []struct {
		field, value, msg string
	}{
		{"rsvMinute", "10", "15分単位"},
		{"rsvTermMinute", "07", "5分単位"},
		{"nmSeiKana", "やまだ", "全角カタカナ"},
		{"nmMeiKana", "ﾊﾅｺ", "全角カタカナ"},
		{"nmSeiKana", "", "カナ）を入力"},
		{"nmSei", "Yamada", "使用できない文字"},
		{"nmMei", "花子😀", "使用できない文字"},
		{"nmMei", "花子!", "使用できない文字"},
		{"rsvEtc", strings.Repeat("あ", 101), "100文字以内"},
		{"rsvRouteId", sbdouble.RouteHPB, "予約経路"},
		{"tel", "090 0000 0001", "電話番号"},
	}
	for _, tc := range cases {
		registForm(b, d, "W000000101", "14", "30")
		form := goodForm(d.LastUpdate())
		form.Set(tc.field, tc.value)
		confirm, done := submit(b, form)
		if !strings.Contains(confirm, tc.msg) || !strings.Contains(confirm, `class="errorMessage"`) || done != "" {
			t.Errorf("%s=%q: no error %q", tc.field, tc.value, tc.msg)
		}
	}
	if n := len(d.Reservations()); n != 0 {
		t.Fatalf("%d stored", n)
	}
	// 100 characters exactly, CRLF counted as one, is fine.
	registForm(b, d, "W000000101", "14", "30")
	form := goodForm(d.LastUpdate())
	form.Set("rsvEtc", strings.Repeat("あ", 49)+"\r\n"+strings.Repeat("い", 50))
	if _, done := submit(b, form); !strings.Contains(done, "予約を登録しました") || len(d.Reservations()) != 1 {
		t.Fatalf("a memo of 100 characters was refused: %s", done)
	}
}

func TestWaveDashIsAcceptedButDiscarded(t *testing.T) {
	d, base := setup(t)
	b := newBrowser(t, base)
	b.login()
	for _, edit := range []func(url.Values){
		func(f url.Values) { f.Set("rsvEtc", "10:00〜11:00") },
		func(f url.Values) { f.Set("nmMei", "はな〜") },
		func(f url.Values) { f.Set("rsvEtc", "絵文字😀") },
	} {
		registForm(b, d, "W000000101", "14", "30")
		form := goodForm(d.LastUpdate())
		edit(form)
		confirm, done := submit(b, form)
		if !strings.Contains(confirm, "登録する") || !strings.Contains(done, "予約を登録しました") || !regexp.MustCompile(`YG\d{8}`).MatchString(done) {
			t.Fatalf("not accepted: %s / %s", confirm, done)
		}
	}
	if n := len(d.Reservations()); n != 0 {
		t.Fatalf("%d stored; a wave dash or emoji must be discarded silently", n)
	}
	// With U+FF5E it is saved.
	registForm(b, d, "W000000101", "14", "30")
	form := goodForm(d.LastUpdate())
	form.Set("rsvEtc", "10:00～11:00")
	if submit(b, form); len(d.Reservations()) != 1 || d.Reservations()[0].Memo != "10:00～11:00" {
		t.Fatalf("stored %+v", d.Reservations())
	}
}

func TestCompleteTwiceStaleAndCapacity(t *testing.T) {
	d, base := setup(t)
	b := newBrowser(t, base)
	b.login()
	registForm(b, d, "W000000101", "14", "30")
	confirm, _ := submit(b, goodForm(d.LastUpdate()))
	token := confirmTokenRe.FindStringSubmatch(confirm)[1]
	if _, again := b.do(http.MethodPost, sbdouble.PathRegistComplete, url.Values{sbdouble.TokenField: {token}}, ""); !strings.Contains(again, "まだ登録されていません") {
		t.Fatal("a second doComplete was not refused")
	}
	if n := len(d.Reservations()); n != 1 {
		t.Fatalf("%d stored", n)
	}

	// Another change between form and confirm: KPCL017V01.
	registForm(b, d, "W000000102", "10", "00")
	stamp := d.LastUpdate()
	d.AddReservation(sbdouble.Synthetic(5, time.Date(2026, 12, 9, 10, 0, 0, 0, jst)))
	form := goodForm(stamp)
	form.Set("staffId", "W000000102")
	if confirm, _ := submit(b, form); !strings.Contains(confirm, "KPCL017V01") {
		t.Fatal("a stale stamp was accepted")
	}

	// 佐藤 (受付可能数 1) already has 14:30; a break blocks 鈴木 at 12:00.
	d.AddToDo(sbdouble.ToDo{StaffID: "W000000102", Title: "休憩", Start: time.Date(2026, 12, 5, 12, 0, 0, 0, jst), End: time.Date(2026, 12, 5, 13, 0, 0, 0, jst)})
	for _, tc := range []struct{ staff, hour, minute, msg string }{
		{"W000000101", "15", "00", sbdouble.MsgCapacity},
		{"W000000102", "11", "30", sbdouble.MsgOverlap},
	} {
		registForm(b, d, tc.staff, tc.hour, tc.minute)
		form := goodForm(d.LastUpdate())
		form.Set("staffId", tc.staff)
		form.Set("rsvHour", tc.hour)
		form.Set("rsvMinute", tc.minute)
		if confirm, done := submit(b, form); !strings.Contains(confirm, tc.msg) || done != "" {
			t.Errorf("%s at %s:%s: no %s", tc.staff, tc.hour, tc.minute, tc.msg)
		}
	}
	if n := len(d.Reservations()); n != 2 {
		t.Fatalf("%d stored", n)
	}
}

func TestWriteFaultsDefaultToTheirStep(t *testing.T) {
	d, base := setup(t)
	b := newBrowser(t, base)
	b.login()
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpireMidFlow})
	registForm(b, d, "W000000101", "14", "30") // the form is not the confirm step: served
	if confirm, _ := submit(b, goodForm(d.LastUpdate())); !strings.Contains(confirm, "KPCL011V01") || d.Sessions() != 0 {
		t.Fatal("the session survived the confirm step")
	}
	b.login()
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultStaleStamp})
	s := registForm(b, d, "W000000101", "14", "30")
	stamp := regexp.MustCompile(`name="rlastupdate" value="(\d{14})"`).FindStringSubmatch(s)[1]
	if stamp == d.LastUpdate() {
		t.Fatal("FaultStaleStamp did not move the stamp after the form")
	}
	if confirm, _ := submit(b, goodForm(stamp)); !strings.Contains(confirm, "KPCL017V01") {
		t.Fatal("the stale form was accepted")
	}
}
