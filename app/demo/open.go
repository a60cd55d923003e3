package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"

	"salondesk/data"
)

const keyDemoSeededOn = "demo.seeded_on"

// Open opens the demo salon's database at path, seeded afresh each day so that "today"
// always has reservations: a database seeded on another day is removed (it holds nothing
// but demo data) and seeded again. The CLI uses it; the window uses Begin, so that it
// can show itself before the salon is seeded.
func Open(path string, now time.Time) (*data.Store, error) {
	s, seed, err := Begin(path, now)
	if err != nil {
		return nil, err
	}
	if seed != nil {
		if err := seed(context.Background()); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// Begin opens the demo salon's database at path and returns what is left to do before
// it is today's demo: seed is nil when it already is; otherwise the database has just
// been emptied (removed and created again, which is quick) and seed fills it (a few
// seconds) and marks it seeded today. seed runs on any goroutine; the store can be
// read meanwhile (an empty salon). A seed cut short by ctx leaves a database that the
// next Begin empties again.
func Begin(path string, now time.Time) (s *data.Store, seed func(ctx context.Context) error, err error) {
	ctx := context.Background()
	if s, err = data.Open(path); err != nil {
		return nil, nil, err
	}
	today := data.FormatDay(now)
	if seeded, _ := s.Setting(ctx, keyDemoSeededOn, ""); seeded == today {
		return s, nil, nil
	}
	s.Close()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, nil, err
		}
	}
	if s, err = data.Open(path); err != nil {
		return nil, nil, err
	}
	return s, func(ctx context.Context) error {
		if err := Seed(ctx, s, now); err != nil {
			return fmt.Errorf("デモデータを作れませんでした: %w", err)
		}
		return s.Tx(ctx, func(tx *sql.Tx) error { return data.SetSetting(ctx, tx, keyDemoSeededOn, today) })
	}, nil
}
