package sbdouble

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// The input rules of the registration and change forms, as the spec lists
// them: start on the 15-minute grid, duration in 5-minute steps, kana name
// required in full-width katakana, no Latin letters, symbols or emoji in
// names, memo at most 100 characters. The validators look past the wave dash
// U+301C (it is a JIS character, so the site's checks let it through); it
// only fails when the write is saved in Shift_JIS, silently (shiftJISSafe).

// Validation messages shown on the form.
const (
	msgStaff     = "スタッフを選択してください。"
	msgEquipment = "設備が見つかりません。"
	msgRoute     = "予約経路を選択してください。"
	msgStart     = "開始時刻は15分単位で入力してください。"
	msgTerm      = "所要時間は5分単位で入力してください。"
	msgKanaNone  = "お客様名（カナ）を入力してください。"
	msgKana      = "お客様名（カナ）は全角カタカナで入力してください。"
	msgName      = "お客様名（漢字）に使用できない文字が含まれています。"
	msgTel       = "電話番号は半角数字とハイフンで入力してください。"
	msgMemo      = "予約時メモは100文字以内で入力してください。"
	memoMax      = 100
)

// formRoutes are the routes the write forms offer: an outside system never
// creates an HPB reservation.
var formRoutes = []string{RoutePhoneOwn, RoutePhoneHPB, RouteWalkIn}

var routeLabels = map[string]string{
	RoutePhoneOwn: "電話(自社)", RoutePhoneHPB: "電話(HOT PEPPER Beauty)", RouteWalkIn: "直接来店",
}

// menuCategories are the form's menuCategory options (value → label).
var menuCategories = [][2]string{{"01", "まつげ"}, {"02", "ネイル"}, {"03", "エステ"}, {"04", "リラク"}}

// readForm turns a submitted registration or change form into the
// reservation it asks for (based on base for a change) and the messages of
// the rules it breaks. Caller holds d.mu.
func (d *Double) readForm(f url.Values, day time.Time, base Reservation) (Reservation, []string) {
	r := base
	var errs []string
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	if _, ok := d.st.staffByID(get("staffId")); !ok {
		errs = append(errs, msgStaff)
	}
	r.StaffID = get("staffId")
	if _, ok := d.st.equipmentByID(get("equipmentId")); !ok && get("equipmentId") != "" {
		errs = append(errs, msgEquipment)
	}
	r.EquipmentID = get("equipmentId")
	if !contains(formRoutes, get("rsvRouteId")) {
		errs = append(errs, msgRoute)
	}
	r.RouteID = get("rsvRouteId")
	day, h, m, ok := startFields(f, day)
	if !ok {
		errs = append(errs, msgStart)
	}
	th, errTH := strconv.Atoi(get("rsvTermHour"))
	tm, errTM := strconv.Atoi(get("rsvTermMinute"))
	term := time.Duration(th)*time.Hour + time.Duration(tm)*time.Minute
	if errTH != nil || errTM != nil || th < 0 || tm < 0 || tm > 59 || tm%5 != 0 || term <= 0 || term > 13*time.Hour {
		errs = append(errs, msgTerm)
	}
	r.Start = day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	r.End = r.Start.Add(term)
	r.Designated = f.Get("rsvType") == "1"
	r.KanaSei, r.KanaMei = f.Get("nmSeiKana"), f.Get("nmMeiKana")
	switch {
	case strings.TrimSpace(strings.ReplaceAll(r.KanaSei, "\u301c", "")) == "":
		errs = append(errs, msgKanaNone)
	case !allRunes(r.KanaSei, isKatakana) || !allRunes(r.KanaMei, isKatakana):
		errs = append(errs, msgKana)
	}
	r.KanjiSei, r.KanjiMei = f.Get("nmSei"), f.Get("nmMei")
	if !allRunes(r.KanjiSei, isNameRune) || !allRunes(r.KanjiMei, isNameRune) {
		errs = append(errs, msgName)
	}
	r.Phone = get("tel")
	if !allRunes(r.Phone, func(c rune) bool { return c >= '0' && c <= '9' || c == '-' }) {
		errs = append(errs, msgTel)
	}
	r.CustomerNo = get("customerNo")
	r.Memo = strings.ReplaceAll(f.Get("rsvEtc"), "\r\n", "\n")
	if utf8.RuneCountInString(r.Memo) > memoMax {
		errs = append(errs, msgMemo)
	}
	if _, ok := f["menuCategory"]; ok { // the registration form's single category
		r.MenuCategories = nil
		for _, c := range menuCategories {
			if c[0] == get("menuCategory") {
				r.MenuCategories = []string{c[1]}
			}
		}
	}
	errs = append(errs, d.readMenus(f, &r)...)
	return r, errs
}

// startFields reads the start: the registration form's rsvHour and
// rsvMinute on its day, or the change form's rsvdate (YYYYMMDD) and rsvtime
// (HHMM). ok is false off the 15-minute grid or when unreadable.
func startFields(f url.Values, day time.Time) (time.Time, int, int, bool) {
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	hs, ms := get("rsvHour"), get("rsvMinute")
	if t := get("rsvtime"); t != "" || f.Has("rsvdate") {
		d, err := time.ParseInLocation("20060102", get("rsvdate"), day.Location())
		if err != nil || len(t) != 4 {
			return day, 0, 0, false
		}
		day, hs, ms = d, t[:2], t[2:]
	}
	h, errH := strconv.Atoi(hs)
	m, errM := strconv.Atoi(ms)
	ok := errH == nil && errM == nil && h >= 0 && h <= 23 && m >= 0 && m <= 59 && m%15 == 0
	return day, h, m, ok
}

// allRunes checks every rune but the wave dash U+301C.
func allRunes(s string, ok func(rune) bool) bool {
	for _, c := range s {
		if c != '\u301c' && !ok(c) {
			return false
		}
	}
	return true
}

// isKatakana: full-width katakana of JIS X 0208 (ァ…ヶ), ー, ヽ, ヾ.
func isKatakana(c rune) bool {
	return c >= 'ァ' && c <= 'ヶ' || c == 'ー' || c == 'ヽ' || c == 'ヾ'
}

// isNameRune: kanji, hiragana, katakana and the marks names use.
func isNameRune(c rune) bool {
	return unicode.Is(unicode.Han, c) || c >= 'ぁ' && c <= 'ゖ' || c == 'ゝ' || c == 'ゞ' ||
		isKatakana(c) || c == '々' || c == '〆'
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// capacityErrors checks the staff's 受付可能数 and schedule over [r.Start,
// r.End), not counting the reservation itself (a change). A capacity of 0
// or less counts as 1. Caller holds d.mu.
func (d *Double) capacityErrors(r Reservation) []string {
	st, ok := d.st.staffByID(r.StaffID)
	if !ok {
		return nil
	}
	for _, t := range d.st.todos {
		if t.StaffID == r.StaffID && t.Start.Before(r.End) && r.Start.Before(t.End) {
			return []string{MsgOverlap}
		}
	}
	if d.busy(r.StaffID, r.ID, r.Start, r.End) >= max(st.Capacity, 1) {
		return []string{MsgCapacity}
	}
	return nil
}

// busy counts the staff's live reservations overlapping [from, to), except
// the one numbered except. Caller holds d.mu.
func (d *Double) busy(staffID, except string, from, to time.Time) int {
	n := 0
	for _, o := range d.st.res {
		if o.StaffID == staffID && o.ID != except && !cancelled(o.Status) &&
			o.Start.Before(to) && from.Before(o.End) {
			n++
		}
	}
	return n
}

// shiftJISSafe reports whether every text of r survives the site's
// Shift_JIS storage. The wave dash U+301C does not (its Shift_JIS code reads
// back as U+FF5E, so the site refuses it), and neither do emoji.
func shiftJISSafe(r Reservation) bool {
	enc := japanese.ShiftJIS.NewEncoder()
	for _, s := range []string{r.KanaSei, r.KanaMei, r.KanjiSei, r.KanjiMei, r.Phone, r.CustomerNo, r.Memo} {
		if _, err := enc.String(s); err != nil {
			return false
		}
	}
	return true
}
