package smaregi_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"salondesk/app"
	appsm "salondesk/app/smaregi"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// synced is a member and a lump-sum product both sent to Smaregi, and the receiver on
// loopback with an issued IDコード.
type synced struct {
	*fixture
	member  data.Customer
	product data.Product
	url     string
	token   string
}

func newSynced(t *testing.T) *synced {
	f := newFixture(t)
	s := &synced{fixture: f, member: f.customer("山田 花子", "ヤマダ ハナコ")}
	f.drain()
	plan := data.Plan{Name: "定額プラン", Price: 10000, PaymentMethod: data.PaymentLump, Active: true}
	s.product = data.Product{Name: "回数券5回", Code: "ticket5", Price: 20000, PaymentMethod: data.PaymentLump, Active: true}
	monthly := data.Product{Name: "月額", Code: "monthly", Price: 8000, PaymentMethod: data.PaymentRecurring, Active: true}
	err := f.app.Update(f.ctx, func(tx *app.Tx) error {
		if err := data.SavePlan(f.ctx, tx.Q(), &plan); err != nil {
			return err
		}
		s.product.PlanID = plan.ID
		if err := data.SaveProduct(f.ctx, tx.Q(), &s.product); err != nil {
			return err
		}
		return data.SaveProduct(f.ctx, tx.Q(), &monthly)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := f.room.SendProducts(f.ctx, f.client, "1"); err != nil || n != 1 {
		t.Fatalf("sent %d products (%v), want the lump-sum one only", n, err)
	}
	tok, _, err := f.room.IssueToken(f.ctx, "テスト")
	if err != nil {
		t.Fatal(err)
	}
	srv := smaregi.NewServer("127.0.0.1:0", "", smaregi.NewReceiver(f.room, f.room, nil))
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
	s.url, s.token = srv.URL("127.0.0.1"), tok
	return s
}

func (s *synced) sale(at time.Time, lines ...smaregidouble.Line) int64 {
	return s.double.AddSale(smaregidouble.Sale{At: at, CustomerID: appsm.SmaregiCustomerID(s.member.ID), Lines: lines})
}

func (s *synced) ticket() smaregidouble.Line {
	return smaregidouble.Line{ProductID: strconv.FormatInt(s.product.ID, 10), ProductCode: "ticket5", ProductName: "回数券5回", CategoryID: "1", Price: 20000}
}

func (s *synced) push(id int64, style smaregidouble.PushStyle) {
	s.t.Helper()
	if code, err := s.double.Push(s.ctx, s.url, s.token, style, id); err != nil || code != http.StatusOK {
		s.t.Fatalf("push: %d %v", code, err)
	}
}

// A sale pushed twice (two body styles) and pulled once adds one contract.
func TestPushedTwicePulledOnceOneContract(t *testing.T) {
	s := newSynced(t)
	id := s.sale(datatest.At("2026-11-20", "11:00"), s.ticket())
	s.push(id, smaregidouble.PushForm)
	s.push(id, smaregidouble.PushEscaped)
	if _, err := s.room.Pull(s.ctx, s.client); err != nil {
		t.Fatal(err)
	}
	list, _ := data.ListContracts(s.ctx, s.store.Reader(), s.member.ID)
	if len(list) != 1 || list[0].PlanID == 0 || list[0].StartedOn != "2026-11-20" || list[0].Source != data.SourceSmaregi {
		t.Fatalf("contracts %+v, want one of the plan from 2026-11-20", list)
	}
	if n := s.count("smaregi_transactions", "1"); n != 1 {
		t.Fatalf("%d transactions kept", n)
	}
	// Cancelled in Smaregi: the contract goes.
	s.double.CancelSale(id)
	s.push(id, smaregidouble.PushJSON)
	if list, _ := data.ListContracts(s.ctx, s.store.Reader(), s.member.ID); len(list) != 0 {
		t.Fatalf("a cancelled sale left %+v", list)
	}
}

// The 都度決済 product code pays that member's 都度 reservation on the sale's date, not
// another day's; a cancellation takes the payment back.
func TestPayPerVisitCodePaysTheRightReservation(t *testing.T) {
	s := newSynced(t)
	book := func(day string) data.Reservation {
		r, err := s.app.SaveReservation(s.ctx, app.ReservationInput{CustomerID: s.member.ID, Start: datatest.At(day, "10:00"),
			StaffID: s.ids.Staff["佐藤"], MenuIDs: []int64{s.ids.Menus["カット"]}, Route: data.RoutePhone})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	book("2026-11-19")
	today := book("2026-11-20")
	book("2026-11-21")
	id := s.sale(datatest.At("2026-11-20", "11:30"),
		smaregidouble.Line{ProductID: "99", ProductCode: "reservefee", ProductName: "レッスン料", Price: 5500})
	s.push(id, smaregidouble.PushForm)
	pays, _ := data.PaymentsOf(s.ctx, s.store.Reader(), 0)
	if len(pays) != 1 || pays[0].ReservationID != today.ID || pays[0].Amount != 5500 || pays[0].Source != "smaregi" ||
		pays[0].ExternalID != "1" {
		t.Fatalf("payments %+v, want 5500 for reservation %d", pays, today.ID)
	}
	s.double.CancelSale(id)
	if _, err := s.room.Pull(s.ctx, s.client); err != nil {
		t.Fatal(err)
	}
	// The pull's cursor passed the sale before: a cancellation arrives by push.
	s.push(id, smaregidouble.PushForm)
	if pays, _ := data.PaymentsOf(s.ctx, s.store.Reader(), 0); len(pays) != 0 {
		t.Fatalf("a cancelled sale left %+v", pays)
	}
}

// Unknown member, unknown product and no reservation that day are told in お知らせ.
func TestUnmatchedSalesAreTold(t *testing.T) {
	s := newSynced(t)
	s.double.AddSale(smaregidouble.Sale{At: datatest.At("2026-11-20", "12:00"), CustomerID: "777", Lines: []smaregidouble.Line{s.ticket()}})
	s.sale(datatest.At("2026-11-20", "12:00"), smaregidouble.Line{ProductID: "555", ProductCode: "x", ProductName: "物販", Price: 100})
	s.sale(datatest.At("2026-11-20", "12:00"), smaregidouble.Line{ProductID: "99", ProductCode: "reservefee", Price: 5500})
	if n, err := s.room.Pull(s.ctx, s.client); err != nil || n != 3 {
		t.Fatalf("pulled %d (%v)", n, err)
	}
	for _, r := range []string{appsm.ReasonUnknownMember, appsm.ReasonUnknownProduct, appsm.ReasonNoReservation} {
		if n := s.count("notifications", "reason = ? AND direction = ?", r, data.DirSmaregiToApp); n != 1 {
			t.Errorf("%d notices of %s", n, r)
		}
	}
	if n := s.count("contracts", "1") + s.count("payments", "1"); n != 0 {
		t.Fatalf("%d contracts and payments from unmatched sales", n)
	}
}

// A bad or revoked token is 401 and nothing is recorded.
func TestBadTokenRecordsNothing(t *testing.T) {
	s := newSynced(t)
	id := s.sale(datatest.At("2026-11-20", "11:00"), s.ticket())
	if code, _ := s.double.Push(s.ctx, s.url, "wrong", smaregidouble.PushForm, id); code != http.StatusUnauthorized {
		t.Fatalf("bad token: %d", code)
	}
	toks, _ := s.room.Tokens(s.ctx)
	if len(toks) != 1 || toks[0].Hash != smaregi.HashToken(s.token) {
		t.Fatalf("tokens %+v: only the hash is kept", toks)
	}
	if err := s.room.RevokeToken(s.ctx, toks[0].ID); err != nil {
		t.Fatal(err)
	}
	if code, _ := s.double.Push(s.ctx, s.url, s.token, smaregidouble.PushForm, id); code != http.StatusUnauthorized {
		t.Fatalf("revoked token: %d", code)
	}
	if n := s.count("smaregi_transactions", "1") + s.count("contracts", "1"); n != 0 {
		t.Fatalf("%d rows recorded for refused pushes", n)
	}
	if err := s.room.RevokeToken(s.ctx, toks[0].ID); app.ErrorKey(err) != "smaregi.error.token_unknown" {
		t.Fatalf("revoking twice: %v", err)
	}
}
