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

// smaregiTab is スマレジ: the legacy API (契約ID, URL, アクセストークン), the 部門ID and
// the 都度決済 product code from the seed, the pull interval, and the receiver (port and
// the token Smaregi sends as x-access-token).
type smaregiTab struct {
	s          *screen
	enabled    *widget.Check
	contractID *widget.Entry
	url        *widget.Entry
	token      *secretField
	department *widget.Entry
	product    *widget.Entry
	pullEvery  *widget.Entry
	port       *widget.Entry
	keychain   *keychainNotice
	test       *connTest
	saveBtn    *widget.Button
	content    fyne.CanvasObject
}

func newSmaregiTab(s *screen) *smaregiTab {
	t := &smaregiTab{s: s,
		enabled:    widget.NewCheck(lang.X("settings.sm.enabled", "スマレジと連携する"), nil),
		contractID: widget.NewEntry(), url: widget.NewEntry(),
		token:      newSecretField(secrets.SmaregiToken),
		department: widget.NewEntry(), product: widget.NewEntry(),
		pullEvery: widget.NewEntry(), port: widget.NewEntry(),
		keychain: newKeychainNotice(),
	}
	t.test = newConnTest(s, lang.X("settings.sm.test", "接続テスト（スマレジ）"), s.deps.TestSmaregi != nil, t.prepareTest)
	t.saveBtn = widget.NewButton(lang.X("settings.save", "保存"), t.save)
	t.saveBtn.Importance = widget.HighImportance
	api := widget.NewForm(
		widget.NewFormItem("", t.enabled),
		widget.NewFormItem(lang.X("settings.sm.contract_id", "契約ID"), t.contractID),
		widget.NewFormItem(lang.X("settings.sm.url", "URL"), t.url),
		widget.NewFormItem(lang.X("settings.sm.token", "アクセストークン"), t.token.content),
		widget.NewFormItem(lang.X("settings.sm.department", "API連携で商品を登録する際のスマレジ上の部門ID"), t.department),
		widget.NewFormItem(lang.X("settings.sm.product_code", "都度決済予約の店頭決済として登録する商品コード"), t.product),
		widget.NewFormItem(lang.X("settings.sm.pull_every", "取引情報を取得する間隔（分）"), t.pullEvery),
	)
	recv := widget.NewForm(
		widget.NewFormItem(lang.X("settings.sm.port", "受信ポート"), t.port),
	)
	where := widget.NewLabel(lang.X("settings.sm.receiver_where",
		"スマレジに設定する送信URLとIDコード（x-access-token）は システム情報 で確認・発行します。"))
	where.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(
		t.keychain.content, smaregiWarning(),
		heading(lang.X("settings.sm.heading_api", "スマレジAPI（API受信設定）")), api, t.test.content,
		widget.NewSeparator(),
		heading(lang.X("settings.sm.heading_receiver", "取引情報の受信（API送信設定）")), recv, where,
	)
	t.content = container.NewBorder(nil, container.NewHBox(t.saveBtn), nil, nil, container.NewVScroll(container.NewPadded(body)))
	return t
}

func (t *smaregiTab) fill() error {
	sm, err := t.s.conf.Smaregi(context.Background())
	if err != nil {
		return err
	}
	t.enabled.SetChecked(sm.Enabled)
	t.contractID.SetText(sm.ContractID)
	t.url.SetText(sm.URL)
	t.department.SetText(sm.DepartmentID)
	t.product.SetText(sm.ProductCode)
	t.pullEvery.SetText(strconv.Itoa(sm.PullInterval))
	t.port.SetText(strconv.Itoa(sm.ReceiverPort))
	return nil
}

func (t *smaregiTab) read() asettings.Smaregi {
	return asettings.TrimSmaregi(asettings.Smaregi{
		Enabled:    t.enabled.Checked,
		ContractID: t.contractID.Text, URL: t.url.Text,
		DepartmentID: t.department.Text, ProductCode: t.product.Text,
		PullInterval: number(t.pullEvery), ReceiverPort: number(t.port),
	})
}

func (t *smaregiTab) save() {
	sm := t.read()
	if err := asettings.CheckSmaregi(sm); err != nil {
		t.s.showError(err)
		return
	}
	tok := t.token.typed()
	if sm.Enabled && tok == "" && !t.token.stored {
		t.s.showError(&app.UserError{Key: "settings.error.token_required"})
		return
	}
	t.saveBtn.Disable()
	t.s.background(func() {
		err := storeTyped(t.s.deps.Secrets, map[*secretField]string{t.token: tok})
		t.s.do(func() {
			defer t.saveBtn.Enable()
			if err == nil {
				err = t.s.conf.SaveSmaregi(context.Background(), sm)
			}
			if err != nil {
				t.s.showError(err)
				return
			}
			if tok != "" {
				t.token.saved(tok)
			}
			t.s.showInfo(lang.X("settings.saved_title", "設定"), lang.X("settings.saved", "保存しました。"))
		})
	})
}

func (t *smaregiTab) prepareTest() (func(ctx context.Context) error, error) {
	sm := t.read()
	sm.Enabled = true // a test needs what sync needs
	if err := asettings.CheckSmaregi(sm); err != nil {
		return nil, err
	}
	typed, st, test := t.token.typed(), t.s.deps.Secrets, t.s.deps.TestSmaregi
	return func(ctx context.Context) error {
		tok, err := secretFor(st, t.token, typed)
		if err != nil {
			return err
		}
		if tok == "" {
			return &app.UserError{Key: "settings.error.token_required"}
		}
		return test(ctx, sm, tok)
	}, nil
}

// smaregiWarning is the seed's rule said where sync is switched on: a customer is
// registered in SalonDesk only, or Smaregi would hold them twice.
func smaregiWarning() fyne.CanvasObject {
	l := widget.NewLabel(lang.X("settings.sm.warning",
		"スマレジ連携を有効にしている間は、お客様をスマレジで直接登録しないでください。お客様はSalonDeskで登録すると、スマレジへ自動で連携されます（スマレジでも登録すると、同じお客様が二重に登録されます）。"))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}
