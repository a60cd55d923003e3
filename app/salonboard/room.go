// Package salonboard is SALON BOARD's room in the app: every rule about reservations that
// come from SALON BOARD (mails, the web list, re-reads), matching their names to the
// salon's masters and aliases, reconciliation, the desk's reservations sent there,
// transcription (転記), the alerts that stop the sync, and the sync's workers. It works on
// the core's in-transaction API (app.Tx) and learns of desk changes through the core's
// reservation hook; sync/salonboard holds the adapters (mailbox, mail parser, web client).
package salonboard

import (
	"context"

	"salondesk/app"
	"salondesk/app/settings"
	"salondesk/data"
)

// KeyEnabled is the setting that turns queueing desk reservations for SALON BOARD on.
const KeyEnabled = settings.SalonBoardEnabled

// Room is SALON BOARD's rules over one app.
type Room struct{ a *app.App }

// New is the room over a; it registers nothing (screens use it for their use cases).
func New(a *app.App) *Room { return &Room{a: a} }

// Install is New plus the room's part in the core, once per app at wiring: the hook that
// queues desk changes for SALON BOARD while the sync is on, and what its jobs' failures mean.
func Install(a *app.App) *Room {
	sb := New(a)
	a.AddReservationHook(app.ReservationHookFunc(sb.reservationChanging))
	for _, k := range []string{JobRegister, JobChange, JobCancel} {
		a.DescribeJobKind(k, app.JobKind{Direction: data.DirAppToSB})
	}
	// A re-read or fetch reads what SALON BOARD holds: inbound work. A failed re-read leaves
	// the reservation to be transcribed, which its open notification already asks for.
	a.DescribeJobKind(JobReread, app.JobKind{Direction: data.DirSBToApp, QuietWhenOpen: true})
	a.DescribeJobKind(JobFetch, app.JobKind{Direction: data.DirSBToApp})
	return sb
}

// App is the app the room works on.
func (sb *Room) App() *app.App { return sb.a }

// Enabled reports whether reservations made here are queued for SALON BOARD.
func (sb *Room) Enabled(ctx context.Context) bool {
	v, _ := sb.a.Setting(ctx, KeyEnabled, "0")
	return v == "1"
}

// SetEnabled turns queueing for SALON BOARD on or off.
func (sb *Room) SetEnabled(ctx context.Context, on bool) error {
	v := "0"
	if on {
		v = "1"
	}
	return sb.a.SetSetting(ctx, KeyEnabled, v)
}
