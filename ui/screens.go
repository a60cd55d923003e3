package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// ScheduleScreen is what the shell needs of 日次スケジュール (schedule.Screen has it).
type ScheduleScreen interface {
	Content() fyne.CanvasObject
	SetDay(day time.Time)
}

// ReservationList is what the shell needs of 予約一覧 (reservation.List has it).
type ReservationList interface {
	Content() fyne.CanvasObject
	ShowFailed() // the 失敗 filter, where 「予約一覧へ」 lands
}

// SyncStatus is what the top bar shows about syncing with SALON BOARD and Smaregi.
type SyncStatus struct {
	Configured bool      // a sync is set up at all; false shows オフライン（同期未設定）
	Online     bool      // the last attempt reached the other side
	LastSync   time.Time // last successful sync; zero when there was none yet
	// BringIn: SALON BOARD's reservations are being brought in, Done of about Total.
	BringIn                   bool
	BringInDone, BringInTotal int
}

// Screens are the constructors of the screens other packages own. main.go wires them;
// the shell calls each once, on the first visit, with its main window, and keeps what it
// returns. A nil constructor shows a short notice instead of the screen.
type Screens struct {
	Schedule     func(win fyne.Window) ScheduleScreen
	Reservations func(win fyne.Window) ReservationList
	StopResume   func(win fyne.Window) fyne.CanvasObject // 予約 停止・再開
	Staff        func(win fyne.Window) fyne.CanvasObject // 受付・スタッフ/マシン・設備
	Menus        func(win fyne.Window) fyne.CanvasObject // クーポン・メニュー・定額プラン
	Customers    func(win fyne.Window) fyne.CanvasObject // お客様管理
	Settings     func(win fyne.Window) fyne.CanvasObject // 設定, with システム情報

	// OpenReservation shows the reservation detail window.
	OpenReservation func(win fyne.Window, id int64)
	// Transcribe opens 予約情報登録(転記) for a provisional reservation from SALON BOARD.
	Transcribe func(win fyne.Window, id int64)
	// SyncStatus reports the sync workers' state; nil until sync is wired. It is called on
	// the UI goroutine at every refresh: it must return at once (no network).
	SyncStatus func() SyncStatus
	// UnmatchedNames counts 未対応のクーポン名 (names SALON BOARD used that map to nothing
	// here) for Home; nil shows none. A local database read, called at every refresh.
	UnmatchedNames func() int
}
