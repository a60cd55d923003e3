// Package sbdemo runs SALON BOARD inside the demo process: the web test double
// (sbdouble) on a loopback port, the salon's reservation mailbox (an in-memory
// IMAP server) on another, and a feed that books new HOT PEPPER Beauty
// reservations over time, as HPB does, putting each into the double's web
// state and mailing it into the mailbox. A few of them fail in each of the
// three ways the app must handle (coupon mismatch, capacity, unreadable mail),
// and some earlier ones are changed or cancelled.
//
// Everything it writes is synthetic: made-up customers from a short list of
// common names, fake phone numbers, demo credentials. It knows nothing of the
// app or its database; the caller describes the salon in Config.
package sbdemo

import (
	"time"
)

// Staff is a staff member as SALON BOARD knows them.
type Staff struct {
	Name string // SALON BOARD name, as the mails write it (e.g. 【店長】佐々木 美咲)
	ID   string // SALON BOARD staff id; "" numbers them W000000201, W000000202, …
	// Capacity is the staff member's 受付可能数 (default 1). A capacity failure
	// books one more than this into one slot.
	Capacity int
	// WorkDays are the weekdays worked, "0" Sunday … "6" Saturday ("" every
	// day): a designated booking only lands on one of them.
	WorkDays string
}

// Coupon is an HPB coupon as published.
type Coupon struct {
	Name    string // as HPB publishes it, e.g. 【新規】カット＋イルミナカラー ¥14300⇒¥8800
	Minutes int    // duration; 0: the mail gives none and the double books an hour
	Price   int    // 0: the name's last ¥ amount
	// StaffIDs are who may be designated for it (empty: anyone).
	StaffIDs []string
}

// Menu is a menu bookable on HPB without a coupon.
type Menu struct {
	Name     string
	Minutes  int // 0: an add-on (never booked alone)
	Price    int
	StaffIDs []string
}

// Config describes the salon the feed books into, and how fast.
type Config struct {
	Staff   []Staff  // default: the double's three synthetic staff
	Coupons []Coupon // default: four synthetic キレイ coupons
	Menus   []Menu   // optional: some bookings then name menus instead of a coupon
	// UnknownCoupons are coupon names matching nothing local: the mismatch
	// failure books them. Default: three synthetic limited-time coupons.
	UnknownCoupons []string

	// Hours gives a day's opening hours (day is midnight in Location). Default
	// 10:00–20:00 every day.
	Hours func(day time.Time) (open, close time.Time, closed bool)
	// Busy, when set, tells the feed that the salon is already full for staffID
	// ("" for a booking without 指名) in [start, end): ordinary bookings avoid
	// such slots, so that only the planned capacity failures fail.
	Busy func(staffID string, start, end time.Time) bool

	// Interval between two bookings (default 60 s; negative: no timer, the
	// caller steps the feed with Demo.Next). Each wait varies by ±20 %.
	Interval time.Duration
	// First is the wait before the first booking (default Interval/4).
	First time.Duration
	// Seed makes the feed deterministic: the same Seed and clock give the same
	// reservations, numbers, mails and failures. Reservation numbers derive
	// from it too, so give each demo session its own (e.g. the start time).
	Seed int64
	Now  func() time.Time // default time.Now
	// Location of the salon (default time.Local).
	Location *time.Location

	DaysAhead int           // bookings start within this many days (default 14)
	MinLead   time.Duration // no booking starts sooner than this (default 1 h)
	Grid      time.Duration // start times on this grid from opening (default 30 min)

	WebAddr  string // listen address of the web double (default 127.0.0.1:0)
	IMAPAddr string // listen address of the mailbox (default 127.0.0.1:0)

	// OnEvent is told about every reservation fed, after its mail is in the
	// mailbox, on the feed's goroutine. It must not call Demo.Next.
	OnEvent func(FeedEvent)
}

func (c Config) withDefaults() Config {
	if c.Interval == 0 {
		c.Interval = time.Minute
	}
	if c.First <= 0 {
		c.First = c.Interval / 4
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Location == nil {
		c.Location = time.Local
	}
	if c.Hours == nil {
		c.Hours = func(day time.Time) (time.Time, time.Time, bool) {
			return day.Add(10 * time.Hour), day.Add(20 * time.Hour), false
		}
	}
	if c.DaysAhead <= 0 {
		c.DaysAhead = 14
	}
	if c.MinLead <= 0 {
		c.MinLead = time.Hour
	}
	if c.Grid <= 0 {
		c.Grid = 30 * time.Minute
	}
	if c.WebAddr == "" {
		c.WebAddr = "127.0.0.1:0"
	}
	if c.IMAPAddr == "" {
		c.IMAPAddr = "127.0.0.1:0"
	}
	if len(c.Coupons) == 0 {
		c.Coupons = defaultCoupons
	}
	if len(c.UnknownCoupons) == 0 {
		c.UnknownCoupons = defaultUnknownCoupons
	}
	c.Staff = append([]Staff(nil), c.Staff...)
	for i := range c.Staff {
		if c.Staff[i].Capacity <= 0 {
			c.Staff[i].Capacity = 1
		}
	}
	return c
}

// defaultCoupons are synthetic キレイ coupons, as the double's synthetic
// reservations use.
var defaultCoupons = []Coupon{
	{Name: "[新規]まつげエクステ120本 ¥4,980", Minutes: 90},
	{Name: "[全員]ワンカラージェル ¥5,500", Minutes: 60},
	{Name: "[再来]うるおいフェイシャル60分 ¥7,700", Minutes: 60},
	{Name: "[全員]リラクゼーション45分 ¥4,400", Minutes: 45},
}

// defaultUnknownCoupons look like HPB coupons a salon forgot to set up locally.
var defaultUnknownCoupons = []string{
	"【期間限定】ヘッドスパ＋眉カット ¥6600",
	"【平日限定】カット＋髪質改善トリートメント ¥12100⇒¥7980",
	"【春の感謝祭】ハンドジェル＋まつげパーマ ¥9900",
}

// worksOn reports whether s works on t's weekday.
func (s Staff) worksOn(t time.Time) bool {
	if s.WorkDays == "" {
		return true
	}
	wd := byte('0' + int(t.Weekday()))
	for i := 0; i < len(s.WorkDays); i++ {
		if s.WorkDays[i] == wd {
			return true
		}
	}
	return false
}
