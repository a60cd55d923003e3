package web_test

import (
	"errors"
	"slices"
	"testing"

	"salondesk/sync/salonboard/web"
)

// Hand-written pages with extra wrappers, columns and whitespace: the
// parsers must read them the same way.

const nav = `<div class="gNav"><div><a href="/KLP/reserve/reserveList/init"> 予約管理 </a></div></div>`

// A list across New Year: an extra "No." column in front, an extra 備考
// column in the middle, rows wrapped in tbody, cells padded with
// whitespace, no schedule links (so the year must come from the range),
// and a search form that has its own 来店日時 label.
const listAcrossNewYear = `<html><body>` + nav + `
<form action="/KLP/reserve/reserveList/search"><table><tr><th>来店日時</th><td><input name="rsvDateFrom"></td></tr></table></form>
<div class="outer"><div class="inner">
<div class="paging"><span><p class="page"> 2 / 2 ページ </p></span><p class="next_disable">次へ</p></div>
<table class="list"><tbody>
 <tr><th>No.</th><th id="comingDate"><span>来店日時</span></th><th id="status">ステータス</th><th>お客様名</th>
     <th>備考</th><th id="stylistSort">スタッフ</th><th id="rsvRoute">予約経路</th>
     <th>メニュー・店販割引・サービス・オプション</th><th>利用ポイント</th><th>支払い種別</th>
     <th>お支払金額（pt利用前）</th><th>来店処理</th><th>カルテ</th></tr>
 <tr>
   <td>1</td>
   <td class="rsv_date">
       12/30<br>
       18:15 </td>
   <td>サロン<br>キャンセル</td>
   <td><div><p class="icon02 wordBreak">  タナカ　ユイ  </p></div>
       <p>(<a href="/KLP/reserve/ext/extReserveDetail/?reserveId=YG00001234">YG00001234</a>)</p></td>
   <td>メモあり</td>
   <td><p class="wordBreak">-</p></td>
   <td>電話予約</td>
   <td><div class="reserveListAreaCouponName">ジェルネイル<br> [全員]ワンカラー ¥5,500 </div></td>
   <td>-</td><td>現地支払い</td><td> 5,500円 </td><td>-</td><td>-</td>
 </tr>
 <tr class="spacer"><td colspan="13"></td></tr>
 <tr>
   <td>2</td>
   <td class="rsv_date"><span>01/02</span> <span>9:00</span></td>
   <td>受付待ち</td>
   <td><p class="icon02 wordBreak">山田 花子</p>（<a href="/KLP/reserve/net/reserveDetail/?reserveId=BE12345678">BE12345678</a>）</td>
   <td></td>
   <td><p class="wordBreak">佐藤 美咲</p></td>
   <td>ネット予約</td>
   <td><div class="reserveListAreaCouponName">まつげエクステ</div><div class="reserveListAreaCouponName">[新規]120本 ¥4,980</div></td>
   <td>100</td><td>現地支払い</td><td>4,980円</td><td>来店処理</td><td>-</td>
 </tr>
</tbody></table></div></div></body></html>`

func TestParseReserveListSnippetAcrossNewYear(t *testing.T) {
	pg, err := web.ParseReserveList([]byte(listAcrossNewYear), day(2026, 12, 28), day(2027, 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	if len(pg.Rows) != 2 || pg.Page != 2 || pg.Pages != 2 || pg.Next != "" {
		t.Fatalf("page = %+v", pg)
	}
	a, b := pg.Rows[0], pg.Rows[1]
	if !a.Start.Equal(at(2026, 12, 30, 18, 15)) || !b.Start.Equal(at(2027, 1, 2, 9, 0)) {
		t.Fatalf("starts %v, %v", a.Start, b.Start)
	}
	if a.ID != "YG00001234" || a.Kind != web.KindExt || a.Status != "サロンキャンセル" || a.StatusCode != web.StatusSalonCancel {
		t.Fatalf("row a = %+v", a)
	}
	if a.Customer != "タナカ ユイ" || a.Staff != "" || a.Route != "電話予約" || a.Amount != 5500 || a.Points != 0 {
		t.Fatalf("row a = %+v", a)
	}
	if !slices.Equal(a.Menu, []string{"ジェルネイル", "[全員]ワンカラー ¥5,500"}) {
		t.Fatalf("menu a = %q", a.Menu)
	}
	if b.ID != "BE12345678" || b.Kind != web.KindNet || b.Staff != "佐藤 美咲" || b.Points != 100 || b.Visit != "来店処理" {
		t.Fatalf("row b = %+v", b)
	}
	if len(b.Menu) != 2 {
		t.Fatalf("menu b = %q", b.Menu)
	}
}

func TestParseReserveListEmptyAndBroken(t *testing.T) {
	from, to := day(2026, 12, 1), day(2026, 12, 31)
	empty := `<html><body>` + nav + `<p class="noResult">該当する予約はありません。</p></body></html>`
	pg, err := web.ParseReserveList([]byte(empty), from, to)
	if err != nil || len(pg.Rows) != 0 {
		t.Fatalf("no results: %+v %v", pg, err)
	}
	for name, page := range map[string]string{
		"no table":  `<html><body>` + nav + `<div class="cards"><div>12/05 14:30 山田</div></div></body></html>`,
		"bad date":  `<html><body>` + nav + `<table><tr><th id="comingDate">来店日時</th><th id="status">ステータス</th><th id="rsvRoute">予約経路</th></tr><tr><td class="rsv_date">明日</td><td>受付待ち</td><td><a href="/KLP/reserve/net/reserveDetail/?reserveId=BE12345678">BE12345678</a></td></tr></table></body></html>`,
		"bad id":    `<html><body>` + nav + `<table><tr><th id="comingDate">来店日時</th><th id="status">ステータス</th><th id="rsvRoute">予約経路</th></tr><tr><td class="rsv_date">12/05<br>10:00</td><td>受付待ち</td><td><a href="/KLP/reserve/net/reserveDetail/?reserveId=X1">X1</a></td></tr></table></body></html>`,
		"no 次へ":     `<html><body>` + nav + `<div class="paging"><p class="page">1/3ページ</p></div><p>該当する予約はありません</p><table><tr><th id="comingDate">来店日時</th><th id="status">ステータス</th><th id="rsvRoute">予約経路</th></tr></table></body></html>`,
		"no paging": `<html><body>` + nav + `<div class="paging"><p class="page">ページ</p></div><table><tr><th id="comingDate">来店日時</th><th id="status">ステータス</th><th id="rsvRoute">予約経路</th></tr></table></body></html>`,
	} {
		var pc *web.ErrPageChanged
		if _, err := web.ParseReserveList([]byte(page), from, to); !errors.As(err, &pc) || pc.Page != "reserveList" || web.IsTransient(err) {
			t.Errorf("%s: want ErrPageChanged{reserveList}, got %v", name, err)
		}
	}
}

func TestParseReserveListFormSnippet(t *testing.T) {
	page := `<html><body>` + nav + `<div><form name="f" action="search" method="post"><div><div>
	  <input type="hidden" name="org.apache.struts.taglib.html.TOKEN" value=" 0123abcd ">
	  <input type="hidden" name="extra" value="1"><input type="text" name="rsvDateFrom" value="x"></div></div></form></div></body></html>`
	f, err := web.ParseReserveListForm([]byte(page))
	if err != nil || f.Token != "0123abcd" || f.Action != "search" || f.Hidden.Get("extra") != "1" || f.Hidden.Has("rsvDateFrom") {
		t.Fatalf("%+v %v", f, err)
	}
	var pc *web.ErrPageChanged
	if _, err := web.ParseReserveListForm([]byte(`<html><body>` + nav + `<form></form></body></html>`)); !errors.As(err, &pc) {
		t.Fatalf("no token: %v", err)
	}
}

// A schedule with extra wrappers, attributes in another order, a block
// without icons, whitespace inside the JSON, and hours past 24.
const scheduleSnippet = `<html><body>` + nav + `
<input type="hidden" name="rlastupdate" value="20261205093015">
<div><div class="wrap"><ul id="h" class="isStaff scheduleMainHeadList">
  <li id="STAFF_W000000101_20261205" class="scheduleMainHead first">
    <div><a title=" 佐藤　美咲 " class="scheduleLink">佐藤…</a></div>
    <p class="scheduleCapacity"> 受付可能数： 2 ： 1 </p></li>
  <li id="STAFF_W000000102_20261205" class="scheduleMainHead"><a class="scheduleLink" title="鈴木 彩">鈴木 彩</a></li>
</ul></div>
<ul class="scheduleMainHeadList isEquipment"><li class="scheduleMainHead" id="EQUIPMENT_EQ00000001_20261205"><a class="scheduleLink" title="ベッド1"></a></li></ul>
<div><ul class="scheduleMainTable isStaff">
  <li class="scheduleMainTableLine">
    <div class="scheduleReservation staffTask" data-x="1">
      <ul><li class="scheduleReserveIcon customerNew"></li><li class="scheduleReserveIcon">指</li><li class="scheduleReserveIcon">ポ</li><li class="scheduleReserveIcon">￥</li><li class="scheduleReserveIcon menuCategory">まつげ</li></ul>
      <ul><li title="山田 花子 様" class="scheduleReserveName">山田 花子 様</li></ul>
      <p style="display:none" class="scheduleTimeZoneSetting"> [ "16:45" , "18:00" ] </p>
    </div>
    <div class="scheduleToDo"><span class="todoTitle">休憩</span><p class="scheduleTimeZoneSetting">["13:00","14:00"]</p></div>
  </li>
  <li class="scheduleMainTableLine">
    <div class="scheduleToDo isDayOff"><p class="scheduleTimeZoneSetting">["0:00", "29:00"]</p></div>
    <div class="scheduleReservation staffTask"><span class="scheduleReserveName">タナカ ユイ様</span><p class="scheduleTimeZoneSetting">["23:30", "24:30"]</p></div>
  </li>
</ul></div>
<ul class="scheduleMainTable isEquipment"><li class="scheduleMainTableLine">
  <div class="scheduleReservation equipmentTask"><ul><li class="scheduleReserveName" title="山田 花子 様"></li></ul><p class="scheduleTimeZoneSetting">["16:45", "18:00"]</p></div>
</li></ul>
</body></html>`

func TestParseScheduleSnippet(t *testing.T) {
	s, err := web.ParseSchedule([]byte(scheduleSnippet), at(2026, 12, 5, 15, 0))
	if err != nil {
		t.Fatal(err)
	}
	if s.LastUpdate != "20261205093015" || len(s.Staff) != 2 || len(s.Equipment) != 1 {
		t.Fatalf("%+v", s)
	}
	a := s.Staff[0]
	if a.ID != "W000000101" || a.Name != "佐藤 美咲" || !slices.Equal(a.Capacity, []int{2, 1}) || len(a.Blocks) != 1 || len(a.ToDos) != 1 {
		t.Fatalf("staff a = %+v", a)
	}
	b := a.Blocks[0]
	if b.Name != "山田 花子" || !b.Start.Equal(at(2026, 12, 5, 16, 45)) || !b.End.Equal(at(2026, 12, 5, 18, 0)) {
		t.Fatalf("block = %+v", b)
	}
	if !b.New || !b.Designated || !b.Points || !b.Prepaid || !slices.Equal(b.Icons, []string{"customerNew", "指", "ポ", "￥", "まつげ"}) {
		t.Fatalf("icons = %+v", b)
	}
	c := s.Staff[1]
	if c.Name != "鈴木 彩" || c.Capacity != nil || len(c.ToDos) != 1 || !c.ToDos[0].DayOff || c.ToDos[0].Title != "休日" {
		t.Fatalf("staff c = %+v", c)
	}
	if !c.ToDos[0].End.Equal(at(2026, 12, 6, 5, 0)) || !c.Blocks[0].End.Equal(at(2026, 12, 6, 0, 30)) || c.Blocks[0].Name != "タナカ ユイ" {
		t.Fatalf("past midnight: %+v", c)
	}
	if e := s.Equipment[0]; e.ID != "EQ00000001" || e.Name != "ベッド1" || len(e.Blocks) != 1 {
		t.Fatalf("equipment = %+v", e)
	}
}

func TestParseScheduleBroken(t *testing.T) {
	d := day(2026, 12, 5)
	for name, page := range map[string]string{
		"no stamp":       `<html><body>` + nav + `<ul class="scheduleMainHeadList isStaff"></ul></body></html>`,
		"lines mismatch": `<html><body>` + nav + `<span id="rlastupdate">20261205093015</span><ul class="scheduleMainHeadList isStaff"><li class="scheduleMainHead" id="STAFF_W1_20261205"></li></ul><ul class="scheduleMainTable isStaff"></ul></body></html>`,
		"other day":      `<html><body>` + nav + `<span id="rlastupdate">20261205093015</span><ul class="scheduleMainHeadList isStaff"><li class="scheduleMainHead" id="STAFF_W1_20261206"></li></ul><ul class="scheduleMainTable isStaff"><li class="scheduleMainTableLine"></li></ul></body></html>`,
		"block no times": `<html><body>` + nav + `<span id="rlastupdate">20261205093015</span><ul class="scheduleMainHeadList isStaff"><li class="scheduleMainHead" id="STAFF_W1_20261205"></li></ul><ul class="scheduleMainTable isStaff"><li class="scheduleMainTableLine"><div class="scheduleReservation"><ul><li class="scheduleReserveName" title="A 様"></li></ul><p class="scheduleTimeZoneSetting">16:45-18:00</p></div></li></ul></body></html>`,
		"no staff":       `<html><body>` + nav + `<span id="rlastupdate">20261205093015</span><ul class="scheduleMainHeadList isStaff"></ul><ul class="scheduleMainTable isStaff"></ul></body></html>`,
	} {
		var pc *web.ErrPageChanged
		if _, err := web.ParseSchedule([]byte(page), d); !errors.As(err, &pc) || pc.Page != "schedule" {
			t.Errorf("%s: want ErrPageChanged{schedule}, got %v", name, err)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}

// A detail page in yet another shape: labels in spans inside divs, fields
// in another order, full-width colons, no phone at all.
const detailSnippet = `<html><body>` + nav + `<div class="box">
<div class="row"><span class="label">受信日時：</span><span>2026/11/20 21:04</span></div>
<div class="row"><span class="label">予約番号</span><span> BE12345678 </span></div>
<table><tr><td class="l"> 氏名 ( カナ ) </td><td>ヤマダ　ハナコ</td></tr>
<tr><td>氏名（漢字）</td><td>山田 花子</td></tr>
<tr><th>来店日時</th><td>2026年12月05日（土）<br>14:30 ～ 16:00</td></tr>
<tr><th>スタッフ</th><td><div>佐藤 美咲（指名）</div><div>14:30～15:30</div><div>鈴木 彩 指名なし 15:30～16:00</div></td></tr>
<tr><th>設備</th><td>ベッド1 14:30～16:00</td></tr>
<tr><th>メニュー</th><td><ul><li>カット</li><li>カラー</li></ul></td></tr>
<tr><th>ご利用クーポン</th><td>[全員]カット＋カラー ¥9,900</td></tr>
<tr><th>お客様メモ</th><td>初回<br>アレルギーあり</td></tr>
<tr><th>合計金額</th><td>予約時合計金額 9,900円</td></tr>
</table></div></body></html>`

func TestParseReserveDetailByLabel(t *testing.T) {
	d, err := web.ParseReserveDetail([]byte(detailSnippet), jst)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "BE12345678" || d.Kind != web.KindNet || d.NameKana != "ヤマダ ハナコ" || d.NameKanji != "山田 花子" {
		t.Fatalf("%+v", d)
	}
	if !d.Start.Equal(at(2026, 12, 5, 14, 30)) || !d.End.Equal(at(2026, 12, 5, 16, 0)) {
		t.Fatalf("来店日時 %v～%v", d.Start, d.End)
	}
	if !d.Received.Equal(at(2026, 11, 20, 21, 4)) {
		t.Fatalf("受信日時 %v", d.Received)
	}
	if len(d.Staff) != 2 || d.Staff[0].Name != "佐藤 美咲" || !d.Staff[0].Designated || d.Staff[0].End.Hour() != 15 ||
		d.Staff[1].Name != "鈴木 彩" || d.Staff[1].Designated || d.Staff[1].Start.Minute() != 30 {
		t.Fatalf("staff %+v", d.Staff)
	}
	if len(d.Equipment) != 1 || d.Equipment[0].Name != "ベッド1" || d.Equipment[0].Designated {
		t.Fatalf("equipment %+v", d.Equipment)
	}
	if !slices.Equal(d.Menu, []string{"カット", "カラー"}) || d.Coupon != "[全員]カット＋カラー ¥9,900" || d.Memo != "初回\nアレルギーあり" || d.Total != 9900 {
		t.Fatalf("%+v", d)
	}
	if !slices.Contains(d.Missing, "電話番号") || !slices.Contains(d.Missing, "ステータス") || d.Phone != "" {
		t.Fatalf("missing %v", d.Missing)
	}
}

func TestParseReserveDetailUnreadable(t *testing.T) {
	var pc *web.ErrPageChanged
	page := `<html><body>` + nav + `<table><tr><th>氏名（カナ）</th><td>ヤマダ ハナコ</td></tr></table></body></html>`
	if _, err := web.ParseReserveDetail([]byte(page), nil); !errors.As(err, &pc) || pc.Page != "reserveDetail" {
		t.Fatalf("no 予約番号: %v", err)
	}
}

func TestParseLoginResultSnippets(t *testing.T) {
	group := `<html><body><h1>店舗選択</h1><ul><li><a href="/KLP/groupTop/select?x=1&storeId=H000000101">本店</a></li>
	  <li><form><a href="javascript:void(0)" onclick="go()">駅前店 H000000102</a></form></li></ul></body></html>`
	res, err := web.ParseLoginResult("https://salonboard.com/KLP/groupTop/", []byte(group))
	if err != nil || res.Kind != web.LoginGroup || len(res.Stores) != 2 || res.Stores[0].ID != "H000000101" || res.Stores[1].ID != "H000000102" {
		t.Fatalf("group: %+v %v", res, err)
	}
	cases := map[string]struct {
		url, page string
		want      error
	}{
		"recaptcha":   {"/CNC/login/doLogin/", `<html><body><div class="g-recaptcha" data-sitekey="x"></div></body></html>`, web.ErrCaptcha},
		"worded pw":   {"/CNC/other/", `<html><body><h2>パスワードの変更</h2><input type="password" name="pw1"></body></html>`, web.ErrPasswordChange},
		"bad login":   {"/login/", `<html><body><form action="/CNC/login/doLogin/"><input name="password" type="password"></form></body></html>`, web.ErrBadCredentials},
		"top":         {"/KLP/top/", `<html><body>` + nav + `</body></html>`, nil},
		"unknown":     {"/maintenance/", `<html><body>メンテナンス中です</body></html>`, &web.ErrPageChanged{}},
		"kpcl":        {"/KLP/top/", `<html><body><p>KPCL001V02</p></body></html>`, &web.ErrSessionExpired{}},
		"kpcl stale":  {"/KLP/top/", `<html><body><p>KPCL017V01</p></body></html>`, &web.ErrStale{}},
		"forgot link": {"/KLP/top/", `<html><body>` + nav + `<a href="/pw">パスワードを忘れた方</a></body></html>`, nil},
	}
	for name, c := range cases {
		_, err := web.ParseLoginResult("https://salonboard.com"+c.url, []byte(c.page))
		switch w := c.want.(type) {
		case nil:
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case *web.ErrPageChanged:
			if !errors.As(err, &w) {
				t.Errorf("%s: want ErrPageChanged, got %v", name, err)
			}
		case *web.ErrSessionExpired:
			if !errors.As(err, &w) {
				t.Errorf("%s: want ErrSessionExpired, got %v", name, err)
			}
		case *web.ErrStale:
			if !errors.As(err, &w) {
				t.Errorf("%s: want ErrStale, got %v", name, err)
			}
		default:
			if !errors.Is(err, c.want) {
				t.Errorf("%s: want %v, got %v", name, c.want, err)
			}
		}
	}
}

func TestSessionChecksOnEveryPage(t *testing.T) {
	d := day(2026, 12, 5)
	var se *web.ErrSessionExpired
	for name, page := range map[string]string{
		"code":      `<html><body><div class="error">エラーコード：KPCL011V01</div></body></html>`,
		"wording":   `<html><body>` + nav + `<p>セッションの有効期限が切れました</p></body></html>`,
		"relogin":   `<html><body><p>お手数ですが再度ログインしてください</p></body></html>`,
		"loginform": `<html><body><input name="userId"><input name="password" type="password"></body></html>`,
	} {
		if _, err := web.ParseSchedule([]byte(page), d); !errors.As(err, &se) || !se.Explicit || !web.IsTransient(err) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// No login form does not prove a session: without 予約管理 it is not one.
	if _, err := web.ParseSchedule([]byte(`<html><body><span id="rlastupdate">20261205093015</span></body></html>`), d); !errors.As(err, &se) || se.Explicit {
		t.Errorf("no nav: %v", err)
	}
	var st *web.ErrStale
	if _, err := web.ParseReserveDetail([]byte(`<html><body><p>KPCL017V01 情報が一部失われています</p></body></html>`), nil); !errors.As(err, &st) || !web.IsTransient(err) {
		t.Errorf("stale: %v", err)
	}
}
