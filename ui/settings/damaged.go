package settings

import (
	"context"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"salondesk/app/backup"
)

// ShowDamaged is the dialog at start when backup.Check found the database damaged: it
// offers the latest good backup (never a silent reset). Restoring moves the damaged
// file into DIR/damaged and puts the backup in its place; done(true) then means the
// database can be opened. done(false): the user chose to quit, or nothing could be
// restored. Call it before the database is opened.
func ShowDamaged(win fyne.Window, dbPath, backupDir string, now time.Time, done func(restored bool)) {
	title := lang.X("settings.damaged.title", "データベースが壊れています")
	latest, err := backup.LatestGood(backupDir)
	if err != nil {
		d := dialog.NewInformation(title, lang.X("settings.damaged.no_backup",
			"データベースが壊れているため開けません。正常なバックアップが見つかりませんでした。データはそのまま残しています。サポートにご連絡ください（データの保存場所: {{.Dir}}）。",
			map[string]any{"Dir": filepath.Dir(dbPath)}), win)
		d.SetOnClosed(func() { done(false) })
		d.Show()
		return
	}
	msg := lang.X("settings.damaged.offer",
		"データベースが壊れているため開けません。最新の正常なバックアップ（{{.Time}}）から復元しますか？それより後に入力した情報は失われます。壊れたデータベースは消さずに残します。",
		map[string]any{"Time": latest.Time.Format("2006.01.02 15:04")})
	d := dialog.NewConfirm(title, msg, func(ok bool) {
		if !ok {
			done(false)
			return
		}
		if err := restoreAtStart(latest.Path, dbPath, backupDir, now); err != nil {
			e := dialog.NewError(err, win)
			e.SetOnClosed(func() { done(false) })
			e.Show()
			return
		}
		done(true)
	}, win)
	d.SetConfirmText(lang.X("settings.damaged.restore", "バックアップから復元"))
	d.SetDismissText(lang.X("settings.damaged.quit", "終了"))
	d.Show()
}

// restoreAtStart stages the backup and applies it at once: the database is not open.
func restoreAtStart(file, dbPath, backupDir string, now time.Time) error {
	if err := backup.Stage(context.Background(), file, dbPath); err != nil {
		return err
	}
	_, err := backup.ApplyPending(dbPath, backupDir, now)
	return err
}
