package cli

// The support commands: config, secret, backup, restore and doctor. Each returns the
// process's exit status: 0 done, 1 failed or something is wrong, 2 bad usage.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/backup"
	"salondesk/app/instance"
	"salondesk/app/secrets"
	"salondesk/app/settings"
)

func cliUsage(w io.Writer, key, fallback string) int {
	fmt.Fprintln(w, lang.X(key, fallback))
	return 2
}

// runConfig is `salondesk config get KEY`, `config set KEY VALUE` and `config list`:
// the non-secret settings, validated like the 設定 screen does.
func runConfig(o Options, args []string, stdout, stderr io.Writer) int {
	const usageKey, usageText = "settings.cli.config_usage", "使い方: salondesk config list | get KEY | set KEY VALUE"
	if len(args) == 0 {
		return cliUsage(stderr, usageKey, usageText)
	}
	switch {
	case args[0] == "list" && len(args) == 1:
	case args[0] == "get" && len(args) == 2, args[0] == "set" && len(args) == 3:
		if secrets.IsKey(args[1]) {
			fmt.Fprintln(stderr, lang.X("settings.cli.config_secret",
				"{{.Key}} はパスワード・トークンなので config では扱えません（データベースには保存しません）。salondesk secret set {{.Key}} を使ってください。",
				map[string]any{"Key": args[1]}))
			return 2
		}
	default:
		return cliUsage(stderr, usageKey, usageText)
	}
	store, err := o.OpenStore(time.Now())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer store.Close()
	conf := settings.New(app.New(store, app.WithVersion(o.Version)))
	ctx := context.Background()
	switch args[0] {
	case "list":
		for _, k := range settings.Keys() {
			v, err := conf.Get(ctx, k)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
			fmt.Fprintf(stdout, "%s=%s\n", k, v)
		}
		return 0
	case "get":
		v, err := conf.Get(ctx, args[1])
		if err != nil {
			fmt.Fprintln(stderr, err)
			return configErrCode(err)
		}
		fmt.Fprintln(stdout, v)
		return 0
	}
	if err := conf.Set(ctx, args[1], args[2]); err != nil {
		fmt.Fprintln(stderr, err)
		return configErrCode(err)
	}
	fmt.Fprintln(stdout, lang.X("settings.cli.config_saved", "保存しました: {{.Key}}", map[string]any{"Key": args[1]}))
	return 0
}

func configErrCode(err error) int {
	if app.ErrorKey(err) == "settings.error.unknown_key" {
		return 2
	}
	return 1
}

// runSecret is `salondesk secret set KEY` (the value from standard input, never
// echoed), `secret delete KEY` and `secret list` (which secrets are stored, no values).
func runSecret(o Options, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	const usageKey, usageText = "settings.cli.secret_usage", "使い方: salondesk secret list | set KEY | delete KEY（値は標準入力から読みます）"
	st := secrets.New()
	switch {
	case len(args) == 1 && args[0] == "list":
		for _, k := range secrets.Keys {
			ok, err := st.Has(k)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
			state := lang.X("settings.secret.not_stored", "未設定")
			if ok {
				state = lang.X("settings.secret.stored", "設定済み")
			}
			fmt.Fprintf(stdout, "%s: %s\n", k, state)
		}
		return 0
	case len(args) != 2 || (args[0] != "set" && args[0] != "delete"):
		return cliUsage(stderr, usageKey, usageText)
	case !secrets.IsKey(args[1]):
		fmt.Fprintln(stderr, lang.X("settings.cli.secret_unknown", "{{.Key}} は保存できる項目ではありません。使える項目: {{.Keys}}",
			map[string]any{"Key": args[1], "Keys": fmt.Sprint(secrets.Keys)}))
		return 2
	}
	key := args[1]
	if args[0] == "delete" {
		if err := st.Delete(key); err != nil && !errors.Is(err, secrets.ErrNotFound) {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintln(stdout, lang.X("settings.cli.secret_deleted", "削除しました: {{.Key}}", map[string]any{"Key": key}))
		return 0
	}
	value, err := secrets.ReadValue(stdin, stderr)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := st.Set(key, value); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintln(stdout, lang.X("settings.cli.secret_saved", "キーチェーンに保存しました: {{.Key}}", map[string]any{"Key": key}))
	return 0
}

// runBackup is `salondesk backup FILE`: a consistent copy of the database, also while
// the app runs.
func runBackup(o Options, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return cliUsage(stderr, "settings.cli.backup_usage", "使い方: salondesk backup FILE")
	}
	dir, err := o.Dir()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	dest := args[0]
	if _, err := os.Stat(dest); err == nil {
		fmt.Fprintln(stderr, lang.X("settings.cli.backup_exists", "{{.Path}} は既にあります。別のファイル名を指定してください。", map[string]any{"Path": dest}))
		return 1
	}
	db := DBPath(dir)
	if _, err := os.Stat(db); err != nil {
		fmt.Fprintln(stderr, lang.X("settings.cli.no_database", "データベースがありません: {{.Path}}", map[string]any{"Path": db}))
		return 1
	}
	if err := backup.Copy(context.Background(), db, dest); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintln(stdout, lang.X("settings.cli.backup_done", "バックアップしました: {{.Path}}", map[string]any{"Path": dest}))
	return 0
}

// runRestore is `salondesk restore FILE`: the copy is checked, the current database is
// kept as a backup, and the copy takes its place. The app must not be running.
func runRestore(o Options, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return cliUsage(stderr, "settings.cli.restore_usage", "使い方: salondesk restore FILE")
	}
	dir, err := o.Dir()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	// Holding the instance lock keeps the app from starting while the file is replaced.
	in, err := instance.Acquire(dir, nil)
	if err != nil {
		if errors.Is(err, instance.ErrAlreadyRunning) || errors.Is(err, instance.ErrNotAnswering) {
			fmt.Fprintln(stderr, lang.X("settings.cli.app_running", "SalonDesk が起動しています。アプリを終了してから、もう一度実行してください。"))
		} else {
			fmt.Fprintln(stderr, err)
		}
		return 1
	}
	defer in.Close()
	ctx := context.Background()
	db := DBPath(dir)
	if err := backup.Stage(ctx, args[0], db); err != nil {
		fmt.Fprintln(stderr, lang.X("settings.cli.restore_refused", "このファイルからは復元できません: {{.Reason}}", map[string]any{"Reason": err.Error()}))
		return 1
	}
	now := time.Now()
	if _, err := backup.ApplyPending(db, backup.Dir(dir), now); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintln(stdout, lang.X("settings.cli.restored", "復元しました。置き換える前のデータは {{.Dir}} に保存してあります。",
		map[string]any{"Dir": backup.Dir(dir)}))
	return 0
}
