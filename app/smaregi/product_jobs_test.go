package smaregi_test

import (
	"strconv"
	"testing"

	"salondesk/app"
	"salondesk/app/settings"
	appsm "salondesk/app/smaregi"
	"salondesk/data"
	"salondesk/sync/smaregi/smaregidouble"
)

func (f *fixture) productJobs() {
	f.t.Helper()
	f.runner.Handle(appsm.JobProductUpsert, f.room.ProductUpsertHandler(f.client))
	f.runner.Handle(appsm.JobProductDelete, f.room.ProductDeleteHandler(f.client))
}

// Products and plans paid 一括支払 reach Smaregi's 部門ID by themselves when saved on
// クーポン・メニュー・定額プラン, once each under a stable id; 継続課金 ones never do;
// retiring, switching to 継続課金 or deleting one that was sent deletes it there.
func TestProductsAndPlansGoOutByThemselves(t *testing.T) {
	f := newFixture(t)
	f.productJobs()
	if err := f.app.SetSetting(f.ctx, settings.SmaregiDepartmentID, "12"); err != nil {
		t.Fatal(err)
	}
	ticket := &data.Product{Name: "回数券 5回", Code: "TICKET5", Price: 30000, PaymentMethod: data.PaymentLump, Active: true}
	monthly := &data.Product{Name: "月額会員", Price: 8800, PaymentMethod: data.PaymentRecurring, Active: true}
	plan := &data.Plan{Name: "年間プラン", Price: 90000, PaymentMethod: data.PaymentLump, VisitsPerMonth: 4, Active: true}
	for _, err := range []error{f.app.SaveProduct(f.ctx, ticket), f.app.SaveProduct(f.ctx, monthly), f.app.SavePlan(f.ctx, plan)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	ticket.Price = 28000
	if err := f.app.SaveProduct(f.ctx, ticket); err != nil {
		t.Fatal(err)
	}
	f.drain()
	got := f.double.Products()
	tid, pid := strconv.FormatInt(ticket.ID, 10), appsm.SmaregiPlanID(plan.ID)
	if len(got) != 2 || got[tid] == nil || got[pid] == nil {
		t.Fatalf("Smaregi holds %v, want the ticket %s and the plan %s only", got, tid, pid)
	}
	if r := got[tid]; r["price"] != "28000" || r["categoryId"] != "12" || r["productCode"] != "TICKET5" {
		t.Fatalf("ticket row %v", r)
	}
	if r := got[pid]; r["productName"] != "年間プラン" || r["categoryId"] != "12" {
		t.Fatalf("plan row %v", r)
	}
	if n := f.count("external_ids", "system='smaregi' AND kind IN ('product','plan')"); n != 2 {
		t.Fatalf("%d mappings, want 2", n)
	}

	// Switched to 継続課金 and retired / deleted: gone from Smaregi, mappings forgotten.
	ticket.PaymentMethod = data.PaymentRecurring
	if err := f.app.SaveProduct(f.ctx, ticket); err != nil {
		t.Fatal(err)
	}
	if err := f.app.DeleteMaster(f.ctx, app.TablePlans, plan.ID); err != nil {
		t.Fatal(err)
	}
	f.drain()
	if got := f.double.Products(); len(got) != 0 {
		t.Fatalf("Smaregi still holds %v", got)
	}
	if n := f.count("external_ids", "system='smaregi' AND kind IN ('product','plan')"); n != 0 {
		t.Fatalf("%d mappings left", n)
	}
}

// Without a 部門ID the jobs wait with one お知らせ and send nothing; a later save while
// Smaregi is off queues nothing.
func TestProductsWithoutDepartmentAreToldOnce(t *testing.T) {
	f := newFixture(t)
	f.productJobs()
	for i := range 3 {
		p := &data.Product{Name: "回数券 " + strconv.Itoa(i), Price: 1000, PaymentMethod: data.PaymentLump, Active: true}
		if err := f.app.SaveProduct(f.ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	f.drain()
	if n := f.double.Requests("product_upd"); n != 0 {
		t.Fatalf("%d requests without a 部門ID", n)
	}
	if n := f.count("notifications", "reason LIKE 'smaregi_config%' AND detail LIKE '%部門ID%' AND resolved_at = ''"); n != 1 {
		t.Fatalf("%d notices, want 1", n)
	}
	if err := f.app.SetSetting(f.ctx, settings.SmaregiEnabled, "0"); err != nil {
		t.Fatal(err)
	}
	before := f.count("outbox_jobs", "1=1")
	if err := f.app.SaveProduct(f.ctx, &data.Product{Name: "物販", Price: 500, PaymentMethod: data.PaymentLump, Active: true}); err != nil {
		t.Fatal(err)
	}
	if n := f.count("outbox_jobs", "1=1"); n != before {
		t.Fatalf("a save while Smaregi is off queued %d jobs", n-before)
	}
}

// A 定額プラン sent by itself and sold in Smaregi to a synced member becomes that
// customer's contract of the plan.
func TestSentPlanSoldBecomesContract(t *testing.T) {
	f := newFixture(t)
	f.productJobs()
	if err := f.app.SetSetting(f.ctx, settings.SmaregiDepartmentID, "12"); err != nil {
		t.Fatal(err)
	}
	plan := &data.Plan{Name: "年間プラン", Price: 90000, PaymentMethod: data.PaymentLump, Active: true}
	if err := f.app.SavePlan(f.ctx, plan); err != nil {
		t.Fatal(err)
	}
	member := f.customer("山田 花子", "ヤマダ ハナコ")
	f.drain()
	f.double.AddSale(smaregidouble.Sale{At: f.clock.Now(), CustomerID: appsm.SmaregiCustomerID(member.ID),
		Lines: []smaregidouble.Line{{ProductID: appsm.SmaregiPlanID(plan.ID), ProductCode: "PLAN" + strconv.FormatInt(plan.ID, 10),
			ProductName: plan.Name, CategoryID: "12", Price: 90000, Quantity: 1}}})
	if _, err := f.room.Pull(f.ctx, f.client); err != nil {
		t.Fatal(err)
	}
	if n := f.count("contracts", "customer_id = ? AND plan_id = ? AND source = 'smaregi'", member.ID, plan.ID); n != 1 {
		t.Fatalf("%d contracts of the plan, want 1", n)
	}
}
