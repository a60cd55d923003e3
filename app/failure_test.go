package app_test

import (
	"testing"

	"salondesk/app"
	"salondesk/data"
)

// A failure is outbound (desk → SALON BOARD) only for a reservation made at the desk.
func TestFailedOutbound(t *testing.T) {
	for _, c := range []struct {
		route data.Route
		state data.SyncState
		want  bool
	}{
		{data.RoutePhone, data.SyncFailed, true},
		{data.RouteWalkIn, data.SyncFailed, true},
		{data.RouteOther, data.SyncFailed, true},
		{data.RouteHPB, data.SyncFailed, false},        // a mail from SALON BOARD that failed coming in
		{data.RouteSalonBoard, data.SyncFailed, false}, // the same for one entered in SALON BOARD
		{data.RoutePhone, data.SyncOK, false},
		{data.RoutePhone, data.SyncTranscribed, false},
		{data.RoutePhone, data.SyncPending, false},
	} {
		r := data.Reservation{Route: c.route, SyncState: c.state}
		if got := app.FailedOutbound(&r); got != c.want {
			t.Errorf("FailedOutbound(%s, %s) = %v, want %v", c.route, c.state, got, c.want)
		}
	}
}
