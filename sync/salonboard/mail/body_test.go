package mail

import (
	"reflect"
	"testing"
)

func TestParseBody(t *testing.T) {
	text := "ご予約が入りました。\r\n" +
		"◇ご予約内容\r\n" +
		"■ 予約番号 BE12345678\r\n" + // flattened HTML table cell
		"■氏名\r\n" +
		"山田 花子（ヤマダ ハナコ）\r\n" + // first value without its indent
		"■メニュー\r\n" +
		"\u3000カット\r\n" +
		"\r\n" +
		"  カラー\r\n" +
		"■利用ポイント：300pt\r\n" +
		"■ご要望・ご相談\r\n" +
		"\u3000駐車場はありますか\r\n" +
		"予約受付日時：2026年11月20日（金）21:04\r\n" +
		"※このメールは送信専用です。\r\n" +
		"■メニュー\r\n\u3000二度目は無視\r\n"
	want := fields{
		"予約番号":    {"BE12345678"},
		"氏名":      {"山田 花子（ヤマダ ハナコ）"},
		"メニュー":    {"カット", "カラー"},
		"利用ポイント":  {"300pt"},
		"ご要望・ご相談": {"駐車場はありますか"},
		"予約受付日時":  {"2026年11月20日（金）21:04"},
	}
	if got := parseBody(text); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
