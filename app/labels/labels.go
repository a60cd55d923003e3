// Package labels holds the one set of words for a reservation's ステータス, 予約経路,
// 連携状況 and the reason a sync failed, in Japanese and English (translation keys
// labels.*). Every screen, the exports and the printout call it, so that a word changed
// here changes everywhere and no two places can disagree.
package labels

import (
	"fyne.io/fyne/v2/lang"

	"salondesk/data"
)

// Statuses are a reservation's states in the order the screens list them.
var Statuses = []data.Status{data.StatusProvisional, data.StatusWaiting, data.StatusArrived,
	data.StatusPaid, data.StatusCancelled, data.StatusNoShow}

// Routes are the reservation routes in the order the screens list them.
var Routes = []data.Route{data.RouteHPB, data.RoutePhone, data.RouteWalkIn, data.RouteSalonBoard,
	data.RouteOther}

// SyncStates are the states of 連携状況 in the order the screens list them.
var SyncStates = []data.SyncState{data.SyncNone, data.SyncPending, data.SyncOK, data.SyncFailed,
	data.SyncTranscribed}

// Reasons are the known failure reasons (data.Reason*).
var Reasons = []string{data.ReasonTimeout, data.ReasonCapacity, data.ReasonMismatch,
	data.ReasonCaptcha, data.ReasonPassword, data.ReasonPageChanged, data.ReasonCancelInSB, data.ReasonSessionTaken}

// Status is ステータス in the seed's words; an unknown state shows as its code.
func Status(s data.Status) string {
	switch s {
	case data.StatusProvisional:
		return lang.X("labels.status.provisional", "仮登録")
	case data.StatusWaiting:
		return lang.X("labels.status.waiting", "受付待ち")
	case data.StatusArrived:
		return lang.X("labels.status.arrived", "来店")
	case data.StatusPaid:
		return lang.X("labels.status.paid", "会計済み")
	case data.StatusCancelled:
		return lang.X("labels.status.cancelled", "キャンセル")
	case data.StatusNoShow:
		return lang.X("labels.status.noshow", "無断キャンセル")
	}
	return string(s)
}

// Route is 予約経路 in the seed's words; an unknown route shows as its code.
func Route(r data.Route) string {
	switch r {
	case data.RouteHPB:
		return lang.X("labels.route.hpb", "HPB")
	case data.RoutePhone:
		return lang.X("labels.route.phone", "電話")
	case data.RouteWalkIn:
		return lang.X("labels.route.walkin", "店頭")
	case data.RouteSalonBoard:
		return lang.X("labels.route.salonboard", "SALON BOARD")
	case data.RouteOther:
		return lang.X("labels.route.other", "その他")
	}
	return string(r)
}

// Sync is 連携状況 as the detail window shows it: —, 送信待ち, 成功, 転記済み, or 失敗
// with its reason in brackets (just 失敗 when there is none).
func Sync(s data.SyncState, reason string) string {
	switch s {
	case data.SyncNone:
		return lang.X("labels.sync.none", "—")
	case data.SyncPending:
		return lang.X("labels.sync.pending", "送信待ち")
	case data.SyncOK:
		return lang.X("labels.sync.ok", "成功")
	case data.SyncTranscribed:
		return lang.X("labels.sync.transcribed", "転記済み")
	case data.SyncFailed:
		failed := lang.X("labels.sync.failed", "失敗")
		if reason == "" {
			return failed
		}
		return lang.X("labels.sync.failed_reason", "{{.State}}({{.Reason}})",
			map[string]any{"State": failed, "Reason": Reason(reason)})
	}
	return string(s)
}

// Reason turns a failure reason (data.Reason*) into the seed's sentence. Any other text
// (a message from the far side, e.g. "HTTP 503") is shown as it is.
func Reason(key string) string {
	switch key {
	case data.ReasonTimeout:
		return lang.X("labels.reason.timeout", "例外またはタイムアウトが発生しました")
	case data.ReasonCapacity:
		return lang.X("labels.reason.capacity", "予約受付可能数を超えています")
	case data.ReasonMismatch:
		return lang.X("labels.reason.mismatch", "予約されたクーポン・メニュー名が一致しませんでした")
	case data.ReasonCaptcha:
		return lang.X("labels.reason.captcha", "SALON BOARDのログインで画像認証が表示されました")
	case data.ReasonPassword:
		return lang.X("labels.reason.password", "SALON BOARDにログインできません（パスワードの変更が求められたか、パスワードが違います）")
	case data.ReasonPageChanged:
		return lang.X("labels.reason.page_changed", "SALON BOARDの画面が変わったため、読み取れませんでした")
	case data.ReasonSessionTaken:
		return lang.X("labels.reason.session_taken", "SALON BOARDに同じログインIDで別の場所からログインされています")
	case data.ReasonCancelInSB:
		return lang.X("labels.reason.cancel_in_salonboard", "お客様削除によりキャンセルしました。SALON BOARDでもキャンセルしてください")
	}
	return key
}

// KnownReason reports whether key is one of data.Reason* (and so has words of its own).
func KnownReason(key string) bool {
	for _, r := range Reasons {
		if r == key {
			return true
		}
	}
	return false
}
