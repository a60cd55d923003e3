package smaregi_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"salondesk/app"
	appsm "salondesk/app/smaregi"
	"salondesk/data"
	"salondesk/sync/smaregi/smaregidouble"
)

// Customers created and edited at the desk reach Smaregi once each, under their own id,
// with the edit's values; a deleted one is deleted there.
func TestCustomersGoOutOnceEachUnderTheirOwnID(t *testing.T) {
	f := newFixture(t)
	a := f.customer("山田 花子", "やまだ はなこ")
	b := f.customer("佐藤 次郎", "サトウ ジロウ")
	if _, err := f.app.SaveCustomer(f.ctx, app.CustomerInput{ID: a.ID, Name: "山田 華子", Kana: "ヤマダ ハナコ",
		Phone: "03-1111-2222"}); err != nil {
		t.Fatal(err)
	}
	f.drain()
	got := f.double.Customers()
	var mine int
	for _, c := range []int64{a.ID, b.ID} {
		if _, ok := got[strconv.FormatInt(c, 10)]; ok {
			mine++
		}
	}
	if mine != 2 {
		t.Fatalf("Smaregi holds %v, want customers %d and %d", got, a.ID, b.ID)
	}
	row := got[strconv.FormatInt(a.ID, 10)]
	if row["lastName"] != "山田" || row["firstName"] != "華子" || row["lastKana"] != "ヤマダ" || row["phoneNumber"] != "0311112222" {
		t.Fatalf("edited row %v", row)
	}
	if n := f.count("external_ids", "system='smaregi' AND kind='customer'"); n != 2 {
		t.Fatalf("%d mappings, want 2", n)
	}
	// Deleting: the other helper's use case calls the hook the same way.
	err := f.app.Update(f.ctx, func(tx *app.Tx) error {
		if _, err := tx.Q().ExecContext(f.ctx, `DELETE FROM customers WHERE id = ?`, b.ID); err != nil {
			return err
		}
		return tx.CustomerChanging(app.CustomerChange{Kind: app.CustomerDeleted, Customer: b})
	})
	if err != nil {
		t.Fatal(err)
	}
	f.drain()
	if _, ok := f.double.Customers()[strconv.FormatInt(b.ID, 10)]; ok {
		t.Fatal("the deleted customer is still in Smaregi")
	}
}

// A field Smaregi would refuse is told in お知らせ with the Japanese reason, and the job
// is not retried.
func TestRefusedCustomerIsToldNotRetried(t *testing.T) {
	f := newFixture(t)
	f.customer("山田", "ヤマダ") // no 名: Smaregi requires it
	f.drain()
	f.clock.Add(time.Hour)
	f.drain()
	if n := f.count("notifications", "reason = ? AND detail LIKE '%名%'", appsm.ReasonRefused); n != 1 {
		t.Fatalf("%d refusal notices, want 1", n)
	}
	if n := f.double.Requests("customer_upd"); n != 0 {
		t.Fatalf("%d requests for a refused row", n)
	}
}

// Imported customers are not queued by themselves; the bulk send sends 10,000 in at most
// 100 requests, and an interrupted send resumes without doubles.
func TestSendImportedInBatchesResumable(t *testing.T) {
	f := newFixture(t)
	f.imported(10000)
	if n := f.count("outbox_jobs", "1"); n != 0 {
		t.Fatalf("%d jobs queued for imported customers", n)
	}
	ctx, cancel := context.WithCancel(f.ctx)
	err := f.room.SendImported(ctx, f.client, func(done, total int) {
		if done >= 4000 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted send: %v", err)
	}
	half := len(f.double.Customers())
	var last [2]int
	if err := f.room.SendImported(f.ctx, f.client, func(done, total int) { last = [2]int{done, total} }); err != nil {
		t.Fatal(err)
	}
	if got := len(f.double.Customers()); got != 10000 || half < 4000 || half >= 10000 {
		t.Fatalf("Smaregi holds %d (after the interruption %d), want 10000", got, half)
	}
	if n := f.double.Requests("customer_upd"); n > 100 {
		t.Fatalf("%d requests for 10,000 customers", n)
	}
	if last[0] != last[1] || last[1] != 10000-half {
		t.Fatalf("progress ended at %v", last)
	}
	// Once sent, an edit of an imported customer goes by itself like any other.
	var id int64
	_ = f.store.Reader().QueryRowContext(f.ctx, `SELECT MIN(id) FROM customers WHERE origin='imported'`).Scan(&id)
	if _, err := f.app.SaveCustomer(f.ctx, app.CustomerInput{ID: id, Name: "取込 花子", Kana: "トリコミ ハナコ"}); err != nil {
		t.Fatal(err)
	}
	if n := f.count("outbox_jobs", "kind = ?", appsm.JobCustomerUpsert); n != 1 {
		t.Fatalf("%d jobs for an edited, already sent imported customer", n)
	}
}

// Error 23 (function switched off) stops every job with one お知らせ and no retries;
// after a successful 接続テスト they are sent.
func TestFunctionDisabledOneNoticeNoStorm(t *testing.T) {
	f := newFixture(t)
	f.double.Disable("customer_upd")
	for _, n := range []string{"一 太郎", "二 次郎", "三 三郎"} {
		f.customer(n, "テスト タロウ")
	}
	f.drain()
	for range 6 {
		f.clock.Add(10 * time.Minute)
		f.drain()
	}
	if n := f.double.Requests("customer_upd"); n != 3 {
		t.Fatalf("%d requests, want one per job and no retry", n)
	}
	if n := f.count("notifications", "resolved_at = '' AND direction = ?", data.DirAppToSmaregi); n != 1 {
		t.Fatalf("%d notifications, want one", n)
	}
	f.double.Enable("customer_upd")
	if err := f.room.Check(f.ctx, f.client); err != nil {
		t.Fatal(err)
	}
	f.drain()
	if n := len(f.double.Customers()); n != 3 {
		t.Fatalf("after 接続テスト Smaregi holds %d, want 3", n)
	}
	if n := f.count("notifications", "resolved_at = '' AND direction = ?", data.DirAppToSmaregi); n != 0 {
		t.Fatalf("%d notifications still open", n)
	}
}

// Smaregi unreachable for an hour of fake time: nothing fails, and afterwards every job
// is sent once.
func TestUnreachableForAnHourThenSentOnce(t *testing.T) {
	f := newFixture(t)
	f.double.Inject(smaregidouble.Fault{Proc: "customer_upd", Drop: true, Times: -1})
	var ids []int64
	for _, n := range []string{"一 太郎", "二 次郎", "三 三郎", "四 四郎"} {
		ids = append(ids, f.customer(n, "テスト タロウ").ID)
	}
	for range 12 {
		f.drain()
		f.clock.Add(5 * time.Minute)
	}
	if n := f.count("outbox_jobs", "state = 'failed'"); n != 0 {
		t.Fatalf("%d jobs failed while offline", n)
	}
	f.double.ClearFaults()
	before := f.double.Requests("customer_upd")
	f.clock.Add(10 * time.Minute)
	f.drain()
	if n := f.double.Requests("customer_upd") - before; n != len(ids) {
		t.Fatalf("%d requests after the outage, want %d", n, len(ids))
	}
	if n := len(f.double.Customers()); n != len(ids) {
		t.Fatalf("Smaregi holds %d, want %d", n, len(ids))
	}
}
