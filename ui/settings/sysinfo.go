package settings

import (
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// infoTab is システム情報: what support asks for first.
type infoTab struct {
	s        *screen
	version  *widget.Label
	dataDir  *widget.Label
	dbPath   *widget.Label
	logPath  *widget.Label
	schema   *widget.Label
	sync     *widget.Label
	keychain *widget.Label
	receiver *widget.Label
	tokens   *tokenList
	content  fyne.CanvasObject
}

func newInfoTab(s *screen) *infoTab {
	t := &infoTab{s: s, tokens: newTokenList(s)}
	labels := []**widget.Label{&t.version, &t.dataDir, &t.dbPath, &t.logPath, &t.schema, &t.sync, &t.keychain, &t.receiver}
	for _, l := range labels {
		*l = widget.NewLabel("")
		(*l).Selectable = true // to be copied into a support mail
		(*l).Wrapping = fyne.TextWrapBreak
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.X("settings.info.version", "バージョン"), t.version),
		widget.NewFormItem(lang.X("settings.info.data_dir", "データの保存場所"), t.dataDir),
		widget.NewFormItem(lang.X("settings.info.db_path", "データベース"), t.dbPath),
		widget.NewFormItem(lang.X("settings.info.log_path", "ログファイル"), t.logPath),
		widget.NewFormItem(lang.X("settings.info.schema", "データベースのバージョン"), t.schema),
		widget.NewFormItem(lang.X("settings.info.sync", "同期の状態"), t.sync),
		widget.NewFormItem(lang.X("settings.info.keychain", "キーチェーン"), t.keychain),
		widget.NewFormItem(lang.X("settings.info.receiver_url", "スマレジAPI 送信URL"), t.receiver),
	)
	licences := widget.NewButton(lang.X("settings.info.licences", "ライセンス"), func() { showLicences(s.win) })
	t.content = container.NewVScroll(container.NewPadded(container.NewVBox(form, container.NewHBox(licences),
		widget.NewSeparator(), heading(lang.X("settings.sm.tokens_heading", "スマレジAPI IDコード（x-access-token）")),
		t.tokens.content)))
	return t
}

func (t *infoTab) refresh() {
	a, d := t.s.a, t.s.deps
	t.version.SetText(a.Version())
	t.dataDir.SetText(abs(d.DataDir))
	t.dbPath.SetText(abs(a.DatabasePath()))
	t.logPath.SetText(orDash(abs(d.LogPath)))
	if v, err := a.SchemaVersion(); err == nil {
		t.schema.SetText(strconv.Itoa(v))
	}
	sync := lang.X("settings.info.sync_unknown", "同期は組み込まれていません")
	if d.SyncState != nil {
		sync = d.SyncState()
	}
	t.sync.SetText(sync)
	receiver := ""
	if d.ReceiverURL != nil {
		receiver = d.ReceiverURL()
	}
	if receiver == "" {
		receiver = lang.X("settings.sm.receiver_off", "— （スマレジ連携が無効か、受信ポートが使えません）")
	}
	t.receiver.SetText(receiver)
	t.tokens.refresh()
	t.keychain.SetText(lang.X("settings.secret.checking", "確認中…"))
	st := d.Secrets
	t.s.background(func() {
		err := st.Available()
		t.s.do(func() {
			if err != nil {
				t.keychain.SetText(err.Error())
				return
			}
			t.keychain.SetText(lang.X("settings.info.keychain_ok", "利用できます"))
		})
	})
}

func abs(p string) string {
	if p == "" {
		return ""
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
