package mailtest

// Subjects SALON BOARD sends, by what they announce (from the spec).
var (
	SubjectsNew = []string{
		"予約連絡",
		"【当日】予約連絡",
		"【明日】予約連絡",
		"【ポイント利用(明日)】予約連絡",
		"【当日10時30分】直前予約が入りました",
	}
	SubjectsChange = []string{"予約内容変更連絡"}
	SubjectsCancel = []string{"キャンセル連絡", "【明日】キャンセル連絡"}
	SubjectsIgnore = []string{
		"【SALON BOARD】本日分の未対応予約のお知らせ",
		"【SALON BOARD】予約お知らせメールアドレスの確認",
	}
)

// IgnoreBody is a synthetic reminder body: it has no reservation fields.
const IgnoreBody = "本日分の未対応予約があります。\nSALON BOARDにログインしてご確認ください。\n"
