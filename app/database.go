package app

import (
	"context"
	"database/sql"

	"salondesk/data"
)

// The few things about the database itself that screens and app's subpackages need
// (システム情報, backups, settings), so that no one outside app holds the store.

// DatabasePath is the database file (backups copy it, restore replaces it, prints go
// beside it).
func (a *App) DatabasePath() string { return a.store.Path() }

// SchemaVersion is the database's version, as システム情報 shows it to support.
func (a *App) SchemaVersion() (int, error) { return a.store.SchemaVersion() }

// SaveSettings writes raw settings in one transaction; the caller has checked them and
// publishes its own change event.
func (a *App) SaveSettings(ctx context.Context, kv map[string]string) error {
	return a.store.Tx(ctx, func(tx *sql.Tx) error {
		for k, v := range kv {
			if err := data.SetSetting(ctx, tx, k, v); err != nil {
				return err
			}
		}
		return nil
	})
}
