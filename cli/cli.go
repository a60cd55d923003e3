// Package cli holds SalonDesk's subcommands: export, import, sync, config, secret, backup,
// restore, doctor and smaregi. Each is a thin call of the same app use case the window uses: it
// parses its flags, opens the salon's database, calls app, prints, and returns the exit
// status (0 done, 1 failed or something is wrong, 2 bad usage).
package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"salondesk/app"
	"salondesk/app/demo"
	"salondesk/data"
)

// Options are the global flags every command and the window share.
type Options struct {
	DataDir string // --data; "" = the OS user config directory + SalonDesk
	Demo    bool   // --demo: the demo salon, in DIR/demo
	Version string // the build's version
	Stdin   io.Reader
}

// Usage is the text `salondesk --help` starts with: every command.
const Usage = `SalonDesk %s

使い方:
  salondesk [--data DIR] [--demo] [--screen NAME]     アプリを起動します
  salondesk [--data DIR] [--demo] export reservations [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format json|csv]
  salondesk [--data DIR] [--demo] export customers [--format json|csv] [--encoding utf8|sjis]
  salondesk [--data DIR] [--demo] export notifications [--format json|csv]
  salondesk [--data DIR] [--demo] export contracts [--format json|csv] [--encoding utf8|sjis]
  salondesk [--data DIR] [--demo] export payments [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format json|csv] [--encoding utf8|sjis]
  salondesk [--data DIR] [--demo] export staff|equipment|categories|menus|coupons|plans|products [--format csv|json] [--encoding utf8|sjis]
  salondesk [--data DIR] import customers FILE [--dry-run] [--good-rows-only]
  salondesk [--data DIR] import staff|equipment|categories|menus|coupons|plans|products FILE [--dry-run]
  salondesk [--data DIR] sync --once [--timeout 5m]   SALON BOARDとスマレジと1回同期します
  salondesk [--data DIR] sync --watch                 画面なしで同期を続けます（Ctrl+Cで終了）
  salondesk [--data DIR] smaregi send-imported        取り込んだお客様をスマレジへ一括反映します
  salondesk [--data DIR] smaregi token issue [--label MEMO] | token list | token revoke ID   IDコード
  salondesk [--data DIR] smaregi url                  スマレジAPI 送信URL を表示します
  salondesk [--data DIR] config list | get KEY | set KEY VALUE   設定（パスワード以外）
  salondesk [--data DIR] secret set KEY               パスワード等を標準入力からキーチェーンへ
  salondesk [--data DIR] backup FILE | restore FILE   バックアップ・復元
  salondesk [--data DIR] doctor                       データベース・キーチェーン・接続を点検します
  salondesk version

画面 (--screen): %s

オプション:
`

// Run runs the command name with its arguments; known is false for a name that is no
// command (the caller prints the usage).
func Run(o Options, name string, args []string, stdout, stderr io.Writer) (code int, known bool) {
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	switch name {
	case "version":
		fmt.Fprintf(stdout, "SalonDesk %s\n", o.Version)
		return 0, true
	case "export":
		return runExport(o, args, stdout, stderr), true
	case "import":
		if isMasterKind(args) {
			return runImportMasters(o, args, stdout, stderr), true
		}
		return runImport(o, args, stdout, stderr), true
	case "config":
		return runConfig(o, args, stdout, stderr), true
	case "secret":
		return runSecret(o, args, o.Stdin, stdout, stderr), true
	case "backup":
		return runBackup(o, args, stdout, stderr), true
	case "restore":
		return runRestore(o, args, stdout, stderr), true
	case "doctor":
		return runDoctor(o, args, stdout, stderr), true
	case "sync":
		return runSync(o, args, stdout, stderr), true
	case "smaregi":
		return runSmaregi(o, args, stdout, stderr), true
	}
	return 2, false
}

// Dir is the data directory: DIR, or DIR/demo with --demo.
func (o Options) Dir() (string, error) {
	dir := o.DataDir
	if dir == "" {
		cfg, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("データディレクトリが決められません（--data で指定してください）: %w", err)
		}
		dir = filepath.Join(cfg, "SalonDesk")
	}
	if o.Demo {
		dir = filepath.Join(dir, "demo")
	}
	return dir, nil
}

// DBPath is the salon's database file in the data directory dir.
func DBPath(dir string) string { return filepath.Join(dir, "salondesk.db") }

// OpenStore opens the salon's database (creating the data directory), or the demo's,
// which is seeded afresh each day.
func (o Options) OpenStore(now time.Time) (*data.Store, error) {
	dir, err := o.Dir()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("データディレクトリを作れません: %w", err)
	}
	if o.Demo {
		return demo.Open(DBPath(dir), now)
	}
	return data.Open(DBPath(dir))
}

// openApp opens the store (OpenStore) and the app on it; closeStore closes the store.
func (o Options) openApp(now time.Time) (a *app.App, closeStore func() error, err error) {
	store, err := o.OpenStore(now)
	if err != nil {
		return nil, nil, err
	}
	return app.New(store, app.WithVersion(o.Version)), store.Close, nil
}
