package app_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"strconv"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
)

// deletionFixture: 山田 with a past, a today, a future and a cancelled future reservation,
// an active and an ended plan, a sale and a payment; 田中 with a future reservation.
type deletionFixture struct {
	*outboxFixture
	yamada, tanaka, kogito              int64
	past, today, future, gone, tanakaRv data.Reservation
}

func newDeletionFixture(t *testing.T) *deletionFixture {
	t.Helper()
	f := &deletionFixture{outboxFixture: newOutboxFixture(t)}
	f.yamada, f.tanaka, f.kogito = f.ids.Customers["ヤマダ　ハナコ"], f.ids.Customers["タナカ　イチロウ"], f.ids.Customers["コギト　テスト"]
	if _, err := f.app.SaveCustomer(f.ctx, app.CustomerInput{ID: f.yamada, Name: "山田 花子", Kana: "ヤマダ　ハナコ",
		Phone: "090-1111-2222", Email: "hanako.yamada@example.jp", Birthday: "1988-07-15",
		Memo: "カラー剤アレルギー注意ZQX"}); err != nil {
		t.Fatal(err)
	}
	book := func(cust int64, day, hhmm string) data.Reservation {
		t.Helper()
		f.clock.Set(datatest.At("2026-11-01", "09:00")) // booked earlier, so past days may be booked
		defer f.clock.Set(datatest.At("2026-11-20", "09:00"))
		r, err := f.app.SaveReservation(f.ctx, app.ReservationInput{CustomerID: cust, Start: datatest.At(day, hhmm),
			StaffID: f.ids.Staff["佐藤"], Route: data.RoutePhone, MenuIDs: []int64{f.ids.Menus["前髪カット"]},
			Memo: "山田様 ご紹介"})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	f.past = book(f.yamada, "2026-11-10", "10:00")
	f.today = book(f.yamada, "2026-11-20", "15:00")
	f.future = book(f.yamada, "2026-11-22", "11:00")
	f.gone = book(f.yamada, "2026-11-23", "11:00")
	f.tanakaRv = book(f.tanaka, "2026-12-01", "10:00")
	if err := f.app.CancelReservation(f.ctx, f.gone.ID, false); err != nil {
		t.Fatal(err)
	}
	err := f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`INSERT INTO plans (id, name, price) VALUES (1, '通い放題', 9800)`,
			`INSERT INTO contracts (customer_id, plan_id, started_on, status, created_at) VALUES (?, 1, '2026-10-01', 'active', '2026-10-01 10:00:00')`,
			`INSERT INTO contracts (customer_id, plan_id, started_on, ended_on, status, created_at) VALUES (?, 1, '2026-01-01', '2026-03-31', 'ended', '2026-01-01 10:00:00')`,
			`INSERT INTO payments (customer_id, received_at, amount, source) VALUES (?, '2026-10-01 10:00:00', 9800, 'smaregi')`,
		} {
			args := []any{f.yamada}
			if q[12] == 'p' && q[13] == 'l' { // plans: no customer
				args = nil
			}
			if _, err := tx.ExecContext(f.ctx, q, args...); err != nil {
				return err
			}
		}
		return data.InsertSale(f.ctx, tx, &data.Sale{ReservationID: f.past.ID, CustomerID: f.yamada,
			SoldAt: datatest.At("2026-11-10", "11:00"), Amount: 1000, Method: "cash"})
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *deletionFixture) status(t *testing.T, id int64) data.Status {
	t.Helper()
	v, err := data.GetReservation(f.ctx, f.store.Reader(), id)
	if err != nil {
		t.Fatal(err)
	}
	return v.Status
}

func (f *deletionFixture) cancelJobs(t *testing.T, r data.Reservation) int {
	t.Helper()
	jobs, err := data.ListJobs(f.ctx, f.store.Reader(), "reservation:"+itoa(r.ID))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, j := range jobs {
		if j.Kind == salonboard.JobCancel {
			n++
		}
	}
	return n
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// The confirmation names exactly the customers with a 予約中 reservation on a future day
// or an active plan: today's, past and cancelled reservations and ended plans do not count.
func TestCheckDeletionNamesAffectedCustomers(t *testing.T) {
	f := newDeletionFixture(t)
	chk, err := f.app.CheckDeletion(f.ctx, []int64{f.yamada, f.tanaka, f.kogito})
	if err != nil {
		t.Fatal(err)
	}
	if chk.Count != 3 || len(chk.Affected) != 2 {
		t.Fatalf("check = %+v, want 3 customers, 2 affected", chk)
	}
	y, ta := chk.Affected[0], chk.Affected[1]
	if y.Customer.ID != f.yamada || y.Bookings != 1 || y.ActivePlans != 1 {
		t.Fatalf("山田 = %+v, want 1 future booking (not today's, past or cancelled) and 1 active plan", y)
	}
	if ta.Customer.ID != f.tanaka || ta.Bookings != 1 || ta.ActivePlans != 0 {
		t.Fatalf("田中 = %+v", ta)
	}
	if _, err := f.app.CheckDeletion(f.ctx, nil); app.ErrorKey(err) != "customers.error.none_selected" {
		t.Fatalf("empty selection: %v", err)
	}
}

// Deleting cancels future bookings (one SALON BOARD cancel each, never two), ends plans,
// keeps totals, hides the customers from every search, and erases their strings from the
// database file and its WAL.
func TestDeleteCustomersCascadeAndErase(t *testing.T) {
	f := newDeletionFixture(t)
	salesBefore, countBefore, err := data.SalesTotal(f.ctx, f.store.Reader(), datatest.At("2026-01-01", "00:00"), datatest.At("2027-01-01", "00:00"))
	if err != nil {
		t.Fatal(err)
	}
	if !inFiles(t, f.store, "hanako.yamada@example.jp") {
		t.Fatal("the e-mail is not in the files before deletion: the erase check below would prove nothing")
	}
	n, err := f.app.DeleteCustomers(f.ctx, []int64{f.yamada, f.tanaka})
	if err != nil || n != 2 {
		t.Fatalf("deleted %d, %v", n, err)
	}
	for r, want := range map[int64]data.Status{f.future.ID: data.StatusCancelled, f.tanakaRv.ID: data.StatusCancelled,
		f.today.ID: data.StatusWaiting, f.past.ID: data.StatusWaiting, f.gone.ID: data.StatusCancelled} {
		if got := f.status(t, r); got != want {
			t.Errorf("reservation %d: %s, want %s", r, got, want)
		}
	}
	if f.cancelJobs(t, f.future) != 1 || f.cancelJobs(t, f.tanakaRv) != 1 || f.cancelJobs(t, f.today) != 0 || f.cancelJobs(t, f.gone) != 1 {
		t.Fatalf("cancel jobs: future %d, 田中 %d, today %d, cancelled before %d; want 1,1,0,1",
			f.cancelJobs(t, f.future), f.cancelJobs(t, f.tanakaRv), f.cancelJobs(t, f.today), f.cancelJobs(t, f.gone))
	}
	// Deleting again deletes nothing and queues nothing more.
	if n, err := f.app.DeleteCustomers(f.ctx, []int64{f.yamada}); err != nil || n != 0 {
		t.Fatalf("second delete: %d, %v", n, err)
	}
	if f.cancelJobs(t, f.future) != 1 {
		t.Fatal("a second delete queued a second cancel")
	}
	ks, err := data.CustomerContracts(f.ctx, f.store.Reader(), f.yamada)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range ks {
		if k.Status != "ended" || (k.StartedOn == "2026-10-01" && k.EndedOn != "2026-11-20") || (k.StartedOn == "2026-01-01" && k.EndedOn != "2026-03-31") {
			t.Errorf("contract %+v: want ended, the active one on the deletion day", k)
		}
	}
	salesAfter, countAfter, _ := data.SalesTotal(f.ctx, f.store.Reader(), datatest.At("2026-01-01", "00:00"), datatest.At("2027-01-01", "00:00"))
	rec, _ := f.app.CustomerRecords(f.ctx, f.yamada)
	if salesAfter != salesBefore || countAfter != countBefore || rec.SalesTotal != 1000 || len(rec.Payments) != 1 {
		t.Fatalf("totals moved: %d/%d → %d/%d, anonymous reference %+v", salesBefore, countBefore, salesAfter, countAfter, rec)
	}
	list, total, err := f.app.SearchCustomers(f.ctx, data.CustomerFilter{}, 50, 0)
	if err != nil || total != 1 || list[0].ID != f.kogito {
		t.Fatalf("search after deletion: %d %+v %v", total, list, err)
	}
	if _, err := f.app.SaveCustomer(f.ctx, app.CustomerInput{ID: f.yamada, Kana: "ヤマダ"}); app.ErrorKey(err) != "customers.error.gone" {
		t.Fatalf("saving a deleted customer: %v", err)
	}
	assertErased(t, f.store, "山田 花子", "ヤマダ　ハナコ", "090-1111-2222", "hanako.yamada@example.jp", "1988-07-15",
		"カラー剤アレルギー注意ZQX", "山田様 ご紹介", "田中 一郎", "03-3333-4444")
}

// inFiles reports whether str's bytes are in the database file or its -wal.
func inFiles(t *testing.T, s *data.Store, str string) bool {
	t.Helper()
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(s.Path() + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(str)) {
			return true
		}
	}
	return false
}

// assertErased searches the database file and its -wal for each string's bytes.
func assertErased(t *testing.T, s *data.Store, strs ...string) {
	t.Helper()
	for _, str := range strs {
		if inFiles(t, s, str) {
			t.Errorf("%q is still in the database file or its WAL", str)
		}
	}
}

// Merging moves everything to the kept customer and erases the other.
func TestMergeCustomers(t *testing.T) {
	f := newDeletionFixture(t)
	ctx := context.Background()
	dup, err := f.app.SaveCustomer(ctx, app.CustomerInput{Name: "山田花子", Kana: "やまだ　はなこ", Phone: "09011112222",
		Memo: "旧カルテZQW"})
	if err != nil {
		t.Fatal(err)
	}
	err = f.store.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO external_ids (system, kind, local_id, external_id) VALUES
			('smaregi', 'customer', ?, 'S-77'), ('salonboard', 'customer', ?, 'SB-1'), ('salonboard', 'customer', ?, 'SB-2')`,
			dup.ID, dup.ID, f.yamada)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := f.app.LikelyDuplicates(ctx)
	if err != nil || len(pairs) != 1 || pairs[0].A.ID != f.yamada || pairs[0].B.ID != dup.ID || pairs[0].Reason != "phone" {
		t.Fatalf("duplicates = %+v, %v", pairs, err)
	}
	kept, err := f.app.MergeCustomers(ctx, f.yamada, dup.ID)
	if err != nil {
		t.Fatal(err)
	}
	if kept.Memo != "カラー剤アレルギー注意ZQX\n旧カルテZQW" {
		t.Fatalf("memo %q", kept.Memo)
	}
	var links []string
	rows, _ := f.store.Reader().QueryContext(ctx, `SELECT system || ':' || external_id FROM external_ids WHERE local_id = ? ORDER BY 1`, f.yamada)
	for rows.Next() {
		var s string
		rows.Scan(&s)
		links = append(links, s)
	}
	rows.Close()
	if len(links) != 2 || links[0] != "salonboard:SB-2" || links[1] != "smaregi:S-77" {
		t.Fatalf("links %v: want the kept SALON BOARD id and the moved Smaregi id", links)
	}
	if _, err := data.GetCustomer(ctx, f.store.Reader(), dup.ID); err != data.ErrNotFound {
		t.Fatalf("the merged customer is still there: %v", err)
	}
	if pairs, _ := f.app.LikelyDuplicates(ctx); len(pairs) != 0 {
		t.Fatalf("duplicates after merge: %+v", pairs)
	}
	if _, err := f.app.MergeCustomers(ctx, f.yamada, f.yamada); app.ErrorKey(err) != "customers.error.merge_same" {
		t.Fatal(err)
	}
}

// Deleting a customer whose future reservation came from HOT PEPPER Beauty: the desk cannot
// cancel it in SALON BOARD (its forms were never captured), yet the deletion must not stop
// there. The reservation is cancelled here, no job is queued, and one お知らせ asks staff to
// cancel it in SALON BOARD.
func TestDeleteCustomerWithHPBReservationAsksForManualCancel(t *testing.T) {
	f := newOutboxFixture(t)
	cust := f.ids.Customers["タナカ　イチロウ"]
	start := datatest.At("2026-11-25", "11:00")
	var rid int64
	err := f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(f.ctx, `INSERT INTO reservations (number, sb_number, received_at, start_at, end_at,
			customer_id, route, status, created_at, updated_at) VALUES (900001, 'BE90000001', '2026-11-01 09:00',
			?, ?, ?, 'hpb', 'waiting', '2026-11-01 09:00:00', '2026-11-01 09:00:00')`,
			data.FormatTime(start), data.FormatTime(start.Add(time.Hour)), cust)
		if err != nil {
			return err
		}
		rid, err = res.LastInsertId()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The desk's own 取消 of it is refused…
	if err := f.app.CancelReservation(f.ctx, rid, false); app.ErrorKey(err) != "sync.hpb.desk_change_refused" {
		t.Fatalf("desk cancel of an HPB reservation: %v", err)
	}
	// …but deleting the customer goes through.
	if n, err := f.app.DeleteCustomers(f.ctx, []int64{cust}); err != nil || n != 1 {
		t.Fatalf("delete: %d %v", n, err)
	}
	v, err := f.app.Reservation(f.ctx, rid)
	if err != nil || v.Status != data.StatusCancelled {
		t.Fatalf("reservation after deletion: %+v %v", v.Status, err)
	}
	jobs, err := data.ListJobs(f.ctx, f.store.Reader(), app.RefReservation(rid))
	if err != nil || len(jobs) != 0 {
		t.Fatalf("jobs for an HPB reservation: %+v %v", jobs, err)
	}
	ns, err := data.ListNotifications(f.ctx, f.store.Reader(), 100)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, n := range ns {
		if n.Reason == data.ReasonCancelInSB && n.ReservationNo == "BE90000001" && n.Direction == data.DirAppToSB {
			found++
		}
	}
	if found != 1 {
		t.Fatalf("%d notifications asking to cancel BE90000001 in SALON BOARD: %+v", found, ns)
	}
}
