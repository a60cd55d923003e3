package mail

import "strings"

// kindOf classifies a subject by keyword: the 【…】 prefix varies (当日, 明日,
// ポイント利用(明日), 当日10時30分, …), the keyword does not. Order matters:
// reminders mention 予約 too, and cancellations must not read as new.
func kindOf(subject string) Kind {
	s := strings.ReplaceAll(subject, " ", "")
	switch {
	case strings.Contains(s, "未対応予約"), strings.Contains(s, "メールアドレスの確認"):
		return KindIgnore
	case strings.Contains(s, "キャンセル"):
		return KindCancel
	case strings.Contains(s, "変更連絡"):
		return KindChange
	case strings.Contains(s, "予約連絡"), strings.Contains(s, "予約が入りました"):
		return KindNew
	}
	return KindUnknown
}
