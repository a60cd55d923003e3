package mail

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"salondesk/sync/salonboard/mail/mailtest"
)

// base is a synthetic キレイ reservation; cases change what they test.
func base() mailtest.Reservation {
	return mailtest.Reservation{
		Number:     "BE12345678",
		Start:      time.Date(2026, 12, 5, 14, 30, 0, 0, JST),
		NameKanji:  "山田 花子",
		NameKana:   "ヤマダ ハナコ",
		Staff:      "佐藤",
		Menus:      []string{"カット＋カラー"},
		Duration:   90 * time.Minute,
		Coupon:     "[全員]カット＋ケアカラー＋トリートメント ¥9,900",
		Price:      9900,
		Request:    "",
		ReceivedAt: time.Date(2026, 11, 20, 21, 4, 0, 0, JST),
	}
}

// wantOf is what the parser must read back from base().
func wantOf(r mailtest.Reservation) *Reservation {
	w := &Reservation{
		Number: r.Number, Start: r.Start, Duration: r.Duration,
		NameKanji: r.NameKanji, NameKana: r.NameKana,
		Staff: r.Staff, Designated: r.Staff != "",
		Menus:  r.Menus,
		Coupon: "カット＋ケアカラー＋トリートメント", CouponTarget: "全員",
		Price: r.Price, Payable: r.Price - r.Points, Points: r.Points,
		Request: r.Request, ReceivedAt: r.ReceivedAt,
	}
	if r.Cancel {
		w.Price, w.Payable, w.Points = 0, 0, 0
	}
	return w
}

type parseCase struct {
	name    string
	subject string
	res     func(*mailtest.Reservation)
	opts    mailtest.Options
	edit    func(string) string // edits the body text before encoding
	raw     []byte              // a hand-made message instead of the above
	kind    Kind
	want    func(*Reservation) // edits wantOf(res); nil reservation for ignore/unknown
	err     error              // a typed error the result must match (errors.As + equal)
}

func parseCases() []parseCase {
	return []parseCase{
		{name: "new utf-8 8bit kirei", subject: "予約連絡", kind: KindNew},
		{name: "new today iso-2022-jp 7bit", subject: "【当日】予約連絡", kind: KindNew,
			opts: mailtest.Options{Charset: "iso-2022-jp"}},
		{name: "new tomorrow iso-2022-jp base64 hair", subject: "【明日】予約連絡", kind: KindNew,
			opts: mailtest.Options{Charset: "iso-2022-jp", Transfer: "base64"},
			res: func(r *mailtest.Reservation) {
				r.Wording, r.Staff, r.Duration = mailtest.Hair, "鈴木", 45*time.Minute
			}},
		{name: "new points utf-8 quoted-printable", subject: "【ポイント利用(明日)】予約連絡", kind: KindNew,
			opts: mailtest.Options{Transfer: "quoted-printable"},
			res:  func(r *mailtest.Reservation) { r.Points = 500 }},
		{name: "new last minute shift_jis base64 no designation", subject: "【当日10時30分】直前予約が入りました", kind: KindNew,
			opts: mailtest.Options{Charset: "shift_jis", Transfer: "base64"},
			res:  func(r *mailtest.Reservation) { r.Staff = "" }},
		{name: "change iso-2022-jp quoted-printable split subject", subject: "予約内容変更連絡", kind: KindChange,
			opts: mailtest.Options{Charset: "iso-2022-jp", Transfer: "quoted-printable", HeaderSplit: 7}},
		{name: "cancel utf-8", subject: "キャンセル連絡", kind: KindCancel,
			res: func(r *mailtest.Reservation) { r.Cancel = true }},
		{name: "cancel tomorrow iso-2022-jp", subject: "【明日】キャンセル連絡", kind: KindCancel,
			opts: mailtest.Options{Charset: "iso-2022-jp", HeaderSplit: 5},
			res:  func(r *mailtest.Reservation) { r.Cancel = true }},
		{name: "ignore reminder", subject: "【SALON BOARD】本日分の未対応予約のお知らせ", kind: KindIgnore,
			edit: func(string) string { return mailtest.IgnoreBody }},
		{name: "ignore address check iso-2022-jp", subject: "【SALON BOARD】予約お知らせメールアドレスの確認", kind: KindIgnore,
			opts: mailtest.Options{Charset: "iso-2022-jp"},
			edit: func(string) string { return mailtest.IgnoreBody }},
		{name: "unknown subject", subject: "SALON BOARDからのお知らせ", kind: KindUnknown},
		{name: "html only base64", subject: "予約連絡", kind: KindNew,
			opts: mailtest.Options{HTML: true, Transfer: "base64"}},
		{name: "multipart alternative iso-2022-jp", subject: "予約連絡", kind: KindNew,
			opts: mailtest.Options{Alternative: true, Charset: "iso-2022-jp", Transfer: "base64"}},
		{name: "bare LF and half-width indents", subject: "予約連絡", kind: KindNew,
			opts: mailtest.Options{LF: true},
			edit: func(s string) string { return strings.ReplaceAll(s, "\u3000", "  ") }},
		{name: "several menus, new-customer coupon without price, request", subject: "予約連絡", kind: KindNew,
			res: func(r *mailtest.Reservation) {
				r.Menus = []string{"まつげエクステ 120本", "まつげパーマ"}
				r.Coupon = "[新規]まつげエクステ120本"
				r.Request = "初めてです。\nアレルギーがあります。"
			},
			want: func(w *Reservation) { w.Coupon, w.CouponTarget = "まつげエクステ120本", "新規" }},
		{name: "no duration note", subject: "予約連絡", kind: KindNew,
			res: func(r *mailtest.Reservation) { r.Duration = 0 }},
		{name: "missing request section", subject: "予約連絡", kind: KindNew,
			edit: func(s string) string { return cut(s, "◇ご予約付加情報", "予約受付日時") }},
		{name: "wrong sender", subject: "予約連絡",
			opts: mailtest.Options{From: "Someone <yoyaku_system@salonboard.example>"},
			err:  ErrNotSalonBoard{From: "yoyaku_system@salonboard.example"}},
		{name: "sender spoofed in display name", subject: "予約連絡",
			opts: mailtest.Options{From: `"yoyaku_system@salonboard.com" <evil@example.com>`},
			err:  ErrNotSalonBoard{From: "evil@example.com"}},
		{name: "missing 予約番号", subject: "予約連絡",
			edit: func(s string) string { return cut(s, "■予約番号", "■氏名") },
			err:  ErrMissingField{Field: "予約番号"}},
		{name: "missing 来店日時 in new", subject: "予約連絡",
			edit: func(s string) string { return cut(s, "■来店日時", "■指名スタッフ") },
			err:  ErrMissingField{Field: "来店日時"}},
		{name: "missing 来店日時 in cancel is fine", subject: "キャンセル連絡", kind: KindCancel,
			res:  func(r *mailtest.Reservation) { r.Cancel = true },
			edit: func(s string) string { return cut(s, "■来店日時", "■指名スタッフ") },
			want: func(w *Reservation) { w.Start = time.Time{} }},
		{name: "unreadable 来店日時", subject: "予約内容変更連絡",
			edit: func(s string) string { return strings.Replace(s, "2026年12月05日（土）14:30", "未定", 1) },
			err:  ErrInvalidField{Field: "来店日時", Value: "未定"}},
		{name: "garbage", raw: []byte("\x00\x01\x02 this is not a mail\n\n\xff\xfe"),
			err: ErrMalformed{}},
		{name: "empty", raw: []byte{}, err: ErrMalformed{}},
		{name: "headers only, no sender", raw: []byte("Subject: 予約連絡\r\n\r\n"),
			err: ErrNotSalonBoard{}},
	}
}

// cut removes the text from the line starting with from up to (not including) to.
func cut(s, from, to string) string {
	i, j := strings.Index(s, from), strings.Index(s, to)
	if i < 0 || j < i {
		panic("cut: markers not found: " + from + " " + to)
	}
	return s[:i] + s[j:]
}

// raw builds the case's message bytes.
func (c parseCase) message(t testing.TB) []byte {
	if c.raw != nil {
		return c.raw
	}
	r := base()
	if c.res != nil {
		c.res(&r)
	}
	body := mailtest.Body(r)
	if c.edit != nil {
		body = c.edit(body)
	}
	b, err := mailtest.Encode(c.subject, body, c.opts)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestParseTable(t *testing.T) {
	for _, c := range parseCases() {
		t.Run(c.name, func(t *testing.T) {
			m, err := Parse(c.message(t))
			if c.err != nil {
				checkErr(t, err, c.err)
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if m.Kind != c.kind {
				t.Errorf("kind = %v, want %v", m.Kind, c.kind)
			}
			if m.Subject != c.subject {
				t.Errorf("subject = %q, want %q", m.Subject, c.subject)
			}
			if m.From != Sender || m.MessageID == "" {
				t.Errorf("from = %q, message id = %q", m.From, m.MessageID)
			}
			checkReservation(t, c, m.Reservation)
		})
	}
}

func checkReservation(t *testing.T, c parseCase, got *Reservation) {
	t.Helper()
	if c.kind == KindIgnore || c.kind == KindUnknown {
		if got != nil {
			t.Fatalf("reservation = %+v, want none", got)
		}
		return
	}
	r := base()
	if c.res != nil {
		c.res(&r)
	}
	want := wantOf(r)
	if c.want != nil {
		c.want(want)
	}
	if got == nil {
		t.Fatal("no reservation")
	}
	if !got.Start.Equal(want.Start) || !got.ReceivedAt.Equal(want.ReceivedAt) {
		t.Errorf("start %v received %v, want %v %v", got.Start, got.ReceivedAt, want.Start, want.ReceivedAt)
	}
	got2, want2 := *got, *want
	got2.Start, want2.Start, got2.ReceivedAt, want2.ReceivedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got2, want2) {
		t.Errorf("reservation\n got %+v\nwant %+v", got2, want2)
	}
}

// checkErr asserts the error's type, and its fields when the wanted value has any.
func checkErr(t *testing.T, err, want error) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %T", want)
	}
	switch w := want.(type) {
	case ErrNotSalonBoard:
		var e ErrNotSalonBoard
		if !errors.As(err, &e) || w.From != "" && e != w {
			t.Fatalf("err = %v, want %v", err, w)
		}
	case ErrMissingField:
		var e ErrMissingField
		if !errors.As(err, &e) || e != w {
			t.Fatalf("err = %v, want %v", err, w)
		}
	case ErrInvalidField:
		var e ErrInvalidField
		if !errors.As(err, &e) || e != w {
			t.Fatalf("err = %v, want %v", err, w)
		}
	case ErrMalformed:
		var e ErrMalformed
		if !errors.As(err, &e) {
			t.Fatalf("err = %v, want ErrMalformed", err)
		}
	default:
		t.Fatalf("unexpected wanted error %T", want)
	}
}

// TestParseKeepsLocation reads dates in the location the caller gives.
func TestParseKeepsLocation(t *testing.T) {
	loc := time.FixedZone("X", -5*3600)
	m, err := ParseWith(parseCases()[0].message(t), loc)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 12, 5, 14, 30, 0, 0, loc)
	if !m.Reservation.Start.Equal(want) || m.Reservation.Start.Location() != loc {
		t.Fatalf("start = %v, want %v", m.Reservation.Start, want)
	}
}
