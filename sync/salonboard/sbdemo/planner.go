package sbdemo

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The planner decides, from the seed alone, what the feed does next. It has
// no I/O: the Demo puts its outcomes into the double and the mailbox.

// step is one turn of the feed.
type step int

const (
	stepNormal step = iota
	stepMismatch
	stepCapacity
	stepBroken
	stepOther // a change or a cancellation of an earlier booking
)

// deck holds one of each failure among seven turns, so that each fails about
// one time in six or seven and a short demo session sees all three.
var deck = []step{stepNormal, stepNormal, stepNormal, stepMismatch, stepCapacity, stepBroken, stepOther}

// booking is a reservation the feed made.
type booking struct {
	number     string
	start, end time.Time
	staff      *Staff // designated staff; nil for 指名なし
	rowStaffID string // the double's staff row (SALON BOARD assigns one anyway)
	coupon     string // coupon line; "" for a menu booking
	menus      []string
	minutes    int // 0: unknown (no duration in the mail)
	price      int
	points     int
	person     person
	request    string
	failure    Failure
	cancelled  bool
}

// outcome is one mail to send.
type outcome struct {
	b        *booking
	kind     Kind
	failure  Failure // of this mail (a change of a normal booking is normal)
	recovers bool
	filler   bool
}

// planner is the feed's memory. Guarded by Demo.stepMu.
type planner struct {
	cfg        Config
	rng        *rand.Rand
	queue      []step
	decks      int
	bookings   []*booking
	crowd      *booking // the slot a capacity failure books into
	base       int      // reservation numbers count up from here
	serial     int
	mismatches int
	used       map[string]bool
}

func newPlanner(cfg Config) *planner {
	seed := uint64(cfg.Seed)
	return &planner{
		cfg:  cfg,
		rng:  rand.New(rand.NewPCG(seed, 0x5a1094b0a7d)),
		base: 30_000_000 + int(seed%60_000_000),
		used: map[string]bool{},
	}
}

// next plans one turn at now.
func (p *planner) next(now time.Time) []outcome {
	switch p.nextStep() {
	case stepMismatch:
		return p.mismatch(now)
	case stepCapacity:
		return p.capacity(now)
	case stepBroken:
		return p.fresh(now, FailBroken)
	case stepOther:
		if out := p.other(now); out != nil {
			return out
		}
	}
	return p.fresh(now, FailNone)
}

func (p *planner) nextStep() step {
	if len(p.queue) == 0 {
		p.queue = append([]step(nil), deck...)
		p.rng.Shuffle(len(p.queue), func(i, j int) { p.queue[i], p.queue[j] = p.queue[j], p.queue[i] })
		if p.decks == 0 && p.queue[0] != stepNormal {
			// The demo's first mail simply works.
			for i, s := range p.queue {
				if s == stepNormal {
					p.queue[0], p.queue[i] = p.queue[i], p.queue[0]
					break
				}
			}
		}
		p.decks++
	}
	s := p.queue[0]
	p.queue = p.queue[1:]
	return s
}

func (p *planner) newNumber() string {
	p.serial++
	n := p.base + p.serial
	return fmt.Sprintf("B%c%08d", "CDEF"[n%4], n%100_000_000)
}

// fresh books an ordinary reservation (a broken one is ordinary in the double:
// only its mail is damaged).
func (p *planner) fresh(now time.Time, f Failure) []outcome {
	b := p.newBooking()
	if !p.place(now, b, p.rng.IntN(100) < 65, nil) {
		return nil
	}
	b.failure = f
	p.bookings = append(p.bookings, b)
	if f == FailNone && b.staff != nil {
		p.crowd = b
	}
	return []outcome{{b: b, kind: KindNew, failure: f}}
}

// newBooking picks customer, coupon or menus, and price.
func (p *planner) newBooking() *booking {
	b := &booking{number: p.newNumber(), person: newPerson(p.rng, p.used, p.serial)}
	b.request = requests[p.rng.IntN(len(requests))]
	if len(p.cfg.Menus) > 0 && p.rng.IntN(5) == 0 && p.menuBooking(b) {
		return b
	}
	c := p.cfg.Coupons[p.rng.IntN(len(p.cfg.Coupons))]
	b.coupon, b.minutes, b.price = c.Name, c.Minutes, c.Price
	b.menus = []string{menuLine(c.Name)}
	if b.price == 0 {
		b.price = priceOf(c.Name)
	}
	if p.rng.IntN(4) == 0 {
		b.points = 100 * (1 + p.rng.IntN(5))
	}
	return b
}

// menuBooking books one menu, sometimes with a zero-minute add-on.
func (p *planner) menuBooking(b *booking) bool {
	var main, addOns []Menu
	for _, m := range p.cfg.Menus {
		if m.Minutes > 0 {
			main = append(main, m)
		} else {
			addOns = append(addOns, m)
		}
	}
	if len(main) == 0 {
		return false
	}
	m := main[p.rng.IntN(len(main))]
	b.menus, b.minutes, b.price = []string{m.Name}, m.Minutes, m.Price
	if len(addOns) > 0 && p.rng.IntN(3) == 0 {
		a := addOns[p.rng.IntN(len(addOns))]
		b.menus = append(b.menus, a.Name)
		b.price += a.Price
	}
	return true
}

// mismatch books a coupon nobody set up locally. The first one is the one
// that recovers by itself through the web re-read.
func (p *planner) mismatch(now time.Time) []outcome {
	b := p.newBooking()
	name := p.cfg.UnknownCoupons[p.mismatches%len(p.cfg.UnknownCoupons)]
	b.coupon, b.menus, b.price = name, []string{menuLine(name)}, priceOf(name)
	b.minutes = 60 + 30*p.rng.IntN(2)
	if !p.place(now, b, p.rng.IntN(2) == 0, nil) {
		return nil
	}
	b.failure = FailMismatch
	p.mismatches++
	p.bookings = append(p.bookings, b)
	return []outcome{{b: b, kind: KindNew, failure: FailMismatch, recovers: p.mismatches == 1}}
}

// capacity fills a staff member's slot to their 受付可能数 with ordinary
// bookings (usually one is there already, and Busy may say the salon's own
// bookings fill it) and books one more into it.
func (p *planner) capacity(now time.Time) []outcome {
	var out []outcome
	c := p.crowd
	if c == nil || c.cancelled || c.start.Before(now.Add(p.cfg.MinLead)) {
		c = p.newBooking()
		if !p.place(now, c, true, nil) {
			return nil
		}
		p.bookings = append(p.bookings, c)
		p.crowd = c
		out = append(out, outcome{b: c, kind: KindNew, filler: true})
	}
	for p.load(c.staff, c.start, c.end, nil) < c.staff.Capacity && !p.busy(c.staff.ID, c.start, c.end) {
		f := p.sameSlot(c)
		p.bookings = append(p.bookings, f)
		out = append(out, outcome{b: f, kind: KindNew, filler: true})
	}
	over := p.sameSlot(c)
	over.failure = FailCapacity
	p.bookings = append(p.bookings, over)
	return append(out, outcome{b: over, kind: KindNew, failure: FailCapacity})
}

// sameSlot is a new customer booking the same coupon, staff and start as c.
func (p *planner) sameSlot(c *booking) *booking {
	b := p.newBooking()
	b.coupon, b.menus, b.minutes, b.price = c.coupon, c.menus, c.minutes, c.price
	b.start, b.end, b.staff, b.rowStaffID = c.start, c.end, c.staff, c.rowStaffID
	return b
}

// other changes or cancels an earlier booking that has not started yet; nil
// when there is none.
func (p *planner) other(now time.Time) []outcome {
	if p.rng.IntN(2) == 0 {
		if out := p.change(now); out != nil {
			return out
		}
		return p.cancel(now)
	}
	if out := p.cancel(now); out != nil {
		return out
	}
	return p.change(now)
}

// change moves an ordinary booking to another slot (same staff when
// designated).
func (p *planner) change(now time.Time) []outcome {
	cands := p.upcoming(now, func(b *booking) bool { return b.failure == FailNone })
	if len(cands) == 0 {
		return nil
	}
	b := cands[p.rng.IntN(len(cands))]
	moved := *b
	var pool []Staff
	if b.staff != nil {
		pool = []Staff{*b.staff}
	}
	if !p.place(now, &moved, b.staff != nil, &placeOpts{pool: pool, skip: b}) {
		return nil
	}
	b.start, b.end, b.rowStaffID = moved.start, moved.end, moved.rowStaffID
	return []outcome{{b: b, kind: KindChange}}
}

// cancel cancels any upcoming booking, failed ones included (the app then
// has nothing left to transcribe).
func (p *planner) cancel(now time.Time) []outcome {
	cands := p.upcoming(now, func(*booking) bool { return true })
	if len(cands) == 0 {
		return nil
	}
	b := cands[p.rng.IntN(len(cands))]
	b.cancelled = true
	if p.crowd == b {
		p.crowd = nil
	}
	return []outcome{{b: b, kind: KindCancel, failure: b.failure}}
}

// upcoming lists live bookings starting after the lead time.
func (p *planner) upcoming(now time.Time, keep func(*booking) bool) []*booking {
	var out []*booking
	for _, b := range p.bookings {
		if !b.cancelled && b.start.After(now.Add(p.cfg.MinLead)) && keep(b) {
			out = append(out, b)
		}
	}
	return out
}

var (
	leadingMark  = regexp.MustCompile(`^\s*[\[［【][^\]］】]{1,12}[\]］】]\s*`)
	trailingCost = regexp.MustCompile(`\s*([¥￥]\s*[0-9,]+\s*[⇒→]\s*)?[¥￥]\s*[0-9,]+\s*円?\s*$`)
	lastYen      = regexp.MustCompile(`[¥￥]\s*([0-9,]+)\s*円?\s*$`)
)

// menuLine is what the mail's ■メニュー says for a coupon: its name without
// the target mark and price.
func menuLine(coupon string) string {
	s := trailingCost.ReplaceAllString(leadingMark.ReplaceAllString(coupon, ""), "")
	if s == "" {
		return coupon
	}
	return s
}

// priceOf reads the coupon's price (the last ¥ amount); 5,500 when it has none.
func priceOf(coupon string) int {
	m := lastYen.FindStringSubmatch(coupon)
	if m == nil {
		return 5500
	}
	n, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	if err != nil {
		return 5500
	}
	return n
}
