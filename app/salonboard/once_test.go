package salonboard_test

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/mail/mailtest"
	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/mailbox/imaptest"
)

// countingQuerier counts the queries that read each master table.
type countingQuerier struct {
	data.Querier
	mu    *sync.Mutex
	reads map[string]int
}

func (q countingQuerier) note(query string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, table := range []string{"staff", "menus", "coupons", "name_aliases"} {
		if strings.Contains(query, "FROM "+table+" ") || strings.Contains(query, "FROM "+table+"\n") ||
			strings.HasSuffix(strings.TrimSpace(query), "FROM "+table) {
			q.reads[table]++
		}
	}
}

func (q countingQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q.note(query)
	return q.Querier.QueryContext(ctx, query, args...)
}

func (q countingQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	q.note(query)
	return q.Querier.QueryRowContext(ctx, query, args...)
}

// Applying one mail reads staff, menus, coupons and aliases at most once each, inside its
// transaction (before, staff, menus and coupons were read twice).
func TestApplyMailReadsMastersOnce(t *testing.T) {
	mu := &sync.Mutex{}
	reads := map[string]int{}
	f := newFixture(t, app.WithQuerier(func(q data.Querier) data.Querier {
		return countingQuerier{Querier: q, mu: mu, reads: reads}
	}))
	for i, coupon := range []string{"知らないクーポン", "カット＋ケアカラー ¥9,900"} {
		raw := mailtest.MustEncode("予約連絡", mailtest.Body(mailtest.Reservation{Number: "BE5555555" + string(rune('0'+i)),
			Start: datatest.At("2026-11-21", "10:00"), NameKanji: "山田 花子", NameKana: "ヤマダ ハナコ", Staff: "佐藤",
			Coupon: coupon}), mailtest.Options{})
		mu.Lock()
		clear(reads)
		mu.Unlock()
		res, err := f.sb.ApplyMail(f.ctx, raw, "")
		if err != nil || res.Apply.Outcome == "" {
			t.Fatalf("mail %d: %+v %v", i, res, err)
		}
		mu.Lock()
		for _, table := range []string{"staff", "menus", "coupons", "name_aliases"} {
			if reads[table] > 1 {
				t.Errorf("mail %d (%s): %s read %d times", i, res.Apply.Outcome, table, reads[table])
			}
		}
		if reads["staff"] == 0 || reads["coupons"] == 0 {
			t.Errorf("mail %d: the counter saw no master reads (%v): it counts nothing", i, reads)
		}
		mu.Unlock()
	}
}

// Read to the end once, as sync --once does: every mail is applied, and the mailbox
// position is saved after each mail, not only at the end (a run cut in the middle does
// not read the first mails again).
func TestReadMailOnceSavesTheCursorAfterEachMail(t *testing.T) {
	f := newFixture(t)
	box := imaptest.Memory(t, imaptest.MemoryOptions{})
	var uids []uint32
	for i, n := range []string{"BE60000001", "BE60000002", "BE60000003"} {
		uids = append(uids, box.Append(t, mailtest.MustEncode("予約連絡", mailtest.Body(mailtest.Reservation{Number: n,
			Start: datatest.At("2026-11-21", []string{"10:00", "11:00", "12:00"}[i]), NameKanji: "山田 花子",
			NameKana: "ヤマダ ハナコ", Coupon: "[全員]知らないクーポン"}), mailtest.Options{})))
	}
	// While a mail's changes are published (after its commit, before the reader moves on),
	// the saved position must already be the previous mail's.
	var mu sync.Mutex
	var seen []uint32
	f.app.Events().Subscribe(func(e app.Event) {
		if _, ok := e.(app.ReservationsChanged); ok {
			mu.Lock()
			seen = append(seen, f.sb.MailCursor(context.Background()).LastUID)
			mu.Unlock()
		}
	})
	s := f.sb.NewSync(salonboard.Config{Mailbox: &mailbox.Config{Host: box.Host, Port: box.Port, User: box.User,
		Password: box.Password, TLS: mailbox.NoTLS}}, nil)
	n, err := s.ReadMailOnce(f.ctx)
	if err != nil || n != 3 {
		t.Fatalf("read %d mails: %v", n, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 3 || seen[0] != 0 || seen[1] != uids[0] || seen[2] != uids[1] {
		t.Fatalf("positions while applying %v, want [0 %d %d]", seen, uids[0], uids[1])
	}
	if c := f.sb.MailCursor(f.ctx); c.LastUID != uids[2] {
		t.Fatalf("position after the run %+v, want UID %d", c, uids[2])
	}
	if f.count(t, "reservations") != 3 {
		t.Fatalf("%d reservations, want 3", f.count(t, "reservations"))
	}
}
