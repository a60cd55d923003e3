package sbdouble

import (
	"fmt"
	"sort"
	"time"
)

// The double's in-memory SALON BOARD: staff, equipment, reservations and
// to-do blocks of one synthetic salon. Nothing here is a real customer.

// Status codes, as in the reservation list's reserveDispStatusCdArray.
const (
	StatusPending        = 1
	StatusWaiting        = 2
	StatusInTreatment    = 3
	StatusAwaitingVisit  = 4
	StatusDone           = 5
	StatusRefused        = 6
	StatusCustomerCancel = 7
	StatusSalonCancel    = 8
	StatusNoShow         = 9
	StatusAutoCancel     = 10
	StatusPaid           = 11
)

var statusNames = map[int]string{
	1: "仮予約確定待ち", 2: "受付待ち", 3: "施術中", 4: "来店処理待ち", 5: "済み", 11: "会計済み",
	6: "お断り", 7: "お客様キャンセル", 8: "サロンキャンセル", 9: "無断キャンセル", 10: "自動キャンセル",
}

func cancelled(status int) bool { return status >= StatusRefused && status <= StatusAutoCancel }

// Route ids (rsvRouteId).
const (
	RoutePhoneOwn = "K000000001" // 電話(自社)
	RoutePhoneHPB = "K000000002" // 電話(HOT PEPPER Beauty)
	RouteHPB      = "K000000003" // HOT PEPPER Beauty
	RoutePonpare  = "K000000004" // ポンパレ
	RouteWalkIn   = "K000000005" // 直接来店
)

// routeText is what the list's 予約経路 column shows.
var routeText = map[string]string{
	RoutePhoneOwn: "電話予約", RoutePhoneHPB: "電話予約（HPB）", RouteHPB: "ネット予約",
	RoutePonpare: "ポンパレ", RouteWalkIn: "直接来店",
}

// Staff is a staff member (id W…).
type Staff struct {
	ID       string
	Name     string
	Capacity int // 受付可能数
}

// Equipment is a bed, chair or room (id EQ…).
type Equipment struct {
	ID   string
	Name string
}

// Reservation is one booking as SALON BOARD holds it.
type Reservation struct {
	ID                 string // B[C-F]+8 digits (net) or YG+8 digits (ext); assigned when empty
	Start, End         time.Time
	Status             int    // Status*; 0 means 受付待ち
	RouteID            string // Route*; HPB and ポンパレ make net reservations
	KanaSei, KanaMei   string
	KanjiSei, KanjiMei string
	Phone              string
	CustomerNo         string // お客様番号 (phone and walk-in reservations)
	StaffID            string
	Designated         bool
	EquipmentID        string
	Menu               []string
	MenuCategories     []string // schedule icon labels, e.g. まつげ
	Coupon             string
	Memo               string
	Total, Points      int
	Prepaid            bool
	NewCustomer        bool
	// DetailBroken makes its detail page fail (503): a re-read that cannot succeed, as
	// when SALON BOARD times out, so that the app leaves it for transcription by hand.
	DetailBroken bool
	Received     time.Time
}

// Net reports whether the reservation came through HOT PEPPER Beauty.
func (r Reservation) Net() bool { return len(r.ID) > 0 && r.ID[0] == 'B' }

// ToDo is a break, shift or day off in a staff (or equipment) row.
type ToDo struct {
	StaffID     string
	EquipmentID string
	Title       string // 休憩, 休日, …
	Start, End  time.Time
	DayOff      bool
}

// state is guarded by Double.mu.
type state struct {
	staff     []Staff
	equipment []Equipment
	res       map[string]*Reservation
	todos     []ToDo
	seq       int
	stamp     time.Time // rlastupdate: moves on every change
	cat       catalogue // the menus and coupons the write forms offer
}

func newState() *state {
	return &state{
		staff: []Staff{
			{ID: "W000000101", Name: "佐藤 美咲", Capacity: 1},
			{ID: "W000000102", Name: "鈴木 彩", Capacity: 1},
			{ID: "W000000103", Name: "高橋 ゆり", Capacity: 2},
		},
		equipment: []Equipment{
			{ID: "EQ00000001", Name: "ベッド1"},
			{ID: "EQ00000002", Name: "ベッド2"},
		},
		res: map[string]*Reservation{},
		seq: 10000000,
		cat: newCatalogue(),
	}
}

// nextID numbers reservations: net ones cycle through BC…BF.
func (s *state) nextID(net bool) string {
	s.seq++
	if net {
		return fmt.Sprintf("B%c%08d", "CDEF"[s.seq%4], s.seq)
	}
	return fmt.Sprintf("YG%08d", s.seq)
}

func (s *state) touch(now time.Time) {
	now = now.Truncate(time.Second)
	if !now.After(s.stamp) {
		now = s.stamp.Add(time.Second)
	}
	s.stamp = now
}

func (s *state) sorted() []Reservation { return s.sortedWhere(nil) }

// sortedWhere is sorted for the reservations keep accepts (nil: all): the
// filter runs before the copy and the sort, which matters for a salon of
// thousands of reservations whose schedule shows one day.
func (s *state) sortedWhere(keep func(*Reservation) bool) []Reservation {
	out := make([]Reservation, 0, len(s.res))
	for _, r := range s.res {
		if keep == nil || keep(r) {
			out = append(out, *r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Start.Equal(out[j].Start) {
			return out[i].Start.Before(out[j].Start)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func (s *state) staffByID(id string) (Staff, bool) {
	for _, st := range s.staff {
		if st.ID == id {
			return st, true
		}
	}
	return Staff{}, false
}

func (s *state) equipmentByID(id string) (Equipment, bool) {
	for _, e := range s.equipment {
		if e.ID == id {
			return e, true
		}
	}
	return Equipment{}, false
}

// AddReservation stores r and returns its number (assigned when r.ID is
// empty: B… for HPB and ポンパレ routes, YG… otherwise).
func (d *Double) AddReservation(r Reservation) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if r.RouteID == "" {
		r.RouteID = RouteHPB
	}
	if r.ID == "" {
		r.ID = d.st.nextID(r.RouteID == RouteHPB || r.RouteID == RoutePonpare)
	}
	if r.Status == 0 {
		r.Status = StatusWaiting
	}
	if r.End.IsZero() {
		r.End = r.Start.Add(time.Hour)
	}
	if r.Received.IsZero() {
		r.Received = d.now()
	}
	if r.StaffID == "" && len(d.st.staff) > 0 {
		r.StaffID = d.st.staff[0].ID
	}
	cp := r
	d.st.res[r.ID] = &cp
	d.st.touch(d.now())
	return r.ID
}

// ChangeReservation edits a stored reservation in place.
func (d *Double) ChangeReservation(id string, edit func(*Reservation)) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	r, ok := d.st.res[id]
	if !ok {
		return fmt.Errorf("sbdouble: no reservation %s", id)
	}
	edit(r)
	r.ID = id
	d.st.touch(d.now())
	return nil
}

// CancelReservation gives a reservation a cancel status (7 お客様キャンセル
// when status is 0). Cancelled rows stay in the list, as on the real site.
func (d *Double) CancelReservation(id string, status int) error {
	if status == 0 {
		status = StatusCustomerCancel
	}
	return d.ChangeReservation(id, func(r *Reservation) { r.Status = status })
}

// RemoveReservation deletes a reservation entirely (a silently discarded
// write, for the outbound tests).
func (d *Double) RemoveReservation(id string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.st.res, id)
	d.st.touch(d.now())
}

// Reservation returns a stored reservation.
func (d *Double) Reservation(id string) (Reservation, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	r, ok := d.st.res[id]
	if !ok {
		return Reservation{}, false
	}
	return *r, true
}

// Reservations returns every reservation, by start then number.
func (d *Double) Reservations() []Reservation {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.st.sorted()
}

// Staff returns the staff list.
func (d *Double) Staff() []Staff {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Staff(nil), d.st.staff...)
}

// SetStaff replaces the staff list.
func (d *Double) SetStaff(staff []Staff) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.st.staff = append([]Staff(nil), staff...)
	d.st.touch(d.now())
}

// Equipment returns the equipment list.
func (d *Double) Equipment() []Equipment {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Equipment(nil), d.st.equipment...)
}

// SetEquipment replaces the equipment list.
func (d *Double) SetEquipment(eq []Equipment) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.st.equipment = append([]Equipment(nil), eq...)
	d.st.touch(d.now())
}

// AddToDo adds a break, shift or day off.
func (d *Double) AddToDo(t ToDo) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.st.todos = append(d.st.todos, t)
	d.st.touch(d.now())
}

// LastUpdate is the current rlastupdate stamp (YYYYMMDDHHmmss).
func (d *Double) LastUpdate() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.st.stamp.Format("20060102150405")
}
