package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"salondesk/data"
	"salondesk/data/datatest"
)

// ActiveOverlapping finds what holds any part of a window, a reservation that started
// the evening before and runs past midnight included, and leaves out what ended before
// it, what starts after it and cancellations.
func TestActiveOverlappingBoundsTheWindow(t *testing.T) {
	s := datatest.NewStore(t)
	ctx := context.Background()
	day := time.Date(2026, 12, 8, 0, 0, 0, 0, time.Local)
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	for i, r := range []struct {
		start, end time.Time
		status     string
	}{
		{at(-2, 0), at(1, 30), "waiting"},   // 1: from 22:00 the day before, past the window's start
		{at(-30, 0), at(-29, 0), "waiting"}, // 2: two days before: never overlaps
		{at(0, 30), at(1, 0), "waiting"},    // 3: ends as the window starts
		{at(1, 0), at(2, 0), "waiting"},     // 4: inside
		{at(1, 30), at(1, 30), "waiting"},   // 5: a zero-minute reservation at the window's start
		{at(1, 15), at(1, 45), "cancelled"}, // 6: cancelled
		{at(3, 0), at(4, 0), "waiting"},     // 7: after
	} {
		err := s.Tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO reservations (id, number, received_at, start_at, end_at,
			customer_name, customer_kana, route, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 'テスト', 'テスト', 'phone', ?, ?, ?)`, i+1, i+1, data.FormatTime(day),
				data.FormatTime(r.start), data.FormatTime(r.end), r.status, data.FormatTime(day), data.FormatTime(day))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	occ, err := data.ActiveOverlapping(ctx, s.Reader(), at(1, 0), at(2, 0), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := occupantIDs(occ); got != "[1 4 5]" {
		t.Fatalf("occupants %s, want [1 4 5]", got)
	}
	// From 1:30 the one from the evening before has ended; the zero-minute one starts then.
	occ, err = data.ActiveOverlapping(ctx, s.Reader(), at(1, 30), at(2, 0), 0)
	if got := occupantIDs(occ); err != nil || got != "[4 5]" {
		t.Fatalf("occupants at 1:30 %s (%v), want [4 5]", got, err)
	}
}

func occupantIDs(occ []data.Occupant) string {
	var ids []int64
	for _, o := range occ {
		ids = append(ids, o.ID)
	}
	return fmt.Sprint(ids)
}
