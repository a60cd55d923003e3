package settings

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/secrets"
	asettings "salondesk/app/settings"
)

// salonBoardTab is SALON BOARD: the web login, the reservation mailbox, sync on/off and
// the intervals, with a 接続テスト for the login and one for the mailbox.
type salonBoardTab struct {
	s            *screen
	enabled      *widget.Check
	loginID      *widget.Entry
	storeID      *widget.Entry
	password     *secretField
	host         *widget.Entry
	port         *widget.Entry
	tls          *widget.Select
	user         *widget.Entry
	mailPassword *secretField
	mailEvery    *widget.Entry
	reconcile    *widget.Entry
	keychain     *keychainNotice
	loginTest    *connTest
	mailTest     *connTest
	importer     *sbImport
	saveBtn      *widget.Button
	url          string // not on the screen (config only): kept as loaded
	content      fyne.CanvasObject
}

func tlsLabels() []string {
	return []string{
		lang.X("settings.tls.implicit", "SSL/TLS（993番ポート）"),
		lang.X("settings.tls.starttls", "STARTTLS（143番ポート）"),
		lang.X("settings.tls.none", "暗号化しない（このPC内のメールサーバーのみ）"),
	}
}

func newSalonBoardTab(s *screen) *salonBoardTab {
	t := &salonBoardTab{s: s,
		enabled: widget.NewCheck(lang.X("settings.sb.enabled", "SALON BOARDと同期する"), nil),
		loginID: widget.NewEntry(), storeID: widget.NewEntry(),
		password: newSecretField(secrets.SalonBoardPassword),
		host:     widget.NewEntry(), port: widget.NewEntry(), user: widget.NewEntry(),
		tls:          widget.NewSelect(tlsLabels(), nil),
		mailPassword: newSecretField(secrets.MailboxPassword),
		mailEvery:    widget.NewEntry(), reconcile: widget.NewEntry(),
		keychain: newKeychainNotice(),
	}
	t.host.SetPlaceHolder("imap.example.jp")
	t.storeID.SetPlaceHolder("H000123456")
	t.loginTest = newConnTest(s, lang.X("settings.sb.test_login", "接続テスト（SALON BOARDにログイン）"),
		s.deps.TestSalonBoard != nil, t.prepareLoginTest)
	t.mailTest = newConnTest(s, lang.X("settings.sb.test_mailbox", "接続テスト（メールボックス）"),
		s.deps.TestMailbox != nil, t.prepareMailTest)
	t.importer = newSBImport(s)
	t.saveBtn = widget.NewButton(lang.X("settings.save", "保存"), t.save)
	t.saveBtn.Importance = widget.HighImportance

	login := widget.NewForm(
		widget.NewFormItem("", t.enabled),
		widget.NewFormItem(lang.X("settings.sb.login_id", "ログインID"), t.loginID),
		widget.NewFormItem(lang.X("settings.sb.password", "パスワード"), t.password.content),
		widget.NewFormItem(lang.X("settings.sb.store_id", "店舗ID（グループアカウントのみ）"), t.storeID),
	)
	mailbox := widget.NewForm(
		widget.NewFormItem(lang.X("settings.mail.host", "受信サーバー（IMAP）"), t.host),
		widget.NewFormItem(lang.X("settings.mail.port", "ポート番号"), t.port),
		widget.NewFormItem(lang.X("settings.mail.tls", "暗号化"), t.tls),
		widget.NewFormItem(lang.X("settings.mail.user", "ユーザー名"), t.user),
		widget.NewFormItem(lang.X("settings.mail.password", "パスワード"), t.mailPassword.content),
	)
	intervals := widget.NewForm(
		widget.NewFormItem(lang.X("settings.sb.mail_every", "メールを確認する間隔（分）"), t.mailEvery),
		widget.NewFormItem(lang.X("settings.sb.reconcile", "予約一覧と照合する間隔（分）"), t.reconcile),
	)
	body := container.NewVBox(
		t.keychain.content,
		heading(lang.X("settings.sb.heading_login", "SALON BOARDへのログイン")), ownLoginNote(), login, t.loginTest.content,
		widget.NewSeparator(),
		heading(lang.X("settings.sb.heading_mailbox", "予約メールの受信（SALON BOARDのお知らせメールの送信先）")), mailbox, t.mailTest.content,
		widget.NewSeparator(),
		heading(lang.X("settings.sb.heading_intervals", "同期の間隔")), intervals,
		widget.NewSeparator(),
		heading(lang.X("sbimport.heading", "スタッフ・メニュー・クーポンの取り込み")), t.importer.content,
	)
	t.content = container.NewBorder(nil, container.NewHBox(t.saveBtn), nil, nil, container.NewVScroll(container.NewPadded(body)))
	return t
}

// ownLoginNote: SALON BOARD keeps one session per login ID, so a person logging in with
// SalonDesk's ID and SalonDesk end each other's session (SalonDesk stops and says so when
// it keeps happening).
func ownLoginNote() fyne.CanvasObject {
	l := widget.NewLabel(lang.X("settings.sb.own_login",
		"SalonDesk専用のログインIDをSALON BOARDで作って入力してください。SALON BOARDは1つのログインIDで1か所にしかログインできず、同じログインIDで別の場所（スタッフのパソコンやスマートフォン）からログインすると、もう一方のログインが切れます。"))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}

func (t *salonBoardTab) fill() error {
	sb, err := t.s.conf.SalonBoard(context.Background())
	if err != nil {
		return err
	}
	t.enabled.SetChecked(sb.Enabled)
	t.loginID.SetText(sb.LoginID)
	t.storeID.SetText(sb.StoreID)
	t.url = sb.URL
	t.host.SetText(sb.Mailbox.Host)
	t.port.SetText(strconv.Itoa(sb.Mailbox.Port))
	t.tls.SetSelectedIndex(tlsIndex(sb.Mailbox.TLS))
	t.user.SetText(sb.Mailbox.User)
	t.mailEvery.SetText(strconv.Itoa(sb.MailInterval))
	t.reconcile.SetText(strconv.Itoa(sb.ReconcileInterval))
	return nil
}

func tlsIndex(mode string) int {
	for i, m := range asettings.TLSModes {
		if m == mode {
			return i
		}
	}
	return 0
}

// read is the form as typed (trimmed); numbers that are not numbers read as -1.
func (t *salonBoardTab) read() asettings.SalonBoard {
	mode := asettings.TLSImplicit
	if i := t.tls.SelectedIndex(); i >= 0 {
		mode = asettings.TLSModes[i]
	}
	return asettings.TrimSalonBoard(asettings.SalonBoard{
		Enabled:           t.enabled.Checked,
		LoginID:           t.loginID.Text,
		URL:               t.url,
		Mailbox:           asettings.Mailbox{Host: t.host.Text, Port: number(t.port), TLS: mode, User: t.user.Text},
		MailInterval:      number(t.mailEvery),
		ReconcileInterval: number(t.reconcile),
	})
}

// save checks everything first; then the typed passwords go to the keychain (in the
// background) and, only when they are stored, the rest goes to the database.
func (t *salonBoardTab) save() {
	sb := t.read()
	if err := asettings.CheckSalonBoard(sb); err != nil {
		t.s.showError(err)
		return
	}
	pw, mailPw := t.password.typed(), t.mailPassword.typed()
	if sb.Enabled && pw == "" && !t.password.stored {
		t.s.showError(&app.UserError{Key: "settings.error.password_required"})
		return
	}
	if sb.Enabled && mailPw == "" && !t.mailPassword.stored {
		t.s.showError(&app.UserError{Key: "settings.error.mail_password_required"})
		return
	}
	t.saveBtn.Disable()
	t.s.background(func() {
		err := storeTyped(t.s.deps.Secrets, map[*secretField]string{t.password: pw, t.mailPassword: mailPw})
		t.s.do(func() {
			defer t.saveBtn.Enable()
			if err == nil {
				err = t.s.conf.SaveSalonBoard(context.Background(), sb)
			}
			if err != nil {
				t.s.showError(err)
				return
			}
			for f, v := range map[*secretField]string{t.password: pw, t.mailPassword: mailPw} {
				if v != "" {
					f.saved(v)
				}
			}
			t.s.showInfo(lang.X("settings.saved_title", "設定"), lang.X("settings.saved", "保存しました。"))
		})
	})
}

// storeTyped writes the typed secrets (empty = unchanged) to the keychain.
func storeTyped(st *secrets.Store, typed map[*secretField]string) error {
	for f, v := range typed {
		if v == "" {
			continue
		}
		if err := st.Set(f.key, v); err != nil {
			return err
		}
	}
	return nil
}

func (t *salonBoardTab) prepareLoginTest() (func(ctx context.Context) error, error) {
	sb := t.read()
	if err := asettings.CheckLogin(sb.LoginID, sb.URL, true); err != nil {
		return nil, err
	}
	typed, st, test := t.password.typed(), t.s.deps.Secrets, t.s.deps.TestSalonBoard
	return func(ctx context.Context) error {
		pw, err := secretFor(st, t.password, typed)
		if err != nil {
			return err
		}
		if pw == "" {
			return &app.UserError{Key: "settings.error.password_required"}
		}
		return test(ctx, sb, pw)
	}, nil
}

func (t *salonBoardTab) prepareMailTest() (func(ctx context.Context) error, error) {
	m := t.read().Mailbox
	if err := asettings.CheckMailbox(m, true); err != nil {
		return nil, err
	}
	typed, st, test := t.mailPassword.typed(), t.s.deps.Secrets, t.s.deps.TestMailbox
	return func(ctx context.Context) error {
		pw, err := secretFor(st, t.mailPassword, typed)
		if err != nil {
			return err
		}
		if pw == "" {
			return &app.UserError{Key: "settings.error.mail_password_required"}
		}
		return test(ctx, m, pw)
	}, nil
}
