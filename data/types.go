package data

import "time"

// Layouts used in the database: local wall-clock time, sortable as text.
const (
	TimeLayout  = "2006-01-02 15:04"
	DayLayout   = "2006-01-02"
	stampLayout = "2006-01-02 15:04:05"
)

// Route is a reservation's 予約経路.
type Route string

const (
	RouteHPB        Route = "hpb"        // HOT PEPPER Beauty net reservation
	RoutePhone      Route = "phone"      // 電話 taken at the desk
	RouteWalkIn     Route = "walkin"     // 店頭 / 直接来店
	RouteSalonBoard Route = "salonboard" // entered in SALON BOARD by hand
	RouteOther      Route = "other"
)

// Status is a reservation's ステータス.
type Status string

const (
	StatusProvisional Status = "provisional" // 仮登録
	StatusWaiting     Status = "waiting"     // 受付待ち
	StatusArrived     Status = "arrived"     // 来店
	StatusPaid        Status = "paid"        // 会計済み
	StatusCancelled   Status = "cancelled"   // キャンセル
	StatusNoShow      Status = "noshow"      // 無断キャンセル
)

// Active reports whether the reservation still takes a place in the schedule.
func (s Status) Active() bool { return s != StatusCancelled && s != StatusNoShow }

// SyncState is a reservation's 連携状況 with SALON BOARD.
type SyncState string

const (
	SyncNone        SyncState = ""            // —: nothing to sync
	SyncPending     SyncState = "pending"     // 送信待ち
	SyncOK          SyncState = "ok"          // 成功
	SyncFailed      SyncState = "failed"      // 失敗(reason)
	SyncTranscribed SyncState = "transcribed" // 転記済み
)

// PaymentType is 都度 (pay per visit) or a plan.
type PaymentType string

const (
	PayPerVisit PaymentType = "per_visit"
	PayPlan     PaymentType = "plan"
)

// Customer is お客様.
type Customer struct {
	ID         int64
	Number     int64
	Name       string
	Kana       string
	Phone      string
	Email      string
	Birthday   string
	Sex        string
	Memo       string
	Caution    bool // 要注意
	NoShow     bool // 無断キャンセル
	FirstVisit string
	LastVisit  string
	VisitCount int
	Origin     string // entered, imported, salonboard
	CreatedAt  time.Time
	UpdatedAt  time.Time
	ErasedOn   string // the day it was deleted: an anonymous tombstone; "" = a live customer
}

// Staff is スタッフ.
type Staff struct {
	ID             int64
	Name           string
	Kana           string
	SBName         string
	SBID           string
	DesignationFee int
	Capacity       int    // 受付可能数 per slot
	WorkDays       string // weekday digits 0 (Sunday) - 6
	WorkStart      string // 'HH:MM', '' = salon hours
	WorkEnd        string
	SortOrder      int
	Active         bool
}

// Equipment is マシン・設備.
type Equipment struct {
	ID        int64
	Name      string
	Kana      string
	SBID      string
	Capacity  int
	SortOrder int
	Active    bool
}

// Hours are the opening hours of one weekday (0 = Sunday).
type Hours struct {
	Weekday int
	Open    string // 'HH:MM'
	Close   string
	Closed  bool
}

// Category is a menu category.
type Category struct {
	ID        int64
	Name      string
	SortOrder int
}

// Menu is メニュー.
type Menu struct {
	ID           int64
	CategoryID   int64
	CategoryName string
	Name         string
	DurationMin  int
	Price        int
	SortOrder    int
	Active       bool
}

// Coupon is クーポン: the name exactly as published on HPB and the menus it stands for.
type Coupon struct {
	ID          int64
	Name        string
	Content     string
	Target      string // 全員 / 新規 / 再来
	Price       int
	DurationMin int
	MenuIDs     []int64
	Active      bool
}

// Alias maps an incoming (normalised) SALON BOARD name to a local coupon or menu.
type Alias struct {
	ID       int64
	Kind     string // coupon, menu
	NameNorm string
	CouponID int64
	MenuID   int64
}

// PaymentMethod of a plan or product.
const (
	PaymentLump      = "lump"      // 一括支払
	PaymentRecurring = "recurring" // 継続課金
)

// Plan is 定額プラン.
type Plan struct {
	ID             int64
	Name           string
	Price          int
	PaymentMethod  string
	VisitsPerMonth int
	Active         bool
}

// Product is 商品 (ネット決済マスタ).
type Product struct {
	ID            int64
	Name          string
	Code          string
	Price         int
	PaymentMethod string
	PlanID        int64
	Active        bool
}

// Contract is a customer's plan.
type Contract struct {
	ID         int64
	CustomerID int64
	PlanID     int64
	ProductID  int64
	PlanName   string
	StartedOn  string
	EndedOn    string
	Status     string // active, ended
	Source     string
	Kind       string // plan (定額プラン), ticket (回数券)
	Remaining  *int   // visits left; nil = unlimited
}

// Reservation is 予約.
type Reservation struct {
	ID               int64
	Number           int64
	SBNumber         string
	ReceivedAt       time.Time
	Start            time.Time
	End              time.Time
	CustomerID       int64
	CustomerName     string
	CustomerKana     string
	StaffID          int64
	Designated       bool
	EquipmentID      int64
	CouponID         int64
	CouponName       string
	MenuIDs          []int64
	Route            Route
	Status           Status
	PaymentType      PaymentType
	Memo             string
	SyncState        SyncState
	SyncReason       string
	TranscribedCheck bool
	FirstVisit       bool
	ArrivedAt        string
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Duration is the reservation's length.
func (r *Reservation) Duration() time.Duration { return r.End.Sub(r.Start) }

// ReservationView is a reservation with the names the screens show.
type ReservationView struct {
	Reservation
	CustomerNumber  int64
	CustomerRowName string // the customer row's name, if linked
	CustomerRowKana string
	StaffName       string
	EquipmentName   string
	CouponTitle     string // local coupon name, or the received one
	CouponContent   string
	MenuNames       []string
	LastVisit       string
	VisitCount      int
}

// DisplayName is the name to print on a badge: the customer's, or what was received.
func (v *ReservationView) DisplayName() string {
	switch {
	case v.CustomerRowName != "":
		return v.CustomerRowName
	case v.CustomerName != "":
		return v.CustomerName
	case v.CustomerRowKana != "":
		return v.CustomerRowKana
	default:
		return v.CustomerKana
	}
}

// DisplayKana is the kana shown as (カナ) 様.
func (v *ReservationView) DisplayKana() string {
	if v.CustomerRowKana != "" {
		return v.CustomerRowKana
	}
	return v.CustomerKana
}

// Direction of a notification.
type Direction string

const (
	DirAppToSB      Direction = "app_to_sb"
	DirSBToApp      Direction = "sb_to_app"
	DirAppToSmaregi Direction = "app_to_smaregi"
	DirSmaregiToApp Direction = "smaregi_to_app"
	DirSystem       Direction = "system"
)

// Notification is お知らせ.
type Notification struct {
	ID            int64
	CreatedAt     time.Time
	Direction     Direction
	Reason        string // a reason key, e.g. timeout, capacity, mismatch
	ReservationID int64
	ReservationNo string
	ReservationAt string
	Detail        string
	ResolvedAt    string
}

// Resolved reports whether the alert icon is gone.
func (n *Notification) Resolved() bool { return n.ResolvedAt != "" }

// Job is an outbox job.
type Job struct {
	ID        int64
	Kind      string
	Ref       string
	Payload   string
	State     string
	Attempts  int
	NextAt    time.Time
	LastError string
	CreatedAt time.Time
}

// Sale is 売上: one 会計 with its lines and payments (data/sales.go).
type Sale struct {
	ID            int64
	ReservationID int64
	CustomerID    int64
	SoldAt        time.Time
	Amount        int    // what the customer paid: the sum of the lines' amounts
	Method        string // the first payment's method (the only one before 0004)
	Memo          string
	Tax           int // consumption tax contained in (inclusive) or added to (exclusive) Amount
	TaxRate       int // percent
	TaxInclusive  bool
	Tendered      int // 預り金 (cash handed over)
	Change        int // おつり
	StaffID       int64
	Designated    bool
	Route         Route
	ReversedAt    string // 取消: when, '' while the sale stands
	ReversalNote  string // 取消 reason
	CustomerName  string // read only: the customer's name (kana when none)
	StaffName     string // read only
	Items         []SaleItem
	Payments      []SalePayment
}

// Reversed reports whether the sale was taken back (取消).
func (s *Sale) Reversed() bool { return s.ReversedAt != "" }

// Kinds of sale lines.
const (
	LineMenu        = "menu"
	LineCoupon      = "coupon"
	LineDesignation = "designation" // 指名料
	LineProduct     = "product"     // 店販
	LineDiscount    = "discount"    // a discount on the total (negative)
)

// SaleItem is one line of a sale.
type SaleItem struct {
	Kind       string
	MenuID     int64
	CategoryID int64
	ProductID  int64
	Name       string
	UnitPrice  int
	Quantity   int
	Discount   int // the line's own discount in yen
	Price      int // UnitPrice*Quantity - Discount
	Tax        int // the line's share of the sale's tax
	Amount     int // what the line adds to the total: Price, plus Tax when tax-exclusive
}

// SalePayment is how (part of) a sale was paid.
type SalePayment struct {
	Method     string
	Amount     int
	ContractID int64 // 回数券 / 定額プラン whose balance it lowered
}

// Payment is 入金: money received outside the desk (Smaregi, plan payments).
type Payment struct {
	ID            int64
	CustomerID    int64
	ReservationID int64
	ContractID    int64
	ReceivedAt    time.Time
	Amount        int
	Method        string
	Source        string
	ExternalID    string
	PayerName     string // as received, to match by hand
	Kind          string // per_visit, plan
	Matched       string // '', auto, manual
	Memo          string
}
