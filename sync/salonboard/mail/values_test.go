package mail

import (
	"encoding/base64"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"
)

func TestParseDateTime(t *testing.T) {
	want := time.Date(2026, 12, 5, 14, 30, 0, 0, JST)
	for _, s := range []string{
		"2026年12月05日（土）14:30",
		"2026年12月5日(土) 14:30",
		"２０２６年１２月０５日（土）１４：３０",
		"2026/12/05 14:30",
		"2026年12月05日（土）14時30分",
	} {
		got, _, ok := parseDateTime(s, JST)
		if !ok || !got.Equal(want) {
			t.Errorf("%q → %v %v, want %v", s, got, ok, want)
		}
	}
	if _, end, _ := parseDateTime("2026年12月05日（土）14:30～16:00", JST); end != 90*time.Minute {
		t.Errorf("end = %v, want 1h30m", end)
	}
	for _, s := range []string{"未定", "2026年13月05日 14:30", "2026年02月30日 10:00", "2026年12月05日 24:10", ""} {
		if _, _, ok := parseDateTime(s, JST); ok {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestParseDuration(t *testing.T) {
	for s, want := range map[string]time.Duration{
		"（所要時間目安：1時間30分）": 90 * time.Minute,
		"（施術時間目安：45分）":    45 * time.Minute,
		"(所要時間目安:2時間)":    2 * time.Hour,
		"（所要時間目安：１時間）":    time.Hour,
	} {
		if got, ok := parseDuration(s); !ok || got != want {
			t.Errorf("%q → %v %v, want %v", s, got, ok, want)
		}
	}
	if _, ok := parseDuration("カット＋カラー"); ok {
		t.Error("menu read as a duration")
	}
}

func TestParseCoupon(t *testing.T) {
	for _, c := range []struct{ in, name, target string }{
		{"[全員]カット＋ケアカラー＋トリートメント ¥9,900", "カット＋ケアカラー＋トリートメント", "全員"},
		{"［新規］まつげエクステ120本　￥4,400", "まつげエクステ120本", "新規"},
		{"【再来】ネイル定額 5,500円", "ネイル定額", "再来"},
		{"ハンドジェル", "ハンドジェル", ""},
	} {
		name, target := parseCoupon(c.in)
		if name != c.name || target != c.target {
			t.Errorf("%q → %q %q, want %q %q", c.in, name, target, c.name, c.target)
		}
	}
}

func TestParseName(t *testing.T) {
	for _, c := range []struct{ in, kanji, kana string }{
		{"山田 花子（ヤマダ ハナコ）", "山田 花子", "ヤマダ ハナコ"},
		{"山田　花子 (ヤマダ　ハナコ) 様", "山田　花子", "ヤマダ　ハナコ"},
		{"ヤマダ ハナコ", "", "ヤマダ ハナコ"},
		{"山田 花子 様", "山田 花子", ""},
	} {
		kanji, kana := parseName(c.in)
		if kanji != c.kanji || kana != c.kana {
			t.Errorf("%q → %q %q, want %q %q", c.in, kanji, kana, c.kanji, c.kana)
		}
	}
}

func TestParseMoney(t *testing.T) {
	got := parseMoney([]string{"予約時合計金額　9,900円", "利用ポイント　500pt", "お支払い予定金額　9,400円"})
	if got != (money{price: 9900, payable: 9400, points: 500}) {
		t.Errorf("got %+v", got)
	}
	if got := parseMoney([]string{"お支払い予定金額　9,400円", "利用ポイント　500pt"}); got.price != 9900 {
		t.Errorf("price from payable + points = %+v", got)
	}
	if got := parseMoney([]string{"5,500円"}); got != (money{price: 5500, payable: 5500}) {
		t.Errorf("lone amount = %+v", got)
	}
}

// TestDecodeHeaderJoinsSplitWords: an ISO-2022-JP subject cut in the middle of a
// shifted run (even mid-character) decodes only when words are joined first.
func TestDecodeHeaderJoinsSplitWords(t *testing.T) {
	jis, _ := japanese.ISO2022JP.NewEncoder().String("【明日】キャンセル連絡")
	var v string
	for i := 0; i < len(jis); i += 5 {
		v += "=?iso-2022-jp?B?" + base64.StdEncoding.EncodeToString([]byte(jis[i:min(i+5, len(jis))])) + "?= "
	}
	if got := decodeHeader(v); got != "【明日】キャンセル連絡" {
		t.Errorf("split words → %q", got)
	}
	for in, want := range map[string]string{
		"=?UTF-8?Q?=E4=BA=88=E7=B4=84_=E9=80=A3=E7=B5=A1?=": "予約 連絡",
		"SALON BOARD =?UTF-8?B?5LqI57SE?= x":                "SALON BOARD 予約 x",
		"\x1b$BM=Ls\x1b(B":                                  "予約", // raw JIS in a header
		"=?UTF-8?B?broken!?=":                               "=?UTF-8?B?broken!?=",
	} {
		if got := decodeHeader(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

func TestSenderAddress(t *testing.T) {
	for in, want := range map[string]string{
		"SALON BOARD <YOYAKU_SYSTEM@salonboard.com>":            "yoyaku_system@salonboard.com",
		"yoyaku_system@salonboard.com":                          "yoyaku_system@salonboard.com",
		"サロンボード <yoyaku_system@salonboard.com>":                 "yoyaku_system@salonboard.com",
		"a@example.com, yoyaku_system@salonboard.com":           "",
		`"yoyaku_system@salonboard.com" <x@example.com>`:        "x@example.com",
		"broken \"quote <yoyaku_system@salonboard.com> <b@c.d>": "",
		"=?UTF-8?B?" + base64.StdEncoding.EncodeToString([]byte("x <yoyaku_system@salonboard.com>")) + "?= <evil@example.com>": "evil@example.com",
		"=?ISO-2022-JP?B?GyRCJTUlrSVzGyhC?= <yoyaku_system@salonboard.com>":                                                    "yoyaku_system@salonboard.com",
		"": "",
	} {
		if got := senderAddress(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	in := "<html><style>p{x:1}</style><body><!-- c --><p>■予約番号</p><div>\u3000BE12345678<br/>&amp;&nbsp;x</div><script>alert(1)</script></body></html>"
	want := "\n■予約番号\n\n\u3000BE12345678\n& x\n"
	if got := htmlToText(in); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
