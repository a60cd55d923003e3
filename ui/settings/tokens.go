package settings

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
)

// ReceiverTokens are the IDコード the Smaregi receiver accepts (app/smaregi's Room): a
// code is shown once when issued, only its hash is kept.
type ReceiverTokens interface {
	IssueToken(ctx context.Context, label string) (string, data.ReceiverToken, error)
	Tokens(ctx context.Context) ([]data.ReceiverToken, error)
	RevokeToken(ctx context.Context, id int64) error
}

// tokenList is システム情報's IDコード list with 発行 and 無効にする.
type tokenList struct {
	s        *screen
	label    *widget.Entry
	issueBtn *widget.Button
	rows     *fyne.Container
	content  fyne.CanvasObject
}

func newTokenList(s *screen) *tokenList {
	l := &tokenList{s: s, label: widget.NewEntry(), rows: container.NewVBox()}
	l.label.SetPlaceHolder(lang.X("settings.sm.token_label_hint", "メモ（例: 本店のスマレジ）"))
	l.issueBtn = widget.NewButton(lang.X("settings.sm.token_issue", "発行"), l.issue)
	if s.deps.Tokens == nil {
		l.issueBtn.Disable()
	}
	l.content = container.NewVBox(
		container.NewBorder(nil, nil, nil, l.issueBtn, l.label),
		l.rows)
	return l
}

// refresh reads the list off the UI goroutine.
func (l *tokenList) refresh() {
	tokens := l.s.deps.Tokens
	if tokens == nil {
		l.rows.Objects = []fyne.CanvasObject{widget.NewLabel(
			lang.X("settings.sm.tokens_unwired", "スマレジの受信は組み込まれていません。"))}
		l.rows.Refresh()
		return
	}
	l.s.background(func() {
		list, err := tokens.Tokens(context.Background())
		l.s.do(func() { l.shown(list, err) })
	})
}

func (l *tokenList) shown(list []data.ReceiverToken, err error) {
	if err != nil {
		l.s.showError(err)
		return
	}
	l.show(list)
}

func (l *tokenList) show(list []data.ReceiverToken) {
	l.rows.Objects = nil
	for _, t := range list {
		l.rows.Add(l.row(t))
	}
	if len(list) == 0 {
		none := widget.NewLabel(lang.X("settings.sm.tokens_none", "IDコードはまだ発行されていません。"))
		none.Importance = widget.LowImportance
		l.rows.Add(none)
	}
	l.rows.Refresh()
}

func (l *tokenList) row(t data.ReceiverToken) fyne.CanvasObject {
	name := t.Label
	if name == "" {
		name = lang.X("settings.sm.token_no_label", "（メモなし）")
	}
	text := widget.NewLabel(lang.X("settings.sm.token_row", "{{.Label}}　発行 {{.At}}",
		map[string]any{"Label": name, "At": t.CreatedAt.Format("2006/01/02 15:04")}))
	if !t.RevokedAt.IsZero() {
		text.SetText(text.Text + "　" + lang.X("settings.sm.token_revoked", "無効（{{.At}}）",
			map[string]any{"At": t.RevokedAt.Format("2006/01/02 15:04")}))
		text.Importance = widget.LowImportance
		return text
	}
	id := t.ID
	revoke := widget.NewButton(lang.X("settings.sm.token_revoke", "無効にする"), func() { l.revoke(id, name) })
	revoke.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, nil, revoke, text)
}

func (l *tokenList) issue() {
	label, tokens := l.label.Text, l.s.deps.Tokens
	l.issueBtn.Disable()
	l.s.background(func() {
		code, _, err := tokens.IssueToken(context.Background(), label)
		list, lerr := tokens.Tokens(context.Background())
		l.s.do(func() {
			l.issueBtn.Enable()
			if err != nil {
				l.s.showError(err)
				return
			}
			l.label.SetText("")
			l.shown(list, lerr)
			l.s.showToken(code)
		})
	})
}

func (l *tokenList) revoke(id int64, name string) {
	dialog.ShowConfirm(lang.X("settings.sm.token_revoke", "無効にする"),
		lang.X("settings.sm.token_revoke_confirm",
			"IDコード「{{.Label}}」を無効にすると、このコードを送ってくるスマレジからの取引は受け取れなくなります（定期的な取得では届きます）。よろしいですか？",
			map[string]any{"Label": name}),
		func(ok bool) {
			if !ok {
				return
			}
			tokens := l.s.deps.Tokens
			l.s.background(func() {
				err := tokens.RevokeToken(context.Background(), id)
				list, lerr := tokens.Tokens(context.Background())
				l.s.do(func() {
					if err != nil {
						l.s.showError(err)
					}
					l.shown(list, lerr)
				})
			})
		}, l.s.win)
}

// showToken shows a new IDコード once, to be pasted into Smaregi's API送信設定 (the
// seed's ヘッダ情報: x-access-token); after this dialog it is nowhere to be seen again.
func (s *screen) showToken(tok string) {
	value := widget.NewLabel(tok)
	value.Selectable = true // to be copied by hand, too
	value.TextStyle = fyne.TextStyle{Monospace: true}
	copyBtn := widget.NewButton(lang.X("settings.sm.copy", "コピー"), func() {
		fyne.CurrentApp().Clipboard().SetContent(tok)
	})
	msg := widget.NewLabel(lang.X("settings.sm.token_howto",
		"スマレジの API送信設定 > 取引情報送信 > 個別設定 の ヘッダ情報 に、左に x-access-token、右にこの値を貼り付けてください。この値はこの画面を閉じると再表示できません。"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.X("settings.sm.token_title", "IDコード（x-access-token）"),
		lang.X("settings.close", "閉じる"),
		container.NewVBox(msg, container.NewBorder(nil, nil, nil, copyBtn, value)), s.win)
	d.Resize(fyne.NewSize(640, 260))
	d.Show()
}
