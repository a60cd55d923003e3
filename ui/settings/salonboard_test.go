package settings

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"salondesk/app/secrets"
	asettings "salondesk/app/settings"
	"salondesk/ui/internal/uitest"
)

func TestSalonBoardSave(t *testing.T) {
	f := newFixture(t)
	f.open()
	if f.s.sb.password.state.Text != "未設定" {
		t.Fatalf("before: %q", f.s.sb.password.state.Text)
	}
	f.fillSalonBoard()
	test.Tap(f.s.sb.saveBtn)
	f.wait()
	f.wantDialog("保存しました。")

	for key, want := range map[string]string{
		asettings.SalonBoardEnabled: "1", asettings.SalonBoardLoginID: "CD12345",
		asettings.MailHost: "imap.example.jp", asettings.MailPort: "993", asettings.MailTLS: "tls",
		asettings.MailUser: "yoyaku@example.jp", asettings.MailInterval: "5",
	} {
		if got := f.setting(key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	if f.secret(secrets.SalonBoardPassword) != "sb-Pa55word!" || f.secret(secrets.MailboxPassword) != "mail-Pa55word?" {
		t.Fatal("passwords not in the keychain")
	}
	// The entries are emptied and show the mask; the text is never put back on screen.
	for _, sf := range []*secretField{f.s.sb.password, f.s.sb.mailPassword} {
		if sf.entry.Text != "" || sf.entry.PlaceHolder != "********" || sf.state.Text != "設定済み" {
			t.Fatalf("after save: %q %q %q", sf.entry.Text, sf.entry.PlaceHolder, sf.state.Text)
		}
	}
	// A second save without typing the passwords keeps them.
	uitest.Retype(f.s.sb.loginID, "CD99999")
	test.Tap(f.s.sb.saveBtn)
	f.wait()
	f.wantDialog("保存しました。")
	if f.setting(asettings.SalonBoardLoginID) != "CD99999" || f.secret(secrets.SalonBoardPassword) != "sb-Pa55word!" {
		t.Fatal("second save")
	}
	// A new screen shows what is stored.
	f.open()
	if f.s.sb.loginID.Text != "CD99999" || !f.s.sb.enabled.Checked || f.s.sb.password.state.Text != "設定済み" ||
		f.s.sb.password.entry.PlaceHolder != "********" || f.s.sb.port.Text != "993" {
		t.Fatal("reopened screen does not show the saved settings")
	}
}

// Bad input: a port out of range, an empty login id, a malformed host, …: a clear
// message and nothing saved, not in the database and not in the keychain.
func TestSalonBoardBadInput(t *testing.T) {
	f := newFixture(t)
	f.open()
	before := f.all()
	for _, c := range []struct {
		name string
		edit func(*salonBoardTab)
		want string
	}{
		{"port out of range", func(t *salonBoardTab) { uitest.Retype(t.port, "70000") }, msg("settings.error.port")},
		{"port zero", func(t *salonBoardTab) { uitest.Retype(t.port, "0") }, msg("settings.error.port")},
		{"port not a number", func(t *salonBoardTab) { uitest.Retype(t.port, "imap") }, msg("settings.error.port")},
		{"empty login id", func(t *salonBoardTab) { uitest.Retype(t.loginID, "") }, "SALON BOARDのログインIDを入力してください。"},
		{"host with port", func(t *salonBoardTab) { uitest.Retype(t.host, "imap.example.jp:993") }, "ホスト名「imap.example.jp:993」が正しくありません。"},
		{"host with scheme", func(t *salonBoardTab) { uitest.Retype(t.host, "https://imap.example.jp") }, "が正しくありません。"},
		{"host with a space", func(t *salonBoardTab) { uitest.Retype(t.host, "imap example.jp") }, "が正しくありません。"},
		{"interval", func(t *salonBoardTab) { uitest.Retype(t.mailEvery, "0") }, "メールを確認する間隔は1〜60分"},
		{"no encryption to the internet", func(t *salonBoardTab) { t.tls.SetSelectedIndex(2) }, msg("settings.error.tls_none")},
	} {
		f.fillSalonBoard()
		c.edit(f.s.sb)
		test.Tap(f.s.sb.saveBtn)
		f.wait()
		f.wantDialog(c.want)
		if got := f.all(); !reflect.DeepEqual(got, before) {
			t.Fatalf("%s: settings changed: %+v", c.name, got.SalonBoard)
		}
		if f.secret(secrets.SalonBoardPassword) != "" || f.secret(secrets.MailboxPassword) != "" {
			t.Fatalf("%s: a password went to the keychain", c.name)
		}
	}
	// Sync on needs the passwords.
	f.fillSalonBoard()
	f.s.sb.password.entry.SetText("")
	test.Tap(f.s.sb.saveBtn)
	f.wait()
	f.wantDialog(msg("settings.error.password_required"))
	if f.setting(asettings.SalonBoardEnabled) != "" {
		t.Fatal("saved without a password")
	}
}

// 接続テスト: runs the injected test off the UI goroutine with the screen's values and
// the keychain's password, shows the outcome in Japanese, and refuses bad input first.
func TestConnectionTests(t *testing.T) {
	f := newFixture(t)
	var gotBox asettings.Mailbox
	var gotPw, gotLogin string
	fail := error(nil)
	f.deps.TestMailbox = func(ctx context.Context, m asettings.Mailbox, pw string) error {
		if _, ok := ctx.Deadline(); !ok {
			t.Error("no deadline on the test's context")
		}
		gotBox, gotPw = m, pw
		return fail
	}
	f.deps.TestSalonBoard = func(_ context.Context, sb asettings.SalonBoard, pw string) error {
		gotLogin, gotPw = sb.LoginID, pw
		return fail
	}
	f.open()
	if err := f.sec.Set(secrets.MailboxPassword, "stored-mail-pw"); err != nil {
		t.Fatal(err)
	}
	f.fillSalonBoard()
	f.s.sb.mailPassword.entry.SetText("") // not typed: the stored one is used
	uitest.Retype(f.s.sb.port, "１４３")     // full-width digits from an IME
	f.s.sb.tls.SetSelectedIndex(1)
	test.Tap(f.s.sb.mailTest.btn)
	f.wait()
	want := asettings.Mailbox{Host: "imap.example.jp", Port: 143, TLS: asettings.TLSStart, User: "yoyaku@example.jp"}
	if gotBox != want || gotPw != "stored-mail-pw" {
		t.Fatalf("test got %+v %q", gotBox, gotPw)
	}
	if r := f.s.sb.mailTest.result.Text; r != "接続できました。" || f.s.sb.mailTest.bar.running() || f.s.sb.mailTest.btn.Disabled() {
		t.Fatalf("result %q", r)
	}
	fail = errors.New("ログインできませんでした（IDまたはパスワードが違います）")
	test.Tap(f.s.sb.loginTest.btn)
	f.wait()
	if gotLogin != "CD12345" || gotPw != "sb-Pa55word!" {
		t.Fatalf("login test got %q %q", gotLogin, gotPw)
	}
	if r := f.s.sb.loginTest.result.Text; r != "接続できませんでした。ログインできませんでした（IDまたはパスワードが違います）" {
		t.Fatalf("result %q", r)
	}
	// Bad input is refused before anything is tried.
	gotBox = asettings.Mailbox{}
	uitest.Retype(f.s.sb.host, "imap.example.jp:993")
	test.Tap(f.s.sb.mailTest.btn)
	f.wait()
	f.wantDialog("が正しくありません。")
	if gotBox.Host != "" {
		t.Fatal("the test ran on a malformed host")
	}
	// Nothing saved by testing.
	if f.setting(asettings.MailHost) != "" {
		t.Fatal("a test saved settings")
	}
}

func TestConnectionTestNotWired(t *testing.T) {
	f := newFixture(t)
	f.open()
	if !f.s.sb.loginTest.btn.Disabled() || !strings.Contains(f.s.sb.loginTest.result.Text, "組み込まれていません") {
		t.Fatal("an unwired test must be disabled and say so")
	}
}

// No keychain: the tabs say so, a typed password is refused with that message (and
// nothing is saved), and the rest of the settings still save (the app works offline).
func TestKeychainUnavailable(t *testing.T) {
	f := newFixture(t)
	keyring.MockInitWithError(errors.New("org.freedesktop.secrets was not provided by any .service files"))
	defer keyring.MockInit()
	f.open()
	if !f.s.sb.keychain.content.Visible() || !strings.Contains(f.s.sb.keychain.label.Text, "キーチェーン") {
		t.Fatal("no keychain notice on the SALON BOARD tab")
	}
	if f.s.sb.password.state.Text != "キーチェーン利用不可" {
		t.Fatalf("state %q", f.s.sb.password.state.Text)
	}
	f.fillSalonBoard()
	f.s.sb.enabled.SetChecked(false)
	test.Tap(f.s.sb.saveBtn)
	f.wait()
	f.wantDialog("キーチェーン（パスワードの保管場所）を利用できません")
	if f.setting(asettings.SalonBoardLoginID) != "" {
		t.Fatal("saved although the password could not be stored")
	}
	f.s.sb.password.entry.SetText("")
	f.s.sb.mailPassword.entry.SetText("")
	test.Tap(f.s.sb.saveBtn)
	f.wait()
	f.wantDialog("保存しました。")
	if f.setting(asettings.SalonBoardLoginID) != "CD12345" {
		t.Fatal("settings without secrets must still save")
	}
}

// The tab as staff see it with everything set up and a passed mailbox test.
func TestSalonBoardTabImage(t *testing.T) {
	f := newFixture(t)
	f.deps.TestSalonBoard = func(context.Context, asettings.SalonBoard, string) error { return nil }
	f.deps.TestMailbox = func(context.Context, asettings.Mailbox, string) error { return nil }
	f.open()
	f.fillSalonBoard()
	test.Tap(f.s.sb.saveBtn)
	f.wait()
	uitest.TakeDialog(f.win)
	f.open() // a fresh screen: nothing focused
	f.win.Resize(fyne.NewSize(1000, 800))
	test.Tap(f.s.sb.mailTest.btn)
	f.wait()
	test.AssertImageMatches(t, "salonboard_tab.png", f.win.Canvas().Capture())
}
