package ui

import (
	"fyne.io/fyne/v2/lang"

	"salondesk/app/labels"
	"salondesk/data"
)

// The wording of お知らせ comes from the seed's help pages, with SalonDesk where they
// say Promo-UP or ATTACK. Each text is one key per direction: translators see whole
// sentences, never pieces glued together.

// directions in the order Home lists them.
var directions = []data.Direction{data.DirAppToSB, data.DirSBToApp, data.DirAppToSmaregi,
	data.DirSmaregiToApp, data.DirSystem}

// noticeMessage is the list row's sentence.
func noticeMessage(n data.Notification) string {
	switch n.Direction {
	case data.DirAppToSB:
		return lang.X("ui.notice.message.app_to_sb",
			"SalonDeskからSALON BOARDへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。")
	case data.DirSBToApp:
		return lang.X("ui.notice.message.sb_to_app",
			"SALON BOARDからSalonDeskへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。")
	case data.DirAppToSmaregi:
		return lang.X("ui.notice.message.app_to_smaregi",
			"SalonDeskからスマレジへの連携に失敗しました。該当の情報のご確認をお願いいたします。")
	case data.DirSmaregiToApp:
		return lang.X("ui.notice.message.smaregi_to_app",
			"スマレジからSalonDeskへの連携に失敗しました。該当の情報のご確認をお願いいたします。")
	}
	if n.Detail != "" {
		return n.Detail
	}
	return lang.X("ui.notice.message.system", "SalonDeskからのお知らせです。")
}

// noticeHeadline is the detail dialog's first sentence.
func noticeHeadline(n data.Notification) string {
	switch n.Direction {
	case data.DirAppToSB:
		return lang.X("ui.notice.headline.app_to_sb", "SalonDeskからSALON BOARDへの予約連携に失敗しました。")
	case data.DirSBToApp:
		return lang.X("ui.notice.headline.sb_to_app", "SALON BOARDからSalonDeskへの予約連携に失敗しました。")
	case data.DirAppToSmaregi:
		return lang.X("ui.notice.headline.app_to_smaregi", "SalonDeskからスマレジへの連携に失敗しました。")
	case data.DirSmaregiToApp:
		return lang.X("ui.notice.headline.smaregi_to_app", "スマレジからSalonDeskへの連携に失敗しました。")
	}
	return noticeMessage(n)
}

// noticeInstruction says what the staff should do by hand.
func noticeInstruction(n data.Notification) string {
	switch n.Direction {
	case data.DirAppToSB:
		return lang.X("ui.notice.instruction.app_to_sb",
			"予約一覧より該当の予約情報の確認し\n手動でSALON BOARDへ予約登録をお願いいたします。")
	case data.DirSBToApp:
		return lang.X("ui.notice.instruction.sb_to_app",
			"予約詳細ページより該当の予約情報を確認し\n手動でSalonDeskへ予約登録をお願いいたします。")
	case data.DirAppToSmaregi:
		return lang.X("ui.notice.instruction.app_to_smaregi",
			"お客様・商品の情報を確認し\n手動でスマレジへ登録をお願いいたします。")
	case data.DirSmaregiToApp:
		return lang.X("ui.notice.instruction.smaregi_to_app",
			"スマレジの取引情報を確認し\n手動でSalonDeskへ入金・契約の登録をお願いいたします。")
	}
	return ""
}

// noticeReason is the reason in words (app's labels); a reason of its own (a message from
// the far side) shows the stored detail, or the reason inside a sentence when there is none.
func noticeReason(n data.Notification) string {
	switch {
	case n.Reason == "":
		return ""
	case labels.KnownReason(n.Reason):
		return labels.Reason(n.Reason)
	case n.Detail != "":
		return n.Detail
	}
	return lang.X("ui.reason.other", "連携に失敗しました（{{.Reason}}）", map[string]any{"Reason": n.Reason})
}

// homeLine is Home's line for a direction with its unresolved count.
func homeLine(d data.Direction, count int) string {
	args := map[string]any{"Count": count}
	switch d {
	case data.DirAppToSB:
		return lang.X("ui.home.line.app_to_sb",
			"SalonDeskからSALON BOARDへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。({{.Count}}件)", args)
	case data.DirSBToApp:
		return lang.X("ui.home.line.sb_to_app",
			"SALON BOARDからSalonDeskへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。({{.Count}}件)", args)
	case data.DirAppToSmaregi:
		return lang.X("ui.home.line.app_to_smaregi",
			"SalonDeskからスマレジへの連携に失敗しました。該当の情報のご確認をお願いいたします。({{.Count}}件)", args)
	case data.DirSmaregiToApp:
		return lang.X("ui.home.line.smaregi_to_app",
			"スマレジからSalonDeskへの連携に失敗しました。該当の情報のご確認をお願いいたします。({{.Count}}件)", args)
	}
	return lang.X("ui.home.line.system", "確認が必要なお知らせがあります。({{.Count}}件)", args)
}
