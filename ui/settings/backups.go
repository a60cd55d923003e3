package settings

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app/backup"
)

// backupTab is バックアップ: 今すぐバックアップ, and the list of backups with 復元 each.
type backupTab struct {
	s       *screen
	dir     string
	nowBtn  *widget.Button
	bar     *busyBar
	status  *widget.Label
	list    *fyne.Container
	rows    []backup.Backup // what the list shows, newest first
	content fyne.CanvasObject
}

func newBackupTab(s *screen) *backupTab {
	t := &backupTab{s: s, dir: backup.Dir(s.deps.DataDir), bar: newBusyBar(),
		status: widget.NewLabel(""), list: container.NewVBox()}
	t.status.Wrapping = fyne.TextWrapWord
	t.nowBtn = widget.NewButtonWithIcon(lang.X("settings.backup.now", "今すぐバックアップ"), theme.DocumentSaveIcon(), t.backupNow)
	t.nowBtn.Importance = widget.HighImportance
	about := widget.NewLabel(lang.X("settings.backup.about",
		"データベースは毎日自動でバックアップされ、30日間保存されます。保存場所: {{.Dir}}", map[string]any{"Dir": t.dir}))
	about.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(about, container.NewHBox(t.nowBtn), t.bar.box, t.status, widget.NewSeparator(),
		heading(lang.X("settings.backup.list", "バックアップ一覧")), t.list)
	t.content = container.NewVScroll(container.NewPadded(body))
	return t
}

// refresh rereads the backups directory (a local listing: fast).
func (t *backupTab) refresh() {
	list, err := backup.List(t.dir)
	if err != nil {
		t.s.showError(err)
		return
	}
	t.rows = list
	t.list.Objects = nil
	if len(list) == 0 {
		t.list.Add(widget.NewLabel(lang.X("settings.backup.none", "バックアップはまだありません。")))
	}
	for _, b := range list {
		b := b
		restore := widget.NewButton(lang.X("settings.backup.restore", "復元"), func() { t.confirmRestore(b) })
		t.list.Add(container.NewBorder(nil, nil, nil, restore,
			widget.NewLabel(lang.X("settings.backup.row", "{{.Time}}　{{.Size}}",
				map[string]any{"Time": b.Time.Format("2006.01.02 15:04:05"), "Size": size(b.Size)}))))
	}
	t.list.Refresh()
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func (t *backupTab) busy(text string) {
	t.nowBtn.Disable()
	t.bar.start()
	t.status.SetText(text)
}

func (t *backupTab) idle(text string) {
	t.bar.stop()
	t.nowBtn.Enable()
	t.status.SetText(text)
}

func (t *backupTab) backupNow() {
	t.busy(lang.X("settings.backup.running", "バックアップしています…"))
	dbPath, now := t.s.a.DatabasePath(), t.s.a.Now()
	t.s.background(func() {
		b, err := backup.Now(context.Background(), dbPath, t.dir, now)
		t.s.do(func() {
			if err != nil {
				t.idle("")
				t.s.showError(err)
				return
			}
			t.idle(lang.X("settings.backup.done", "バックアップしました: {{.Path}}", map[string]any{"Path": b.Path}))
			t.refresh()
		})
	})
}

func (t *backupTab) confirmRestore(b backup.Backup) {
	msg := lang.X("settings.backup.restore_confirm",
		"{{.Time}} のバックアップに戻します。それより後に入力した予約・お客様などの情報は失われます（今のデータも念のためバックアップしてから置き換えます）。よろしいですか？",
		map[string]any{"Time": b.Time.Format("2006.01.02 15:04")})
	d := dialog.NewConfirm(lang.X("settings.backup.restore_title", "バックアップから復元"), msg, func(ok bool) {
		if ok {
			t.restore(b)
		}
	}, t.s.win)
	d.SetConfirmText(lang.X("settings.backup.restore", "復元"))
	d.SetDismissText(lang.X("settings.cancel", "キャンセル"))
	d.Show()
}

// restore checks the backup and stages it; the database is replaced at the restart.
func (t *backupTab) restore(b backup.Backup) {
	t.busy(lang.X("settings.backup.checking", "バックアップを確認しています…"))
	dbPath := t.s.a.DatabasePath()
	t.s.background(func() {
		err := backup.Stage(context.Background(), b.Path, dbPath)
		t.s.do(func() {
			if err != nil {
				t.idle("")
				t.s.showError(err)
				return
			}
			t.idle(lang.X("settings.backup.staged", "復元の準備ができました。アプリを再起動すると、復元したデータで開きます。"))
			t.askRestart()
		})
	})
}

func (t *backupTab) askRestart() {
	title := lang.X("settings.backup.restore_title", "バックアップから復元")
	if t.s.deps.Restart == nil {
		t.s.showInfo(title, lang.X("settings.backup.restart_by_hand",
			"復元の準備ができました。アプリを終了して、もう一度起動してください。起動するときに復元されます。"))
		return
	}
	d := dialog.NewConfirm(title, lang.X("settings.backup.restart_now",
		"復元の準備ができました。今すぐアプリを再起動しますか？（あとで再起動しても、起動するときに復元されます）"),
		func(ok bool) {
			if ok {
				t.s.deps.Restart()
			}
		}, t.s.win)
	d.SetConfirmText(lang.X("settings.backup.restart", "再起動"))
	d.SetDismissText(lang.X("settings.later", "あとで"))
	d.Show()
}
