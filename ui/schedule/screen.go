package schedule

import (
	"context"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
)

// Callbacks are what the schedule asks the rest of the UI to do. A nil callback hides its
// button (Print, SyncNow) or makes the tap do nothing (OpenReservation, NewReservation).
type Callbacks struct {
	OpenReservation func(id int64)
	NewReservation  func(start time.Time, staffID int64)
	Print           func(day time.Time)
	SyncNow         func() // may block on the network: it is called off the UI goroutine
}

// arrivalsWindow is how far back 新着通知 looks before the user has opened it once.
const arrivalsWindow = 24 * time.Hour

// Screen is 日次スケジュール.
type Screen struct {
	a   *app.App
	win fyne.Window
	cb  Callbacks

	day           time.Time
	arrivalsSince time.Time // when 新着通知 was last opened
	sched         *app.DaySchedule

	grid    *Grid
	scroll  *container.Scroll
	nav     *dayNav
	banner  *alertBanner
	content fyne.CanvasObject

	arrivalsBtn, syncBtn, legendBtn, printBtn *widget.Button

	pending     pendingReload
	syncing     sync.WaitGroup // the SyncNow goroutine (tests wait on it)
	unsubscribe func()
}

// New builds the screen on today and subscribes it to the app's change events.
func New(a *app.App, win fyne.Window, cb Callbacks) *Screen {
	now := a.Now()
	s := &Screen{a: a, win: win, cb: cb, day: data.DayStart(now), arrivalsSince: now.Add(-arrivalsWindow)}
	s.grid = NewGrid()
	s.grid.OnOpen = cb.OpenReservation
	s.grid.OnNew = cb.NewReservation
	s.scroll = container.NewScroll(s.grid)
	s.scroll.OnScrolled = s.grid.SetScrollOffset
	s.nav = newDayNav(s.SetDay, func() { s.SetDay(s.a.Now()) })
	s.banner = newAlertBanner()
	s.arrivalsBtn = widget.NewButtonWithIcon(lang.X("schedule.arrivals", "新着通知"), theme.MailComposeIcon(),
		s.showArrivals)
	s.syncBtn = widget.NewButtonWithIcon(lang.X("schedule.sync_now", "最新を表示"), theme.ViewRefreshIcon(),
		s.syncNow)
	s.legendBtn = widget.NewButtonWithIcon(lang.X("schedule.legend", "アイコン説明"), theme.HelpIcon(),
		s.showLegend)
	s.printBtn = widget.NewButtonWithIcon(lang.X("schedule.print", "印刷"), theme.DocumentPrintIcon(), func() {
		s.cb.Print(s.day)
	})
	if cb.SyncNow == nil {
		s.syncBtn.Hide()
	}
	if cb.Print == nil {
		s.printBtn.Hide()
	}
	top := container.NewHBox(s.nav.title, s.arrivalsBtn, s.syncBtn, s.banner.box, layout.NewSpacer(),
		s.legendBtn, s.printBtn)
	s.content = container.NewBorder(container.NewVBox(top, s.nav.bar), nil, nil, nil, s.scroll)
	s.unsubscribe = a.Events().Subscribe(s.onEvent)
	s.nav.show(s.day, now) // a title even if the first load fails
	s.Refresh()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Day is the day shown (local midnight).
func (s *Screen) Day() time.Time { return s.day }

// SetDay shows the day of t.
func (s *Screen) SetDay(t time.Time) { s.load(data.DayStart(t)) }

// Refresh reloads the day from the database.
func (s *Screen) Refresh() { s.load(s.day) }

// load reads day and shows it; on an error the dialog explains and the last day stays.
func (s *Screen) load(day time.Time) {
	d, err := s.a.Schedule(context.Background(), day)
	if err != nil {
		s.showError(err)
		return
	}
	s.day, s.sched = day, &d
	s.nav.show(day, s.a.Now())
	before := s.grid.MinSize()
	s.grid.SetSchedule(s.sched)
	if s.grid.MinSize() != before {
		// Other columns or hours: the scroll must size the grid again (this redraws it once
		// more, which only happens when the day's shape changes).
		s.scroll.Refresh()
	}
	s.banner.show(d.AlertSince)
	s.refreshArrivals()
}

// Close stops the blinking and the event subscription (when the shell drops the screen).
func (s *Screen) Close() {
	s.banner.close()
	if s.unsubscribe != nil {
		s.unsubscribe()
		s.unsubscribe = nil
	}
}

func (s *Screen) showError(err error) {
	if s.win == nil {
		fyne.LogError("schedule", err)
		return
	}
	dialog.ShowError(err, s.win)
}

// syncNow runs SyncNow away from the UI goroutine (it talks to SALON BOARD), then reloads.
func (s *Screen) syncNow() {
	s.syncBtn.Disable()
	s.syncing.Add(1)
	go func() {
		defer s.syncing.Done()
		defer func() {
			if p := recover(); p != nil {
				fyne.LogError("schedule: sync now", fmt.Errorf("%v", p))
			}
			fyne.Do(func() {
				s.syncBtn.Enable()
				s.Refresh()
			})
		}()
		s.cb.SyncNow()
	}()
}

// pendingReload gathers the events that arrive before the UI goroutine gets to them, so
// that a burst (a mailbox of 50 reservations) reloads the day once, not 50 times.
type pendingReload struct {
	mu        sync.Mutex
	scheduled bool
	all       bool
	days      map[string]bool
}

// onEvent runs on the publisher's goroutine: it only records, the reload runs in fyne.Do.
func (s *Screen) onEvent(e app.Event) {
	p := &s.pending
	p.mu.Lock()
	switch e := e.(type) {
	case app.ReservationsChanged:
		if len(e.Days) == 0 {
			p.all = true
		}
		for _, d := range e.Days {
			if p.days == nil {
				p.days = map[string]bool{}
			}
			p.days[data.FormatDay(d)] = true
		}
	case app.MastersChanged, app.NotificationsChanged:
		p.all = true
	default:
		p.mu.Unlock()
		return
	}
	first := !p.scheduled
	p.scheduled = true
	p.mu.Unlock()
	if first {
		fyne.Do(s.flushEvents)
	}
}

func (s *Screen) flushEvents() {
	p := &s.pending
	p.mu.Lock()
	all, days := p.all, p.days
	p.all, p.days, p.scheduled = false, nil, false
	p.mu.Unlock()
	if all || days[data.FormatDay(s.day)] {
		s.Refresh()
		return
	}
	// Another day changed: only the 新着通知 count can differ here.
	s.refreshArrivals()
}
