package salonboard_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/outbox"
	"salondesk/sync/salonboard/mail/mailtest"
	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/mailbox/imaptest"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// inbound is the whole SALON BOARD → app path on real parts: the web double on a loopback
// HTTP server, an IMAP server with the reservation mails, the outbox runner and the sync.
type inbound struct {
	*fixture
	double *sbdouble.Double
	imap   *imaptest.Server
	sync   *salonboard.Sync
}

func newInbound(t *testing.T) *inbound {
	f := newRunningFixture(t)
	d := sbdouble.New(sbdouble.Config{Location: time.Local, Now: f.app.Now})
	d.SetStaff([]sbdouble.Staff{{ID: "W001", Name: "佐藤", Capacity: 1}, {ID: "W002", Name: "鈴木", Capacity: 2}})
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	client, err := web.New(web.Config{BaseURL: srv.URL, UserID: "SD0000001", Password: "synthetic-pass",
		Pacing: &web.Pacing{CaptchaBackoff: time.Hour}, Location: time.Local, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	box := imaptest.Memory(t, imaptest.MemoryOptions{})
	runner := f.app.NewOutboxRunner(outbox.Options{PollInterval: 50 * time.Millisecond, BaseDelay: 10 * time.Millisecond,
		MaxDelay: 100 * time.Millisecond, MaxAttempts: 3})
	s := f.sb.NewSync(salonboard.Config{Web: client, ReconcileEvery: time.Hour,
		Mailbox: &mailbox.Config{Host: box.Host, Port: box.Port, User: box.User, Password: box.Password,
			TLS: mailbox.NoTLS, PollInterval: 100 * time.Millisecond,
			// go-imap's in-memory server sometimes misses an IDLE notice; IDLE itself is
			// proven against dovecot in the mailbox package.
			DisableIdle: true}}, runner)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{}, 2)
	go func() { runner.Run(ctx); done <- struct{}{} }()
	go func() { s.Run(ctx); done <- struct{}{} }()
	t.Cleanup(func() { cancel(); <-done; <-done })
	return &inbound{fixture: f, double: d, imap: box, sync: s}
}

func (in *inbound) deliver(t *testing.T, subject string, r mailtest.Reservation) {
	t.Helper()
	in.imap.Append(t, mailtest.MustEncode(subject, mailtest.Body(r), mailtest.Options{Charset: "iso-2022-jp"}))
}

func (in *inbound) bySB(number string) (data.ReservationView, bool) {
	v, err := data.ReservationBySBNumber(in.ctx, in.store.Reader(), number)
	return v, err == nil
}

func TestInboundMailsReachTheSchedule(t *testing.T) {
	in := newInbound(t)
	start := datatest.At("2026-11-21", "10:00")
	good := mailtest.Reservation{Number: "BE10000001", Start: start, NameKanji: "山田 花子", NameKana: "ヤマダ ハナコ",
		Staff: "佐藤", Coupon: "[全員]カット＋ケアカラー ¥9,900", Duration: 150 * time.Minute}
	in.deliver(t, "予約連絡", good)
	waitFor(t, "the HPB reservation", func() bool { _, ok := in.bySB("BE10000001"); return ok })
	v, _ := in.bySB("BE10000001")
	if v.Route != data.RouteHPB || v.StaffName != "佐藤" || !v.Designated || v.Duration() != 150*time.Minute ||
		v.Status != data.StatusWaiting {
		t.Fatalf("applied %+v", v)
	}

	// The same mail again (a reconnect, another folder copy) changes nothing.
	in.deliver(t, "予約連絡", good)
	// A mismatch: held provisionally, then re-read from the web UI and marked 転記済み.
	mismatch := mailtest.Reservation{Number: "BE10000002", Start: datatest.At("2026-11-21", "14:00"),
		NameKanji: "田中 一郎", NameKana: "タナカ イチロウ", Coupon: "[全員]知らないクーポン ¥5,000"}
	in.double.AddReservation(sbdouble.Reservation{ID: "BE10000002", Start: mismatch.Start,
		End: datatest.At("2026-11-21", "15:30"), KanaSei: "タナカ", KanaMei: "イチロウ", KanjiSei: "田中",
		KanjiMei: "一郎", StaffID: "W002", Designated: true, Coupon: "知らないクーポン"})
	in.deliver(t, "予約連絡", mismatch)
	waitFor(t, "the re-read mismatch", func() bool {
		if jobs, _ := data.ListJobs(in.ctx, in.store.Reader(), "reservation:2"); len(jobs) > 0 && jobs[0].LastError != "" {
			t.Logf("re-read job: %+v", jobs[0])
		}
		v, ok := in.bySB("BE10000002")
		return ok && v.SyncState == data.SyncTranscribed
	})
	v, _ = in.bySB("BE10000002")
	if v.Status != data.StatusWaiting || v.End.Sub(v.Start) != 90*time.Minute || v.StaffName != "鈴木" || !v.Designated {
		t.Fatalf("re-read %+v", v)
	}
	h, _ := in.app.Home(in.ctx)
	if h.Unresolved[data.DirSBToApp] != 0 {
		t.Fatalf("the re-read should settle the notification: %v", h.Unresolved)
	}
	if n := in.count(t, "reservations"); n != 2 {
		t.Fatalf("%d reservations, want 2 (the duplicate mail must not add one)", n)
	}
}

func TestReconcileFindsLostMailsAndCancellations(t *testing.T) {
	in := newInbound(t)
	// A reservation whose mail never came, and one cancelled in SALON BOARD without a mail.
	in.double.AddReservation(sbdouble.Reservation{ID: "BE20000001", Start: datatest.At("2026-11-22", "11:00"),
		End: datatest.At("2026-11-22", "12:00"), KanaSei: "コギト", KanaMei: "テスト", KanjiSei: "小木戸",
		StaffID: "W001", Coupon: "【新規】カット"})
	in.deliver(t, "予約連絡", mailtest.Reservation{Number: "BE20000002", Start: datatest.At("2026-11-23", "10:00"),
		NameKanji: "山田 花子", NameKana: "ヤマダ ハナコ", Coupon: "[新規]カット"})
	in.double.AddReservation(sbdouble.Reservation{ID: "BE20000002", Start: datatest.At("2026-11-23", "10:00"),
		KanaSei: "ヤマダ", KanaMei: "ハナコ", Coupon: "【新規】カット"})
	waitFor(t, "the mailed reservation", func() bool { _, ok := in.bySB("BE20000002"); return ok })
	// The sync's pass at start has read the list once it found the lost one: the
	// cancellation below comes after it, for the pass of this test to see.
	waitFor(t, "the pass at start", func() bool {
		_, ok := in.bySB("BE20000001")
		return ok && in.sb.BringInFinished(in.ctx) // it settles day by day: wait for its end
	})
	if err := in.double.CancelReservation("BE20000002", sbdouble.StatusCustomerCancel); err != nil {
		t.Fatal(err)
	}
	res, err := in.sync.ReconcileOnce(in.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Cancelled != 1 {
		t.Fatalf("reconcile %+v", res)
	}
	lost, ok := in.bySB("BE20000001")
	if !ok || lost.Start.Hour() != 11 || lost.StaffName != "佐藤" {
		t.Fatalf("lost mail's reservation %+v", lost)
	}
	if v, _ := in.bySB("BE20000002"); v.Status != data.StatusCancelled {
		t.Fatalf("cancelled in SALON BOARD, here %s", v.Status)
	}
	// A second pass finds nothing new.
	if res, _ := in.sync.ReconcileOnce(in.ctx); res.Added+res.Changed+res.Cancelled != 0 {
		t.Fatalf("second pass %+v", res)
	}
}

func TestCaptchaStopsTheWebSideWithOneNotification(t *testing.T) {
	in := newInbound(t)
	in.double.ExpireSessions()
	in.double.Inject(sbdouble.Fault{Kind: sbdouble.FaultCaptcha, Times: -1})
	logins := in.double.Count("/CNC/login/doLogin/")
	for i := 0; i < 3; i++ {
		if _, err := in.sync.ReconcileOnce(in.ctx); err == nil {
			t.Fatal("reconciled through a CAPTCHA")
		}
	}
	if n := in.double.Count("/CNC/login/doLogin/") - logins; n > 1 {
		t.Fatalf("%d login attempts after a CAPTCHA: a retry loop", n)
	}
	notes, _ := in.app.Notifications(in.ctx, 10)
	open := 0
	for _, n := range notes {
		if n.Reason == data.ReasonCaptcha && !n.Resolved() {
			open++
		}
	}
	if open != 1 {
		t.Fatalf("%d open CAPTCHA notifications, want 1: %+v", open, notes)
	}
}

// A mismatch whose re-read cannot succeed stays provisional for transcription by hand,
// with the one notification that asks for it.
func TestRereadThatFailsLeavesItForTranscription(t *testing.T) {
	in := newInbound(t)
	// After the pass at start: it would settle the reservation from the schedule page
	// (its slot is there), leaving no re-read to fail.
	waitFor(t, "the pass at start", func() bool { return in.sb.BringInFinished(in.ctx) })
	m := mailtest.Reservation{Number: "BE30000001", Start: datatest.At("2026-11-21", "16:00"),
		NameKanji: "田中 一郎", NameKana: "タナカ イチロウ", Coupon: "[全員]知らないクーポン ¥5,000"}
	in.double.AddReservation(sbdouble.Reservation{ID: m.Number, Start: m.Start, KanaSei: "タナカ", KanaMei: "イチロウ",
		StaffID: "W002", DetailBroken: true})
	in.deliver(t, "予約連絡", m)
	waitFor(t, "the re-read to give up", func() bool {
		jobs, _ := data.ListJobs(in.ctx, in.store.Reader(), "reservation:1")
		return len(jobs) == 1 && jobs[0].State == "failed"
	})
	v, _ := in.bySB(m.Number)
	notes, _ := in.app.Notifications(in.ctx, 10)
	if v.Status != data.StatusProvisional || v.SyncState != data.SyncFailed || v.SyncReason != data.ReasonMismatch ||
		len(notes) != 1 || notes[0].Resolved() || notes[0].ReservationNo != m.Number {
		t.Fatalf("reservation %s/%s/%s, notifications %+v", v.Status, v.SyncState, v.SyncReason, notes)
	}
}
