package app

import "salondesk/data"

// CameFromSalonBoard reports whether a reservation's route is SALON BOARD's side: a net
// reservation from HOT PEPPER Beauty (HPB) or one entered in SALON BOARD by hand. Such a
// reservation is never sent back to SALON BOARD.
func CameFromSalonBoard(r data.Route) bool {
	return r == data.RouteHPB || r == data.RouteSalonBoard
}

// FailedOutbound reports whether a reservation's sync failed on its way from the desk to
// SALON BOARD: only then must staff register it in SALON BOARD by hand (the detail's
// banner and 予約転記済みチェック). A failure of a reservation that came from SALON BOARD
// went the other way and is handled by 予約情報登録(転記).
func FailedOutbound(r *data.Reservation) bool {
	return r.SyncState == data.SyncFailed && !CameFromSalonBoard(r.Route)
}
