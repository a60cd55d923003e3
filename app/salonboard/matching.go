package salonboard

import (
	"errors"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"salondesk/app"
	"salondesk/data"
)

// Coupon and menu names come from HOT PEPPER Beauty written one way and are kept here
// written another: 〜 or ～, ¥ or ￥, full- or half-width, with or without spaces. They
// are compared after NormalizeName, and through the aliases staff recorded once.

var nameFolds = strings.NewReplacer(
	"〜", "~", "～", "~", "∼", "~", "〰", "~", "~", "~",
	"￥", "¥", "\\", "¥",
	"‐", "-", "‑", "-", "‒", "-", "–", "-", "—", "-", "―", "-", "−", "-", "－", "-",
	"【", "[", "】", "]", "「", "[", "」", "]",
	"⇒", "→", "=>", "→",
)

// NormalizeName is the form names are compared in: NFKC, one wave dash, one yen sign,
// one hyphen, no spaces, lower-case Latin letters.
func NormalizeName(s string) string {
	s = nameFolds.Replace(norm.NFKC.String(s))
	s = nameFolds.Replace(s) // NFKC may have produced '~' or '\' from full-width forms
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// priceTail is a trailing price: "¥9,900", "¥17000→¥9900", "9900円", or what is left of
// a "¥17000⇒¥9900" after the mail parser took the last price off ("¥17000→").
var priceTail = regexp.MustCompile(`(¥[0-9,]+(→¥?[0-9,]+)?→?|[0-9,]+円)$`)

// withoutPrice drops a trailing price from a normalised name.
func withoutPrice(n string) string { return priceTail.ReplaceAllString(n, "") }

// targetPrefix is an HPB coupon's leading [全員] / [新規] / [再来] mark.
var targetPrefix = regexp.MustCompile(`^\[(全員|新規|再来|[^\]]{1,6})\]`)

// couponKeys are the forms a coupon name is looked up by, most exact first.
func couponKeys(name string) []string {
	n := NormalizeName(name)
	keys := []string{n, withoutPrice(n)}
	bare := targetPrefix.ReplaceAllString(n, "")
	keys = append(keys, bare, withoutPrice(bare))
	return dedupe(keys)
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	out := in[:0]
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// NameMatch is what incoming coupon and menu names resolved to.
type NameMatch struct {
	CouponID int64
	MenuIDs  []int64
}

// errNoMatch: a name that matches no coupon, menu or alias.
var errNoMatch = errors.New("no match")

// matchNames resolves an incoming coupon (preferred) or menu lines to the salon's masters
// in use, read once per transaction.
func matchNames(t *app.Tx, coupon string, menus []string) (NameMatch, error) {
	var m NameMatch
	if strings.TrimSpace(coupon) != "" {
		c, err := findCoupon(t, coupon)
		if err != nil {
			return m, err
		}
		return NameMatch{CouponID: c.ID, MenuIDs: c.MenuIDs}, nil
	}
	if len(menus) == 0 {
		return m, errNoMatch
	}
	for _, name := range menus {
		id, err := findMenu(t, name)
		if err != nil {
			return m, err
		}
		m.MenuIDs = append(m.MenuIDs, id)
	}
	return m, nil
}

// activeCoupons are the coupons in use.
func activeCoupons(t *app.Tx) ([]data.Coupon, error) {
	all, err := t.Coupons()
	var out []data.Coupon
	for _, c := range all {
		if c.Active {
			out = append(out, c)
		}
	}
	return out, err
}

func findCoupon(t *app.Tx, name string) (data.Coupon, error) {
	coupons, err := activeCoupons(t)
	if err != nil {
		return data.Coupon{}, err
	}
	keys := couponKeys(name)
	for _, k := range keys {
		a, ok, err := t.Alias("coupon", k)
		if err != nil {
			return data.Coupon{}, err
		}
		if ok && a.CouponID != 0 {
			for _, c := range coupons {
				if c.ID == a.CouponID {
					return c, nil
				}
			}
		}
	}
	for _, k := range keys {
		for _, c := range coupons {
			for _, ck := range couponKeys(c.Name) {
				if ck == k {
					return c, nil
				}
			}
		}
	}
	return data.Coupon{}, errNoMatch
}

func findMenu(t *app.Tx, name string) (int64, error) {
	n := NormalizeName(name)
	if a, ok, err := t.Alias("menu", n); err != nil {
		return 0, err
	} else if ok && a.MenuID != 0 {
		return a.MenuID, nil
	}
	menus, err := t.Menus()
	if err != nil {
		return 0, err
	}
	for _, m := range menus {
		if !m.Active {
			continue
		}
		if NormalizeName(m.Name) == n || withoutPrice(NormalizeName(m.Name)) == withoutPrice(n) {
			return m.ID, nil
		}
	}
	return 0, errNoMatch
}

// matchStaff finds the staff member SALON BOARD names: by its SALON BOARD name, else by
// name. "" (指名なし) is no staff. ok is false for a name nobody here has.
func matchStaff(staff []data.Staff, name string) (id int64, ok bool) {
	n := NormalizeName(name)
	if n == "" || n == NormalizeName("指名なし") {
		return 0, true
	}
	for _, s := range staff {
		if s.SBName != "" && NormalizeName(s.SBName) == n {
			return s.ID, true
		}
	}
	for _, s := range staff {
		if NormalizeName(s.Name) == n || (s.Kana != "" && NormalizeName(s.Kana) == n) {
			return s.ID, true
		}
	}
	return 0, false
}

// CouponKeys are the forms a coupon name is looked up by (exported for tests and the
// transcription's alias).
func CouponKeys(name string) []string { return couponKeys(name) }
