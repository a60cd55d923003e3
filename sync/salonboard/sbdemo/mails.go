package sbdemo

import (
	"fmt"
	"strings"
	"time"

	"salondesk/sync/salonboard/mail/mailtest"
)

// Charsets the feed alternates between, as SALON BOARD's mails vary.
const (
	CharsetJIS  = "iso-2022-jp"
	CharsetUTF8 = "utf-8"
)

// letter is one mail ready for the mailbox.
type letter struct {
	subject, charset, messageID string
	raw                         []byte
}

// subjectFor words the subject the way SALON BOARD does for the day of the visit.
func subjectFor(kind Kind, start, now time.Time) string {
	days := daysBetween(now, start)
	switch kind {
	case KindChange:
		return "予約内容変更連絡"
	case KindCancel:
		if days == 1 {
			return "【明日】キャンセル連絡"
		}
		return "キャンセル連絡"
	}
	switch days {
	case 0:
		return "【当日】予約連絡"
	case 1:
		return "【明日】予約連絡"
	}
	return "予約連絡"
}

// daysBetween counts calendar days from a to b in a's location.
func daysBetween(a, b time.Time) int {
	b = b.In(a.Location())
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	da := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da) / (24 * time.Hour))
}

// writeMail builds the n-th mail (n decides the charset) for an outcome.
func (d *Demo) writeMail(n int, o outcome, now time.Time) (letter, error) {
	b := o.b
	l := letter{subject: subjectFor(o.kind, b.start, now), charset: CharsetJIS}
	if n%2 == 1 {
		l.charset = CharsetUTF8
	}
	l.messageID = fmt.Sprintf("sbdemo.%d.%d.%s@mail.salonboard.invalid", uint64(d.cfg.Seed)%1_000_000, n, b.number)
	r := mailtest.Reservation{
		Number:     b.number,
		Start:      b.start.In(d.cfg.Location),
		NameKanji:  b.person.kanji(),
		NameKana:   b.person.kana(),
		Menus:      b.menus,
		Coupon:     b.coupon,
		Price:      b.price,
		Points:     b.points,
		Request:    b.request,
		ReceivedAt: now,
		Cancel:     o.kind == KindCancel,
	}
	if b.staff != nil {
		r.Staff = b.staff.Name
	}
	if b.minutes > 0 {
		r.Duration = time.Duration(b.minutes) * time.Minute
	}
	body := mailtest.Body(r)
	if o.failure == FailBroken && o.kind == KindNew {
		body = truncateInStart(body, r.Start)
	}
	raw, err := mailtest.Encode(l.subject, body, mailtest.Options{
		Charset: l.charset, MessageID: l.messageID, Date: now,
	})
	if err != nil {
		return letter{}, err
	}
	l.raw = raw
	return l, nil
}

// truncateInStart cuts the body off inside the 来店日時 value, after its year
// and month, as a mail broken in transit: 予約番号 and 氏名 above it stay readable.
func truncateInStart(body string, start time.Time) string {
	full := mailtest.DateTime(start)
	i := strings.Index(body, full)
	if i < 0 {
		return body
	}
	keep := fmt.Sprintf("%d年%02d", start.Year(), start.Month())
	return body[:i+len(keep)]
}
