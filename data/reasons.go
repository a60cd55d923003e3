package data

// Reasons a reservation could not be synced or a sync stopped, as notifications and
// 連携状況 carry them (Notification.Reason, Reservation.SyncReason). They are the salon's
// vocabulary, shared by the core, the integrations and every screen and export; the
// Japanese (and English) words for them live in one place in app.
const (
	ReasonTimeout  = "timeout"  // 例外またはタイムアウトが発生しました
	ReasonCapacity = "capacity" // 予約受付可能数を超えています
	ReasonMismatch = "mismatch" // 予約されたクーポン・メニュー名が一致しませんでした

	ReasonCaptcha     = "captcha"      // SALON BOARD showed a CAPTCHA at login
	ReasonPassword    = "password"     // SALON BOARD refused or wants a new password
	ReasonPageChanged = "page_changed" // a SALON BOARD page no longer parses
	// ReasonSessionTaken: another login with SalonDesk's SALON BOARD ID kept ending its
	// session; SalonDesk stopped logging in for an hour.
	ReasonSessionTaken = "session_taken"

	// ReasonCancelInSB: a reservation SalonDesk cannot cancel in SALON BOARD (an HPB one)
	// was cancelled here when its customer was deleted; staff cancel it there by hand.
	ReasonCancelInSB = "cancel_in_salonboard"
)
