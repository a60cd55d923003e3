// SalonDesk: the front-desk app of a Japanese beauty salon. main parses flags and
// subcommands, opens the salon's database, builds app.App and hands it to the UI or a
// CLI command.
package main

import (
	_ "desk.local/localeenv" // before Fyne reads the locale: LANG=C.UTF-8 falls back to Japanese silently

	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"time"

	"salondesk/app"
	"salondesk/app/demo"
	"salondesk/app/export"
	"salondesk/assets"
	"salondesk/data"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

const usage = `SalonDesk %s

使い方:
  salondesk [--data DIR] [--demo] [--screen NAME]     アプリを起動します
  salondesk [--data DIR] [--demo] export reservations --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv]
  salondesk [--data DIR] [--demo] export customers [--format json|csv]
  salondesk [--data DIR] [--demo] export notifications [--format json|csv]
  salondesk [--data DIR] sync --once                  SALON BOARDと1回同期します
  salondesk [--data DIR] config get|set KEY [VALUE]    設定（パスワード以外）
  salondesk [--data DIR] secret set KEY               パスワード等を標準入力からキーチェーンへ
  salondesk [--data DIR] backup FILE | restore FILE   バックアップ・復元
  salondesk [--data DIR] doctor                       データベース・キーチェーン・接続を点検します
  salondesk version

オプション:
`

func main() {
	log.SetFlags(log.LstdFlags)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	dataDir string
	demo    bool
	screen  string
}

func run(args []string, stdout, stderr io.Writer) int {
	_ = assets.UseLanguage(assets.LangJapanese)
	fs := flag.NewFlagSet("salondesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.dataDir, "data", "", "データを置くディレクトリ（既定: OSのユーザー設定ディレクトリ/SalonDesk）")
	fs.BoolVar(&o.demo, "demo", false, "デモ用のサロン（別のデータベース）で起動します")
	fs.StringVar(&o.screen, "screen", "", "最初に開く画面: home, schedule, reservations, notifications")
	fs.Usage = func() {
		fmt.Fprintf(stderr, usage, version)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	rest := fs.Args()
	if len(rest) > 0 {
		switch rest[0] {
		case "version":
			fmt.Fprintf(stdout, "SalonDesk %s\n", version)
			return 0
		case "export":
			return runExport(o, rest[1:], stdout, stderr)
		case "config":
			return runConfig(o, rest[1:], stdout, stderr)
		case "secret":
			return runSecret(o, rest[1:], os.Stdin, stdout, stderr)
		case "backup":
			return runBackup(o, rest[1:], stdout, stderr)
		case "restore":
			return runRestore(o, rest[1:], stdout, stderr)
		case "doctor":
			return runDoctor(o, rest[1:], stdout, stderr)
		case "sync":
			return runSync(o, rest[1:], stdout, stderr)
		default:
			fmt.Fprintf(stderr, "不明なコマンドです: %s\n", rest[0])
			fs.Usage()
			return 2
		}
	}
	return runGUI(o, stderr)
}

// openStore opens the salon's database: DIR/salondesk.db, or DIR/demo/salondesk.db for
// the demo, which is seeded afresh each day so that "today" always has reservations.
func openStore(o options, now time.Time) (*data.Store, error) {
	dir, err := dataDir(o)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("データディレクトリを作れません: %w", err)
	}
	path := filepath.Join(dir, "salondesk.db")
	if !o.demo {
		return data.Open(path)
	}
	return openDemo(path, now)
}

const keyDemoSeededOn = "demo.seeded_on"

func openDemo(path string, now time.Time) (*data.Store, error) {
	ctx := context.Background()
	s, err := data.Open(path)
	if err != nil {
		return nil, err
	}
	today := data.FormatDay(now)
	if seeded, _ := s.Setting(ctx, keyDemoSeededOn, ""); seeded == today {
		return s, nil
	}
	// A demo from another day: start again (it holds nothing but demo data).
	s.Close()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	if s, err = data.Open(path); err != nil {
		return nil, err
	}
	if err := demo.Seed(ctx, s, now); err != nil {
		s.Close()
		return nil, fmt.Errorf("デモデータを作れませんでした: %w", err)
	}
	err = s.Tx(ctx, func(tx *sql.Tx) error { return data.SetSetting(ctx, tx, keyDemoSeededOn, today) })
	return s, err
}

func runExport(o options, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "reservations" && args[0] != "customers" && args[0] != "notifications") {
		fmt.Fprintln(stderr, "使い方: salondesk export reservations|customers|notifications [--from YYYY-MM-DD --to YYYY-MM-DD] [--format json|csv]")
		return 2
	}
	what := args[0]
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "開始日 YYYY-MM-DD（予約のみ、既定: 今日）")
	to := fs.String("to", "", "終了日 YYYY-MM-DD（その日を含む、既定: 開始日の30日後）")
	format := fs.String("format", "json", "json または csv")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	now := time.Now()
	store, err := openStore(o, now)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer store.Close()
	a := app.New(store, app.WithVersion(version))
	ctx := context.Background()
	switch what {
	case "customers":
		err = export.Customers(ctx, a, *format, stdout)
	case "notifications":
		err = export.Notifications(ctx, a, *format, stdout)
	default:
		var f, t time.Time
		if f, t, err = exportRange(*from, *to, now); err == nil {
			err = export.Reservations(ctx, a, f, t, *format, stdout)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// exportRange turns --from/--to (inclusive days) into [from, to+1day).
func exportRange(from, to string, now time.Time) (time.Time, time.Time, error) {
	parse := func(s string) (time.Time, error) {
		t, err := time.ParseInLocation(data.DayLayout, s, time.Local)
		if err != nil {
			return t, fmt.Errorf("日付はYYYY-MM-DDの形式で指定してください: %q", s)
		}
		return t, nil
	}
	f := data.DayStart(now)
	if from != "" {
		var err error
		if f, err = parse(from); err != nil {
			return f, f, err
		}
	}
	t := f.AddDate(0, 0, 30)
	if to != "" {
		var err error
		if t, err = parse(to); err != nil {
			return f, t, err
		}
	}
	if t.Before(f) {
		return f, t, fmt.Errorf("終了日が開始日より前です")
	}
	return f, t.AddDate(0, 0, 1), nil
}
