// Package mail reads SALON BOARD's reservation e-mails: one RFC 5322 message in,
// one Mail (kind + reservation) out. It knows nothing of the database or the app;
// the caller decides what a parsed mail means for the salon.
package mail

import (
	"fmt"
	"time"
)

// Kind says what a SALON BOARD mail announces, decided by its subject.
type Kind int

const (
	// KindUnknown is a mail from SALON BOARD whose subject we do not recognise.
	KindUnknown Kind = iota
	// KindNew announces a new reservation (予約連絡, 直前予約が入りました).
	KindNew
	// KindChange announces a changed reservation (予約内容変更連絡).
	KindChange
	// KindCancel announces a cancelled reservation (キャンセル連絡).
	KindCancel
	// KindIgnore is a reminder or an address check: nothing to apply.
	KindIgnore
)

func (k Kind) String() string {
	switch k {
	case KindNew:
		return "new"
	case KindChange:
		return "change"
	case KindCancel:
		return "cancel"
	case KindIgnore:
		return "ignore"
	}
	return "unknown"
}

// Mail is one parsed SALON BOARD mail. Reservation is set for KindNew, KindChange
// and KindCancel only.
type Mail struct {
	MessageID   string // without the angle brackets
	From        string // the sender's address, lower case
	Subject     string // decoded
	Kind        Kind
	Reservation *Reservation
}

// Reservation is what a reservation mail says, as written (names are not
// normalised: matching is the app's business).
type Reservation struct {
	Number       string        // 予約番号, e.g. BE12345678
	Start        time.Time     // 来店日時 in the location given to ParseWith; zero if absent (cancel)
	Duration     time.Duration // 所要時間目安 / 施術時間目安; 0 when absent
	NameKanji    string        // 氏名 before the parenthesis
	NameKana     string        // 氏名 inside the parenthesis
	Staff        string        // 指名スタッフ / スタイリスト as written; "" for 指名なし
	Designated   bool          // a staff member was named
	Menus        []string      // メニュー lines
	Coupon       string        // クーポン name without [全員] prefix and price
	CouponTarget string        // 全員, 新規, 再来 … (the bracketed prefix)
	Price        int           // 予約時合計金額 (before points); see Payable
	Payable      int           // お支払い予定金額 (after points)
	Points       int           // 利用ポイント
	Request      string        // ご要望・ご相談; "" for -
	ReceivedAt   time.Time     // 予約受付日時; zero if absent
}

// Sender is the only address SALON BOARD sends reservation mails from.
const Sender = "yoyaku_system@salonboard.com"

// JST is Japan time, the zone SALON BOARD writes its dates in.
var JST = time.FixedZone("JST", 9*3600)

// Parse reads one raw message with dates in Japan time.
func Parse(raw []byte) (Mail, error) {
	return ParseWith(raw, JST)
}

// ParseWith reads one raw message; dates in the body are read in loc (nil means JST).
// Errors are ErrNotSalonBoard, ErrMalformed, ErrMissingField or ErrInvalidField.
// With an error about 来店日時, Reservation still carries the 予約番号.
// It never panics: a panic in a decoder becomes ErrMalformed.
func ParseWith(raw []byte, loc *time.Location) (m Mail, err error) {
	if loc == nil {
		loc = JST
	}
	defer func() {
		if r := recover(); r != nil {
			m, err = Mail{}, ErrMalformed{Reason: fmt.Sprint("panic: ", r)}
		}
	}()
	return parse(raw, loc)
}

// parse is ParseWith without the safety net, so that fuzzing sees real panics.
func parse(raw []byte, loc *time.Location) (Mail, error) {
	msg, err := readMessage(raw)
	if err != nil {
		return Mail{}, err
	}
	m := Mail{MessageID: msg.messageID, From: msg.from, Subject: msg.subject}
	if msg.from != Sender {
		return m, ErrNotSalonBoard{From: msg.from}
	}
	m.Kind = kindOf(msg.subject)
	if m.Kind == KindIgnore || m.Kind == KindUnknown {
		return m, nil
	}
	r, err := reservationOf(parseBody(msg.text), m.Kind, loc)
	m.Reservation = r // partial (number only) beside an error about 来店日時
	return m, err
}
