// Package ui is SalonDesk's window: the shell (left menu, top bar), Home, the お知らせ
// list and its detail dialog, and 売上管理. The other screens (設定 with its システム情報
// among them) live in subpackages and are handed in as Screens, so that this package
// does not import them.
package ui

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/ui/sales"
)

// Shell is the main window's content: the left menu, the top bar and the current page.
type Shell struct {
	app     *app.App
	win     fyne.Window
	screens Screens

	top     *topBar
	side    *sidebar
	body    *fyne.Container
	content fyne.CanvasObject

	pages   map[Page]*page
	current Page

	home         *homeScreen
	notices      *noticeList
	sales        *sales.Screen
	payments     *sales.Payments
	dayClose     *sales.DayClose
	schedule     ScheduleScreen
	reservations ReservationList

	// queued is set while a refresh waits for the UI goroutine, so that a burst of
	// events (a sync applying fifty mails) costs one refresh.
	queued      atomic.Bool
	unsubscribe func()
}

// page is one built page; refresh is set for the pages this package owns (the others
// subscribe to events themselves).
type page struct {
	content fyne.CanvasObject
	refresh func(h app.Home) error
}

// NewShell builds the shell on win and shows Home. Call Close when the window goes.
func NewShell(a *app.App, win fyne.Window, s Screens) *Shell { return newShellOn(a, win, s, PageHome) }

// newShellOn builds the shell showing first, and only first: another page is built on its
// first visit, not before the window's first frame.
func newShellOn(a *app.App, win fyne.Window, s Screens, first Page) *Shell {
	sh := &Shell{app: a, win: win, screens: s, pages: map[Page]*page{}}
	sh.top = newTopBar(a, s.SyncStatus, func() { sh.Show(PageNotifications) })
	sh.side = newSidebar(sh.Show)
	sh.body = container.NewStack()
	sh.content = container.NewBorder(sh.top.content, nil, sh.side.content, nil, sh.body)
	sh.unsubscribe = a.Events().Subscribe(sh.onEvent)
	sh.Show(first)
	return sh
}

// Content is what the window shows.
func (s *Shell) Content() fyne.CanvasObject { return s.content }

// Current is the page being shown.
func (s *Shell) Current() Page { return s.current }

// Close stops listening to the app's events.
func (s *Shell) Close() {
	if s.unsubscribe != nil {
		s.unsubscribe()
		s.unsubscribe = nil
	}
}

// Show switches to p, building it on the first visit and keeping it afterwards.
func (s *Shell) Show(p Page) {
	pg, ok := s.pages[p]
	if !ok {
		pg = s.build(p)
		s.pages[p] = pg
	}
	s.current = p
	s.side.selectPage(p)
	s.Refresh() // fill the page before it is laid out
	s.body.Objects = []fyne.CanvasObject{pg.content}
	s.body.Refresh()
}

// ShowSchedule shows 日次スケジュール on day.
func (s *Shell) ShowSchedule(day time.Time) {
	s.Show(PageSchedule)
	if s.schedule != nil {
		s.schedule.SetDay(day)
	}
}

// ShowFailedReservations is 「予約一覧へ」: the list filtered to failed reservations.
func (s *Shell) ShowFailedReservations() {
	s.Show(PageReservations)
	if s.reservations != nil {
		s.reservations.ShowFailed()
	}
}

// openReservation shows a reservation's detail window.
func (s *Shell) openReservation(id int64) {
	if s.screens.OpenReservation != nil && id != 0 {
		s.screens.OpenReservation(s.win, id)
	}
}

// Refresh rereads what the top bar and the current page show. UI goroutine only.
func (s *Shell) Refresh() {
	ctx := context.Background()
	salon, err := s.app.Salon(ctx)
	if err != nil {
		s.showError(err)
		return
	}
	h, err := s.app.Home(ctx)
	if err != nil {
		s.showError(err)
		return
	}
	s.top.update(salon, h)
	if pg := s.pages[s.current]; pg != nil && pg.refresh != nil {
		if err := pg.refresh(h); err != nil {
			s.showError(err)
		}
		// Texts changed their sizes: lay the page out again, down to its inner rows.
		pg.content.Refresh()
	}
}

// onEvent runs on whichever goroutine published: it hops to the UI goroutine.
func (s *Shell) onEvent(app.Event) {
	if !s.queued.CompareAndSwap(false, true) {
		return
	}
	fyne.Do(func() {
		s.queued.Store(false)
		s.Refresh()
	})
}

func (s *Shell) showError(err error) {
	fyne.LogError("SalonDesk", err)
	dialog.ShowError(err, s.win)
}

// build makes page p: this package's own pages, or the injected screens.
func (s *Shell) build(p Page) *page {
	switch p {
	case PageHome:
		s.home = newHomeScreen(s)
		return &page{content: s.home.content, refresh: s.home.update}
	case PageNotifications:
		s.notices = newNoticeList(s)
		return &page{content: s.notices.content, refresh: func(app.Home) error { return s.notices.refresh() }}
	case PageSales:
		s.sales = sales.NewScreen(s.app, s.win)
		return &page{content: s.sales.Content(), refresh: func(app.Home) error { s.sales.Refresh(); return nil }}
	case PagePayments:
		s.payments = sales.NewPayments(s.app, s.win)
		return &page{content: s.payments.Content(), refresh: func(app.Home) error { s.payments.Refresh(); return nil }}
	case PageDayClose:
		s.dayClose = sales.NewDayClose(s.app, s.win)
		return &page{content: s.dayClose.Content(), refresh: func(app.Home) error { s.dayClose.Refresh(); return nil }}
	case PageSchedule:
		if s.screens.Schedule != nil {
			s.schedule = s.screens.Schedule(s.win)
			return &page{content: s.schedule.Content()}
		}
	case PageReservations:
		if s.screens.Reservations != nil {
			s.reservations = s.screens.Reservations(s.win)
			return &page{content: s.reservations.Content()}
		}
	default:
		if c := s.injected(p); c != nil {
			return &page{content: c(s.win)}
		}
	}
	return &page{content: container.NewCenter(widget.NewLabel(
		lang.X("ui.screen.missing", "この画面は組み込まれていません。")))}
}

func (s *Shell) injected(p Page) func(fyne.Window) fyne.CanvasObject {
	switch p {
	case PageStopResume:
		return s.screens.StopResume
	case PageStaff:
		return s.screens.Staff
	case PageMenus:
		return s.screens.Menus
	case PageSettings:
		return s.screens.Settings
	case PageCustomers:
		return s.screens.Customers
	}
	return nil
}
