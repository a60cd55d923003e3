package masters

import (
	"context"
	"database/sql"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"salondesk/app/settings"
	"salondesk/app/smaregi"
	"salondesk/data"
	smapi "salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// roomSender is the window's sender: the room's SendImported with a client of the
// double on loopback. afterBatch, when set, runs after each batch is told.
type roomSender struct {
	room       *smaregi.Room
	cl         *smapi.Client
	afterBatch func(ctx context.Context, done int)
}

func (s *roomSender) Enabled(ctx context.Context) bool { return s.room.Enabled(ctx) }

func (s *roomSender) SendImported(ctx context.Context, progress func(done, total int)) error {
	return s.room.SendImported(ctx, s.cl, func(done, total int) {
		progress(done, total)
		if s.afterBatch != nil {
			s.afterBatch(ctx, done)
		}
	})
}

// bulkFixture is お客様管理 with 「スマレジへ一括反映」 against a double, imported customers
// in the book, and the UI hops queued on ui (run by wait on the test goroutine).
type bulkFixture struct {
	*fixture
	double *smaregidouble.Double
	sender *roomSender
	s      *customerScreen
	b      *smaregiBulk
	ui     chan func()
}

func newBulkFixture(t *testing.T, imported int, enabled bool) *bulkFixture {
	f := &bulkFixture{fixture: newFixture(t), ui: make(chan func(), 1000)}
	ctx := context.Background()
	err := f.st.Tx(ctx, func(tx *sql.Tx) error {
		for i := range imported {
			k := kanaNumber(i)
			c := data.Customer{Name: "取込 " + k, Kana: "トリコミ " + k, Origin: data.OriginImported}
			if err := data.InsertCustomer(ctx, tx, &c, testNow); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if enabled {
		if err := f.a.SetSetting(ctx, settings.SmaregiEnabled, "1"); err != nil {
			t.Fatal(err)
		}
	}
	f.double = smaregidouble.New("skv1", "tok")
	srv := httptest.NewServer(f.double)
	t.Cleanup(func() { f.double.Close(); srv.Close() })
	cl, err := smapi.New(smapi.Config{URL: srv.URL, ContractID: "skv1", AccessToken: "tok"})
	if err != nil {
		t.Fatal(err)
	}
	f.sender = &roomSender{room: smaregi.New(f.a), cl: cl}
	f.s = newCustomerScreen(f.a, f.win, nil)
	f.b = newSmaregiBulk(f.s, f.sender, func(fn func()) { f.ui <- fn })
	f.s.addSmaregiBulk(f.b)
	f.show(f.s.view)
	return f
}

// kanaNumber writes i in katakana digits (Smaregi refuses digits in a kana field).
func kanaNumber(i int) string {
	digits := []rune("アイウエオカキクケコ")
	var b strings.Builder
	for _, c := range fmt.Sprintf("%03d", i) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

// wait runs the UI hops until the send has ended.
func (f *bulkFixture) wait(t *testing.T) {
	t.Helper()
	done := make(chan struct{})
	go func() { f.b.jobs.Wait(); close(done) }()
	deadline := time.After(60 * time.Second)
	for {
		select {
		case fn := <-f.ui:
			fn()
		case <-done:
			for len(f.ui) > 0 {
				(<-f.ui)()
			}
			return
		case <-deadline:
			t.Fatal("the send did not end")
		}
	}
}

// Off: the button is disabled and says where to switch Smaregi on.
func TestSmaregiBulkDisabledWhileOff(t *testing.T) {
	f := newBulkFixture(t, 3, false)
	if !f.b.btn.Disabled() || !strings.Contains(f.b.status.Text, "設定 > スマレジ") {
		t.Fatalf("button disabled %v, status %q", f.b.btn.Disabled(), f.b.status.Text)
	}
	test.Tap(f.b.btn)
	if f.double.Requests("") != 0 {
		t.Fatal("a disabled button sent")
	}
}

// 250 imported customers go out in 3 requests with the bar at its end; 中止 after the
// first batch stops there, and a second press sends the rest, nobody twice.
func TestSmaregiBulkSendStopAndResume(t *testing.T) {
	f := newBulkFixture(t, 250, true)
	if f.b.btn.Disabled() {
		t.Fatal("the button is disabled while Smaregi is on")
	}
	stopped := make(chan struct{})
	f.sender.afterBatch = func(ctx context.Context, done int) {
		if done == 100 {
			f.ui <- func() { test.Tap(f.b.stopBtn) } // 中止, pressed while the send runs
			<-ctx.Done()
			close(stopped)
		}
	}
	test.Tap(f.b.btn)
	f.wait(t)
	<-stopped
	if got := len(f.double.Customers()); got != 100 {
		t.Fatalf("after 中止 Smaregi holds %d customers, want the first batch of 100", got)
	}
	if !strings.Contains(f.b.status.Text, "中止しました（100件送信済み）") || f.b.btn.Disabled() {
		t.Fatalf("status %q, button disabled %v", f.b.status.Text, f.b.btn.Disabled())
	}

	f.sender.afterBatch = nil
	test.Tap(f.b.btn)
	f.wait(t)
	if got := len(f.double.Customers()); got != 250 {
		t.Fatalf("after resuming Smaregi holds %d customers, want 250", got)
	}
	if n := f.double.Requests("customer_upd"); n != 3 {
		t.Fatalf("%d customer_upd requests, want 3 (100+100+50, nobody twice)", n)
	}
	if !strings.Contains(f.b.status.Text, "150件のお客様をスマレジへ反映しました。") || f.b.bar.Value != f.b.bar.Max {
		t.Fatalf("status %q, bar %v/%v", f.b.status.Text, f.b.bar.Value, f.b.bar.Max)
	}
	test.Tap(f.b.btn)
	f.wait(t)
	if !strings.Contains(f.b.status.Text, "いません") || f.double.Requests("customer_upd") != 3 {
		t.Fatalf("a third press: status %q, %d requests", f.b.status.Text, f.double.Requests("customer_upd"))
	}
}
