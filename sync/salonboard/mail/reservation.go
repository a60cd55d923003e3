package mail

import (
	"strings"
	"time"
)

// Labels as SALON BOARD writes them; the first of each list is the キレイ
// wording, the others hair salons' and older templates'.
var (
	labelNumber   = []string{"予約番号"}
	labelStart    = []string{"来店日時", "ご来店日時"}
	labelName     = []string{"氏名", "お客様名", "お名前"}
	labelStaff    = []string{"指名スタッフ", "スタイリスト", "担当スタイリスト", "担当スタッフ"}
	labelMenu     = []string{"メニュー", "ご利用メニュー"}
	labelCoupon   = []string{"ご利用クーポン", "クーポン"}
	labelMoney    = []string{"合計金額", "お支払い金額"}
	labelPoints   = []string{"利用ポイント"}
	labelRequest  = []string{"ご要望・ご相談", "ご要望", "ご質問・ご要望"}
	labelReceived = []string{"予約受付日時", "受付日時"}
)

// reservationOf reads the fields of a new, changed or cancelled reservation.
// Only 予約番号 (always) and 来店日時 (new and change) are mandatory: a
// cancellation needs nothing but the number to be applied. When 来店日時 cannot
// be read, the reservation is still returned with its number (and what else was
// readable) beside the error, so that the caller can hold its place or read it
// from the web UI instead of losing it.
func reservationOf(f fields, kind Kind, loc *time.Location) (*Reservation, error) {
	r := &Reservation{}
	raw, ok := f.first(labelNumber...)
	if !ok || isEmpty(raw) {
		return nil, ErrMissingField{Field: "予約番号"}
	}
	if r.Number, ok = parseNumber(raw); !ok {
		return nil, ErrInvalidField{Field: "予約番号", Value: raw}
	}
	startErr := readStart(r, f, kind, loc)
	if name, ok := f.first(labelName...); ok {
		r.NameKanji, r.NameKana = parseName(name)
	}
	readStaff(r, f)
	readMenus(r, f)
	readMoney(r, f)
	r.Request = joinValue(f.lines(labelRequest...))
	if v, ok := f.first(labelReceived...); ok {
		r.ReceivedAt, _, _ = parseDateTime(v, loc)
	}
	return r, startErr
}

func readStart(r *Reservation, f fields, kind Kind, loc *time.Location) error {
	mandatory := kind == KindNew || kind == KindChange
	raw, ok := f.first(labelStart...)
	if !ok || isEmpty(raw) {
		if mandatory {
			return ErrMissingField{Field: "来店日時"}
		}
		return nil
	}
	start, end, ok := parseDateTime(raw, loc)
	if !ok && mandatory {
		return ErrInvalidField{Field: "来店日時", Value: raw}
	}
	r.Start, r.Duration = start, end
	return nil
}

// readStaff: 指名なし (or -) means no designated staff.
func readStaff(r *Reservation, f fields) {
	v, _ := f.first(labelStaff...)
	if isEmpty(v) || strings.Contains(v, "指名なし") {
		return
	}
	r.Staff, r.Designated = v, true
}

// readMenus collects menu lines and the coupon; the duration note may sit under
// either of them, and wins over an end time written with 来店日時.
func readMenus(r *Reservation, f fields) {
	menus, coupons := f.lines(labelMenu...), f.lines(labelCoupon...)
	for _, line := range append(append([]string{}, menus...), coupons...) {
		if d, ok := parseDuration(line); ok {
			r.Duration = d
			break
		}
	}
	for _, line := range menus {
		if name := stripDurationNote(line); !isEmpty(name) {
			r.Menus = append(r.Menus, name)
		}
	}
	for _, line := range coupons {
		if name := stripDurationNote(line); !isEmpty(name) && !strings.HasSuffix(name, "利用なし") {
			r.Coupon, r.CouponTarget = parseCoupon(name)
			break
		}
	}
}

// stripDurationNote removes a trailing （所要時間目安：…） from a menu line, or
// empties a line that holds only the note.
func stripDurationNote(line string) string {
	if isDurationNote(line) {
		return ""
	}
	for _, open := range []string{"（所要時間", "(所要時間", "（施術時間", "(施術時間"} {
		if i := strings.Index(line, open); i > 0 {
			return strings.Trim(line[:i], indents)
		}
	}
	return line
}

func readMoney(r *Reservation, f fields) {
	m := parseMoney(f.lines(labelMoney...))
	if p, ok := f.first(labelPoints...); ok && m.points == 0 {
		m.points = parseMoney([]string{"ポイント " + p}).points
	}
	r.Price, r.Payable, r.Points = m.price, m.payable, m.points
}

// joinValue joins a multi-line value; a lone "-" is empty.
func joinValue(lines []string) string {
	if len(lines) == 0 || len(lines) == 1 && isEmpty(lines[0]) {
		return ""
	}
	return strings.Join(lines, "\n")
}
