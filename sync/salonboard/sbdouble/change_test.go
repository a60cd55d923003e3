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

// A person's change and cancellation over raw HTTP, as the spec records the
// real site: no cancel page, the detail form posts to doCancel.

func phoneBooking(d *sbdouble.Double) string {
	return d.AddReservation(sbdouble.Reservation{Start: time.Date(2026, 12, 5, 14, 30, 0, 0, jst), RouteID: sbdouble.RoutePhoneOwn,
		KanaSei: "ヤマダ", KanaMei: "ハナコ", StaffID: "W000000101", Memo: "合成データ"})
}

var hiddenRe = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)

// hidden is what a page's hidden fields post.
func hidden(page string) url.Values {
	v := url.Values{}
	for _, m := range hiddenRe.FindAllStringSubmatch(page, -1) {
		v.Add(m[1], m[2])
	}
	return v
}

func TestCancelIsTheDetailFormPostedToDoCancel(t *testing.T) {
	d, base := setup(t)
	b := newBrowser(t, base)
	b.login()
	id := phoneBooking(d)
	detail := b.get(sbdouble.PathExtDetail+"?reserveId="+id, sbdouble.PathListSearch)
	if !strings.Contains(detail, `id="extReserveDetail"`) || !strings.Contains(detail, `action="`+sbdouble.PathCancel+`"`) {
		t.Fatal("no #extReserveDetail form posting to doCancel")
	}
	if strings.Contains(detail, "extReserveCancel") {
		t.Fatal("the invented cancel page is still linked")
	}
	form := hidden(detail)
	form.Set("rsvEtc", "合成データ")
	form.Set("operationMemo", "")
	// A flag missing: a system error, nothing changes.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Del("transferFlg")
	if _, page := b.do(http.MethodPost, sbdouble.PathCancel, bad, sbdouble.PathExtDetail); !strings.Contains(page, "<title>"+sbdouble.TitleSystemError+"</title>") {
		t.Fatal("a post without transferFlg was not a system error")
	}
	// The token was spent: the same form again is stale.
	if _, page := b.do(http.MethodPost, sbdouble.PathCancel, form, sbdouble.PathExtDetail); !strings.Contains(page, "KPCL017V01") ||
		!strings.Contains(page, "<title>"+sbdouble.TitleError+"</title>") {
		t.Fatal("a spent token was accepted")
	}
	detail = b.get(sbdouble.PathExtDetail+"?reserveId="+id, sbdouble.PathListSearch)
	form = hidden(detail)
	form.Set("rsvEtc", "合成データ")
	form.Set("operationMemo", "")
	if _, page := b.do(http.MethodPost, sbdouble.PathCancel, form, sbdouble.PathExtDetail); !strings.Contains(page, "サロンキャンセル") {
		t.Fatal("the answer does not show the cancel status")
	}
	if r, _ := d.Reservation(id); r.Status != sbdouble.StatusSalonCancel {
		t.Fatalf("status %d", r.Status)
	}
	if code, _ := b.do(http.MethodGet, "/KLP/reserve/ext/extReserveCancel/?reserveId="+id, nil, sbdouble.PathExtDetail); code != http.StatusNotFound {
		t.Fatalf("the invented cancel page answers %d", code)
	}
}

func TestChangeFormPostsStraightToDoComplete(t *testing.T) {
	d, base := setup(t)
	b := newBrowser(t, base)
	b.login()
	id := phoneBooking(d)
	b.get(sbdouble.PathExtDetail+"?reserveId="+id, sbdouble.PathListSearch)
	page := b.get(sbdouble.PathChangeForm+"?reserveId="+id, sbdouble.PathExtDetail)
	for _, want := range []string{`id="extReserveChange"`, `action="` + sbdouble.PathChangeComplete + `"`, `name="rsvdate" value="20261205"`,
		`<option value="1430" selected>`, `id="orgNmSeiKana" value="ヤマダ"`, `name="menuIdList" multiple`} {
		if !strings.Contains(page, want) {
			t.Errorf("change form lacks %s", want)
		}
	}
	form := hidden(page)
	for k, v := range map[string]string{"rsvdate": "20261206", "rsvtime": "1000", "rsvTermHour": "1", "rsvTermMinute": "30",
		"staffId": "W000000102", "rsvRouteId": sbdouble.RoutePhoneOwn, "nmSeiKana": "ヤマダ", "nmMeiKana": "ハナコ",
		"nmSei": "山田", "nmMei": "花子", "tel": "", "rsvEtc": "", "operationMemo": ""} {
		form.Set(k, v)
	}
	form["menuIdList"], form["menuCategoryCdList"], form["menuSnoList"] = []string{"MN00000002"}, []string{"02"}, []string{"1"}
	if _, done := b.do(http.MethodPost, sbdouble.PathChangeComplete, form, sbdouble.PathChangeForm); !strings.Contains(done, "変更しました") {
		t.Fatal("no completion")
	}
	r, _ := d.Reservation(id)
	if !r.Start.Equal(time.Date(2026, 12, 6, 10, 0, 0, 0, jst)) || r.End.Sub(r.Start) != 90*time.Minute || r.StaffID != "W000000102" ||
		strings.Join(r.Menu, "") != "ジェルネイル ワンカラー" || strings.Join(r.MenuCategories, "") != "ネイル" {
		t.Fatalf("after the change %+v", r)
	}
}
