package web

import "time"

// The adapter's own small types. They say what the pages say, in the
// salon's words, and know nothing of SalonDesk's database.

// Status codes of the reservation list (reserveDispStatusCdArray).
const (
	StatusPending        = 1  // 仮予約確定待ち
	StatusWaiting        = 2  // 受付待ち
	StatusInTreatment    = 3  // 施術中
	StatusAwaitingVisit  = 4  // 来店処理待ち
	StatusDone           = 5  // 済み
	StatusRefused        = 6  // お断り
	StatusCustomerCancel = 7  // お客様キャンセル
	StatusSalonCancel    = 8  // サロンキャンセル
	StatusNoShow         = 9  // 無断キャンセル
	StatusAutoCancel     = 10 // 自動キャンセル
	StatusPaid           = 11 // 会計済み
)

// StatusNames maps the list's status codes to their text.
var StatusNames = map[int]string{
	StatusPending: "仮予約確定待ち", StatusWaiting: "受付待ち", StatusInTreatment: "施術中",
	StatusAwaitingVisit: "来店処理待ち", StatusDone: "済み", StatusPaid: "会計済み",
	StatusRefused: "お断り", StatusCustomerCancel: "お客様キャンセル",
	StatusSalonCancel: "サロンキャンセル", StatusNoShow: "無断キャンセル", StatusAutoCancel: "自動キャンセル",
}

// StatusCode returns the code of a status text, 0 when unknown. (A loop
// over codes, not over the map: parsing stays deterministic, which the
// coverage-guided fuzzer relies on.)
func StatusCode(text string) int {
	for c := StatusPending; c <= StatusPaid; c++ {
		if StatusNames[c] == text {
			return c
		}
	}
	return 0
}

// IsCancelled reports whether a status code is one of the cancellations or
// a refusal: the reservation no longer holds its slot.
func IsCancelled(code int) bool {
	switch code {
	case StatusRefused, StatusCustomerCancel, StatusSalonCancel, StatusNoShow, StatusAutoCancel:
		return true
	}
	return false
}

// Route ids (rsvRouteId).
const (
	RoutePhoneOwn = "K000000001" // 電話(自社)
	RoutePhoneHPB = "K000000002" // 電話(HOT PEPPER Beauty)
	RouteHPB      = "K000000003" // HOT PEPPER Beauty
	RoutePonpare  = "K000000004" // ポンパレ
	RouteWalkIn   = "K000000005" // 直接来店
)

// Kind tells the two kinds of reservation pages apart.
type Kind string

const (
	KindNet Kind = "net" // HPB net reservation, B[C-F] + 8 digits
	KindExt Kind = "ext" // made in SALON BOARD (phone, walk-in), YG + 8 digits
)

// ListRow is one row of the reservation list. The list has no end time and
// no memo.
type ListRow struct {
	ID          string // 予約番号
	Kind        Kind
	Start       time.Time // 来店日時, year inferred from the search range
	Status      string    // as shown, <br> removed: サロンキャンセル
	StatusCode  int       // 0 when the text is unknown
	Customer    string    // お客様名
	Staff       string    // "" for -
	Route       string    // 予約経路 text, e.g. 電話予約
	Menu        []string  // メニュー・クーポン lines
	Points      int       // 利用ポイント
	PaymentType string    // 支払い種別
	Amount      int       // お支払金額（pt利用前）, yen
	Visit       string    // 来店処理 cell text
	Karte       string    // カルテ cell text
	DetailPath  string    // the link to the detail page, as written
}

// ListPage is one page of search results.
type ListPage struct {
	Rows  []ListRow
	Page  int    // 1-based
	Pages int    // total pages
	Next  string // href of 次へ, "" on the last page
	Total int    // rows of the whole search when the page shows a count (全N件), else 0
}

// Schedule is the salon schedule of one day.
type Schedule struct {
	Day        time.Time // midnight, local
	LastUpdate string    // rlastupdate, YYYYMMDDHHmmss
	Staff      []StaffRow
	Equipment  []EquipmentRow
}

// StaffRow is one staff header and its line of blocks.
type StaffRow struct {
	ID       string // W…
	Name     string
	Capacity []int // the numbers after 受付可能数：
	Blocks   []Block
	ToDos    []ToDo
}

// EquipmentRow is one equipment header and its line of blocks.
type EquipmentRow struct {
	ID     string // EQ…
	Name   string
	Blocks []Block
	ToDos  []ToDo
}

// Block is a reservation block of the schedule. It carries no reservation
// number: match it by row, start and name.
type Block struct {
	Name       string // without 様
	Start, End time.Time
	Icons      []string // raw icon labels (text, or class when empty)
	New        bool     // 新
	Designated bool     // 指
	Points     bool     // ポ
	Prepaid    bool     // ￥
}

// ToDo is a break, shift or day off block.
type ToDo struct {
	Title      string // 休憩, 休日, …
	Start, End time.Time
	DayOff     bool
}

// Detail is the reservation detail page. Fields whose label was missing are
// left zero and named in Missing.
type Detail struct {
	ID         string // 予約番号
	Kind       Kind
	Status     string
	NameKana   string // 氏名（カナ）
	NameKanji  string // 氏名（漢字）
	Phone      string
	Start, End time.Time // 来店日時
	Received   time.Time // 受信日時
	Route      string
	Menu       []string
	Coupon     string
	Staff      []Assignment
	Equipment  []Assignment
	Memo       string // お客様メモ
	Total      int    // 合計金額, yen
	Missing    []string
}

// Assignment is a staff member or equipment with its own time range.
type Assignment struct {
	Name       string
	Start, End time.Time
	Designated bool // 指名 (staff only)
}
