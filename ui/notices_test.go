package ui

import (
	"context"
	"database/sql"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/internal/uitest"
)

// The お知らせ counter is the number of unresolved notifications, and follows an event
// published on another goroutine (as the sync workers will).
func TestBellCountsUnresolvedAndFollowsEvents(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.seedNotifications()
	f.open()
	if got := f.shell.top.bell.Count(); got != 3 {
		t.Fatalf("bell = %d, want 3 unresolved", got)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		ctx := context.Background()
		err := f.store.Tx(ctx, func(tx *sql.Tx) error {
			return data.InsertNotification(ctx, tx, &data.Notification{CreatedAt: testNow, Direction: data.DirAppToSB,
				Reason: "timeout", ReservationNo: "809"})
		})
		if err != nil {
			t.Error(err)
			return
		}
		f.app.Events().Publish(app.NotificationsChanged{})
	}()
	<-done
	if got := f.shell.top.bell.Count(); got != 4 {
		t.Fatalf("bell after the event = %d, want 4", got)
	}
	test.Tap(f.shell.top.bell)
	if f.shell.Current() != PageNotifications {
		t.Fatalf("tapping the bell shows %q", f.shell.Current())
	}
}

func (f *fixture) showNotices() *noticeList {
	f.t.Helper()
	test.Tap(f.shell.side.items[PageNotifications])
	f.win.Canvas().Capture() // lays the list out so that its rows exist
	return f.shell.notices
}

// rows are the list's rows on screen, by notification id.
func (f *fixture) rows() map[int64]*noticeRow {
	out := map[int64]*noticeRow{}
	uitest.WalkVisible(f.win.Canvas().Content(), func(o fyne.CanvasObject) {
		if r, ok := o.(*noticeRow); ok {
			out[r.id] = r
		}
	})
	return out
}

func TestNoticeListAlertOnlyOnUnresolved(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.seedNotifications()
	f.open()
	l := f.showNotices()
	f.requireText("お知らせ 2025.06.20 13:19時点")
	rows := f.rows()
	if len(rows) != 5 {
		t.Fatalf("%d rows on screen, want 5", len(rows))
	}
	for name, id := range f.notice {
		n := f.notification(id)
		if shown := rows[id].alert.Visible(); shown == n.Resolved() {
			t.Errorf("%s: alert shown=%v, resolved=%v", name, shown, n.Resolved())
		}
	}
	// Newest first.
	for i := 1; i < len(l.items); i++ {
		if l.items[i].CreatedAt.After(l.items[i-1].CreatedAt) {
			t.Fatalf("row %d is newer than row %d", i, i-1)
		}
	}
	if got := rows[f.notice["app_timeout"]].msg.Text; got != "SalonDeskからSALON BOARDへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。" {
		t.Fatalf("app → SALON BOARD row says %q", got)
	}
	if got := rows[f.notice["sb_mismatch"]].when.Text; got != "2025/06/03 08:14" {
		t.Fatalf("row time = %q", got)
	}
}

func (f *fixture) openNotice(name string) *noticeDetail {
	f.t.Helper()
	l := f.showNotices()
	for i, n := range l.items {
		if n.ID == f.notice[name] {
			l.list.Select(i)
			return l.detail
		}
	}
	f.t.Fatalf("notification %s not listed", name)
	return nil
}

func TestDetailShowsSeedWording(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.seedNotifications()
	f.open()
	d := f.openNotice("app_timeout")
	for _, s := range []string{"お知らせ詳細", "2025/05/29 09:52", "SalonDeskからSALON BOARDへの予約連携に失敗しました。",
		"予約一覧より該当の予約情報の確認し", "手動でSALON BOARDへ予約登録をお願いいたします。",
		"例外またはタイムアウトが発生しました", "予約番号:807", "予約日時:2025-06-26 11:00", "予約一覧へ", "予約を転記しました"} {
		f.requireText(s)
	}
	if d.transcribe != nil {
		t.Fatal("app → SALON BOARD must not offer 予約を転記する")
	}
	test.AssertImageMatches(t, "notice_detail.png", f.win.Canvas().Capture())
	d.dialog.Hide()

	d = f.openNotice("sb_mismatch")
	for _, s := range []string{"SALON BOARDからSalonDeskへの予約連携に失敗しました。", "予約詳細ページより該当の予約情報を確認し",
		"手動でSalonDeskへ予約登録をお願いいたします。", "予約されたクーポン・メニュー名が一致しませんでした",
		"予約番号:BC97459537", "予約日時:2025-06-30 09:00", "予約を転記する"} {
		f.requireText(s)
	}
	if d.toList != nil || d.resolve != nil {
		t.Fatal("SALON BOARD → app offers only 予約を転記する")
	}
}

// 「予約を転記しました」 resolves the notification in the database; the list and the counter follow.
func TestResolveFromDetail(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.seedNotifications()
	f.open()
	d := f.openNotice("app_timeout")
	test.Tap(d.resolve)
	if n := f.notification(f.notice["app_timeout"]); !n.Resolved() {
		t.Fatal("the notification is still unresolved in the database")
	}
	if n := f.notification(f.notice["app_timeout_2"]); n.Resolved() {
		t.Fatal("another notification was resolved too")
	}
	if len(f.win.Canvas().Overlays().List()) != 0 {
		t.Fatal("the dialog stayed open")
	}
	if got := f.shell.top.bell.Count(); got != 2 {
		t.Fatalf("bell = %d, want 2", got)
	}
	f.win.Canvas().Capture()
	if f.rows()[f.notice["app_timeout"]].alert.Visible() {
		t.Fatal("the alert icon is still shown")
	}
	// Opened again, it says it was handled and cannot be resolved twice.
	d = f.openNotice("app_timeout")
	f.requireText("対応済み（2025/06/20 13:19）")
	if !d.resolve.Disabled() {
		t.Fatal("予約を転記しました is still enabled on a resolved notification")
	}
}

func TestToListShowsFailedReservations(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.seedNotifications()
	f.open()
	d := f.openNotice("app_timeout")
	test.Tap(d.toList)
	if f.shell.Current() != PageReservations || f.fakes.list == nil || f.fakes.list.failed != 1 {
		t.Fatalf("予約一覧へ: page %q, list %+v", f.shell.Current(), f.fakes.list)
	}
	if len(f.win.Canvas().Overlays().List()) != 0 {
		t.Fatal("the dialog stayed open")
	}
}

func TestTranscribeOpensTranscriptionForm(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.seedNotifications()
	f.open()
	d := f.openNotice("sb_mismatch")
	test.Tap(d.transcribe)
	if len(f.fakes.transcribed) != 1 || f.fakes.transcribed[0] != f.resv["queued"] {
		t.Fatalf("transcription opened for %v, want the notification's reservation %d", f.fakes.transcribed, f.resv["queued"])
	}
	if n := f.notification(f.notice["sb_mismatch"]); n.Resolved() {
		t.Fatal("opening the form must not resolve the notification")
	}
}

func TestNoticeListGolden(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.seedNotifications()
	f.open()
	f.showNotices()
	test.AssertImageMatches(t, "notices.png", f.win.Canvas().Capture())
}
