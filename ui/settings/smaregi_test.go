package settings

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	asettings "salondesk/app/settings"
	"salondesk/app/smaregi"
	smapi "salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
	"salondesk/ui/internal/uitest"
)

// smaregiDouble serves a Smaregi double on loopback and wires 接続テスト to the room's
// Check, as the window does.
func (f *fixture) smaregiDouble() (*smaregidouble.Double, string) {
	d := smaregidouble.New("skv123", "smaregi-access-token-0001")
	srv := httptest.NewServer(d)
	f.t.Cleanup(func() { d.Close(); srv.Close() })
	room := smaregi.New(f.a)
	f.deps.TestSmaregi = func(ctx context.Context, sm asettings.Smaregi, token string) error {
		cl, err := smapi.New(smapi.Config{URL: sm.URL, ContractID: sm.ContractID, AccessToken: token})
		if err != nil {
			return err
		}
		return room.Check(ctx, cl)
	}
	return d, srv.URL + "/access/"
}

// 接続テスト reports success, then Smaregi's own Japanese error naming the function
// switched off in 機能設定.
func TestSmaregiConnectionTest(t *testing.T) {
	f := newFixture(t)
	d, url := f.smaregiDouble()
	f.open()
	f.fillSmaregi()
	uitest.Retype(f.s.sm.url, url)
	test.Tap(f.s.sm.test.btn)
	f.wait()
	if got := f.s.sm.test.result.Text; got != "接続できました。" {
		t.Fatalf("result %q", got)
	}
	d.Disable("transaction_ref")
	test.Tap(f.s.sm.test.btn)
	f.wait()
	got := f.s.sm.test.result.Text
	for _, want := range []string{"接続できませんでした。", "transaction_ref", "機能設定で許可されていない機能です。"} {
		if !strings.Contains(got, want) {
			t.Fatalf("result %q lacks %q", got, want)
		}
	}
	uitest.Retype(f.s.sm.token.entry, "wrong-token")
	test.Tap(f.s.sm.test.btn)
	f.wait()
	if got := f.s.sm.test.result.Text; !strings.Contains(got, "アクセストークンが無効です。") {
		t.Fatalf("bad token: %q", got)
	}
}

// The tab warns that customers must not also be registered in Smaregi.
func TestSmaregiTabWarnsAgainstDoubleRegistration(t *testing.T) {
	f := newFixture(t)
	f.open()
	uitest.MustContain(t, "スマレジ tab", uitest.AllTexts(f.s.sm.content), "お客様をスマレジで直接登録しないでください")
}

// システム情報 shows the 送信URL and the IDコード: 発行 shows the code once (only its
// hash is kept), 無効にする asks and then stops it.
func TestSysInfoReceiverURLAndTokens(t *testing.T) {
	f := newFixture(t)
	room := smaregi.New(f.a)
	f.deps.Tokens = room
	f.deps.ReceiverURL = func() string { return smaregi.ReceiverURL("192.168.1.20", 18080) }
	f.open()
	f.s.tabs.SelectIndex(4)
	f.wait()
	if got := f.s.info.receiver.Text; got != "http://192.168.1.20:18080/smaregi/transactions" {
		t.Fatalf("送信URL %q", got)
	}
	uitest.MustContain(t, "IDコード", uitest.AllTexts(f.s.info.tokens.rows), "IDコードはまだ発行されていません。")

	uitest.Retype(f.s.info.tokens.label, "本店のスマレジ")
	test.Tap(f.s.info.tokens.issueBtn)
	f.wait()
	code := shownCode(t, f.win)
	uitest.TakeDialog(f.win)
	stored, err := room.Tokens(context.Background())
	if err != nil || len(stored) != 1 || stored[0].Hash != smapi.HashToken(code) || stored[0].Label != "本店のスマレジ" {
		t.Fatalf("stored %+v, %v", stored, err)
	}
	list := uitest.AllTexts(f.s.info.tokens.rows)
	uitest.MustContain(t, "IDコード", list, "本店のスマレジ")
	uitest.MustNotContain(t, "IDコード", list, code)
	if hashes, _ := room.ReceiverTokenHashes(context.Background()); len(hashes) != 1 {
		t.Fatalf("accepted %v", hashes)
	}

	test.Tap(uitest.Button(t, f.s.info.tokens.rows, "無効にする"))
	uitest.TapInDialog(t, f.win, "はい")
	f.wait()
	uitest.MustContain(t, "IDコード", uitest.AllTexts(f.s.info.tokens.rows), "無効（")
	if hashes, _ := room.ReceiverTokenHashes(context.Background()); len(hashes) != 0 {
		t.Fatalf("a revoked code is still accepted: %v", hashes)
	}
}

// Without the receiver running, 送信URL says why instead of a bare dash.
func TestSysInfoReceiverOff(t *testing.T) {
	f := newFixture(t)
	f.deps.ReceiverURL = func() string { return "" }
	f.open()
	f.s.tabs.SelectIndex(4)
	f.wait()
	uitest.MustContain(t, "送信URL", f.s.info.receiver.Text, "スマレジ連携が無効")
	if !f.s.info.tokens.issueBtn.Disabled() {
		t.Fatal("発行 without the room must be disabled")
	}
}

// shownCode is the IDコード in the dialog on top: its monospace label.
func shownCode(t *testing.T, win fyne.Window) string {
	t.Helper()
	code := ""
	uitest.Walk(win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Monospace {
			code = l.Text
		}
	})
	if len(code) < 40 {
		t.Fatalf("no IDコード shown (%q)", code)
	}
	return code
}
