package web_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

func TestRegisterChoosesMenusFromTheFormAndWritesTheRestInTheMemo(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := warm(t, d, base)
	in := sample()
	// A width and space variant of an offered menu, one mapped by staff,
	// one SALON BOARD does not offer, and the coupon with ¥ instead of ￥
	// and without its [新規] target and price.
	in.Menus = []string{"ｼﾞｪﾙﾈｲﾙ　ワンカラー", "まつげ120", "ハンドマッサージ"}
	in.Aliases = map[string]string{"まつげ 120": "まつげエクステ 120本"}
	in.Coupon = "まつげエクステ120本"
	res, err := c.Register(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := d.Reservation(res.ID)
	if strings.Join(r.Menu, "|") != "まつげエクステ 120本|ジェルネイル ワンカラー" && strings.Join(r.Menu, "|") != "ジェルネイル ワンカラー|まつげエクステ 120本" {
		t.Errorf("menus in SALON BOARD: %q", r.Menu)
	}
	if r.Coupon != "[新規]まつげエクステ120本 ¥4,980" {
		t.Errorf("coupon in SALON BOARD: %q", r.Coupon)
	}
	if r.Memo != "メニュー：ハンドマッサージ\n合成データ" || strings.Join(res.InMemo, "|") != "ハンドマッサージ" || len(res.Chosen) != 3 {
		t.Errorf("memo %q, in memo %q, chosen %q", r.Memo, res.InMemo, res.Chosen)
	}
}

func TestChangeSetsMenusAndKeepsTheMemoWithinItsLength(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base)
	in := moved()
	in.Menus = []string{"フェイシャル60分", strings.Repeat("特別ケア", 30)}
	in.Coupon = "まだないクーポン"
	in.Memo = "desk memo"
	if err := c.Change(context.Background(), id, in); err != nil {
		t.Fatal(err)
	}
	r, _ := d.Reservation(id)
	if strings.Join(r.Menu, "|") != "フェイシャル 60分" || r.Coupon != "" {
		t.Errorf("menus %q coupon %q", r.Menu, r.Coupon)
	}
	if n := utf8.RuneCountInString(r.Memo); n != web.MemoMax || !strings.HasPrefix(r.Memo, "メニュー：特別ケア") || !strings.HasSuffix(r.Memo, "…") {
		t.Errorf("memo (%d runes) %q", n, r.Memo)
	}
	// Nothing booked: the menus SALON BOARD holds stay.
	in2 := moved()
	in2.Start = in2.Start.Add(web.StartStep)
	if err := c.Change(context.Background(), id, in2); err != nil {
		t.Fatal(err)
	}
	if r, _ := d.Reservation(id); strings.Join(r.Menu, "|") != "フェイシャル 60分" {
		t.Errorf("a change without menus dropped them: %q", r.Menu)
	}
}
