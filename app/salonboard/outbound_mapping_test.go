package salonboard_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data/datatest"
)

// What staff set once on the menu screen (「SALON BOARDでの名前」): read back, refused when
// bad, removed again; and a desk registration then chooses that option from SALON
// BOARD's own form, or, once removed, writes the menu at the head of 予約時メモ.

func TestSalonBoardNamesReadSetAndUnmap(t *testing.T) {
	f := newFixture(t)
	cut, coupon := f.ids.Menus["カット"], f.ids.Coupons["カット＋ケアカラー ¥9,900"]
	names := func(kind string, id int64) []string {
		t.Helper()
		got, err := f.sb.SalonBoardNames(f.ctx, kind, id)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := names("menu", cut); len(got) != 0 {
		t.Fatalf("an unmapped menu has SALON BOARD names %q", got)
	}
	if err := f.sb.MapToSalonBoard(f.ctx, "menu", cut, " カット（ショート） "); err != nil {
		t.Fatal(err)
	}
	// Two names for one coupon (as a transcription records them): the marked, longer one
	// is what a registration chooses, and comes first.
	for _, n := range []string{"ワンカラージェル", "[全員]ワンカラージェル"} {
		if err := f.sb.MapToSalonBoard(f.ctx, "coupon", coupon, n); err != nil {
			t.Fatal(err)
		}
	}
	if got := names("menu", cut); !slices.Equal(got, []string{"カット(ショート)"}) {
		t.Fatalf("menu names %q, want the normalised name", got)
	}
	if got := names("coupon", coupon); !slices.Equal(got, []string{"[全員]ワンカラージェル", "ワンカラージェル"}) {
		t.Fatalf("coupon names %q", got)
	}

	before := f.count(t, "name_aliases")
	for name, key := range map[string]string{"": "sync.alias.name_required", " 　": "sync.alias.name_required",
		strings.Repeat("あ", salonboard.MaxSalonBoardName+1): "sync.alias.name_too_long"} {
		if err := f.sb.MapToSalonBoard(f.ctx, "menu", cut, name); app.ErrorKey(err) != key {
			t.Fatalf("mapping %q: %v, want %s", name, err, key)
		}
	}
	if err := f.sb.MapToSalonBoard(f.ctx, "menu", cut, strings.Repeat("あ", salonboard.MaxSalonBoardName)); err != nil {
		t.Fatalf("a name of exactly the limit: %v", err)
	}
	if err := f.sb.UnmapSalonBoard(f.ctx, "menu", cut, strings.Repeat("あ", salonboard.MaxSalonBoardName)); err != nil {
		t.Fatal(err)
	}
	if n := f.count(t, "name_aliases"); n != before {
		t.Fatalf("%d aliases, want %d: a refused name was written or the unmap left it", n, before)
	}

	// Unmapping a name that belongs to another menu or coupon changes nothing.
	if err := f.sb.UnmapSalonBoard(f.ctx, "menu", f.ids.Menus["前髪カット"], "カット(ショート)"); err != nil {
		t.Fatal(err)
	}
	if err := f.sb.UnmapSalonBoard(f.ctx, "menu", coupon, "ワンカラージェル"); err != nil {
		t.Fatal(err)
	}
	if got := names("menu", cut); len(got) != 1 {
		t.Fatalf("another menu's unmap removed this one's name: %q", got)
	}
	if got := names("coupon", coupon); len(got) != 2 {
		t.Fatalf("a menu's unmap removed a coupon's name: %q", got)
	}
	// The name as staff see it or as they typed it: both are the same mapping.
	if err := f.sb.UnmapSalonBoard(f.ctx, "coupon", coupon, "［全員］ワンカラージェル"); err != nil {
		t.Fatal(err)
	}
	if got := names("coupon", coupon); !slices.Equal(got, []string{"ワンカラージェル"}) {
		t.Fatalf("after the unmap the coupon's names are %q", got)
	}
}

func TestMappedMenuIsChosenFromTheFormUntilUnmapped(t *testing.T) {
	o := newOutbound(t, 5*time.Second)
	lash := o.ids.Menus["前髪カット"]
	if err := o.sb.MapToSalonBoard(o.ctx, "menu", lash, "まつげエクステ 120本"); err != nil {
		t.Fatal(err)
	}
	r := o.bookSynced(t, app.ReservationInput{Start: datatest.At("2026-11-21", "10:00"), StaffID: o.ids.Staff["佐藤"],
		MenuIDs: []int64{lash}, Memo: "右目が敏感"})
	got := o.held(t, r.SBNumber)
	if !slices.Equal(got.Menu, []string{"まつげエクステ 120本"}) || strings.Contains(got.Memo, "前髪カット") {
		t.Fatalf("SALON BOARD holds menus %q, memo %q: want the mapped option, not the memo", got.Menu, got.Memo)
	}

	if err := o.sb.UnmapSalonBoard(o.ctx, "menu", lash, "まつげエクステ120本"); err != nil {
		t.Fatal(err)
	}
	// The next registration writes it at the head of 予約時メモ. (A change would not show
	// it: with no option chosen, the double keeps the options the reservation had.)
	r = o.bookSynced(t, app.ReservationInput{Start: datatest.At("2026-11-21", "13:00"), StaffID: o.ids.Staff["佐藤"],
		MenuIDs: []int64{lash}, Memo: "右目が敏感"})
	got = o.held(t, r.SBNumber)
	if len(got.Menu) != 0 || !strings.HasPrefix(got.Memo, "メニュー：前髪カット") || !strings.Contains(got.Memo, "右目が敏感") {
		t.Fatalf("after the unmap SALON BOARD holds menus %q, memo %q", got.Menu, got.Memo)
	}
}
