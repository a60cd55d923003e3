package web

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Menus and coupons reach SALON BOARD (spec §2, "Changing and cancelling"):
// a booked menu or coupon is chosen from the form's own options when its
// name matches one after normalisation, or when the caller's aliases map it
// to one (a mapping staff set once, like the coupon aliases). What matches
// no option is written at the head of 予約時メモ, the desk memo after it,
// within MemoMax characters.

// menuChoice is what a write form is given for the menus and coupon.
type menuChoice struct {
	menus      []MenuOption // menuIdList (+ menuCategoryCdList, menuSnoList)
	netCoupon  string       // netCouponId value, "" none
	extCoupons []MenuOption // extCouponIdList (+ extCouponCategoryCdList, extCouponSnoList)
	chosen     []string     // the chosen options' labels
	unmatched  []string     // menu names that no option took
	coupon     string       // the coupon no option took, "" when matched or none
}

// chooseMenus matches the booked menus and coupon against the form's
// options. With nothing booked, the form's own selection stays (a change
// that does not touch the menus).
func chooseMenus(f ReserveForm, in RegisterInput) menuChoice {
	var ch menuChoice
	if len(in.Menus) == 0 && strings.TrimSpace(in.Coupon) == "" {
		for _, o := range f.Menus {
			if o.Selected {
				ch.menus = append(ch.menus, o)
			}
		}
		for _, o := range f.ExtCoupons {
			if o.Selected {
				ch.extCoupons = append(ch.extCoupons, o)
			}
		}
		if o, ok := selectedOption(f.NetCoupons); ok && o.Value != "" {
			ch.netCoupon = o.Value
		}
		return ch
	}
	for _, name := range in.Menus {
		if strings.TrimSpace(name) == "" {
			continue
		}
		if o, ok := matchMenu(f.Menus, name, in.Aliases); ok {
			ch.menus = appendOnce(ch.menus, o)
		} else if o, ok := matchMenu(f.ExtCoupons, name, in.Aliases); ok {
			ch.extCoupons = appendOnce(ch.extCoupons, o)
		} else {
			ch.unmatched = append(ch.unmatched, name)
		}
	}
	if c := strings.TrimSpace(in.Coupon); c != "" {
		if o, ok := matchOption(f.NetCoupons, c, in.Aliases); ok && o.Value != "" {
			ch.netCoupon = o.Value
			ch.chosen = append(ch.chosen, o.Label)
		} else if o, ok := matchMenu(f.ExtCoupons, c, in.Aliases); ok {
			ch.extCoupons = appendOnce(ch.extCoupons, o)
		} else {
			ch.coupon = c
		}
	}
	for _, o := range append(slices.Clone(ch.menus), ch.extCoupons...) {
		ch.chosen = append(ch.chosen, o.Label)
	}
	return ch
}

func appendOnce(list []MenuOption, o MenuOption) []MenuOption {
	for _, x := range list {
		if x.Value == o.Value {
			return list
		}
	}
	return append(list, o)
}

func selectedOption(opts []FormOption) (FormOption, bool) {
	for _, o := range opts {
		if o.Selected {
			return o, true
		}
	}
	return FormOption{}, false
}

func matchMenu(opts []MenuOption, name string, aliases map[string]string) (MenuOption, bool) {
	plain := make([]FormOption, len(opts))
	for i, o := range opts {
		plain[i] = o.FormOption
	}
	if o, ok := matchOption(plain, name, aliases); ok {
		for _, m := range opts {
			if m.Value == o.Value {
				return m, true
			}
		}
	}
	return MenuOption{}, false
}

// matchOption finds the option a name means: through the aliases first (a
// mapping names an option by its label or its value), then by the
// normalised label, then by the label without its [対象] prefix and price.
func matchOption(opts []FormOption, name string, aliases map[string]string) (FormOption, bool) {
	want := []string{name}
	for k, v := range aliases {
		if MenuKey(k) == MenuKey(name) && strings.TrimSpace(v) != "" {
			want = []string{v} // an explicit mapping wins over the name itself
			for _, o := range opts {
				if o.Value == v {
					return o, true
				}
			}
		}
	}
	for _, key := range []func(string) string{MenuKey, looseMenuKey} {
		for _, o := range opts {
			if o.Value != "" && key(o.Label) != "" && key(o.Label) == key(want[0]) {
				return o, true
			}
		}
	}
	return FormOption{}, false
}

// menuVariants are look-alikes that differ between HPB, SALON BOARD and
// what staff type: tildes and wave dashes, dashes, yen signs, plus signs.
var menuVariants = strings.NewReplacer(
	"〜", "~", "～", "~", "∼", "~",
	"ー", "-", "−", "-", "‐", "-", "―", "-", "—", "-", "–", "-",
	"¥", "\\", "￥", "\\",
	"＋", "+",
)

// MenuKey is a menu or coupon name as names are compared: NFKC (width),
// look-alike dashes, tildes and yen signs unified, spaces dropped, Latin
// letters lower case.
func MenuKey(s string) string {
	s = menuVariants.Replace(norm.NFKC.String(s))
	s = menuVariants.Replace(s) // NFKC can produce a variant (full-width ～ → ~ is fine; ￥ → ¥)
	return strings.ToLower(strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s))
}

var (
	menuTargetRe = regexp.MustCompile(`^\s*[\[［【][^\]］】]*[\]］】]`)
	menuPriceRe  = regexp.MustCompile(`\s*(?:[\\¥￥]\s*[0-9０-９,，]+\s*円?|[0-9０-９,，]+\s*円)\s*$`)
)

// looseMenuKey is MenuKey without a leading [全員]-style target and a
// trailing price.
func looseMenuKey(s string) string {
	s = norm.NFKC.String(s)
	s = menuTargetRe.ReplaceAllString(s, "")
	s = menuPriceRe.ReplaceAllString(s, "")
	return MenuKey(s)
}

// setMenus writes the choice into the form's lists. Forms without a menu
// select get nothing (everything is then in the memo).
func setMenus(vals url.Values, f ReserveForm, ch menuChoice) {
	lists := []struct {
		field, cat, sno string
		opts            []MenuOption
		offered         bool
	}{
		{"menuIdList", "menuCategoryCdList", "menuSnoList", ch.menus, f.Fields["menuIdList"]},
		{"extCouponIdList", "extCouponCategoryCdList", "extCouponSnoList", ch.extCoupons, f.Fields["extCouponIdList"]},
	}
	for _, l := range lists {
		if !l.offered {
			continue
		}
		vals.Del(l.field)
		vals.Del(l.cat)
		vals.Del(l.sno)
		for i, o := range l.opts {
			vals.Add(l.field, o.Value)
			vals.Add(l.cat, o.Category)
			sno := o.Sno
			if sno == "" {
				sno = strconv.Itoa(i + 1)
			}
			vals.Add(l.sno, sno)
		}
	}
	if f.Fields["netCouponId"] {
		vals.Set("netCouponId", ch.netCoupon)
	}
}

// Memo heads for what no option took.
const (
	memoMenuHead   = "メニュー："
	memoCouponHead = "クーポン："
	memoSep        = "、"
)

// composeMemo is 予約時メモ: the menus and coupon no option took at the head,
// then the desk memo, within MemoMax characters (the head first; a head
// too long for the memo is cut with …, and the desk memo gets what is left).
func composeMemo(menus []string, coupon, desk string) string {
	var parts []string
	if len(menus) > 0 {
		parts = append(parts, memoMenuHead+strings.Join(menus, memoSep))
	}
	if coupon != "" {
		parts = append(parts, memoCouponHead+coupon)
	}
	if len(parts) == 0 {
		return desk
	}
	head := SanitizeMemo(strings.Join(parts, " "))
	if utf8.RuneCountInString(head) >= MemoMax {
		r := []rune(head)
		return string(r[:MemoMax-1]) + "…"
	}
	if desk == "" {
		return head
	}
	room := MemoMax - utf8.RuneCountInString(head) - 1
	if room <= 0 {
		return head
	}
	r := []rune(desk)
	if len(r) > room {
		r = r[:room]
	}
	return head + "\n" + string(r)
}

// inMemo lists what went to the memo: the menus, then the coupon.
func (ch menuChoice) inMemo() []string {
	out := slices.Clone(ch.unmatched)
	if ch.coupon != "" {
		out = append(out, ch.coupon)
	}
	return out
}
