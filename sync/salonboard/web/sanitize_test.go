package web_test

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"

	"salondesk/sync/salonboard/web"
)

func TestSanitizeKana(t *testing.T) {
	for in, want := range map[string]string{
		"ﾔﾏﾀﾞ":     "ヤマダ",
		"やまだ":      "ヤマダ",
		"ヤマダ":      "ヤマダ",
		"ｳﾞｨｰﾅｽ":   "ヴィーナス",
		"ゔぃーなす":    "ヴィーナス",
		"ヤマ ダ":     "ヤマダ",
		"Yamadaやま": "ヤマ",
		"ユ〜キ😀":     "ユキ",
		"ゝゞ":       "ヽヾ",
		"ヷ":        "", // not in JIS X 0208
		"":         "",
	} {
		if got := web.SanitizeKana(in); got != want {
			t.Errorf("SanitizeKana(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSanitizeName(t *testing.T) {
	for in, want := range map[string]string{
		"山田😀":      "山田",
		"Hanako花子": "花子",
		"ＡＢＣ花子":    "花子",
		"さくら":      "さくら",
		"ｻｸﾗ":      "サクラ",
		"佐々木":      "佐々木",
		"髙橋":       "髙橋",
		"𠮷田":       "田", // 𠮷 is not Shift_JIS
		"山田 花子":    "山田花子",
		"〜":        "",
	} {
		if got := web.SanitizeName(in); got != want {
			t.Errorf("SanitizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSanitizeMemo(t *testing.T) {
	for in, want := range map[string]string{
		"10:00〜11:00":  "10:00～11:00",
		"−5%":          "－5%",
		"¥1,000":       "￥1,000",
		"ｶﾗｰ追加":        "カラー追加",
		"絵文字😀です":       "絵文字です",
		"一行目\r\n二行目\t": "一行目\n二行目",
		"\x00制御\x07":   "制御",
	} {
		if got := web.SanitizeMemo(in); got != want {
			t.Errorf("SanitizeMemo(%q) = %q, want %q", in, got, want)
		}
	}
	long := web.SanitizeMemo(strings.Repeat("〜", 150))
	if utf8.RuneCountInString(long) != web.MemoMax || strings.ContainsRune(long, '\u301c') {
		t.Fatalf("150 wave dashes became %q", long)
	}
}

func TestSanitizeRules(t *testing.T) {
	base := web.RegisterInput{StaffID: "W1", Start: at(2026, 12, 5, 10, 15), Duration: time.Minute, SeiKana: "ヤマダ"}
	out, err := web.Sanitize(base)
	if err != nil || out.Duration != 5*time.Minute || out.Sei != "ヤマダ" || out.Mei != "" {
		t.Fatalf("%+v %v", out, err)
	}
	for _, d := range []struct{ in, want time.Duration }{{50 * time.Minute, 50 * time.Minute}, {51 * time.Minute, 55 * time.Minute}, {90*time.Minute + time.Second, 95 * time.Minute}} {
		in := base
		in.Duration = d.in
		if out, _ := web.Sanitize(in); out.Duration != d.want {
			t.Errorf("%v → %v, want %v", d.in, out.Duration, d.want)
		}
	}
	for _, start := range []time.Time{at(2026, 12, 5, 10, 10), at(2026, 12, 5, 10, 15).Add(30 * time.Second), {}} {
		in := base
		in.Start = start
		if _, err := web.Sanitize(in); !errors.Is(err, web.ErrOffGrid) {
			t.Errorf("start %v: %v", start, err)
		}
	}
	onlyMei := base
	onlyMei.SeiKana, onlyMei.MeiKana = "", "はなこ"
	if out, err := web.Sanitize(onlyMei); err != nil || out.SeiKana != "ハナコ" || out.MeiKana != "" {
		t.Fatalf("a lone given name: %+v %v", out, err)
	}
}

// FuzzSanitize: whatever the desk typed, what is sent obeys SALON BOARD's
// rules, or the input is refused before any request.
func FuzzSanitize(f *testing.F) {
	f.Add("ﾔﾏﾀﾞ", "はなこ", "山田😀", "Hanako花子", "０９０ー１", "〜メモ", uint16(47), uint8(2))
	f.Add("", "", "", "", "", "", uint16(0), uint8(0))
	f.Add("ヷ〜", "ｰ", "𠮷", "\xff", "tel", strings.Repeat("😀あ", 120), uint16(600), uint8(3))
	enc := japanese.ShiftJIS.NewEncoder()
	f.Fuzz(func(t *testing.T, sk, mk, sei, mei, tel, memo string, minutes uint16, quarter uint8) {
		in := web.RegisterInput{StaffID: "W1", Start: at(2026, 12, 5, 10, 15*int(quarter%4)), Duration: time.Duration(minutes) * time.Minute,
			SeiKana: sk, MeiKana: mk, Sei: sei, Mei: mei, Tel: tel, Memo: memo}
		out, err := web.Sanitize(in)
		if err != nil {
			var we *web.WriteError
			if !errors.As(err, &we) || !we.Permanent() {
				t.Fatalf("refusal %v is not a permanent *WriteError", err)
			}
			return
		}
		if out.SeiKana == "" || out.Duration%(5*time.Minute) != 0 || out.Duration < in.Duration || out.Duration-in.Duration >= 5*time.Minute {
			t.Fatalf("out %+v", out)
		}
		for _, s := range []string{out.SeiKana, out.MeiKana} {
			for _, r := range s {
				if !(r >= 'ァ' && r <= 'ヶ' || r == 'ー' || r == 'ヽ' || r == 'ヾ') {
					t.Fatalf("kana %q holds %q", s, r)
				}
			}
		}
		if out.Sei == "" || strings.ContainsFunc(out.Sei+out.Mei, func(r rune) bool { return r < 0x3000 || r == '\u301c' }) {
			t.Fatalf("names %q %q", out.Sei, out.Mei)
		}
		if utf8.RuneCountInString(out.Memo) > web.MemoMax || strings.ContainsRune(out.Memo, '\u301c') {
			t.Fatalf("memo %q", out.Memo)
		}
		for _, s := range []string{out.SeiKana, out.MeiKana, out.Sei, out.Mei, out.Tel, out.Memo} {
			if _, err := enc.String(s); err != nil || !utf8.ValidString(s) {
				t.Fatalf("%q is not Shift_JIS-safe", s)
			}
		}
	})
}
