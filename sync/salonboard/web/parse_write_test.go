package web_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"testing"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// writePages are the write flows' pages as the double renders them.
type writePages struct {
	registForm, changeForm, confirm, refused, capacity, done, notSaved, stale []byte
	extDetail, changeRefused, cancelDone, systemError                         []byte
	id                                                                        string
}

var tokenValueRe = regexp.MustCompile(`name="org\.apache\.struts\.taglib\.html\.TOKEN" value="([0-9A-F]+)"`)

// renderWritePages walks the double's write flows with a raw browser; the
// server is closed before it returns (fuzz targets run nothing behind).
func renderWritePages(t testing.TB) writePages {
	d := sbdouble.New(sbdouble.Config{Location: jst})
	srv := httptest.NewServer(d)
	defer srv.Close()
	b := newBrowser(t, srv.URL)
	b.login()
	var p writePages
	open := func() {
		q := url.Values{"staffId": {"W000000101"}, "date": {"20261205"}, "rsvHour": {"14"}, "rsvMinute": {"30"}, "rlastupdate": {d.LastUpdate()}}
		p.registForm = b.get(sbdouble.PathRegistForm+"?"+q.Encode(), sbdouble.PathSchedule)
	}
	form := func() url.Values {
		f, err := web.ParseRegistForm(p.registForm)
		if err != nil {
			t.Fatal(err)
		}
		v := f.Values
		v.Set("nmSeiKana", "ヤマダ")
		v.Set("nmMeiKana", "ハナコ")
		return v
	}
	post := func(path string, v url.Values) []byte {
		_, body := b.do(http.MethodPost, path, v, "")
		return body
	}
	open()
	bad := form()
	bad.Set("nmSeiKana", "yamada")
	p.refused = post(sbdouble.PathRegistConfirm, bad)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultCapacity})
	p.capacity = post(sbdouble.PathRegistConfirm, form())
	p.confirm = post(sbdouble.PathRegistConfirm, form())
	tok := url.Values{sbdouble.TokenField: {tokenValueRe.FindStringSubmatch(string(p.confirm))[1]}}
	p.done = post(sbdouble.PathRegistComplete, tok)
	p.notSaved = post(sbdouble.PathRegistComplete, tok)
	p.id = d.Reservations()[0].ID
	p.extDetail = b.get(sbdouble.PathExtDetail+"?reserveId="+p.id, sbdouble.PathSchedule)
	p.changeForm = b.get(sbdouble.PathChangeForm+"?reserveId="+p.id, sbdouble.PathExtDetail)
	cf, err := web.ParseChangeForm(p.changeForm)
	if err != nil {
		t.Fatal(err)
	}
	cf.Values.Set("nmSeiKana", "yamada")
	p.changeRefused = post(sbdouble.PathChangeComplete, cf.Values)
	p.extDetail = b.get(sbdouble.PathExtDetail+"?reserveId="+p.id, sbdouble.PathSchedule)
	acts, err := web.ParseDetailActions(p.extDetail)
	if err != nil || acts.Cancel == nil {
		t.Fatal(acts, err)
	}
	p.cancelDone = post(acts.Cancel.Action, acts.Cancel.Values)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultSystemError, Path: sbdouble.PathTop})
	p.systemError = b.get(sbdouble.PathTop, "")
	open()
	d.AddToDo(sbdouble.ToDo{StaffID: "W000000103"}) // another change: the form's stamp goes stale
	p.stale = post(sbdouble.PathRegistConfirm, form())
	b.hc.CloseIdleConnections()
	return p
}

func TestWriteParsersOnDoublePages(t *testing.T) {
	p := renderWritePages(t)
	f, err := web.ParseRegistForm(p.registForm)
	if err != nil {
		t.Fatal(err)
	}
	if f.Action != sbdouble.PathRegistConfirm || len(f.Stamp) != 14 || f.Designate != "1" || len(f.Routes) != 3 ||
		len(f.Minutes) != 4 || len(f.TermMins) != 12 || f.Values.Get("rsvType") != "1" || f.Values.Get("date") != "20261205" {
		t.Fatalf("regist form %+v", f)
	}
	if f.Staff[0].Mark != "○" || f.Staff[0].Label != "佐藤 美咲" || !f.Staff[0].Selected || f.Values.Get("staffId") != "W000000101" {
		t.Fatalf("staff options %+v", f.Staff)
	}
	cf, err := web.ParseChangeForm(p.changeForm)
	if err != nil || cf.ReserveID != p.id || cf.Values.Get("nmSeiKana") != "ヤマダ" || cf.Values.Get("rsvtime") != "1430" ||
		cf.Values.Get("rsvdate") != "20261205" || cf.Values.Get(web.TokenField) == "" || cf.Values.Get("customerId") == "" ||
		cf.Values.Get("storeIdForMultipleTabCheck") != sbdouble.DefaultStoreID || len(cf.Menus) != 4 || len(cf.NetCoupons) != 5 ||
		cf.Menus[0].Category != "01" || cf.Menus[0].Sno != "1" {
		t.Fatalf("change form %+v %v", cf, err)
	}
	if _, err := web.ParseChangeForm(p.registForm); err == nil {
		t.Fatal("a registration form read as a change form")
	}
	for _, tc := range []struct {
		name string
		body []byte
		kind web.SubmitKind
	}{
		{"confirm", p.confirm, web.SubmitConfirm}, {"refused", p.refused, web.SubmitRefused},
		{"capacity", p.capacity, web.SubmitRefused}, {"done", p.done, web.SubmitDone},
		{"notSaved", p.notSaved, web.SubmitNotSaved}, {"changeRefused", p.changeRefused, web.SubmitRefused},
	} {
		res, err := web.ParseSubmitResult(tc.name, tc.body)
		if err != nil || res.Kind != tc.kind {
			t.Errorf("%s: %+v %v", tc.name, res, err)
		}
	}
	if res, _ := web.ParseSubmitResult("x", p.capacity); !res.Capacity || len(res.Messages) == 0 {
		t.Errorf("capacity %+v", res)
	}
	if res, _ := web.ParseSubmitResult("x", p.refused); res.Capacity || len(res.Messages) == 0 {
		t.Errorf("refused %+v", res)
	}
	if res, _ := web.ParseSubmitResult("x", p.done); res.ID != p.id {
		t.Errorf("done shows %q, want %s", res.ID, p.id)
	}
	if res, _ := web.ParseSubmitResult("x", p.confirm); res.Values.Get(web.TokenField) == "" {
		t.Errorf("confirm %+v", res)
	}
	var st *web.ErrStale
	if _, err := web.ParseSubmitResult("x", p.stale); !errors.As(err, &st) {
		t.Errorf("stale: %v", err)
	}
	var pc *web.ErrPageChanged
	if _, err := web.ParseSubmitResult("x", p.registForm); err != nil {
		t.Errorf("the plain form: %v", err) // the form again, no errors: a refusal without messages
	}
	if _, err := web.ParseSubmitResult("x", []byte(`<a href="/KLP/reserve/reserveList/init">予約管理</a><p>何か</p>`)); !errors.As(err, &pc) {
		t.Errorf("unknown page: %v", err)
	}
	acts, err := web.ParseDetailActions(p.extDetail)
	if err != nil || acts.Change != sbdouble.PathChangeForm+"?reserveId="+p.id || acts.Cancel == nil ||
		acts.Cancel.Action != sbdouble.PathCancel {
		t.Fatalf("actions %+v %v", acts, err)
	}
	v := acts.Cancel.Values
	for _, k := range []string{"acceptFlg", "disposeFlg", "transferFlg", "isEditRsvEtc", "isEditOperationMemo"} {
		if v.Get(k) != "0" {
			t.Errorf("%s = %q", k, v.Get(k))
		}
	}
	if v.Get(web.TokenField) == "" || v.Get("SUBMIT_STORE_ID") != sbdouble.DefaultStoreID || !v.Has("rsvEtc") || !v.Has("operationMemo") {
		t.Errorf("cancel form %v", v)
	}
	if d, err := web.ParseReserveDetail(p.cancelDone, jst); err != nil || d.Status != "サロンキャンセル" {
		t.Errorf("after doCancel: %+v %v", d, err)
	}
	var sx *web.ErrSiteError
	if _, err := web.ParseSubmitResult("x", p.systemError); !errors.As(err, &sx) || !sx.System || !web.IsTransient(err) {
		t.Errorf("system error page: %v", err)
	}
}

func FuzzParseReserveForm(f *testing.F) {
	p := renderWritePages(f)
	for _, b := range [][]byte{p.registForm, p.changeForm, p.refused, p.confirm, p.stale} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for i, parse := range []func([]byte) (web.ReserveForm, error){web.ParseRegistForm, web.ParseChangeForm} {
			form, err := parse(body)
			if err != nil {
				continue
			}
			if form.Action == "" || form.Designate == "" || form.Values == nil {
				t.Fatalf("form %+v", form)
			}
			if i == 0 && len(form.Stamp) != 14 || i == 1 && (!form.Fields[web.TokenField] || !form.Fields["rsvtime"]) {
				t.Fatalf("form %+v", form)
			}
			for _, o := range form.Staff {
				if o.Mark != "" && o.Mark != "○" && o.Mark != "×" {
					t.Fatalf("mark %q", o.Mark)
				}
			}
		}
	})
}

func FuzzParseSubmitResult(f *testing.F) {
	p := renderWritePages(f)
	for _, b := range [][]byte{p.confirm, p.refused, p.capacity, p.done, p.notSaved, p.stale, p.changeRefused, p.cancelDone, p.systemError, p.extDetail} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := web.ParseSubmitResult("fuzz", body)
		if err == nil {
			switch res.Kind {
			case web.SubmitConfirm:
				if res.Action == "" || res.Values == nil {
					t.Fatalf("confirm %+v", res)
				}
			case web.SubmitDone:
				if res.ID != "" && !web.ValidReservationID(res.ID) {
					t.Fatalf("done %+v", res)
				}
			case web.SubmitRefused, web.SubmitNotSaved:
			default:
				t.Fatalf("kind %d", res.Kind)
			}
		}
		if _, err := web.ParseDetailActions(body); err != nil && !web.IsTransient(err) {
			var pc *web.ErrPageChanged
			if !errors.As(err, &pc) && !errors.Is(err, web.ErrCaptcha) {
				t.Fatalf("actions: %v", err)
			}
		}
	})
}
