package settings

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app/salonboard"
)

// 「SALON BOARDから取り込む」 on the SALON BOARD tab: SALON BOARD is read off the UI
// goroutine (the registration form, then the reservation list of the last 60 days), then
// a preview lists every staff member, coupon and menu as 新規 / 登録済み / 表記ゆれ and asks
// for the lengths and prices SALON BOARD does not show; OK adds them in one transaction.

// ImportTimeout bounds reading SALON BOARD for the preview: the reservation list of four
// months is many paced pages.
const ImportTimeout = 15 * time.Minute

// sbImport is the button, its progress and its last result.
type sbImport struct {
	s       *screen
	room    *salonboard.Room
	btn     *widget.Button
	bar     *busyBar
	result  *widget.Label
	last    *preview // the preview shown last (tests read it)
	content fyne.CanvasObject
}

func newSBImport(s *screen) *sbImport {
	m := &sbImport{s: s, room: salonboard.New(s.a), bar: newBusyBar(), result: widget.NewLabel("")}
	m.btn = widget.NewButtonWithIcon(lang.X("sbimport.button", "SALON BOARDから取り込む"), theme.DownloadIcon(), m.run)
	m.result.Wrapping = fyne.TextWrapBreak
	hint := widget.NewLabel(lang.X("sbimport.hint",
		"SALON BOARDのスタッフ・メニュー・クーポンを、SALON BOARDと同じ名前でここに登録します。取り込む前に一覧で確認できます。"))
	hint.Wrapping = fyne.TextWrapBreak
	if s.deps.SalonBoardMasters == nil {
		m.btn.Disable()
		m.result.SetText(lang.X("sbimport.not_set_up", "SALON BOARDとの同期を設定して保存すると使えます。"))
	}
	m.content = container.NewVBox(hint, container.NewHBox(m.btn), m.bar.box, m.result)
	return m
}

// run reads SALON BOARD in the background and shows the preview.
func (m *sbImport) run() {
	src := m.s.deps.SalonBoardMasters
	m.busy(true, lang.X("sbimport.reading", "SALON BOARDを読み込んでいます…（予約一覧を読むため、数分かかることがあります）"))
	m.s.background(func() {
		ctx, cancel := context.WithTimeout(context.Background(), ImportTimeout)
		defer cancel()
		p, err := m.room.PreviewMastersImport(ctx, src)
		m.s.do(func() {
			m.busy(false, "")
			if err != nil {
				m.s.showError(err)
				return
			}
			m.last = newPreview(m, p)
			m.last.show()
		})
	})
}

func (m *sbImport) busy(on bool, text string) {
	if on {
		m.btn.Disable()
		m.bar.start()
	} else {
		m.btn.Enable()
		m.bar.stop()
	}
	m.result.SetText(text)
}

// write adds what the preview says, then reports.
func (m *sbImport) write(items []salonboard.ImportItem, again func()) {
	res, err := m.room.ImportMasters(context.Background(), items)
	if err != nil {
		m.s.showError(err)
		if again != nil {
			again()
		}
		return
	}
	text := lang.X("sbimport.done", "スタッフ {{.Staff}}人・クーポン {{.Coupons}}件・メニュー {{.Menus}}件を追加し、表記ゆれ {{.Mapped}}件を対応づけました。",
		map[string]any{"Staff": res.Staff, "Coupons": res.Coupons, "Menus": res.Menus, "Mapped": res.Mapped})
	m.result.SetText(text)
	m.s.showInfo(lang.X("sbimport.title", "SALON BOARDから取り込む"), text)
}
