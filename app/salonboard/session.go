package salonboard

import (
	"context"
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/settings"
	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// SALON BOARD keeps one session per login ID: a person logging in with SalonDesk's ID
// ends SalonDesk's session, and SalonDesk logging in again ends theirs. When that happens
// more than twice in an hour the two are taking turns: SessionGuard stops logging in, and
// one お知らせ asks the salon to give SalonDesk its own login ID. Logging in resumes after
// an hour, or when staff save 設定 > SALON BOARD or press 最新を表示.

// ErrSessionTaken is the refusal the web client returns while logins are held. It says
// offline: the desk's jobs wait for the login to come back instead of failing for it.
var ErrSessionTaken error = sessionTaken{}

type sessionTaken struct{}

func (sessionTaken) Error() string {
	return "SALON BOARD: 同じログインIDで別の場所からログインされているため、ログインを止めています"
}
func (sessionTaken) Offline() bool { return true }

// loginHeld reports whether err is a login the guard held back.
func loginHeld(err error) bool { return errors.Is(err, ErrSessionTaken) }

// Session taking: more than sessionTakenMax losses within sessionTakenWindow stop logins
// for sessionTakenWindow.
const (
	sessionTakenMax    = 2
	sessionTakenWindow = time.Hour
)

// SessionGuard is web.Config.BeforeLogin's answer. Safe for concurrent use.
type SessionGuard struct {
	sb *Room

	mu    sync.Mutex
	lost  []time.Time // when a login followed a lost session, within the window
	until time.Time   // logins held until then
}

// NewSessionGuard is a guard over the room's app (its clock, its お知らせ).
func (sb *Room) NewSessionGuard() *SessionGuard { return &SessionGuard{sb: sb} }

// BeforeLogin is asked by the web client before every login.
func (g *SessionGuard) BeforeLogin(r web.LoginReason) error {
	now := g.sb.a.Now()
	g.mu.Lock()
	if now.Before(g.until) {
		g.mu.Unlock()
		return ErrSessionTaken
	}
	if r != web.LoginSessionLost {
		g.mu.Unlock()
		return nil
	}
	kept := g.lost[:0]
	for _, t := range g.lost {
		if now.Sub(t) < sessionTakenWindow {
			kept = append(kept, t)
		}
	}
	g.lost = append(kept, now)
	held := len(g.lost) > sessionTakenMax
	if held {
		g.until, g.lost = now.Add(sessionTakenWindow), nil
	}
	g.mu.Unlock()
	if !held {
		return nil
	}
	g.sb.raiseOnce(context.Background(), data.ReasonSessionTaken, lang.X("sync.stop.session_taken",
		"SALON BOARDに同じログインIDで別の場所からログインされ、1時間に3回以上SalonDeskのログインが切れました。ログインの取り合いを避けるため、SalonDeskはSALON BOARDへのログインを1時間止めます。SalonDesk専用のログインIDをSALON BOARDで作り、設定 > SALON BOARD に入力してください。"))
	return ErrSessionTaken
}

// Reset lets the client log in again at once (settings saved, 最新を表示 pressed).
func (g *SessionGuard) Reset() {
	g.mu.Lock()
	g.lost, g.until = nil, time.Time{}
	g.mu.Unlock()
}

// HeldUntil is when logging in resumes by itself; zero when it is not held.
func (g *SessionGuard) HeldUntil() time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.sb.a.Now().Before(g.until) {
		return g.until
	}
	return time.Time{}
}

// resetOnSettings resets the guard whenever 設定 > SALON BOARD is saved; the returned
// func stops listening.
func (g *SessionGuard) resetOnSettings() func() {
	return g.sb.a.Events().Subscribe(func(e app.Event) {
		if c, ok := e.(app.SettingsChanged); ok && c.Section == settings.SectionSalonBoard {
			g.Reset()
		}
	})
}
