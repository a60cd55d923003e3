package masters

import (
	"context"
	"errors"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
)

// SmaregiSender is 「スマレジへ一括反映」 as the wiring gives it: whether Smaregi sync is
// on, and the send of the imported customers Smaregi does not know yet (app/smaregi's
// SendImported), which tells its progress after each batch and stops when ctx ends.
// What it sent stays sent, so a second send goes on where the first stopped.
type SmaregiSender interface {
	Enabled(ctx context.Context) bool
	SendImported(ctx context.Context, progress func(done, total int)) error
}

// NewCustomerScreenWith is お客様管理 with 「スマレジへ一括反映」 (sm nil: without it).
func NewCustomerScreenWith(a *app.App, win fyne.Window, openReservation func(id int64), sm SmaregiSender) fyne.CanvasObject {
	s := newCustomerScreen(a, win, openReservation)
	if sm != nil {
		s.addSmaregiBulk(newSmaregiBulk(s, sm, fyne.Do))
	}
	return s.view
}

// smaregiBulk is the button, its progress bar and its 中止.
type smaregiBulk struct {
	s       *customerScreen
	sender  SmaregiSender
	do      func(func()) // to the UI goroutine: fyne.Do (tests queue it)
	btn     *widget.Button
	stopBtn *widget.Button
	bar     *widget.ProgressBar
	status  *widget.Label
	row     *fyne.Container // bar, 中止 and the status line
	jobs    sync.WaitGroup  // the send running, so that tests can wait for it
	cancel  context.CancelFunc
	offSaid bool // the status says Smaregi is off
}

func newSmaregiBulk(s *customerScreen, sender SmaregiSender, do func(func())) *smaregiBulk {
	b := &smaregiBulk{s: s, sender: sender, do: do, bar: widget.NewProgressBar(), status: widget.NewLabel("")}
	b.btn = widget.NewButton(lang.X("customers.ui.smaregi_send", "スマレジへ一括反映"), b.start)
	b.stopBtn = widget.NewButton(lang.X("customers.ui.smaregi_stop", "中止"), b.stop)
	b.status.Wrapping = fyne.TextWrapWord
	b.row = container.NewBorder(nil, b.status, nil, b.stopBtn, b.bar)
	b.bar.Hide()
	b.stopBtn.Hide()
	b.showEnabled()
	s.a.Events().Subscribe(func(e app.Event) {
		if c, ok := e.(app.SettingsChanged); ok && c.Section == "smaregi" {
			b.do(b.showEnabled)
		}
	})
	return b
}

// addSmaregiBulk puts the button beside CSV取込 and its progress under the buttons.
func (s *customerScreen) addSmaregiBulk(b *smaregiBulk) {
	s.smaregi = b
	s.buttons.Add(b.btn)
	s.top.Add(b.row)
	s.top.Refresh()
}

// showEnabled disables the button while Smaregi is off, and says so.
func (b *smaregiBulk) showEnabled() {
	if b.cancel != nil {
		return // a send is running: its own state shows
	}
	if b.sender.Enabled(context.Background()) {
		b.btn.Enable()
		if b.offSaid {
			b.setStatus("", widget.MediumImportance)
		}
		return
	}
	b.btn.Disable()
	b.setStatus(lang.X("customers.ui.smaregi_off",
		"スマレジ連携が無効のため、スマレジへ一括反映は使えません。設定 > スマレジ で有効にしてください。"), widget.WarningImportance)
	b.offSaid = true
}

func (b *smaregiBulk) setStatus(text string, imp widget.Importance) {
	b.offSaid = false
	b.status.Importance = imp
	b.status.SetText(text)
}

// start sends in the background; progress and the end reach the widgets through do.
func (b *smaregiBulk) start() {
	if b.cancel != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	b.btn.Disable()
	b.bar.Max, b.bar.Value = 1, 0
	b.bar.Show()
	b.bar.Refresh()
	b.stopBtn.Enable()
	b.stopBtn.Show()
	b.setStatus(lang.X("customers.ui.smaregi_running", "取込したお客様をスマレジへ送っています…"), widget.MediumImportance)
	sender := b.sender
	b.jobs.Add(1)
	go func() {
		defer b.jobs.Done()
		sent := 0
		err := sender.SendImported(ctx, func(done, total int) {
			sent = done
			b.do(func() { b.progress(done, total) })
		})
		stopped := ctx.Err() != nil
		cancel()
		b.do(func() { b.finish(sent, err, stopped) })
	}()
}

func (b *smaregiBulk) progress(done, total int) {
	b.bar.Max = float64(max(total, 1))
	b.bar.SetValue(float64(done))
	b.setStatus(lang.X("customers.ui.smaregi_progress", "スマレジへ送っています… {{.Done}} / {{.Total}}件",
		map[string]any{"Done": done, "Total": total}), widget.MediumImportance)
}

// stop is 中止: the batch on its way finishes (Smaregi has it), then the send ends.
func (b *smaregiBulk) stop() {
	if b.cancel != nil {
		b.cancel()
		b.stopBtn.Disable()
	}
}

func (b *smaregiBulk) finish(sent int, err error, stopped bool) {
	b.cancel = nil
	b.stopBtn.Hide()
	b.btn.Enable()
	switch {
	case stopped:
		b.setStatus(lang.X("customers.ui.smaregi_stopped",
			"中止しました（{{.Done}}件送信済み）。もう一度「スマレジへ一括反映」を押すと、続きから送ります。",
			map[string]any{"Done": sent}), widget.WarningImportance)
	case err != nil:
		b.bar.Hide()
		b.setStatus(lang.X("customers.ui.smaregi_failed", "スマレジへ送れませんでした（{{.Done}}件送信済み）。{{.Reason}}",
			map[string]any{"Done": sent, "Reason": err.Error()}), widget.DangerImportance)
		if !errors.Is(err, context.Canceled) {
			showErr(b.s.win, err)
		}
	case sent == 0:
		b.bar.Hide()
		b.setStatus(lang.X("customers.ui.smaregi_none", "スマレジへ送っていない取込のお客様はいません。"), widget.MediumImportance)
	default:
		b.bar.SetValue(b.bar.Max)
		b.setStatus(lang.X("customers.ui.smaregi_done", "{{.Done}}件のお客様をスマレジへ反映しました。",
			map[string]any{"Done": sent}), widget.SuccessImportance)
	}
	b.showEnabled()
}
