package masters

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
	"salondesk/ui/internal/uitest"
)

// openCustomer shows the customer screen with this customer's page open.
func openCustomer(t *testing.T, f *fixture, id int64) *customerDetail {
	t.Helper()
	s := newCustomerScreen(f.a, f.win, nil)
	f.show(s.view)
	for i, c := range s.rows {
		if c.ID == id {
			s.table.Select(widget.TableCellID{Row: i, Col: 1})
		}
	}
	if s.detail.c.ID != id {
		t.Fatal("the customer's page did not open")
	}
	return s.detail
}

// The form of 「契約を追加」 on top of the window.
func contractDialog(t *testing.T, d *customerDetail) *contractForm {
	t.Helper()
	test.Tap(d.records.addBtn)
	if f := d.records.form; f != nil && f.dlg != nil {
		return f
	}
	t.Fatal("契約を追加 opened no form")
	return nil
}

// Without a plan in the master the page says where to register one; nothing is added.
func TestAddContractNeedsAPlan(t *testing.T) {
	f := newFixture(t)
	d := openCustomer(t, f, f.salon.Customers["ヤマダ　ハナコ"])
	test.Tap(d.records.addBtn)
	uitest.MustContain(t, "dialog", uitest.TakeDialog(f.win), "先にマスタ管理の「定額プラン」でプランを登録してください。")
	if n := f.count(t, "contracts"); n != 0 {
		t.Fatalf("contracts = %d", n)
	}
}

// A 回数券 without its visits, a start day that is no day and a missing plan are refused
// with Japanese messages and the form stays open; then a 回数券 of 6 visits and a 定額プラン
// are added, listed on the page and offered to 会計.
func TestAddContractFromCustomerPage(t *testing.T) {
	f := newFixture(t)
	ctx := bg()
	course := data.Plan{Name: "全身脱毛6回コース", Price: 66000, PaymentMethod: data.PaymentLump, Active: true}
	monthly := data.Plan{Name: "毎月カット定額プラン", Price: 5500, PaymentMethod: data.PaymentRecurring, VisitsPerMonth: 1, Active: true}
	for _, p := range []*data.Plan{&course, &monthly} {
		if err := f.a.SavePlan(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	yamada := f.salon.Customers["ヤマダ　ハナコ"]
	d := openCustomer(t, f, yamada)
	uitest.MustContain(t, "records", uitest.AllTexts(d.records.view), "なし")

	k := contractDialog(t, d)
	if k.start.Text != "2026/11/01" || !k.visits.Disabled() {
		t.Fatalf("start %q, visits enabled for a 定額プラン", k.start.Text)
	}
	test.Tap(uitest.Button(t, uitest.TopOverlay(f.win), "追加する"))
	uitest.MustContain(t, "dialog", uitest.TakeDialog(f.win), "プランを選択してください。")
	k.kind.SetValue(data.ContractTicket)
	k.plan.SetID(course.ID)
	if k.visits.Disabled() {
		t.Fatal("回数 is off for a 回数券")
	}
	for _, c := range []struct{ visits, start, key string }{
		{"", "2026/11/01", "checkout.error.contract_visits"},
		{"0", "2026/11/01", "checkout.error.contract_visits"},
		{"六", "2026/11/01", "error.number_invalid"},
		{"６", "2026/13/01", "checkout.error.contract_start"},
	} {
		uitest.Retype(k.visits, c.visits)
		uitest.Retype(k.start, c.start)
		test.Tap(uitest.Button(t, uitest.TopOverlay(f.win), "追加する"))
		f.wantDialog(t, c.key)
		if n := f.count(t, "contracts"); n != 0 {
			t.Fatalf("visits %q start %q added a contract", c.visits, c.start)
		}
	}
	uitest.Retype(k.start, "２０２６/１１/１")
	test.Tap(uitest.Button(t, uitest.TopOverlay(f.win), "追加する"))
	f.noDialog(t)

	k = contractDialog(t, d)
	k.plan.SetID(monthly.ID)
	test.Tap(uitest.Button(t, uitest.TopOverlay(f.win), "追加する"))
	f.noDialog(t)

	shown := uitest.AllTexts(d.records.contracts)
	for _, want := range []string{"全身脱毛6回コース（回数券 残り6回）　2026/11/01〜　契約中", "毎月カット定額プラン　2026/11/01〜　契約中"} {
		if !strings.Contains(shown, want) {
			t.Fatalf("page shows %q, want %q", shown, want)
		}
	}
	cs, err := f.a.Contracts(ctx, yamada)
	if err != nil || len(cs) != 2 {
		t.Fatalf("会計 is offered %d contracts (%v)", len(cs), err)
	}
	for _, c := range cs {
		if c.Kind == data.ContractTicket && (c.Remaining == nil || *c.Remaining != 6 || c.PlanID != course.ID) {
			t.Fatalf("ticket %+v", c)
		}
		if c.Kind == data.ContractPlan && (c.Remaining != nil || c.PlanID != monthly.ID || c.StartedOn != "2026-11-01") {
			t.Fatalf("plan %+v", c)
		}
	}
}
