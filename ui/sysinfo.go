package ui

import (
	"context"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// systemInfo is 設定's システム情報: what support asks for first (version, where the data
// lives, the schema version), with the salon's name and the sync status.
type systemInfo struct {
	shell   *Shell
	version *widget.Label
	path    *widget.Label
	schema  *widget.Label
	salon   *widget.Label
	sync    *widget.Label
	body    *fyne.Container
	content fyne.CanvasObject
}

func newSystemInfo(s *Shell) *systemInfo {
	v := &systemInfo{shell: s, version: widget.NewLabel(""), path: widget.NewLabel(""),
		schema: widget.NewLabel(""), salon: widget.NewLabel(""), sync: widget.NewLabel("")}
	v.path.Selectable = true // so that it can be copied into a file manager or a support mail
	title := widget.NewLabelWithStyle(lang.X("ui.settings.title", "設定"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	key := func(k, fallback string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(lang.X(k, fallback), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	form := container.New(layout.NewFormLayout(),
		key("ui.sysinfo.version", "バージョン"), v.version,
		key("ui.sysinfo.data_path", "データの保存場所"), v.path,
		key("ui.sysinfo.schema", "データベースのバージョン"), v.schema,
		key("ui.sysinfo.salon", "サロン名"), v.salon,
		key("ui.sysinfo.sync", "同期"), v.sync,
	)
	v.body = container.NewVBox(title, heading(lang.X("ui.sysinfo.title", "システム情報"), theme.InfoIcon()), form)
	v.content = container.NewVScroll(container.NewPadded(v.body))
	return v
}

func (v *systemInfo) refresh() error {
	ctx := context.Background()
	a := v.shell.app
	v.version.SetText(a.Version())
	path := a.Store().Path()
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	v.path.SetText(path)
	schema, err := a.Store().SchemaVersion()
	if err != nil {
		return err
	}
	v.schema.SetText(strconv.Itoa(schema))
	salon, err := a.Salon(ctx)
	if err != nil {
		return err
	}
	v.salon.SetText(salon.Name)
	h, err := a.Home(ctx)
	if err != nil {
		return err
	}
	var st SyncStatus
	if v.shell.screens.SyncStatus != nil {
		st = v.shell.screens.SyncStatus()
	}
	v.sync.SetText(syncText(st, h.PendingJobs, a.Now()))
	v.body.Refresh()
	return nil
}
