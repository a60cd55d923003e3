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
// but demo data) and seeded again.
func Open(path string, now time.Time) (*data.Store, error) {
	ctx := context.Background()
	s, err := data.Open(path)
	if err != nil {
		return nil, err
	}
	today := data.FormatDay(now)
	if seeded, _ := s.Setting(ctx, keyDemoSeededOn, ""); seeded == today {
		return s, nil
	}
	s.Close()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	if s, err = data.Open(path); err != nil {
		return nil, err
	}
	if err := Seed(ctx, s, now); err != nil {
		s.Close()
		return nil, fmt.Errorf("デモデータを作れませんでした: %w", err)
	}
	err = s.Tx(ctx, func(tx *sql.Tx) error { return data.SetSetting(ctx, tx, keyDemoSeededOn, today) })
	return s, err
}
