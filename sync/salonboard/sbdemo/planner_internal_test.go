package sbdemo

import (
	"strings"
	"testing"
	"time"
)

func TestMenuLineAndPrice(t *testing.T) {
	for _, c := range []struct {
		coupon, menu string
		price        int
	}{
		{"【新規】カット＋イルミナカラー ¥14300⇒¥8800", "カット＋イルミナカラー", 8800},
		{"[全員]ワンカラージェル ¥5,500", "ワンカラージェル", 5500},
		{"【期間限定】ヘッドスパ＋眉カット ¥6600", "ヘッドスパ＋眉カット", 6600},
		{"ハンドケア", "ハンドケア", 5500},
	} {
		if got := menuLine(c.coupon); got != c.menu {
			t.Errorf("menuLine(%q) = %q", c.coupon, got)
		}
		if got := priceOf(c.coupon); got != c.price {
			t.Errorf("priceOf(%q) = %d", c.coupon, got)
		}
	}
}

// The broken mail keeps everything above 来店日時 and stops inside its value.
func TestTruncateInStart(t *testing.T) {
	start := time.Date(2026, 12, 5, 14, 30, 0, 0, time.UTC)
	body := "■予約番号\n\u3000BE12345678\n■来店日時\n\u30002026年12月05日（土）14:30\n■メニュー\n\u3000カット\n"
	got := truncateInStart(body, start)
	if !strings.HasSuffix(got, "\u30002026年12") || !strings.Contains(got, "BE12345678") || strings.Contains(got, "メニュー") {
		t.Fatalf("truncated to %q", got)
	}
}

func TestSubjectFor(t *testing.T) {
	now := time.Date(2026, 11, 19, 23, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		kind  Kind
		start time.Time
		want  string
	}{
		{KindNew, now.Add(20 * time.Minute), "【当日】予約連絡"},
		{KindNew, now.Add(40 * time.Minute), "【明日】予約連絡"},
		{KindNew, now.Add(48 * time.Hour), "予約連絡"},
		{KindCancel, now.Add(40 * time.Minute), "【明日】キャンセル連絡"},
		{KindCancel, now.Add(-time.Hour), "キャンセル連絡"},
		{KindChange, now.Add(40 * time.Minute), "予約内容変更連絡"},
	} {
		if got := subjectFor(c.kind, c.start, now); got != c.want {
			t.Errorf("%s at %v: %q, want %q", c.kind, c.start, got, c.want)
		}
	}
}
