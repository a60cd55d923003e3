package sbdemo

import "time"

// Kind is what a fed mail announces.
type Kind string

const (
	KindNew    Kind = "new"    // 予約連絡
	KindChange Kind = "change" // 予約内容変更連絡
	KindCancel Kind = "cancel" // キャンセル連絡
)

// Failure is the way a fed reservation is meant to fail in the app.
type Failure string

const (
	FailNone Failure = ""
	// FailMismatch: its coupon matches nothing local (予約されたクーポン・メニュー名が
	// 一致しませんでした). Its web detail page is readable, so the app's re-read
	// succeeds.
	FailMismatch Failure = "mismatch"
	// FailCapacity: booked into a slot its staff member is already full at
	// (予約受付可能数を超えています).
	FailCapacity Failure = "capacity"
	// FailBroken: the mail is cut off inside 来店日時, so it cannot be applied
	// (例外またはタイムアウトが発生しました). Subject and 予約番号 stay readable and
	// the web list has the whole reservation.
	FailBroken Failure = "broken"
)

// FeedEvent is one mail the feed delivered, and the reservation behind it.
type FeedEvent struct {
	Seq     int       // 1, 2, … in feed order
	At      time.Time // the feed's clock when it was booked
	Number  string    // 予約番号, B[C-F] + 8 digits
	Kind    Kind
	Failure Failure
	// Recovers marks the mismatch that must recover by itself (the first
	// one): the app's re-read from the web UI fills it in.
	Recovers bool
	// Filler marks an ordinary booking made to fill a slot before a capacity
	// failure books into it.
	Filler bool

	Subject   string // as sent, e.g. 【明日】予約連絡
	Charset   string // iso-2022-jp or utf-8
	MessageID string // without angle brackets
	UID       uint32 // in the mailbox

	Start, End time.Time
	Staff      string // SALON BOARD name written in the mail; "" for 指名なし
	StaffID    string // the double's staff row
	Coupon     string // the coupon line as HPB publishes it; "" for a menu booking
	Menus      []string
	Customer   string // kanji name
	Kana       string // katakana name
}
